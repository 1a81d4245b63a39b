"""The project's own tab-separated lexicon format (see ``lexicons/README.md``).

::

    #! name: framing-loaded
    #! version: 1.0
    #! licence: MIT
    #! source: written by the framing project
    #! category pejorative: labels that disparage a person or group
    # a comment
    term	category	intensity	polarity	case
    thug	pejorative	0.8	-1
    so-called	delegitimising	0.7	-0.5
    attack*	hyperbole	0.4	-0.5
    Trump card	idiom	0.2	0	exact

``term`` and ``category`` are required; ``intensity`` (0..1, default 1),
``polarity`` (-1..1, default 0), ``case`` (``any`` or ``exact``) and ``note``
are optional columns. Lines starting with ``#`` are comments; ``#!`` lines hold
metadata.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from ._io import parse_float, read_lines
from ._model import Entry, Lexicon, LexiconError, Provenance, term_words

__all__ = ["read_tsv"]

_KNOWN = {"term", "category", "intensity", "polarity", "case", "note"}
_META = {"name", "version", "licence", "license", "source"}


def read_tsv(path: str | os.PathLike[str], errors: Literal["raise", "skip"] = "raise") -> Lexicon:
    """Read a lexicon in the project's TSV format.

    Parameters
    ----------
    path : str or path-like
    errors : {"raise", "skip"}
        ``raise`` stops at the first malformed line with a ``file:line`` error;
        ``skip`` records it in ``Lexicon.skipped`` and goes on.

    Examples
    --------
    >>> import tempfile, os, pathlib
    >>> p = os.path.join(tempfile.mkdtemp(), "mine.tsv")
    >>> text = "#! name: mine\\nterm\\tcategory\\tintensity\\nthug\\tpejorative\\t0.8\\n"
    >>> _ = pathlib.Path(p).write_text(text)
    >>> lex = read_tsv(p)
    >>> lex.name, lex.entries[0].intensity
    ('mine', 0.8)
    """
    meta: dict[str, str] = {}
    cats: dict[str, str] = {}
    header: list[str] | None = None
    entries: list[Entry] = []
    skipped: list[tuple[int, str]] = []
    for no, raw in enumerate(read_lines(path), start=1):
        line = raw.rstrip("\r\n")
        if line.startswith("#!"):
            key, sep, value = line[2:].partition(":")
            key = key.strip()
            if not sep:
                raise LexiconError("metadata line must read '#! key: value'", path, no)
            if key.startswith("category "):
                cats[key[9:].strip()] = value.strip()
            elif key in _META:
                meta["licence" if key == "license" else key] = value.strip()
            else:
                raise LexiconError(f"unknown metadata key {key!r}", path, no)
            continue
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = [c.strip().lower() for c in cells]
            bad = [c for c in header if c not in _KNOWN]
            if bad or "term" not in header or "category" not in header:
                raise LexiconError(
                    "the first row must name the columns: term, category and optionally "
                    f"intensity, polarity, case, note (got {header})",
                    path,
                    no,
                )
            continue
        try:
            entries.append(_entry(header, cells, path, no))
        except LexiconError as exc:
            if errors == "raise":
                raise
            skipped.append((no, exc.reason))
    if header is None:
        raise LexiconError("no header row (term, category, ...)", path)
    meta.setdefault("name", Path(path).stem)
    return Lexicon(entries, Provenance(**meta), cats, skipped)


def _entry(header: list[str], cells: list[str], path: str | os.PathLike[str], no: int) -> Entry:
    if len(cells) > len(header):
        raise LexiconError(f"{len(cells)} fields but the header has {len(header)}", path, no)
    row = dict(zip(header, (c.strip() for c in cells), strict=False))
    term, cat = row.get("term", ""), row.get("category", "")
    if not term or not cat:
        raise LexiconError("term and category must not be empty", path, no)
    case = row.get("case") or "any"
    if case not in ("any", "exact"):
        raise LexiconError(f"case must be 'any' or 'exact', got {case!r}", path, no)
    intensity = (
        parse_float(row["intensity"], "intensity", path, no, 0, 1) if row.get("intensity") else 1.0
    )
    polarity = (
        parse_float(row["polarity"], "polarity", path, no, -1, 1) if row.get("polarity") else 0.0
    )
    try:
        term_words(term, case == "exact")
    except ValueError as exc:
        raise LexiconError(str(exc), path, no) from None
    return Entry(term, cat, intensity, polarity, case == "exact", line=no)
