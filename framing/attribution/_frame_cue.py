"""The frame of one reporting cue: its source, its content and the cue's own extent.

:func:`_frame_cue` builds the attribution of a cue candidate from the paragraph's tokens
(the source before the cue or after it in an inversion, the quotation or clause it
reports, auxiliaries and particles that join the cue) or rejects the candidate (a name,
a markup tag, "declined" meaning a fall, the author's own comment); ``according to X``
frames are built by :func:`_frame_according`. :func:`~framing.attribution._frames.find_frames`
calls it for each candidate of a paragraph.
"""

from __future__ import annotations

import bisect
import re
from itertools import compress

from ._attribution import Attribution
from ._candidates import Candidate
from ._frame_parts import (
    _HEADLINE_VERBS,
    _MARKER_PREV,
    _adverbial,
    _appositive_chain,
    _discourse_marker,
    _take_back,
    _title_before,
    _title_verb,
    _verb_next,
)
from ._phrases import (
    _QUOTE_MARKS,
    _TRIMMED,
    _is_name,
    _is_possessive,
    _left_np,
    _near_subject,
    _possessor,
    _quote_tokens,
    _right_np,
    _sentence_bounds,
    _span,
    _subject,
    _trim,
)
from ._tokens import (
    _ADDRESSEE,
    _ADDRESSING,
    _ADJUNCT_BREAK,
    _APPOS_START,
    _AUX,
    _CLAUSE,
    _DAYS,
    _END,
    _NOUN_BEFORE,
    _RIGHT_EXT,
    _STOP_LEFT,
    _SUBORDINATORS,
    _TEMPORAL,
    _VERBISH,
    _Para,
)

# Prepositions PolNeAR annotators join to a verb cue ("talked about", "warned against"):
# on PolNeAR train, the word right after a gold verb cue is inside the cue 294 / 41 times
# and outside it 32 / 1 times ("of", "for", "on", "with": joining them lost more than it won).
_PREP_JOIN = frozenset(["about", "against"])
# Adverbs and particles right after a verb cue, inside the gold cue 6-8 times on train and
# outside it at most once each.
_ADV_JOIN = frozenset(["repeatedly", "recently", "publicly", "up", "upon"])
# Verb forms that are cues even when capitalised in a title ("Sanders Says He Will ...").
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
# How an inverted source described by a relative clause starts ("said an official who ...").
_INDEFINITE = frozenset("a an one some several two three many another".split())
_TAG_OPEN = frozenset(["<", "</"])  # ("</" is two tokens: "/" after "<" is checked too)
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

    ``atts`` are the paragraph's attributions so far (a quotation that one of them took
    after its cue may be taken back by a cue after it: ``“…,” X said``).
    """
    words, n = p.words, len(p.words)
    sent, inq = p.sent, p.inq
    a, b = c.tok, c.tok_end
    sid = sent[a]
    lemma, mode, cls = c.entry.lemma, c.entry.mode, c.entry.cls
    if (
        a > 0
        and p.is_cap(a)
        and sent[a - 1] == sid
        and not p.is_mark(a - 1)
        and not (words[a] in _HEADLINE_VERBS and b < n and p.is_cap(b))
        and not _title_verb(p, c, sid)
    ):
        return None  # "the United States", "Support Group": a name, not a cue
    if a > 0 and (
        words[a - 1] in _TAG_OPEN or words[a - 1] == "/" and a > 1 and words[a - 2] == "<"
    ):
        return None  # "<tweet/>", "</quote>": a markup tag's name
    if lemma == "according to":
        return _frame_according(p, c)
    if lemma in ("ask", "request") and words[b : b + 3] == ["not", "to", "be"]:
        return None  # "(an official) who asked not to be named": how a source is described
    head_word = lemma.split()[0]
    # Auxiliaries, negation and adverbs before the verb belong to the cue.
    ca = a
    while (
        ca > 0
        and sent[ca - 1] == sid
        and inq[ca - 1] < 0
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
    ):
        ca -= 1
    if ca > 0 and words[ca - 1] in _MARKER_PREV and _discourse_marker(p, ca, a, sid):
        return None  # "it's worth noting that": the author's own comment
    cb = b
    cue_end = p.end(b - 1)
    if cls == "non_comment" and words[a] in _DECLINE:
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
            return None  # "fees declined to $2 million", "trade declined 40 percent"
        cue_end, cb = p.end(a), a + 1  # "declined (to comment)": PolNeAR's cue is the verb
    elif (
        b == a + 1
        and b + 1 < n
        and words[b] in _PREP_JOIN
        and sent[b] == sid
        and inq[b] < 0
        and mode != "fixed"
        and words[b + 1] not in _TEMPORAL
        and not words[b + 1][:1].isdigit()
    ):
        cue_end, cb = p.end(b), b + 1  # "talked about", "warned against"
    elif (
        b == a + 1
        and b < n
        and words[b] in _ADV_JOIN
        and sent[b] == sid
        and inq[b] < 0
        and mode != "fixed"
    ):
        cue_end, cb = p.end(b), b + 1  # "said repeatedly", "talked up"
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
    prev = words[ca - 1] if ca > 0 else ""
    source: tuple[int, int] | None = None
    apposition: tuple[int, int] | None = None
    if (
        ca > 0
        and sent[ca - 1] == sid
        and (prev not in _CLAUSE or prev == ")")
        and prev not in _STOP_LEFT
    ):
        if words[a] in (head_word, head_word + "s"):  # a noun form: "Trump's claim(s)"
            source = _possessor(p, ca, sid) or _left_np(p, ca, sid)
        else:
            source = _left_np(p, ca, sid)
        if source is None:
            # "Katie Roe, who is chair of the group said": the antecedent of "who"
            raw = _left_np(p, ca, sid, strict=False)
            if raw is None or raw[0] < 2 or words[raw[0] - 1] not in ("who", "whose"):
                if not permissive or words[ca - 1] in _NOUN_BEFORE:
                    return None
            else:
                k = raw[0] - 2 if words[raw[0] - 2] == "," else raw[0] - 1
                source = _left_np(p, k, sid)
                if source is None and not permissive:
                    return None
                if source is not None:
                    apposition = (raw[0] - 1, raw[1])
    elif prev == "," and ca > 1 and mode != "fixed":
        # "Jane Doe, a spokeswoman for the ministry, said" or "..., saying"
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
            source, apposition = chain  # "Ann Roe, 67, a nurse in Dover, Del., said"
        elif inner is not None and inner[0] > 1 and words[inner[0] - 1] == ",":
            head = _left_np(p, inner[0] - 1, sid)
            if head is not None and _is_name(p, *inner) and not _is_name(p, *head):
                source, apposition = inner, head  # "the party's chair, Ann Lee, said"
            elif (
                head is not None
                and (words[inner[0]] in _APPOS_START or _is_name(p, *head))
                and not _adverbial(p, head)
            ):
                source, apposition = head, inner  # "Ann Lee, the party's chair, said"
    if source is None and (ca == 0 or prev in _CLAUSE or sent[ca - 1] != sid):
        if cb < n and sent[cb] == sid and inq[cb] < 0 and not words[a].endswith("ing"):
            right = _right_np(p, cb, sid)  # "…,” said X" (never ", noting X": its object)
            if (
                right is not None
                and ca > 0
                and (prev == "," or p.is_mark(ca - 1))
                and not any(words[t] in _VERBISH for t in range(*right))
                and (
                    right[1] >= n
                    or words[right[1]] in _END
                    or words[right[1]] in (",", "(")
                    or words[right[1]] in ("who", "whose")
                    and words[right[0]] in _INDEFINITE
                    and mode in ("speech", "writing")
                )
            ):
                source, _inverted = right, True
                rb = right[1]
                if rb < n and words[rb] in ("who", "whose"):
                    # "said an official who asked not to be named": the relative clause
                    # describes the source (its appositive), up to the clause's end.
                    rel_end = rb + 1
                    while rel_end < n and sent[rel_end] == sid and inq[rel_end] < 0:
                        if words[rel_end] in _END or words[rel_end] == ",":
                            break
                        rel_end += 1
                    apposition = (rb, rel_end)
                elif rb + 1 < n and words[rb] == "," and inq[rb + 1] < 0:
                    app = _right_np(p, rb + 1, sid)
                    if app is not None and words[app[0]] in ("a", "an", "the", "who"):
                        apposition = app
    loose = False  # accepted without a source of its own
    lead_clause: tuple[int, int] | None = None  # "Pointing to X, Putin added": X
    if source is None and prev in ("who", "which") and ca > 1:
        # "the senator, who said ...": the pronoun (PolNeAR's source); the antecedent
        # is kept as the appositive, and the speaker step resolves through it.
        k = ca - 2
        ante = _left_np(p, k + 1 if words[k] != "," else k, sid)
        source, apposition = (ca - 1, ca), ante
    head = None
    if (
        source is None
        and prev in ("and", "but", ",")
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
        head = last.head or last  # "X emphasized ... and said that ..."
    if source is None and head is None and words[a].endswith("ing") and prev == ",":
        # ", saying ...": the subject of the main clause, when it is short
        s0, _ = _sentence_bounds(p, a)
        while s0 < a and (inq[s0] >= 0 or p.is_mark(s0) or words[s0] in _CLAUSE):
            s0 += 1
        source = _subject(p, s0, a)
        loose = True
    if (
        source is None
        and head is None
        and cls == "question"
        and (ca == 0 or sent[ca - 1] != sid or prev in ("when", "after", "before", "if", ","))
    ):
        loose = True  # "Asked about the plan, ..." / "when asked about ..."
    if source is None and head is None and not loose and mode not in ("fixed",):
        if not permissive or mode == "learned":
            return None
        loose = True  # no source: left for the cue classifier to decide
        s0, _ = _sentence_bounds(p, ca)
        while s0 < ca and (inq[s0] >= 0 or p.is_mark(s0) or words[s0] in _CLAUSE):
            s0 += 1
        source = _near_subject(p, ca, s0) or (_subject(p, s0, ca) if s0 < ca else None)
        if source is None and s0 >= ca and words[a].endswith("ing"):
            # "Pointing to the trade war, Putin added ...": the main clause's subject
            _, s1 = _sentence_bounds(p, a)
            comma = next((t for t in range(cb, s1) if words[t] == "," and inq[t] < 0), None)
            if comma is not None:
                source = _subject(p, comma + 1, s1)
                if source is not None:
                    lead_clause = (cb, comma)
    att = Attribution(
        p.pid,
        (p.starts[ca], cue_end),
        cls,
        mode,
        _span(p, *source) if source else None,
    )
    # (only a token with an apostrophe can be a contraction: no pattern call for others)
    if ca > 0 and ("\u2019" in prev or "'" in prev) and sent[ca - 1] == sid:
        m = _CONTRACTED.fullmatch(prev)
        if m is not None:
            # "He’s not saying": the auxiliary's clitic opens the cue, the pronoun is
            # the source (PolNeAR train: 54 of 57 such cues start at the apostrophe)
            cut = p.starts[ca - 1] + m.start(2)
            att.cue = (cut, cue_end)
            if att.source is not None and att.source[0] < cut < att.source[1] + 1:
                att.source = (att.source[0], cut)
    att.head = head
    if apposition:
        att.appositive = _span(p, *apposition)
    if lead_clause is not None:
        ra, rb = _trim(p, *lead_clause)
        if rb > ra:
            att.content.append(_span(p, ra, rb))
        return att
    if cls == "non_comment":
        att.kind = "non_comment"
        return att
    # Content: an adjacent quotation first.
    src_lo = source[0] if source else ca
    src_hi = source[1] if source else cb
    lo, hi = min(src_lo, ca), max(src_hi, cb)
    if apposition:
        hi = max(hi, apposition[1])
        lo = min(lo, apposition[0])
    j = lo - 1
    while j >= 0 and words[j] in (",", "\u2014", "\u2013", "-") and inq[j] < 0:
        j -= 1
    k = hi
    addressing = head_word in _ADDRESSING
    if addressing:
        while k < n and inq[k] < 0 and (words[k] in _ADDRESSEE or p.is_cap(k)) and k < hi + 4:
            k += 1
    while k < n and words[k] in (",", ":", "that") and inq[k] < 0:
        k += 1
    before_q = -1
    jj = j
    while jj > 0 and words[jj] in _QUOTE_MARKS and inq[jj] < 0 and j - jj < 3:
        jj -= 1
    if jj < j and inq[jj] >= 0:
        before_q = inq[jj]
        if sent[jj] != sid and (
            k < n and inq[k] < 0 and words[k] not in _END or k >= n and words[n - 1] == ":"
        ):
            # '“… .” He said he …': that quotation ends the sentence before; '“… .” Then
            # he said:' ending the paragraph announces the next one
            before_q = -1
    after_q = -1
    kk = k
    while kk < n - 1 and words[kk] in _QUOTE_MARKS and inq[kk] < 0 and kk - k < 3:
        kk += 1
    if kk > k and inq[kk] >= 0 and k - hi <= 6:
        after_q = inq[kk]
    if (
        before_q >= 0
        and used[before_q]
        and source is not None
        and atts
        and (cb >= n or words[cb] in _END)
    ):
        _take_back(p, before_q, used, atts, sid)
    if before_q >= 0 and after_q < 0 and _title_before(p, before_q, k, sid):
        before_q = -1  # '“Fox and Friends,” Rep. Lee said the plan …': a title, not the quote
    if before_q >= 0 and not used[before_q]:
        qa, qb = _quote_tokens(p, before_q)
        att.content.append((p.quotes[before_q].start, p.quotes[before_q].end))
        att.qids += (before_q,)
        used[before_q] = True
        att.direct, att.kind = True, "direct"
        if after_q >= 0 and not used[after_q] and words[k - 1] == ",":
            att.content.append((p.quotes[after_q].start, p.quotes[after_q].end))
            att.qids += (after_q,)
            used[after_q] = True
        return att
    if after_q >= 0 and not used[after_q] and (k - hi <= 1 or words[k - 1] in (",", ":")):
        att.content.append((p.quotes[after_q].start, p.quotes[after_q].end))
        att.qids += (after_q,)
        used[after_q] = True
        att.direct, att.kind = True, "direct"
        return att
    # Indirect: the clause before ", X said." or the clause after the cue.
    s0, s1 = _sentence_bounds(p, a)
    tail = hi
    if addressing:
        # "…, a spokesman told The Daily Post.": the addressee ends the sentence
        while (
            tail < s1
            and tail < hi + 5
            and inq[tail] < 0
            and (words[tail] in _ADDRESSEE or p.is_cap(tail) or words[tail] == "the")
        ):
            tail += 1
    while tail < s1 and words[tail] in _TRIMMED:  # (punctuation, no quotation mark)
        tail += 1
    if tail >= s1 and j > s0 and words[j + 1] in (",", "\u2014", "\u2013", "-"):
        ra, rb = _trim(p, s0, j + 1)
    else:
        start = hi
        if addressing and start < s1 and inq[start] < 0:
            that = [t for t in range(start, min(start + 8, s1)) if words[t] == "that"]
            if that:
                start = that[0] + 1
            elif (
                words[start] in _ADDRESSEE
                or p.words[start][:1].isalpha()
                and p.text[p.starts[start]].isupper()
            ):
                while (
                    start < s1
                    and words[start] not in _CLAUSE
                    and words[start] != "that"
                    and (words[start] in _ADDRESSEE or p.text[p.starts[start]].isupper())
                ):
                    start += 1
        t = start
        while t < s1 and t < start + 5 and words[t] in _TEMPORAL:
            t += 1
        if t > start and t < s1 and words[t] == "that":
            start = t
        if mode == "learned" and not (
            start < s1 and (words[start] in (",", ":", "that") or p.is_mark(start))
        ):
            return None  # a verb outside the lexicon reports only a clause or a quotation
        while start < s1 and words[start] in (",", ":", "that"):  # (none of them a mark)
            start += 1
        # The first adjunct break (", when ...") after the start, else the sentence end;
        # break tokens are picked out at C level, the rest checked for those only (and
        # not at all when no subordinator follows the start).
        stop = min(start + 1, s1)
        if _SUBORDINATORS.isdisjoint(words[stop + 1 : s1]):
            stop = s1
        else:
            breaks = map(_ADJUNCT_BREAK.__contains__, words[stop:s1])
            for t in compress(range(stop, s1), breaks):
                if t + 1 < s1 and words[t + 1] in _SUBORDINATORS and inq[t] < 0:
                    stop = t
                    break
            else:
                stop = s1
        ra, rb = _trim(p, start, stop)
    if rb <= ra:
        if cb >= n and words[n - 1] == ":" and source is not None and not p.is_mark(n - 1):
            att.kind = "lead"  # "X said:" ends the paragraph: the next one may be the quote
            return att
        return att if mode == "fixed" else None
    if words[ra] in ("whether", "if") and any(
        words[t] in ("not", "n't", "never") or words[t].endswith("n't") for t in range(ca, a)
    ):
        att.kind = "negated"  # "did not say whether ...": nothing was reported
        return att
    att.content.append(_span(p, ra, rb))
    return att


def _frame_according(p: _Para, c: Candidate) -> Attribution | None:
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
        ra, rb = _trim(p, src[1], s1)
    else:
        ra, rb = _trim(p, s0, a)
    if rb > ra:
        att.content.append(_span(p, ra, rb))
    return att
