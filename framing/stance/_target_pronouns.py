"""Pronoun resolution for :class:`~framing.stance._targets.TargetMatcher`.

Within a paragraph, ``he/him/his/she/her/hers`` refer to the most recent person mention
(or the previous paragraph's last one) and ``it/its`` to the most recent country or
organisation mention of the same or the previous sentence, unless a capitalised word
outside any mention (a rival antecedent) lies between them.
"""

from __future__ import annotations

import bisect
import re

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
# Faster on ASCII text (most news): the same pronouns after a space in the text with
# every non-word character a space, so that the regex engine skips ahead to
# spaces and tests one letter there (a third of the instructions of ``_PRONOUN_RE``).
_SPACED_RE = re.compile(rb" (h(?:imself|erself|ers|im|is|er|e)|she|i(?:tself|ts|t))\b")
#: Every ASCII byte to itself if a regex word character, else to a space.
_SPACED = bytes(i if re.fullmatch(r"\w", chr(i)) else 32 for i in range(256))
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


def spaced_text(low: str) -> bytes:
    """``low`` (a lower-cased text) as ASCII bytes with every non-word character a space,
    after one more space (offset k of ``low`` is k + 1 here), for :func:`find_pronouns`;
    empty when ``low`` is not ASCII (the pronouns are then found in ``low`` itself)."""
    return b" " + low.encode("ascii").translate(_SPACED) if low.isascii() else b""


def find_pronouns(low: str, spaced: bytes, vs: int, ve: int) -> list[tuple[int, int, str]]:
    """Start, end and text of each pronoun in ``low[vs:ve]`` (``spaced``: its
    :func:`spaced_text`); the boundary before a pronoun may lie before ``vs``."""
    if spaced:  # (the space before the pronoun: its offset in ``low``, one before it)
        found = _SPACED_RE.finditer(spaced, vs, ve + 1)
        return [(m.start(), m.end() - 1, m[1].decode()) for m in found]
    return [(m.start(), m.end(), m.group()) for m in _PRONOUN_RE.finditer(low, vs, ve)]


def resolve_pronouns(
    vt: str,
    low: str,
    spaced: bytes,
    vs: int,
    ve: int,
    where: tuple[Paragraph, bool, Doc],
    found: list[Found],
    carry: Found | None,
) -> list[Found]:
    """``found`` (the paragraph's mentions, sorted) with the pronouns of the paragraph
    ``vt[vs:ve]`` (``low``: ``vt`` lower-cased, ``spaced``: its :func:`spaced_text`)
    that refer to them, sorted; ``carry`` is the last person mention of the previous
    paragraph (``where``: the paragraph, whether view offsets are text offsets, the
    Doc)."""
    pronouns = find_pronouns(low, spaced, vs, ve)
    if not pronouns:  # most paragraphs: nothing to resolve
        return found
    out = list(found)
    # ``found`` is sorted by start and its mentions do not overlap, so it is sorted by
    # end too: a pointer over it gives the latest person / thing mention ending before
    # each pronoun (pronouns come in text order), and a bisect of its starts whether an
    # offset falls inside a mention.
    starts = [f[0] for f in found]
    ptr, last_person, last_thing = 0, -1, -1
    sent_starts: list[int] | None = None
    for ps, pe, p in pronouns:
        if p not in _PERSON_PRONOUNS and p not in _THING_PRONOUNS:
            continue
        while ptr < len(found) and found[ptr][1] <= ps:
            if found[ptr][4]:
                last_person = ptr
            else:
                last_thing = ptr
            ptr += 1
        if p in _PERSON_PRONOUNS:
            last = found[last_person] if last_person >= 0 else carry
            if last is not None and not _names_between(vt, max(last[1], vs), ps, found, starts):
                out.append((ps, pe, last[2], "pronoun", True))
        else:
            if last_thing < 0:
                continue
            last = found[last_thing]
            if sent_starts is None:
                sent_starts = _sentence_starts(*where) or [vs]
            near = _sent_index(sent_starts, ps) - _sent_index(sent_starts, last[0]) <= 1
            if near and not _names_between(vt, last[1], ps, found, starts):
                out.append((ps, pe, last[2], "pronoun", False))
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
