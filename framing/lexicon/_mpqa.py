"""MPQA subjectivity clues (``.tff``: ``key=value`` fields per line)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from ._io import read_lines
from ._model import Entry, Lexicon, LexiconError, Provenance, term_words

__all__ = ["read_tff"]

_POLARITY = {"positive": 1.0, "negative": -1.0, "neutral": 0.0, "both": 0.0}
_INTENSITY = {"strongsubj": 1.0, "weaksubj": 0.5}


def read_tff(
    path: str | os.PathLike[str],
    errors: Literal["raise", "skip"] = "raise",
    encoding: str | None = None,
) -> Lexicon:
    """Read MPQA-style subjectivity clues.

    Each line holds ``type=strongsubj|weaksubj len=1 word1=WORD pos1=POS
    stemmed1=y|n priorpolarity=positive|negative|neutral|both``. The category is
    the ``type``; intensity is 1.0 (strong) or 0.5 (weak); a stemmed clue
    (``stemmed1=y``) becomes a prefix wildcard (``abandon*``).

    Examples
    --------
    >>> import tempfile, os, pathlib
    >>> p = os.path.join(tempfile.mkdtemp(), "c.tff")
    >>> line = "type=weaksubj len=1 word1=abandon pos1=verb stemmed1=y priorpolarity=negative"
    >>> _ = pathlib.Path(p).write_text(line + "\\n")
    >>> e = read_tff(p).entries[0]
    >>> e.term, e.category, e.intensity, e.polarity
    ('abandon*', 'weaksubj', 0.5, -1.0)
    """
    entries: list[Entry] = []
    skipped: list[tuple[int, str]] = []
    for no, raw in enumerate(read_lines(path, encoding), start=1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        try:
            entries.append(_clue(raw, path, no))
        except LexiconError as exc:
            if errors == "raise":
                raise
            skipped.append((no, exc.reason))
    prov = Provenance(name=Path(path).stem, source=os.fspath(path))
    return Lexicon(entries, prov, {"strongsubj": "", "weaksubj": ""}, skipped)


def _clue(raw: str, path: str | os.PathLike[str], no: int) -> Entry:
    fields: dict[str, str] = {}
    for part in raw.split():
        key, eq, value = part.partition("=")
        if not eq:
            raise LexiconError(f"field {part!r} is not key=value", path, no)
        fields[key] = value
    for key in ("type", "word1", "priorpolarity"):
        if key not in fields:
            raise LexiconError(f"missing field {key!r}", path, no)
    if fields["type"] not in _INTENSITY:
        raise LexiconError(f"type must be strongsubj or weaksubj, got {fields['type']!r}", path, no)
    pol = fields["priorpolarity"]
    if pol not in _POLARITY:
        raise LexiconError(f"unknown priorpolarity {pol!r}", path, no)
    stemmed = fields.get("stemmed1", "n")
    if stemmed not in ("y", "n"):
        raise LexiconError(f"stemmed1 must be y or n, got {stemmed!r}", path, no)
    if fields.get("len", "1") != "1":
        raise LexiconError(f"only single-word clues are supported (len={fields['len']})", path, no)
    term = fields["word1"] + ("*" if stemmed == "y" else "")
    try:
        term_words(term)
    except ValueError as exc:
        raise LexiconError(str(exc), path, no) from None
    pos = fields.get("pos1")
    return Entry(term, fields["type"], _INTENSITY[fields["type"]], _POLARITY[pol], pos=pos, line=no)
