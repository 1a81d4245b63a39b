"""Shared helpers of the lexicon readers: text decoding and field parsing."""

from __future__ import annotations

import os
from pathlib import Path

from ._model import LexiconError

__all__ = ["parse_float", "read_lines"]


def read_lines(path: str | os.PathLike[str], encoding: str | None = None) -> list[str]:
    """Lines of a text file (any line ending: LF, CRLF or a stray CR).

    With ``encoding=None`` the file is read as UTF-8 (a BOM is dropped) and, if
    that fails, as Latin-1, which some published word lists use.
    """
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise LexiconError(f"cannot read lexicon file ({exc.strerror})", path) from None
    if encoding is not None:
        try:
            text = raw.decode(encoding)
        except (UnicodeDecodeError, LookupError) as exc:
            raise LexiconError(f"cannot decode as {encoding}: {exc}", path) from None
    else:
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = raw.decode("latin-1")
    return text.splitlines()


def parse_float(
    value: str, what: str, path: str | os.PathLike[str], line: int, lo: float, hi: float
) -> float:
    """``float(value)`` within ``[lo, hi]``, else a :class:`LexiconError` at ``path:line``."""
    try:
        x = float(value)
    except ValueError:
        raise LexiconError(f"{what} must be a number, got {value!r}", path, line) from None
    if not lo <= x <= hi:
        raise LexiconError(f"{what} must be within [{lo:g}, {hi:g}], got {value!r}", path, line)
    return x
