"""The frame of one reporting cue: the cue's extent, its source and its content.

:func:`_frame_cue` builds the attribution of a cue candidate from the paragraph's tokens
or rejects the candidate; :func:`~framing.attribution._frames.find_frames` calls it for
each candidate of a paragraph. It runs these steps in turn:

* :func:`_not_a_cue`: a name, a markup tag or the description of an anonymous source is
  no cue (``according to X`` frames are built by :func:`_frame_according`);
* :func:`_cue_start` and :func:`_cue_end`: the auxiliaries, adverbs, particles, "in a
  statement", day and colon that join the verb (a discourse marker of the author's own
  and "declined" meaning a fall reject it);
* :func:`~framing.attribution._frame_source._find_source`: the source, before the cue,
  after it in an inversion or shared with the frame before;
* :func:`~framing.attribution._frame_content._direct_content`, else
  :func:`~framing.attribution._frame_content._indirect_content`: the quotation next to
  the frame, else the clause it reports.
"""

from __future__ import annotations

import bisect
import re

from ._attribution import Attribution
from ._candidates import Candidate
from ._frame_content import _direct_content, _frame_edges, _indirect_content
from ._frame_parts import (
    _HEADLINE_VERBS,
    _MARKER_PREV,
    _discourse_marker,
    _title_verb,
    _verb_next,
)
from ._frame_source import _find_source
from ._phrases import _right_np, _sentence_bounds, _span, _trim
from ._speaker_types import _DETS, _DOCUMENT
from ._tokens import _ADDRESSING, _AUX, _BE, _CLAUSE, _DAYS, _END, _RIGHT_EXT, _TEMPORAL, _Para

# Prepositions PolNeAR annotators join to a verb cue ("talked about", "warned against"):
# on PolNeAR train, the word right after a gold verb cue is inside the cue 294 / 41 times
# and outside it 32 / 1 times ("of", "for", "on", "with": joining them lost more than it won).
_PREP_JOIN = frozenset(["about", "against"])
# Adverbs and particles right after a verb cue, inside the gold cue 6-8 times on train and
# outside it at most once each.
_ADV_JOIN = frozenset(["repeatedly", "recently", "publicly", "up", "upon"])
# The particle of a phrasal cue, joined when it follows the verb ("boasted of", "spoke
# out"). On PolNeAR train these are inside the gold cue more often than outside, and
# joining them lowered neither source nor content F1 there (cue exact +0.0006); "accused
# of", "hinted at", "agreed on", "known for" and others won cue matches but cost sources.
_PARTICLES = {"assure": "of", "boast": "of", "speak": "out", "shout": "out", "plead": "for"}
_PARTICLE_WORDS = frozenset(_PARTICLES.values())
# Every word that may join a one-word cue on its right (one set test for most cues).
_JOINING = _PREP_JOIN | _ADV_JOIN | _PARTICLE_WORDS
# The words that open a right extension of the cue ("in a statement", "on Twitter").
_IN_ON = frozenset(["in", "on"])
# Nouns ending in "-ly" that are no adverb before a cue ("the family said", "the assembly
# voted"): the word before the verb is the end of its subject.
_LY_NOUNS = frozenset(
    "family assembly supply rally anomaly monopoly belly bully jelly folly lily holly homily "
    "tally gully daily weekly monthly quarterly biweekly".split()
)
# A pronoun with a contracted auxiliary ("he’s", "we've", "they’d").
_CONTRACTED = re.compile(
    r"(he|she|it|they|we|i|you|that|who|there|what)([\u2019'](?:s|ve|re|d|ll))"
)
# Past participles of cues that are mostly adjectives before a noun ("an alleged plot").
_ADJECTIVE_PARTICIPLES = frozenset("alleged purported reported rumored rumoured supposed".split())
_DETERMINERS = (_DETS - {"that"}) | frozenset("one my your another any each every".split())
# Last words of a request for anonymity ("asked that her name not be used").
_ANONYMITY = frozenset("used published named identified printed given".split())
# Participles that follow a document noun as part of it ("a study published in ...").
_RELEASED = frozenset("published released issued conducted commissioned".split())
# Words after a participle that show it is a verb ("one alleged that", "a reported to").
_FUNCTION_AFTER = frozenset(
    "that to by in on at for from with as of and or but than if when while".split()
)
# Words after "talks" when it is a verb ("talks to reporters", "talks about the plan").
_TALKS_TO = frozenset(["to", "about", "with", "up"])
_TAG_OPEN = frozenset(["<", "</", "/"])  # ("</" may be two tokens: "/" only after "<")
# Words after "declined" when it means a fall ("declined in every state").
_FALL_NEXT = frozenset("in by from over since sharply slightly steadily steeply".split())
_DECLINE = frozenset("decline declined declines declining refuse refused refuses refusing".split())


def _frame_cue(
    p: _Para,
    c: Candidate,
    used: list[bool],
    last: Attribution | None = None,
    permissive: bool = False,
    atts: list[Attribution] | None = None,
) -> Attribution | None:
    """Attribution for one cue candidate, or None when no frame fits.

    The steps: reject what is no cue, find the cue's extent, its source, then its
    content, a quotation next to the frame or else a reported clause. ``used`` marks
    the paragraph's quotations that a frame took; ``last`` is the paragraph's frame
    before (a coordinated cue shares its source); ``permissive`` keeps cues without a
    source for the cue classifier; ``atts`` are the paragraph's attributions so far (a
    quotation that one of them took after its cue may be taken back by a cue after it:
    ``“…,” X said``).
    """
    a = c.tok
    sid = p.sent[a]
    if _not_a_cue(p, c, sid):
        return None
    lemma = c.entry.lemma
    if lemma == "according to":
        return _frame_according(p, c)
    # The cue's extent: tokens ca .. cb, ending at offset cue_end.
    ca = _cue_start(p, a, sid)
    if ca > 0 and p.words[ca - 1] in _MARKER_PREV and _discourse_marker(p, ca, a, sid):
        return None  # "it's worth noting that": the author's own comment
    right = _cue_end(p, c, sid)
    if right is None:
        return None  # "fees declined to $2 million": a fall, not a refusal
    cb, cue_end = right
    # Its source.
    head_word = lemma.split()[0]
    found = _find_source(p, c, ca, cb, head_word, last, permissive)
    if found is None:
        return None
    source, apposition, head, lead_clause = found
    att = _new_attribution(p, c, ca, cue_end, source, sid)
    att.head = head
    if apposition:
        att.appositive = _span(p, *apposition)
    # Its content.
    if lead_clause is not None:  # "Pointing to X, Putin added": X was said
        ra, rb = _trim(p, *lead_clause)
        if rb > ra:
            att.content.append(_span(p, ra, rb))
        return att
    if att.cue_class == "non_comment":
        att.kind = "non_comment"
        return att
    j, hi = _frame_edges(p, ca, cb, source, apposition)
    addressing = head_word in _ADDRESSING
    # (a paragraph without quotations has no direct content)
    if p.quotes and _direct_content(p, att, used, atts, sid, cb, j, hi, addressing):
        return att
    return _indirect_content(p, att, a, ca, cb, j, hi, addressing)


def _not_a_cue(p: _Para, c: Candidate, sid: int) -> bool:
    """The candidate is a word of something else than a reporting cue.

    A capitalised word inside a sentence is a name ("the United States", "Support
    Group") unless the sentence is a title-case headline ("Sanders Says He Will ...");
    a word after "<" names a markup tag; "(an official) who asked not to be named"
    describes a source.
    """
    words, a, b = p.words, c.tok, c.tok_end
    if (
        a > 0
        and p.text[p.starts[a]].isupper()  # (p.is_cap(a), asked of every candidate)
        and p.sent[a - 1] == sid
        and not p.is_mark(a - 1)
        and not (words[a] in _HEADLINE_VERBS and b < len(words) and p.is_cap(b))
        and not _title_verb(p, c, sid)
    ):
        return True
    if (
        a > 0
        and words[a - 1] in _TAG_OPEN
        and (words[a - 1] != "/" or a > 1 and words[a - 2] == "<")
    ):
        return True  # "<tweet/>", "</quote>"
    if (
        words[a] == "said"
        and a > 0
        and words[a - 1] == "that"
        and (a == 1 or p.sent[a - 2] != sid)
        and b < len(words)
        and words[b] == ","
    ):
        return True  # "That said, the vote is set": a connective, as "however"
    if words[a] == "talks" and (a + 1 >= len(words) or words[a + 1] not in _TALKS_TO):
        return True  # "the Marisport talks", "debt ceiling talks": negotiations
    if words[a] in _ADJECTIVE_PARTICIPLES and _before_a_noun(p, a, b, sid):
        return True  # "one alleged incident", "the reported attack": an adjective
    if words[a] in _RELEASED and a > 0 and words[a - 1] in _DOCUMENT:
        return True  # "a study published in", "a report released Tuesday": the subject's
    if (
        c.entry.lemma == "confirm"
        and 0 < a
        and b < len(words)
        and words[b] == "to"
        and words[a - 1] in _BE
    ):
        # "be confirmed to the Supreme Court": an appointment ("was confirmed as one of
        # the passengers" is a confirmation, and PolNeAR annotates it)
        return True
    if c.entry.lemma in ("ask", "request") and words[b : b + 1] == ["that"]:
        # "who asked that her last name not be used": anonymity describes the source
        after = words[b + 1 : b + 9]
        if "not" in after and not _ANONYMITY.isdisjoint(after):
            return True
    return c.entry.lemma in ("ask", "request") and words[b : b + 3] == ["not", "to", "be"]


def _before_a_noun(p: _Para, a: int, b: int, sid: int) -> bool:
    """Token ``a`` stands between a determiner or number and a lower-case word that is
    no function word ("one alleged incident"), as adjectives do ("the two suggested"
    and "that alleged" have no noun after them)."""
    words = p.words
    return (
        a > 0
        and b < len(words)
        and p.sent[b] == sid
        and (words[a - 1] in _DETERMINERS or words[a - 1].isdigit())
        and words[b].isalpha()
        and words[b] not in _FUNCTION_AFTER
        and not p.is_cap(b)
    )


def _cue_start(p: _Para, a: int, sid: int) -> int:
    """The cue's first token: up to two auxiliaries, negations or adverbs before verb
    ``a`` join it ("has not yet said", "publicly denied"), as in PolNeAR's cues.

    A word in "-ly" is an adverb only when it is lower-case, longer than four letters
    and no noun ("the family said": the subject's end). Quoted words never join.
    """
    words, sent, inq = p.words, p.sent, p.inq
    ca = a
    while (
        ca > 0
        and ca > a - 3
        and (
            words[ca - 1] in _AUX
            or (
                words[ca - 1].endswith("ly")
                and len(words[ca - 1]) > 4
                and not p.is_cap(ca - 1)
                and words[ca - 1] not in _LY_NOUNS
            )
        )
        and sent[ca - 1] == sid
        and inq[ca - 1] < 0
    ):
        if (words[ca - 1] == "both" or words[ca - 1] == "all") and (ca == 1 or sent[ca - 2] != sid):
            break  # "Both agree that ...": the subject, not an adverb ("they both agree")
        ca -= 1
    return ca


def _cue_end(p: _Para, c: Candidate, sid: int) -> tuple[int, int] | None:
    """``(cb, cue_end)``: the token after the cue and the cue's end offset, or None when
    "declined" means a fall ("fees declined to $2 million", "trade declined 40 percent").

    What PolNeAR's annotators join to the cue's right: a preposition or particle
    ("talked about", "said repeatedly"), "in a statement" / "on Twitter", a day ("said
    Tuesday (night)") and a colon ("said:"). Of "declined to comment", only the verb.
    Quoted words never join.
    """
    words, sent, inq = p.words, p.sent, p.inq
    n = len(words)
    a, b = c.tok, c.tok_end
    cb, cue_end = b, p.end(b - 1)
    if c.entry.cls == "non_comment" and words[a] in _DECLINE:
        if (
            b == a + 1
            and b < n
            and (
                words[b] == "to"
                and not _verb_next(p, b)
                or words[b] in _FALL_NEXT
                or not words[b][0].isalpha()
                and words[b] not in _END
                and words[b] != ","
            )
        ):
            return None
        cue_end, cb = p.end(a), a + 1
    elif (
        b == a + 1
        and b < n
        and words[b] in _JOINING
        and (
            # "talked about", "warned against"
            words[b] in _PREP_JOIN
            and b + 1 < n
            and c.entry.mode != "fixed"
            and words[b + 1] not in _TEMPORAL
            and not words[b + 1][:1].isdigit()
            # "said repeatedly", "talked up"
            or words[b] in _ADV_JOIN
            and c.entry.mode != "fixed"
            # "boasted of", "spoke out"
            or words[b] in _PARTICLE_WORDS
            and _PARTICLES.get(c.entry.lemma) == words[b]
            and b + 1 < n
        )
        and sent[b] == sid
        and inq[b] < 0
    ):
        cue_end, cb = p.end(b), b + 1  # (the word after a one-word cue joins it)
    # ("said in a statement": the pattern's next word is "in" or "on"; another ASCII
    # token there rules it out without a match call)
    nxt = words[cb] if cb < n else "in"
    m = _RIGHT_EXT.match(p.text, cue_end) if nxt in _IN_ON or not nxt.isascii() else None
    if m is not None:
        cue_end = m.end()
        cb = bisect.bisect_left(p.starts, cue_end)
    if cb < n and words[cb] in _DAYS and sent[cb] == sid:
        cue_end = p.end(cb)  # "said Tuesday"
        cb += 1
        if cb < n and words[cb] == "night" and sent[cb] == sid:
            cue_end = p.end(cb)  # "said Tuesday night"
            cb += 1
    if cb < n and words[cb] == ":" and inq[cb] < 0:
        cue_end = p.end(cb)  # "said:" (the colon belongs to the cue)
        cb += 1
    return cb, cue_end


def _new_attribution(
    p: _Para, c: Candidate, ca: int, cue_end: int, source: tuple[int, int] | None, sid: int
) -> Attribution:
    """The attribution of the cue from token ``ca`` to offset ``cue_end`` with its source.

    "He’s not saying": the auxiliary's clitic opens the cue and the pronoun is the
    source (PolNeAR train: 54 of 57 such cues start at the apostrophe).
    """
    att = Attribution(
        p.pid,
        (p.starts[ca], cue_end),
        c.entry.cls,
        c.entry.mode,
        _span(p, *source) if source else None,
    )
    prev = p.words[ca - 1] if ca > 0 else ""
    # (only a token with an apostrophe can be a contraction: no pattern call for others)
    if ("\u2019" in prev or "'" in prev) and p.sent[ca - 1] == sid:
        m = _CONTRACTED.fullmatch(prev)
        if m is not None:
            cut = p.starts[ca - 1] + m.start(2)
            att.cue = (cut, cue_end)
            if att.source is not None and att.source[0] < cut < att.source[1] + 1:
                att.source = (att.source[0], cut)
    return att


def _frame_according(p: _Para, c: Candidate) -> Attribution | None:
    """The frame of ``according to X``: X is the source, the rest of the sentence its
    content (the clause before the cue, or after X when the cue opens the sentence).
    None when no noun phrase follows the cue.
    """
    words = p.words
    a, b = c.tok, c.tok_end
    sid = p.sent[a]
    src = _right_np(p, b, sid, limit=16)
    if src is None:
        return None
    # Extend over "a report released Tuesday by the agency" (stops at a comma anyway).
    att = Attribution(
        p.pid,
        (p.starts[a], p.end(b - 1)),
        c.entry.cls,
        c.entry.mode,
        _span(p, *src),
        kind="according",
    )
    s0, s1 = _sentence_bounds(p, a)
    lead = s0
    while (
        lead < a
        and (words[lead] in _CLAUSE or words[lead] in ("and", "but"))
        and not p.is_mark(lead)
    ):
        lead += 1
    if lead == a:
        start = src[1]
        if start + 1 < s1 and words[start] == "," and words[start + 1] in ("who", "whose"):
            # "According to three people, who spoke on condition of anonymity, the
            # board ...": the relative clause describes the source
            close = start + 2
            while close < s1 and close < start + 30 and words[close] != ",":
                close += 1
            if close < s1:
                start = close
        ra, rb = _trim(p, start, s1)
    else:
        ra, rb = _trim(p, s0, a)
    if rb > ra:
        att.content.append(_span(p, ra, rb))
    return att
