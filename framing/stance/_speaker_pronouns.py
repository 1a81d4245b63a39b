"""First-person pronouns inside a quotation as mentions of the speaker's target."""

from __future__ import annotations

import bisect
import operator
import re
from itertools import islice

from ..segment import Doc
from ._targets import Mention

__all__ = ["speaker_pronouns"]

_START, _END = operator.itemgetter(1), operator.itemgetter(2)  # (Mention.start, .end)

#: ``\b(?:[Ww]e|[Oo]urs?|us|I|[Mm]y|[Mm]e)\b``, with the boundary before checked after
#: the first letter: each alternative starts with a literal, so the regex engine skips
#: ahead to those letters (a third of the instructions).
_FIRST_PERSON = re.compile(
    r"(?:W(?<!\wW)e|w(?<!\ww)e|O(?<!\wO)urs?|o(?<!\wo)urs?|u(?<!\wu)s|I(?<!\wI)"
    r"|M(?<!\wM)[ye]|m(?<!\wm)[ye])\b"
)


def speaker_pronouns(
    doc: Doc, mentions: list[Mention], ranges: list[tuple[int, int]]
) -> list[Mention]:
    """First-person pronouns inside a quote, as mentions of the speaker's target.

    ``mentions`` are sorted by start; look-ups bisect them so that a very long paragraph
    with many quotes stays linear.
    """
    starts = list(map(_START, mentions))
    longest = max(map(operator.sub, map(_END, mentions), starts), default=0)
    speakers: dict[tuple[int, int], str] = {}
    for row in doc.rows.get("quotes", []):
        cs, ce = row.get("content_start"), row.get("content_end")
        ss, se = row.get("source_start"), row.get("source_end")
        if None in (cs, ce, ss, se):
            continue
        for m in islice(mentions, bisect.bisect_left(starts, ss), None):
            if m.start >= se:
                break
            if m.end <= se:
                speakers[(cs, ce)] = m.target
                break
    quoted = sorted((cs, ce, k, t) for k, ((cs, ce), t) in enumerate(speakers.items()))
    widest = max((ce - cs for cs, ce, _, _ in quoted), default=0)
    out: list[Mention] = []
    text = doc.view.text if doc.view.index is None else doc.text
    for qa, qb in ranges:
        # The first quote row (in row order) whose content overlaps the range start.
        best_k, target = None, None
        for cs, ce, k, t in islice(quoted, bisect.bisect_left(quoted, (qa - widest,)), None):
            if cs >= qb:
                break
            if (cs <= qa < ce or qa <= cs < qb) and (best_k is None or k < best_k):
                best_k, target = k, t
        if target is None:
            target = nearby_speaker(doc, mentions, starts, longest, qa, qb)
        if target is None:
            continue
        pid = -1  # (looked up at the first pronoun: most quotes have none)
        for m in _FIRST_PERSON.finditer(text, qa, qb):
            if pid < 0:
                pid = doc.paragraph_of(qa)
            out.append(Mention(pid, m.start(), m.end(), target, "pronoun", True))
    return out


def nearby_speaker(
    doc: Doc, mentions: list[Mention], starts: list[int], longest: int, qa: int, qb: int
) -> str | None:
    """The author-voice mention just before (``X said, "...``) or after a quote.

    Before the quote: the mention ending nearest before it (within 60 characters), when
    no sentence or paragraph break lies between; after it: the first mention starting
    within 25 characters, when no line break lies between (the nearer of the two wins,
    the one before on a tie). A farther mention on either side is never chosen: the gap
    to it holds the nearer one's gap, so a break there too.
    """
    before: tuple[int, str] | None = None  # (distance, target)
    after: Mention | None = None
    # (islice: a slice would copy the rest of the document's mentions for every quote)
    for m in islice(mentions, bisect.bisect_left(starts, qa - 60 - longest), None):
        if m.end <= qa:
            d = qa - m.end
            if d <= 60 and (before is None or d < before[0]):
                before = (d, m.target)
        elif m.start >= qb:  # (mentions are sorted by start: the rest start later)
            if m.start - qb <= 25:
                after = m
            break
    best = None
    if before is not None:
        gap = doc.text[qa - before[0] : qa]
        if not ("." in gap or "!" in gap or "?" in gap or "\n" in gap):
            best = before
    if after is not None:
        d = after.start - qb
        if "\n" not in doc.text[qb : after.start] and (best is None or d < best[0]):
            return after.target
    return best[1] if best else None
