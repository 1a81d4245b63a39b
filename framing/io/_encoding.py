"""Decoding bytes with exact error positions, and line iteration for line-based formats.

Rules: a UTF-8 byte-order mark is removed; with the default ``utf-8`` a UTF-16 byte-order mark
switches to UTF-16 (Windows "Unicode" text files). Nothing else is guessed: bytes that are not
valid in the encoding give an error naming the line and the byte position, and the caller can
declare another encoding (``latin-1``, ``cp1252`` ...).
"""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Line", "decode_bytes", "effective_encoding", "iter_lines"]

_UTF8_BOM = codecs.BOM_UTF8
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_HINT = (
    "if the file is not UTF-8, declare its encoding: encoding='latin-1' (or 'cp1252') "
    "in Python, --encoding latin-1 on the command line"
)


def effective_encoding(head: bytes, encoding: str) -> str:
    """Return the codec to use given the first bytes of a file and the requested encoding."""
    name = codecs.lookup(encoding).name
    if name == "utf-8" and head.startswith(_UTF16_BOMS):
        return "utf-16"
    return name


def _ascii_compatible(encoding: str) -> bool:
    try:
        return "\n".encode(encoding) == b"\n" and "a".encode(encoding) == b"a"
    except (UnicodeError, LookupError):
        return False


def _reason(exc: UnicodeDecodeError, encoding: str, pos: int) -> str:
    if encoding == "utf-8":
        hint = _HINT
    else:
        hint = "declare the file's encoding (encoding=... / --encoding)"
    return f"invalid {encoding} data at byte offset {pos} ({exc.reason}); {hint}"


def decode_bytes(data: bytes, encoding: str, name: str) -> tuple[str, str | None]:
    """Decode a whole file; return ``(text, error)`` with ``error = "<name>:<line>: ..."``.

    Examples
    --------
    >>> decode_bytes(b"\\xef\\xbb\\xbfHello", "utf-8", "a.txt")
    ('Hello', None)
    >>> decode_bytes(b"ok\\nbad \\xff", "utf-8", "a.txt")[1].split(" (")[0]
    'a.txt:2: invalid utf-8 data at byte offset 7'
    """
    enc = effective_encoding(data[:4], encoding)
    skip = len(_UTF8_BOM) if enc == "utf-8" and data.startswith(_UTF8_BOM) else 0
    try:
        text = data[skip:].decode(enc)
    except UnicodeDecodeError as exc:
        pos = skip + exc.start
        line = data[:pos].count(b"\n") + 1 if _ascii_compatible(enc) else 1
        return "", f"{name}:{line}: {_reason(exc, enc, pos)}"
    if text.startswith("\ufeff"):
        text = text[1:]
    return text, None


@dataclass(frozen=True)
class Line:
    """One physical line of a file.

    ``text`` keeps its line ending. When the line is not valid in the encoding, ``error`` holds
    the reason (with the absolute byte position) and ``text`` holds the line decoded with
    ``surrogateescape`` so that parsers keep their place.
    """

    number: int
    text: str
    error: str | None = None


def iter_lines(path: Path, encoding: str) -> Iterator[Line]:
    """Yield the lines of a file one at a time (never the whole file in memory)."""
    with open(path, "rb") as fh:
        head = fh.read(4)
        fh.seek(0)
        enc = effective_encoding(head, encoding)
        if not _ascii_compatible(enc):
            yield from _iter_text_lines(path, enc)
            return
        offset = 0
        for number, raw in enumerate(fh, 1):
            start = 0
            if number == 1 and enc == "utf-8" and raw.startswith(_UTF8_BOM):
                start = len(_UTF8_BOM)
            chunk = raw[start:] if start else raw
            try:
                yield Line(number, chunk.decode(enc))
            except UnicodeDecodeError as exc:
                reason = _reason(exc, enc, offset + start + exc.start)
                yield Line(number, chunk.decode(enc, "surrogateescape"), reason)
            offset += len(raw)


def _iter_text_lines(path: Path, enc: str) -> Iterator[Line]:
    """Line iteration for encodings where a newline is not the byte ``\\n`` (UTF-16/32)."""
    number = 0
    with open(path, encoding=enc, newline="") as fh:
        try:
            for number, text in enumerate(fh, 1):  # noqa: B007
                yield Line(number, text[1:] if number == 1 and text[:1] == "\ufeff" else text)
        except UnicodeDecodeError as exc:
            yield Line(number + 1, "", f"invalid {enc} data ({exc.reason}); rest of file unread")
