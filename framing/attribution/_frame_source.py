"""The source of one reporting cue: who the frame says is speaking.

:func:`_find_source` is the source step of
:func:`~framing.attribution._frame_cue._frame_cue`, asked once the cue's extent
(tokens ``ca`` .. ``cb``) is known. It looks, in this order, for a noun phrase before
the cue ("Jane Doe said"), an appositive chain before it ("Jane Doe, a spokeswoman,
said"), a noun phrase after it in an inversion ("…,” said Jane Doe"), the relative
pronoun of "who said", the frame before in the sentence whose source this cue shares
("X emphasized … and said"), and the main clause's subject of ", saying". A cue that
finds none of them is rejected, unless its lexicon entry or permissive framing lets it
stand without a source.
"""

from __future__ import annotations

import bisect

from ._attribution import Attribution
from ._candidates import Candidate
from ._frame_parts import _adverbial, _appositive_chain, _title_between_commas
from ._phrases import (
    _POSSESSIVE_ENDS,
    _SUBJ_DET,
    _is_name,
    _is_possessive,
    _left_np,
    _near_subject,
    _possessor,
    _right_np,
    _sentence_bounds,
    _subject,
)
from ._tokens import (
    _APPOS_START,
    _AUX,
    _CLAUSE,
    _END,
    _NOUN_BEFORE,
    _STOP_LEFT,
    _TEMPORAL,
    _VERBISH,
    _Para,
)

_Span = tuple[int, int]  # (first token, token after the last)
# How an inverted source described by a relative clause starts ("said an official who ...").
_INDEFINITE = frozenset("a an one some several two three many another".split())
#: Words that open a prepositional phrase: such a phrase after a cue is an adjunct ("…”
#: plan at the talks on Thursday"), never an inverted source. ("by" is not one of them:
#: "was rejected by the council" names its source.)
_PREP_OPEN = frozenset("at in on for with from of to during after before into over".split())


def _find_source(
    p: _Para,
    c: Candidate,
    ca: int,
    cb: int,
    head_word: str,
    last: Attribution | None,
    permissive: bool,
) -> tuple[_Span | None, _Span | None, Attribution | None, _Span | None] | None:
    """The source of the cue, or None when the cue is rejected for want of one.

    Returns ``(source, appositive, head, lead_clause)``: the source's tokens, those of
    its appositive, the earlier frame (``last``, the paragraph's frame before) whose
    source a coordinated cue shares, and the leading participle clause that is the
    content of a cue framed without a source of its own ("Pointing to X, Putin added":
    X). ``head_word`` is the first word of the cue's lemma; ``permissive`` keeps cues
    without a source for the cue classifier to decide.
    """
    words, sent = p.words, p.sent
    sid = sent[c.tok]
    if words[c.tok] in _GIVEN_BY and cb < len(words) and words[cb] in ("among", "from"):
        # "Clinton's deep support among black voters": the voters give it (PolNeAR's source)
        given_by = _right_np(p, cb + 1, sid)
        if given_by is not None:
            return given_by, None, None, None
    if ca > 0 and words[ca - 1] in _TIME_WORDS:  # (no call for most cues)
        ca = _before_time_phrase(p, ca, sid)  # ("Rep. Lee last month joked": from "Lee")
    if ca > 0 and words[ca - 1] in _ASPECT and words[c.tok].endswith("ing"):
        # "more Republicans have begun urging …": the subject of "begun"
        ca -= 1
        while ca > 0 and sent[ca - 1] == sid and words[ca - 1] in _AUX:
            ca -= 1
    prev = words[ca - 1] if ca > 0 else ""
    source: _Span | None = None
    apposition: _Span | None = None
    if (
        ca > 0
        and sent[ca - 1] == sid
        and (prev not in _CLAUSE or prev == ")")
        and prev not in _STOP_LEFT
    ):
        # The noun phrase right before the cue; a noun cue takes its possessor
        if (
            words[c.tok] in (head_word, head_word + "s")  # a noun form: "Trump's claim(s)"
            and prev.endswith(_POSSESSIVE_ENDS)  # (no call for most cues)
        ):
            source = _possessor(p, ca, sid)
        raw = None  # (the phrase before the cue with any verb: walked once for both uses)
        if source is None:
            raw = _left_np(p, ca, sid, strict=False)
            # (the strict test of _left_np: a verb-like word makes the phrase a clause)
            source = raw if raw is not None and _VERBISH.isdisjoint(words[raw[0] : ca]) else None
        if source is None:
            # "Katie Roe, who is chair of the group said": the antecedent of "who"
            found = _antecedent(p, ca, sid, raw, permissive)
            if found is None:
                return None
            source, apposition = found
    elif prev == "," and ca > 1 and c.entry.mode != "fixed":
        source, apposition = _appositive_before(p, ca, sid)
    if source is None and (ca == 0 or prev in _CLAUSE or sent[ca - 1] != sid):
        source, apposition = _source_after(p, c, ca, cb, sid)
    if source is not None:
        return source, apposition, None, None
    # (no source found so far: no appositive either)
    return _source_elsewhere(p, c, ca, cb, prev, last, permissive)


#: Verbs of beginning and going on before a participle cue ("began talking about").
_ASPECT = frozenset(
    "begin begins began begun start starts started keep keeps kept continue continues "
    "continued stop stops stopped resume resumed".split()
)
#: Words before a participle cue whose subject is the main clause's ("after questioning
#: …", "while attacking …").
_SUBORDINATE_ING = frozenset("after before while without by since when".split())
#: Nouns of support or blame whose source follows "among" or "from".
_GIVEN_BY = frozenset(
    "support backing criticism praise opposition endorsement endorsements condemnation "
    "applause complaints".split()
)
#: Words of a time phrase between a subject and its verb ("last month", "earlier in the
#: day", "on Tuesday night"): the temporal words that join a cue, less its adverbs of
#: manner and "at", with "day" and "the"; and the words that make such a phrase one.
_TIME_WORDS = (_TEMPORAL - {"again", "also", "repeatedly", "publicly", "privately", "at"}) | {
    "day",
    "the",
}
_TIME_HEADS = _TIME_WORDS - {"last", "this", "next", "in", "on", "the"}


def _before_time_phrase(p: _Para, ca: int, sid: int) -> int:
    """Where the source search starts: before a time phrase that stands between the
    subject and the cue ("Rep. Brad Lee (D-Ore.) last month joked", "Beck, who …, last
    week said"), else at the cue. A phrase that opens the sentence ("Last week proved
    that …") or follows a participle ("Figures released last week show") is left alone."""
    words, sent = p.words, p.sent
    k = ca
    while k > 0 and words[k - 1] in _TIME_WORDS and ca - k < 4 and sent[k - 1] == sid:
        k -= 1
    if k == ca or k == 0 or sent[k - 1] != sid or _TIME_HEADS.isdisjoint(words[k:ca]):
        return ca
    if words[k - 1].endswith(("ed", "en", "wn")):
        return ca  # the phrase modifies a participle of the subject ("A survey published Monday")
    return k


def _antecedent(
    p: _Para, ca: int, sid: int, raw: _Span | None, permissive: bool
) -> tuple[_Span | None, _Span | None] | None:
    """``(source, appositive)`` when a relative clause stands between the source and
    the cue ("Katie Roe, who is chair of the group said"), the clause its appositive.

    ``raw`` is the phrase before the cue, verbs allowed (``_left_np(p, ca, sid,
    strict=False)``). None rejects the cue: there is no subject where one is needed
    (``permissive`` framing lets it pass with Nones, but not after a word that makes the
    cue a noun).
    """
    words = p.words
    if raw is None or raw[0] < 2 or words[raw[0] - 1] not in ("who", "whose"):
        if not permissive or words[ca - 1] in _NOUN_BEFORE:
            return None
        return None, None
    k = raw[0] - 2 if words[raw[0] - 2] == "," else raw[0] - 1
    source = _left_np(p, k, sid)
    if source is None:
        return (None, None) if permissive else None
    return _last_noun_phrase(words, *source), (raw[0] - 1, raw[1])


#: Words that join a noun phrase to the noun before it ("a spokeswoman for the ministry").
_NP_JOINS = frozenset("of for at on in with from by to and , about".split())


def _last_noun_phrase(words: list[str], a: int, b: int) -> _Span:
    """The last noun phrase of ``words[a:b]`` that a determiner opens after a word that
    joins no noun phrase (a verb: "the usual suspects include the shopkeepers on Vester
    Street, who"); the whole range when there is none."""
    for t in range(b - 1, a, -1):
        if words[t] in _SUBJ_DET and words[t - 1] not in _NP_JOINS and words[t - 1].isalpha():
            return (t, b)
    return (a, b)


def _appositive_before(p: _Para, ca: int, sid: int) -> tuple[_Span | None, _Span | None]:
    """``(source, appositive)`` of a cue after a comma, or Nones when none fits.

    "Jane Doe, a spokeswoman for the ministry, said" (the appositive follows the name)
    and "the party's chair, Ann Lee, said" (the name is the appositive's content): the
    name, or the phrase an appositive opener describes, is the source. So is the phrase
    before a title in commas ('The council's report, "Parking for the Future", admits'),
    a who-clause of any length, or a participle clause ("A commander, reached by phone,").
    """
    words = p.words
    qi = p.inq[ca - 3] if ca > 3 and p.is_mark(ca - 2) else -1
    if qi >= 0 and _title_between_commas(p, qi):
        # 'The council's report, "Parking for the Future", admits': the title is the
        # appositive of the noun phrase before it
        m = bisect.bisect_left(p.starts, p.quotes[qi].mark_start)
        head = _left_np(p, m - 1, sid)
        return (head, (m, ca - 1)) if head is not None else (None, None)
    relative = _relative_clause_before(p, ca - 1, sid)
    if relative is not None:
        # "A neighbor, who declined to give her name because she feared retaliation,
        # said": the clause is the appositive of the phrase before it, however long
        head = _left_np(p, relative[0] - 1, sid)
        if head is not None:
            return head, relative
    inner = _left_np(p, ca - 1, sid, strict=False)
    if inner is not None and inner[0] > 1 and words[inner[0] - 1] == "and":
        # "Ann Lee, a donor and president of the club, said": both are the appositive
        more = _left_np(p, inner[0] - 1, sid, strict=False)
        if more is not None and more[0] > 0 and words[more[0] - 1] == ",":
            inner = (more[0], inner[1])
    if inner is not None and inner[0] > 0 and words[inner[0] - 1] in ("who", "whose"):
        inner = (inner[0] - 1, inner[1])
    chain = _appositive_chain(p, inner, sid) if inner is not None else None
    if chain is not None:
        return chain  # "Ann Roe, 67, a nurse in Dover, Del., said"
    if inner is not None and inner[0] > 1 and words[inner[0] - 1] == ",":
        head = _left_np(p, inner[0] - 1, sid)
        if (
            head is not None
            and _is_name(p, *inner)
            and (not _is_name(p, *head) or words[head[0]] == "the")
        ):
            return inner, head  # "the party's chair, Ann Lee, said"; "The Home Secretary, Ann Lee,"
        if (
            head is not None
            and (
                words[inner[0]] in _APPOS_START
                or _is_name(p, *head)
                or words[inner[0]].endswith(("ing", "ed"))  # "A commander, reached by phone,"
            )
            and not _adverbial(p, head)
        ):
            return head, inner  # "Ann Lee, the party's chair, said"
    return None, None


def _relative_clause_before(p: _Para, k: int, sid: int) -> _Span | None:
    """The relative clause ", who ...," that ends at the comma ``k`` (its tokens after
    the opening comma to ``k``), when one opens after an earlier comma of the sentence
    within 24 tokens and holds no quotation; else None."""
    words, inq, sent = p.words, p.inq, p.sent
    t = k - 1
    while t > 0 and k - t < 24 and sent[t] == sid and inq[t] < 0 and words[t] != ",":
        t -= 1
    if t > 0 and words[t] == "," and words[t + 1] in ("who", "whose") and t + 2 < k:
        return (t + 1, k)
    return None


def _ends_in_past_verb(w: str) -> bool:
    """A phrase's last word that is a past verb, not a noun (", said the plan failed": the
    phrase is a clause; a noun phrase ends with a noun, and names are capitalised)."""
    return len(w) > 4 and w.endswith("ed") and w.islower()


def _source_after(
    p: _Para, c: Candidate, ca: int, cb: int, sid: int
) -> tuple[_Span | None, _Span | None]:
    """``(source, appositive)`` of an inversion ("…,” said X"), or Nones.

    Only after a comma or a quotation mark, and only a phrase that ends the sentence or
    a clause: never for ", noting X" (X is its object). A relative clause or an
    appositive after the source describes it ("said an official who asked not to be
    named").
    """
    words, sent, inq = p.words, p.sent, p.inq
    n = len(words)
    a, mode = c.tok, c.entry.mode
    if not (cb < n and sent[cb] == sid and inq[cb] < 0 and not words[a].endswith("ing")):
        return None, None
    if ca < a:
        # Inversions ("…,” said X") take a plain verb: after an auxiliary or adverb
        # ("…, has defended the company") the phrase is the object (PolNeAR train:
        # source F1 +0.0009, content +0.0008)
        return None, None
    right = _right_np(p, cb, sid)
    if not (
        right is not None
        and ca > 0
        and (words[ca - 1] == "," or p.is_mark(ca - 1))
        and not any(words[t] in _VERBISH for t in range(*right))
        and words[right[0]] not in _PREP_OPEN
        and not _ends_in_past_verb(words[right[1] - 1])
        and (
            right[1] >= n
            or words[right[1]] in _END
            or words[right[1]] in (",", "(")
            or words[right[1]] in ("who", "whose")
            and (words[right[0]] in _INDEFINITE or p.is_mark(ca - 1))
            and mode in ("speech", "writing")
        )
    ):
        return None, None
    rb = right[1]
    if rb < n and words[rb] in ("who", "whose"):
        # "said an official who asked not to be named": the relative clause describes
        # the source (its appositive), up to the clause's end.
        rel_end = rb + 1
        while rel_end < n and sent[rel_end] == sid and inq[rel_end] < 0:
            if words[rel_end] in _END or words[rel_end] == ",":
                break
            rel_end += 1
        return right, (rb, rel_end)
    if rb + 1 < n and words[rb] == "," and inq[rb + 1] < 0:
        app = _right_np(p, rb + 1, sid)
        if app is not None and words[app[0]] in ("a", "an", "the", "who"):
            return right, app
    return right, None


def _source_elsewhere(
    p: _Para,
    c: Candidate,
    ca: int,
    cb: int,
    prev: str,
    last: Attribution | None,
    permissive: bool,
) -> tuple[_Span | None, _Span | None, Attribution | None, _Span | None] | None:
    """What :func:`_find_source` returns for a cue with no noun phrase source next to it.

    "the senator, who said": the pronoun (PolNeAR's source; the antecedent is kept as
    its appositive, and the speaker step resolves through it); "X emphasized ... and
    said": the frame before (``head``); ", saying": the main clause's subject; "Asked
    about the plan": no source needed. Otherwise the cue is rejected, except a fixed
    phrase or, when framing is ``permissive``, a lexicon cue with the subject nearest to
    it (:func:`_nearby_subject`).
    """
    words, sent, inq = p.words, p.sent, p.inq
    a, cls, mode = c.tok, c.entry.cls, c.entry.mode
    sid = sent[a]
    if prev in ("who", "which") and ca > 1:
        k = ca - 2
        ante = _left_np(p, k + 1 if words[k] != "," else k, sid)
        if ante is not None and words[ante[0]].isdigit() and ante[0] > 1:
            # "Ann Roe, 51, who claims": the age describes the name before it
            if words[ante[0] - 1] == ",":
                ante = _left_np(p, ante[0] - 1, sid) or ante
        if ante is not None:
            ante = _last_noun_phrase(words, *ante)  # (not "Critics blame the mayor")
        return (ca - 1, ca), ante, None, None
    if (
        prev in ("and", "but", ",")
        and last is not None
        and (last.source is not None or last.head is not None)
        and last.cue is not None
        and last.cue[1] <= p.starts[ca]
        and sent[bisect.bisect_left(p.starts, last.cue[0])] == sid
        # (not a possessor: in "X downplayed Ryan's comments, saying" Ryan does not say)
        and not (
            last.source is not None
            and last.head is None
            and _is_possessive(p.text[last.source[0] : last.source[1]].lower())
        )
    ):
        if (
            last.head is None
            and last.appositive is not None
            and last.source is not None
            and p.text[last.source[0] : last.source[1]].lower() in ("who", "which")
        ):
            # "Cruz, who says the polls have tightened, said …": the main verb's source is
            # the antecedent, not "who" (PolNeAR marks it so)
            b0 = bisect.bisect_left(p.starts, last.appositive[0])
            return (b0, bisect.bisect_left(p.starts, last.appositive[1])), None, None, None
        return None, None, last.head or last, None  # "X emphasized ... and said that ..."
    if words[a].endswith("ing") and (prev == "," or prev in _SUBORDINATE_ING):
        # ", saying ...": the subject of the main clause, when it is short
        s0, _ = _sentence_bounds(p, a)
        while s0 < a and (inq[s0] >= 0 or p.is_mark(s0) or words[s0] in _CLAUSE):
            s0 += 1
        return _subject(p, s0, a), None, None, None
    if cls == "question" and (
        ca == 0 or sent[ca - 1] != sid or prev in ("when", "after", "before", "if", ",")
    ):
        if cb + 1 < len(words) and words[cb] == "by":
            asker = _right_np(p, cb + 1, sid)
            if asker is not None:
                return asker, None, None, None  # "Asked by Starnes if …": the one who asks
        return None, None, None, None  # "Asked about the plan, ..." / "when asked about ..."
    if mode == "fixed":
        return None, None, None, None
    if not permissive or mode == "learned":
        return None
    source, lead_clause = _nearby_subject(p, c, ca, cb, sid)
    return source, None, None, lead_clause


def _nearby_subject(
    p: _Para, c: Candidate, ca: int, cb: int, sid: int
) -> tuple[_Span | None, _Span | None]:
    """``(source, lead_clause)`` of a cue framed without a source (permissive framing).

    The subject nearest before the cue; for a participle opening the sentence
    ("Pointing to the trade war, Putin added ..."), the main clause's subject, and the
    participle's clause is the content. Such frames are left for the cue classifier.
    """
    words, inq = p.words, p.inq
    a = c.tok
    s0, _ = _sentence_bounds(p, ca)
    while s0 < ca and (inq[s0] >= 0 or p.is_mark(s0) or words[s0] in _CLAUSE):
        s0 += 1
    source = _near_subject(p, ca, s0) or (_subject(p, s0, ca) if s0 < ca else None)
    if source is None and s0 >= ca and words[a].endswith("ing"):
        _, s1 = _sentence_bounds(p, a)
        comma = next((t for t in range(cb, s1) if words[t] == "," and inq[t] < 0), None)
        if comma is not None:
            source = _subject(p, comma + 1, s1)
            if source is not None:
                return source, (cb, comma)
    return source, None
