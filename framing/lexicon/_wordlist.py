"""Plain word lists: one term per line, ``#`` or ``;`` comments."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from ._io import read_lines
from ._model import Entry, Lexicon, LexiconError, Provenance, term_words

__all__ = ["read_wordlist"]


def read_wordlist(
    path: str | os.PathLike[str],
    category: str | None = None,
    intensity: float = 1.0,
    polarity: float = 0.0,
    errors: Literal["raise", "skip"] = "raise",
    encoding: str | None = None,
    comments: tuple[str, ...] = ("#", ";"),
) -> Lexicon:
    """Read a list of terms, one per line, all in one category.

    Parameters
    ----------
    path : str or path-like
    category : str, optional
        Category of every term (default: the file name without extension).
    intensity, polarity : float
        Given to every entry.
    errors : {"raise", "skip"}
    encoding : str, optional
        Default: UTF-8, falling back to Latin-1.
    comments : tuple of str
        Line prefixes that mark comments.

    Examples
    --------
    >>> import tempfile, os, pathlib
    >>> p = os.path.join(tempfile.mkdtemp(), "hedges.txt")
    >>> _ = pathlib.Path(p).write_text("# my hedges\\nperhaps\\nsort of\\n")
    >>> [(e.term, e.category) for e in read_wordlist(p)]
    [('perhaps', 'hedges'), ('sort of', 'hedges')]
    """
    cat = category or Path(path).stem
    entries: list[Entry] = []
    skipped: list[tuple[int, str]] = []
    for no, raw in enumerate(read_lines(path, encoding), start=1):
        term = raw.strip()
        if not term or term.startswith(comments):
            continue
        try:
            if "\t" in term:
                raise LexiconError("a word list has one term per line (found a tab)", path, no)
            try:
                term_words(term)
            except ValueError as exc:
                raise LexiconError(str(exc), path, no) from None
        except LexiconError as exc:
            if errors == "raise":
                raise
            skipped.append((no, exc.reason))
            continue
        entries.append(Entry(term, cat, intensity, polarity, line=no))
    prov = Provenance(name=Path(path).stem, source=os.fspath(path))
    return Lexicon(entries, prov, {cat: ""}, skipped)
