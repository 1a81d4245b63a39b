"""Load a lexicon from any supported file format."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Literal

from ._liwc import read_dic, read_dicx
from ._model import Lexicon, LexiconError
from ._mpqa import read_tff
from ._tsv import read_tsv
from ._wordlist import read_wordlist
from ._yaml import read_yaml

__all__ = ["FORMATS", "load_lexicon"]

Format = Literal["tsv", "yaml", "dic", "dicx", "tff", "wordlist"]
FORMATS: dict[str, str] = {
    ".tsv": "tsv",
    ".yaml": "yaml",
    ".yml": "yaml",
    ".dic": "dic",
    ".dicx": "dicx",
    ".tff": "tff",
    ".txt": "wordlist",
}


def load_lexicon(
    source: str | os.PathLike[str] | Lexicon,
    format: Format | None = None,
    *,
    errors: Literal["raise", "skip"] = "raise",
    name: str | None = None,
    **options: Any,
) -> Lexicon:
    """Read a lexicon file (or pass a :class:`Lexicon` through).

    Parameters
    ----------
    source : path or Lexicon
    format : {"tsv", "yaml", "dic", "dicx", "tff", "wordlist"}, optional
        Default: from the extension (``.tsv``, ``.yaml``/``.yml``, ``.dic``,
        ``.dicx``, ``.tff``, ``.txt`` = word list).
    errors : {"raise", "skip"}
        Stop at the first malformed line (``file:line`` in the message) or skip
        it and record it in ``Lexicon.skipped``.
    name : str, optional
        Overrides the lexicon's name in its provenance.
    **options
        Passed to the reader (``encoding``; for word lists ``category``,
        ``intensity``, ``polarity``).

    Examples
    --------
    >>> import tempfile, os, pathlib
    >>> p = os.path.join(tempfile.mkdtemp(), "mine.txt")
    >>> _ = pathlib.Path(p).write_text("disgrace\\n")
    >>> load_lexicon(p, category="condemnation").entries[0].category
    'condemnation'
    """
    if isinstance(source, Lexicon):
        return source
    path = Path(source)
    fmt = format or FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise LexiconError(
            f"unknown lexicon format {path.suffix!r}; pass format= one of "
            f"{sorted(set(FORMATS.values()))}",
            path,
        )
    if not path.is_file():
        raise LexiconError("lexicon file not found", path)
    if fmt == "tsv":
        lex = read_tsv(path, errors)
    elif fmt == "yaml":
        lex = read_yaml(path, errors)
    elif fmt == "dic":
        lex = read_dic(path, errors, **options)
    elif fmt == "dicx":
        lex = read_dicx(path, errors, **options)
    elif fmt == "tff":
        lex = read_tff(path, errors, **options)
    elif fmt == "wordlist":
        lex = read_wordlist(path, errors=errors, **options)
    else:
        raise LexiconError(f"unknown lexicon format {fmt!r}", path)
    if name is not None:
        from dataclasses import replace

        entries = [replace(e, lexicon=name) for e in lex.entries]
        lex = Lexicon(entries, replace(lex.provenance, name=name), lex.categories, lex.skipped)
    return lex
