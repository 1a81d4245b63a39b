"""LIWC dictionaries: the classic ``.dic`` format and the LIWC-22 ``.dicx`` (CSV) format.

``.dic``::

    %
    1	care.virtue
    2	care.vice
    %
    compassion	1
    harm*	2
    civil rights	3

``.dicx``: a CSV whose first row names the categories after the term column;
a cell is empty (not in the category), ``X`` (in it) or a number (a weight)::

    DicTerm,care.virtue,care.vice
    compassion,X,
    harm*,,0.8
"""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path
from typing import Literal

from ._io import read_lines
from ._model import Entry, Lexicon, LexiconError, Provenance, term_words

__all__ = ["read_dic", "read_dicx"]

Errors = Literal["raise", "skip"]


def read_dic(
    path: str | os.PathLike[str], errors: Errors = "raise", encoding: str | None = None
) -> Lexicon:
    """Read a LIWC-style ``.dic`` dictionary (category legend between ``%`` lines).

    Conditional entries such as ``like	<of>131/125`` are not supported: they are
    listed in ``Lexicon.skipped`` rather than raised.

    Examples
    --------
    >>> import tempfile, os, pathlib
    >>> p = os.path.join(tempfile.mkdtemp(), "m.dic")
    >>> _ = pathlib.Path(p).write_text("%\\n1\\tharm\\n%\\nhurt*\\t1\\n")
    >>> [(e.term, e.category) for e in read_dic(p)]
    [('hurt*', 'harm')]
    """
    lines = read_lines(path, encoding)
    cats: dict[str, str] = {}
    entries: list[Entry] = []
    skipped: list[tuple[int, str]] = []
    state = 0  # 0 before the legend, 1 inside it, 2 entries
    for no, raw in enumerate(lines, start=1):
        line = raw.strip()
        if not line:
            continue
        if line == "%":
            if state == 2:
                raise LexiconError("a third '%' line", path, no)
            state += 1
            continue
        if state == 0:
            raise LexiconError("a .dic file must start with a '%' line", path, no)
        if state == 1:
            parts = line.split(None, 1)
            if len(parts) != 2:
                raise LexiconError("a category line must read 'id<TAB>name'", path, no)
            if parts[0] in cats:
                raise LexiconError(f"category id {parts[0]} defined twice", path, no)
            cats[parts[0]] = parts[1].strip()
            continue
        try:
            entries.extend(_dic_entries(raw, cats, path, no))
        except LexiconError as exc:
            if errors == "raise" and not exc.reason.startswith("conditional"):
                raise
            skipped.append((no, exc.reason))
    if state < 2:
        raise LexiconError("the category legend is not closed by a '%' line", path)
    prov = Provenance(name=Path(path).stem, source=os.fspath(path))
    return Lexicon(entries, prov, {v: "" for v in cats.values()}, skipped)


def _dic_entries(
    raw: str, cats: dict[str, str], path: str | os.PathLike[str], no: int
) -> list[Entry]:
    if "\t" in raw:
        term, _, rest = raw.strip().partition("\t")
        ids = rest.split()
    else:
        parts = raw.split()
        term, ids = parts[0], parts[1:]
    term = term.strip()
    if not ids:
        raise LexiconError(f"entry {term!r} has no category id", path, no)
    if any(not i.isdigit() for i in ids):
        if any("<" in i or "(" in i for i in ids):
            raise LexiconError(f"conditional entry {term!r} skipped", path, no)
        raise LexiconError(f"category ids must be numbers, got {ids}", path, no)
    unknown = [i for i in ids if i not in cats]
    if unknown:
        raise LexiconError(f"unknown category id(s) {unknown}", path, no)
    try:
        term_words(term)
    except ValueError as exc:
        raise LexiconError(str(exc), path, no) from None
    return [Entry(term, cats[i], line=no) for i in dict.fromkeys(ids)]


def read_dicx(
    path: str | os.PathLike[str], errors: Errors = "raise", encoding: str | None = None
) -> Lexicon:
    """Read a LIWC-22 ``.dicx`` dictionary (CSV; ``X`` or a weight per category).

    Examples
    --------
    >>> import tempfile, os, pathlib
    >>> p = os.path.join(tempfile.mkdtemp(), "m.dicx")
    >>> _ = pathlib.Path(p).write_text("DicTerm,harm,care\\nhurt*,X,\\nhug,,0.5\\n")
    >>> [(e.term, e.category, e.intensity) for e in read_dicx(p)]
    [('hurt*', 'harm', 1.0), ('hug', 'care', 0.5)]
    """
    text = "\n".join(read_lines(path, encoding))
    reader = csv.reader(io.StringIO(text))
    try:
        header = next(reader)
    except StopIteration:
        raise LexiconError("empty .dicx file", path, 1) from None
    cats = [c.strip() for c in header[1:]]
    if not cats or any(not c for c in cats):
        raise LexiconError(
            "the header must name the term column and at least one category", path, 1
        )
    entries: list[Entry] = []
    skipped: list[tuple[int, str]] = []
    for row in reader:
        no = reader.line_num
        if not any(c.strip() for c in row):
            continue
        try:
            entries.extend(_dicx_row(row, cats, path, no))
        except LexiconError as exc:
            if errors == "raise":
                raise
            skipped.append((no, exc.reason))
    prov = Provenance(name=Path(path).stem, source=os.fspath(path))
    return Lexicon(entries, prov, {c: "" for c in cats}, skipped)


def _dicx_row(
    row: list[str], cats: list[str], path: str | os.PathLike[str], no: int
) -> list[Entry]:
    if len(row) > len(cats) + 1:
        raise LexiconError(f"{len(row)} cells but {len(cats) + 1} columns", path, no)
    term = row[0].strip()
    try:
        term_words(term)
    except ValueError as exc:
        raise LexiconError(str(exc), path, no) from None
    out = []
    for cat, cell in zip(cats, row[1:], strict=False):
        cell = cell.strip()
        if not cell:
            continue
        if cell.lower() == "x":
            weight = 1.0
        else:
            try:
                weight = float(cell)
            except ValueError:
                raise LexiconError(
                    f"cell for {cat!r} must be empty, X or a number, got {cell!r}", path, no
                ) from None
        out.append(Entry(term, cat, weight, line=no))
    if not out:
        raise LexiconError(f"term {term!r} belongs to no category", path, no)
    return out
