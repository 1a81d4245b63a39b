"""Predicates the attribution frames use on a paragraph's tokens.

Small tests of :class:`~framing.attribution._tokens._Para` tokens that
:func:`~framing.attribution._frame_cue._frame_cue` asks while it builds a frame: a cue verb in
a title-case headline, a chain of appositives before a cue, a quoted title before a cue,
an adverbial that opens a sentence, a discourse marker in the author's voice, and taking a
quotation back from an earlier cue.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from ._candidates import Candidate
from ._phrases import _LEAD, _is_name, _left_np, _sentence_bounds
from ._tokens import _CLAUSE, _END, _SUBORDINATORS, _TEMPORAL, _Para

if TYPE_CHECKING:
    from ._frames import Attribution

_HEADLINE_VERBS = frozenset(
    "says said tells told warns warned slams slammed claims claimed denies denied admits "
    "admitted vows vowed urges urged insists insisted blasts blasted accuses accused".split()
)


_MODALS = frozenset("should must can could may might will would".split())
_GO = frozenset(["go", "goes", "went", "going"])
# Prepositions that open an adjunct after a cue and its source (", in a statement").
_ADJUNCT_PREPS = frozenset("in on at during after before via through from by".split())


# The word before a cue that can open such a comment (a cheap test before the call).
_MARKER_PREV = frozenset(["worth", "without", "truth", "it"])


def _discourse_marker(p: _Para, ca: int, a: int, sid: int) -> bool:
    """The cue (tokens ``ca`` .. verb ``a``) is part of a phrase with which the author,
    not a source, comments: "it's worth noting", "it goes without saying", "truth be
    told", "it should be noted (that)". None of these is a cue in PolNeAR train.
    """
    words = p.words
    prev = words[ca - 1] if ca > 0 and p.sent[ca - 1] == sid else ""
    verb = words[a]
    if prev == "worth":
        return verb.endswith("ing")  # "worth noting / mentioning / recalling"
    if prev == "without":
        return verb == "saying" and ca > 1 and words[ca - 2] in _GO
    if prev == "truth":
        return verb == "told"  # ("be" is taken into the cue as an auxiliary)
    return prev == "it" and words[ca] in _MODALS and "be" in words[ca:a]


def _title_verb(p: _Para, c: Candidate, sid: int) -> bool:
    """An inflected speech verb in a title-case sentence ("Mayor Calls For A Recount")."""
    w = p.words[c.tok]
    if c.entry.mode not in ("speech", "writing") or w == c.entry.lemma.split()[0]:
        return False
    if w in ("states", "reports", "notes", "comments"):
        return False  # plural nouns in names ("United States", "Consumer Reports")
    a, b = _sentence_bounds(p, c.tok)
    long = [t for t in range(a, b) if len(p.words[t]) > 3 and p.words[t].isalpha()]
    return len(long) >= 4 and sum(p.is_cap(t) for t in long) >= 0.8 * len(long)


def _appositive_chain(
    p: _Para, inner: tuple[int, int], sid: int
) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """Name and appositive of ``Name, 67, a nurse in Dover, Del.,`` before a cue.

    Three to five comma-separated phrases end at ``inner``; the first is the source when
    it is a name that opens the clause (after a quotation mark, other punctuation or the
    sentence start), and the rest is its appositive.
    """
    words = p.words
    segs = [inner]
    k = inner[0] - 1
    while len(segs) < 5 and k > 0 and words[k] == "," and p.inq[k] < 0:
        seg = _left_np(p, k, sid, strict=False)
        if seg is None:
            return None
        segs.append(seg)
        k = seg[0] - 1
    if len(segs) < 3:
        return None
    if _adverbial(p, segs[-1]):
        segs.pop()  # "On Saturday, Ann Roe, 67, ...": an adverbial opens the sentence
    first = segs[-1]
    b = first[0] - 1
    if (
        len(segs) < 2
        or not _is_name(p, *first)
        or not (b < 0 or p.sent[b] != sid or words[b] in _CLAUSE)
    ):
        return None
    return first, (segs[-2][0], inner[1])


def _title_between_commas(p: _Para, qi: int) -> bool:
    """Quotation ``qi`` is a title set off by commas: one to six words, each longer than
    three letters capitalised ("Parking for the Future"), a comma on either side."""
    q = p.quotes[qi]
    a, b = bisect.bisect_left(p.starts, q.start), bisect.bisect_left(p.starts, q.end)
    words = p.words
    if not 0 < b - a <= 6 or not p.is_cap(a):
        return False
    if any(len(words[t]) > 3 and not p.is_cap(t) for t in range(a, b)):
        return False
    e = bisect.bisect_left(p.starts, q.mark_end)
    m = bisect.bisect_left(p.starts, q.mark_start)
    return e < len(words) and words[e] == "," and m > 0 and words[m - 1] == ","


def _title_before(p: _Para, qi: int, k: int, sid: int) -> bool:
    """Quotation ``qi`` before a cue is a short title and a clause follows the cue.

    ``“Fox and Friends,” Rep. Lee said the plan would fail``: one to four capitalised
    words in the quotation, and at least three words after the cue (from token ``k``)
    before the sentence ends, none quoted, that do not open with a preposition.
    """
    q = p.quotes[qi]
    a, b = bisect.bisect_left(p.starts, q.start), bisect.bisect_left(p.starts, q.end)
    inside = []  # (the word tokens: a fifth one ends the search)
    for t in range(a, b):
        if p.words[t][0].isalnum():
            if len(inside) == 4:
                return False
            inside.append(t)
    if not inside or not p.is_cap(inside[0]):
        return False
    if sum(p.is_cap(t) for t in inside) < len(inside) - 1:
        return False
    words, n = p.words, len(p.words)
    if k < n and (words[k] in _ADJUNCT_PREPS or words[k] in _SUBORDINATORS):
        # '“Go,” said the man, in a statement', '“No comment,” he said when asked': an
        # adjunct, not a clause
        return False
    m = k
    while m < n and p.sent[m] == sid and p.inq[m] < 0 and words[m] not in _END:
        m += 1
    return m - k >= 3 and (m >= n or p.sent[m] != sid or words[m] in _END)


def _adverbial(p: _Para, seg: tuple[int, int]) -> bool:
    """A phrase that opens a sentence as an adverbial ("On Saturday", "Instead", "Hours
    later"), not a name."""
    first, last = p.words[seg[0]], p.words[seg[1] - 1]
    return first in _LEAD or first.endswith("ly") or last in _TEMPORAL or last == "ago"


def _verb_next(p: _Para, i: int) -> bool:
    """A word follows token ``i`` in its sentence (``to give``, not ``to $5``)."""
    j = i + 1
    return j < len(p.words) and p.sent[j] == p.sent[i] and p.words[j].isalpha()


def _take_back(p: _Para, qi: int, used: list[bool], atts: list[Attribution], sid: int) -> None:
    """Free quotation ``qi`` when an earlier cue of the sentence took it after itself.

    ``Canova said, “No comment,” the Herald reported.``: the quotation ends right before
    ``, X reported.`` at the sentence end, the firmer frame; the earlier attribution
    keeps its cue and source.
    """
    q = p.quotes[qi]
    for att in reversed(atts):
        if qi not in att.qids:
            continue
        if (
            att.qids == (qi,)
            and att.cue is not None
            and att.cue[1] <= q.mark_start
            and p.sent[bisect.bisect_left(p.starts, att.cue[0])] == sid
        ):
            att.content.clear()
            att.qids = ()
            att.direct, att.kind = False, "indirect"
            used[qi] = False
        return
