"""Univocal spans: an indirect content is cut at another attribution's cue or source."""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ._frames import Attribution

__all__: list[str] = []

_TAIL_WORDS = ("and", "but", "while", "as", "who")
_TAIL_CHARS = " \t\n,;:\u2014\u2013-"
# The tail word by its last letter, in both cases (their last letters differ, and no
# other character lower-cases to them).
_TAIL_BY_LAST = {c: w for w in _TAIL_WORDS for c in (w[-1], w[-1].upper())}


def _strip_tail(text: str, s: int, e: int) -> int:
    """End offset with trailing punctuation and dangling connectives removed."""
    while e > s:
        while e > s and text[e - 1] in _TAIL_CHARS:
            e -= 1
        w = _TAIL_BY_LAST.get(text[e - 1]) if e > s else None
        if w is None:
            return e  # (no tail word can end here)
        k = e - len(w)
        if k < s or text[k:e].lower() != w or (k > s and text[k - 1].isalnum()):
            return e
        e = k
    return e


def _resolve_overlaps(text: str, atts: list[Attribution]) -> None:
    """Cut indirect contents at another attribution's cue or source (spans stay univocal)."""
    cut = [a for a in atts if not a.direct and a.content]
    if not cut:
        return
    # (a lone attribution has no other cue or source to cut at: only the tails go)
    marks: list[tuple[int, int]] = []
    longest = 0  # (the longest mark)
    if len(atts) > 1:
        marks = [x for a in atts for x in (a.cue, a.source) if x is not None]
        marks.sort()
        for m in marks:
            longest = m[1] - m[0] if m[1] - m[0] > longest else longest
    for att in cut:
        s, e = att.content[0]
        if marks:
            own = (att.cue, att.source)
            # Marks that start more than ``longest`` before s end before it: skip them all.
            for m in marks[bisect.bisect_left(marks, (s - longest,)) :]:
                if m in own or m[1] <= s:
                    continue
                if m[0] <= s:
                    s = m[1]
                    continue
                if m[0] < e:
                    e = m[0]
                break
        e = _strip_tail(text, s, e)
        while s < e and text[s] in " ,;:":
            s += 1
        if e > s:
            att.content[0] = (s, e)
        elif att.kind == "according":
            # "According to two aides, the White House urged ...": what the aides say is
            # the other attribution (the clause stays whole)
            s, e = att.content[0]
            att.content[0] = (s, _strip_tail(text, s, e))
        else:
            att.content.clear()


def _drop_inside_reported_before(atts: list[Attribution]) -> list[Attribution]:
    """Drop attributions whose cue lies in the clause another reports before its cue.

    ``He may add to his team, he said.``: PolNeAR is univocal, the clause is what ``he
    said`` reports, so the cue ``may add`` inside it is no attribution of its own.
    """
    if len(atts) < 2:
        return atts  # (an attribution's own cue never lies in the clause it reports before it)
    spans = [
        a.content[0]
        for a in atts
        if not a.direct and a.cue is not None and a.content and a.content[0][1] <= a.cue[0]
    ]
    if not spans:
        return atts
    return [
        a for a in atts if a.direct or a.cue is None or not any(s <= a.cue[0] < e for s, e in spans)
    ]
