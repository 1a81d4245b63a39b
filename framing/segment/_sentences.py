"""Sentence boundaries (temporary minimal splitter; replaced by the rule-based one)."""

from __future__ import annotations

import re

__all__ = ["split_sentences"]

_END = re.compile(r"[.!?]+[\"'\u201d\u2019)]*\s+")


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentences of ``text[start:end]`` as ``(start, end)`` offsets into ``text``."""
    if end is None:
        end = len(text)
    out: list[tuple[int, int]] = []
    pos = start
    for m in _END.finditer(text, start, end):
        out.append((pos, m.end() - len(m.group()) + len(m.group().rstrip())))
        pos = m.end()
    if pos < end:
        out.append((pos, end))
    return out
