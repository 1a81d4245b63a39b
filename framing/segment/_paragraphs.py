"""Paragraph boundaries with offsets into the original text."""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Literal

from ._chars import char_positions

__all__ = ["ParagraphMode", "split_paragraphs"]

ParagraphMode = Literal["auto", "line", "blank"]

_NL = r"(?:\r\n|\r|\n|\u2029)[ \t\u00a0\u3000]*"
_BLOCK = re.compile(_NL + "(?:" + _NL + ")+")
# Line breaks: "\r\n" or any one of these characters.
_BREAKS = "\r\n\u2028\u2029"
_EDGE_SPACE = " \t\r\n\u00a0\u2028\u2029\u3000\ufeff\u200b"
# A block whose lines are all this short (but the last) reads as hard-wrapped prose.
_WRAP_MIN, _WRAP_MAX = 30, 100
_SENTENCE_END = frozenset('.!?:"\u201d\u2019)')


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start] in _EDGE_SPACE:
        start += 1
    while end > start and text[end - 1] in _EDGE_SPACE:
        end -= 1
    return (start, end) if start < end else None


def _lines(text: str, start: int, end: int, breaks: list[int]) -> list[tuple[int, int]]:
    """Trimmed non-blank lines of ``text[start:end]``; ``breaks`` are the offsets of the
    text's line-break characters."""
    out: list[tuple[int, int]] = []
    pos = start
    for at in breaks[bisect_left(breaks, start) : bisect_left(breaks, end)]:
        if at < pos:  # the "\n" of a "\r\n"
            continue
        span = _trim(text, pos, at)
        if span:
            out.append(span)
        pos = at + 2 if text.startswith("\r\n", at) and at + 2 <= end else at + 1
    span = _trim(text, pos, end)
    if span:
        out.append(span)
    return out


def _is_wrapped(text: str, lines: list[tuple[int, int]]) -> bool:
    """Do these lines read as one hard-wrapped paragraph?

    Yes when every line but the last is 30 to 100 characters long, would not have had
    room for the next line's first word (the line was filled), and most of them do
    not end a sentence.
    """
    if len(lines) < 2:
        return False
    lengths = [e - s for s, e in lines]
    width = max(lengths)
    if width > _WRAP_MAX or any(n < _WRAP_MIN for n in lengths[:-1]):
        return False
    ends = 0
    for (s, e), (ns, ne) in zip(lines, lines[1:], strict=False):
        first = text[ns:ne].split(None, 1)[0]
        if (e - s) + 1 + len(first) <= width:
            return False
        ends += text[e - 1] in _SENTENCE_END
    return ends * 2 < len(lines) - 1 or (len(lines) > 3 and ends * 2 <= len(lines) - 1)


def split_paragraphs(text: str, mode: ParagraphMode = "auto") -> list[tuple[int, int]]:
    """Split ``text`` into paragraphs.

    Parameters
    ----------
    text : str
        The original text.
    mode : {"auto", "line", "blank"}
        ``"line"``: every non-empty line is a paragraph. ``"blank"``: paragraphs are
        separated by blank lines (single line breaks are wraps). ``"auto"`` (default):
        blocks separated by blank lines; a block whose lines look hard-wrapped
        (30 to 100 characters each, filled to the width, mostly not ending a sentence)
        is one paragraph, any other block gives one paragraph per line.

    Returns
    -------
    list of (start, end)
        Offsets into ``text``, without surrounding white space.

    Examples
    --------
    >>> split_paragraphs("First line.\\nSecond line.\\n\\nThird.")
    [(0, 11), (12, 24), (26, 32)]
    """
    if mode not in ("auto", "line", "blank"):
        raise ValueError(f"mode must be 'auto', 'line' or 'blank', not {mode!r}")
    breaks = char_positions(text, _BREAKS)
    if mode == "line":
        return _lines(text, 0, len(text), breaks)
    blocks: list[tuple[int, int]] = []
    pos = 0
    match = _BLOCK.match
    for at in breaks:  # what _BLOCK.finditer(text) finds: a match starts at a line break
        if at >= pos and (m := match(text, at)) is not None:
            blocks.append((pos, m.start()))
            pos = m.end()
    blocks.append((pos, len(text)))
    out: list[tuple[int, int]] = []
    for start, end in blocks:
        if mode == "blank":
            span = _trim(text, start, end)
            if span:
                out.append(span)
            continue
        lines = _lines(text, start, end, breaks)
        if _is_wrapped(text, lines):
            out.append((lines[0][0], lines[-1][1]))
        else:
            out.extend(lines)
    return out
