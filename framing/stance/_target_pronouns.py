"""Pronoun resolution for :class:`~framing.stance._targets.TargetMatcher`.

Within a paragraph, ``he/him/his/she/her/hers`` refer to the most recent person mention
(or the previous paragraph's last one) and ``it/its`` to the most recent country or
organisation mention of the same or the previous sentence, unless a capitalised word
outside any mention (a rival antecedent) lies between them.
"""

from __future__ import annotations

import bisect
import re
from itertools import chain

from ..segment import Doc, Paragraph

#: A found mention while matching: start, end (view offsets), target, kind, person.
Found = tuple[int, int, str, str, bool]

_PERSON_PRONOUNS = {"he", "him", "his", "she", "her", "hers", "himself", "herself"}
_THING_PRONOUNS = {"it", "its", "itself"}
# Matched on the lower-cased text (case-insensitive matching is several times slower);
# every pronoun starts and ends with a word character, so ``\b`` is a word boundary.
# ``\b(?:he|him|...)\b`` with the boundary before checked after the first letter, so
# that the regex engine skips ahead to h, s and i (half the instructions).
_PRONOUN_RE = re.compile(
    r"(?:h(?<!\wh)(?:imself|erself|ers|im|is|er|e)|s(?<!\ws)he|i(?<!\wi)(?:tself|ts|t))\b"
)
# A capitalised word: ``\b[A-Z][\w'-]*`` with the boundary checked after the capital,
# so that the regex engine can skip ahead to capitals (twice as fast).
_CAP_RE = re.compile(r"[A-Z](?<!\w[A-Z])[\w'-]*")
_TITLES = {
    "president",
    "prime",
    "minister",
    "mr",
    "mrs",
    "ms",
    "dr",
    "sen",
    "senator",
    "rep",
    "governor",
    "gov",
    "king",
    "queen",
    "chancellor",
    "secretary",
    "general",
    "gen",
    "chairman",
    "leader",
    "foreign",
    "vice",
    "state",
    "premier",
    "i",
}


def resolve_pronouns(
    vt: str,
    low: str,
    vs: int,
    ve: int,
    where: tuple[Paragraph, bool, Doc],
    found: list[Found],
    carry: Found | None,
) -> list[Found]:
    """``found`` (the paragraph's mentions, sorted) with the pronouns of the paragraph
    ``vt[vs:ve]`` (``low``: ``vt`` lower-cased) that refer to them, sorted; ``carry`` is
    the last person mention of the previous paragraph (``where``: the paragraph, whether
    view offsets are text offsets, the Doc)."""
    pronouns = _PRONOUN_RE.finditer(low, vs, ve)
    first = next(pronouns, None)
    if first is None:  # most paragraphs: nothing to resolve
        return found
    out = list(found)
    # ``found`` is sorted by start and its mentions do not overlap, so it is sorted by
    # end too: a pointer over it gives the latest person / thing mention ending before
    # each pronoun (pronouns come in text order), and a bisect of its starts whether an
    # offset falls inside a mention.
    starts = [f[0] for f in found]
    ptr, last_person, last_thing = 0, -1, -1
    sent_starts: list[int] | None = None
    for m in chain((first,), pronouns):  # (one scan of the paragraph)
        p = m.group()
        if p not in _PERSON_PRONOUNS and p not in _THING_PRONOUNS:
            continue
        while ptr < len(found) and found[ptr][1] <= m.start():
            if found[ptr][4]:
                last_person = ptr
            else:
                last_thing = ptr
            ptr += 1
        if p in _PERSON_PRONOUNS:
            last = found[last_person] if last_person >= 0 else carry
            if last is not None and not _names_between(
                vt, max(last[1], vs), m.start(), found, starts
            ):
                out.append((m.start(), m.end(), last[2], "pronoun", True))
        else:
            if last_thing < 0:
                continue
            last = found[last_thing]
            if sent_starts is None:
                sent_starts = _sentence_starts(*where) or [vs]
            near = _sent_index(sent_starts, m.start()) - _sent_index(sent_starts, last[0]) <= 1
            if near and not _names_between(vt, last[1], m.start(), found, starts):
                out.append((m.start(), m.end(), last[2], "pronoun", False))
    out.sort()
    return out


def _sentence_starts(para: Paragraph, same: bool, doc: Doc) -> list[int]:
    """View offsets of the starts of the paragraph's sentences."""
    if same:
        return [a for a, _ in para.sentences]
    return [to_view(doc, a) for a, _ in para.sentences]


def _names_between(vt: str, a: int, b: int, found: list[Found], starts: list[int]) -> bool:
    """Whether a capitalised word outside any mention (a rival antecedent) lies in [a, b)
    (``found``: mentions sorted by start, not overlapping; ``starts``: their starts)."""
    for m in _CAP_RE.finditer(vt, a, b):
        pos = m.start()
        i = bisect.bisect_right(starts, pos) - 1
        if i >= 0 and pos < found[i][1]:  # inside a mention (the most frequent case)
            continue
        if m.group().lower() in _TITLES or _sentence_initial(vt, pos):
            continue
        return True
    return False


def _sentence_initial(vt: str, pos: int) -> bool:
    k = pos - 1
    while k >= 0 and vt[k] in " \t\"'(":
        k -= 1
    return k < 0 or vt[k] in ".!?:\n"


def _sent_index(starts: list[int], pos: int) -> int:
    """Index of the sentence holding ``pos`` (``starts`` ascending; 0 before the first)."""
    return max(bisect.bisect_right(starts, pos) - 1, 0)


def to_view(doc: Doc, offset: int) -> int:
    """The view offset of the text offset ``offset``."""
    if doc.view.index is None:
        return offset
    return bisect.bisect_left(doc.view.index, offset)
