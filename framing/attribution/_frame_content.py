"""The content of one reporting cue: the quotation or the clause it reports.

The content steps of :func:`~framing.attribution._frame_cue._frame_cue`, asked once the
cue's extent and source are known. :func:`_frame_edges` finds where the frame (cue,
source and appositive) lies; :func:`_direct_content` takes a quotation next to it
("“…,” X said" or "X said: “…”"); failing that, :func:`_indirect_content` takes the
clause before ", X said." or the clause after the cue ("X said that ...").
"""

from __future__ import annotations

from itertools import compress

from ._attribution import Attribution
from ._frame_parts import _take_back, _title_before, _title_between_commas
from ._phrases import _QUOTE_MARKS, _TRIMMED, _sentence_bounds, _span, _trim
from ._tokens import (
    _ADDRESSEE,
    _ADJUNCT_BREAK,
    _BE,
    _CLAUSE,
    _END,
    _SUBORDINATORS,
    _TEMPORAL,
    _Para,
)

_DASHES = (",", "\u2014", "\u2013", "-")  # (what separates a frame from what it reports)
#: Addressees named by "the" and a noun ("told the court", "told the committee").
_BODIES = frozenset(
    "court jury committee panel hearing senate house council board newspaper paper "
    "magazine station network audience crowd nation country".split()
)
#: Adverbs set off by commas between a cue and its clause ("note, too, that").
_ASIDES = frozenset(
    "too however though also again moreover furthermore meanwhile nevertheless instead "
    "therefore still".split()
)
#: Prepositions and nouns of the setting of a statement ("in an interview", "at a
#: briefing", "on a call with analysts").
_SETTING_PREPS = frozenset("in on at during".split())
_SETTINGS = frozenset(
    "interview interviews statement speech letter email post tweet podcast video call "
    "conference hearing meeting briefing appearance op-ed memo filing note broadcast "
    "address remarks testimony".split()
)
#: Dashes after a wire dateline ("WASHINGTON — "; after an agency a hyphen too).
_LONG_DASHES = frozenset(["--", "\u2013", "\u2014"])
_DATELINE_DASHES = _LONG_DASHES | {"-"}


def _frame_edges(
    p: _Para, ca: int, cb: int, source: tuple[int, int] | None, apposition: tuple[int, int] | None
) -> tuple[int, int]:
    """``(j, hi)``: the last token before the frame and the first after it.

    The frame is the cue (tokens ``ca`` .. ``cb``), its source and its appositive; the
    content lies on either side of it, past the commas and dashes before it.
    """
    # (conditional expressions: a builtin min or max call costs far more)
    lo = source[0] if source and source[0] < ca else ca
    hi = source[1] if source and source[1] > cb else cb
    if apposition:
        lo = apposition[0] if apposition[0] < lo else lo
        hi = apposition[1] if apposition[1] > hi else hi
    words, inq = p.words, p.inq
    j = lo - 1
    while j >= 0 and words[j] in _DASHES and inq[j] < 0:
        j -= 1
    return j, hi


def _take_quote(p: _Para, att: Attribution, used: list[bool], qi: int) -> None:
    """Quotation ``qi`` becomes (part of) the content of ``att``."""
    att.content.append((p.quotes[qi].start, p.quotes[qi].end))
    att.qids += (qi,)
    used[qi] = True


def _direct_content(
    p: _Para,
    att: Attribution,
    used: list[bool],
    atts: list[Attribution] | None,
    sid: int,
    cb: int,
    j: int,
    hi: int,
    addressing: bool,
) -> bool:
    """Take a quotation next to the frame as the content of ``att``; True if one was.

    The quotation right before the frame ("“…,” X said"; one that an earlier cue took
    after it is taken back when this frame ends the sentence), else the one right after
    it ("X said: “…”", "X told reporters, “…”"), provided no cue has it yet. A quotation
    before that ends the sentence before, or that is a title ("“Fox and Friends,” Rep.
    Lee said the plan ..."), is not this cue's. ``used`` marks taken quotations; ``j``
    is the last token before the frame, ``hi`` the first after it, ``cb`` the first
    after the cue, ``sid`` its sentence; ``addressing`` cues skip their addressee
    ("told reporters").
    """
    words, inq = p.words, p.inq
    n = len(words)
    k = hi
    if addressing:
        # ("told reporters", "told Fox News", "told the Daily Star: “…”")
        while (
            k < n
            and inq[k] < 0
            and (words[k] in _ADDRESSEE or p.is_cap(k) or k == hi and words[k] == "the")
            and k < hi + 4
        ):
            k += 1
    while k < n and words[k] in (",", ":", "that") and inq[k] < 0:
        k += 1
    before_q = -1
    jj = j
    while jj > 0 and words[jj] in _QUOTE_MARKS and inq[jj] < 0 and j - jj < 3:
        jj -= 1
    if jj < j and inq[jj] >= 0:
        before_q = inq[jj]
        if p.sent[jj] != sid and (
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
    # ('The report, "Parking for the Future", admits': a title, on either side)
    if after_q >= 0 and _title_between_commas(p, after_q):
        after_q = -1
    if before_q >= 0 and _title_between_commas(p, before_q):
        before_q = -1
    if (
        before_q >= 0
        and used[before_q]
        and att.source is not None
        and atts
        and (cb >= n or words[cb] in _END)
    ):
        _take_back(p, before_q, used, atts, sid)
    if before_q >= 0 and after_q < 0 and _title_before(p, before_q, k, sid):
        before_q = -1  # '“Fox and Friends,” Rep. Lee said the plan …': a title, not the quote
    if before_q >= 0 and not used[before_q]:
        _take_quote(p, att, used, before_q)
        att.direct, att.kind = True, "direct"
        if after_q >= 0 and not used[after_q] and words[k - 1] == ",":
            _take_quote(p, att, used, after_q)
        return True
    if after_q >= 0 and not used[after_q] and (k - hi <= 1 or words[k - 1] in (",", ":")):
        _take_quote(p, att, used, after_q)
        att.direct, att.kind = True, "direct"
        return True
    return False


def _indirect_content(
    p: _Para, att: Attribution, a: int, ca: int, cb: int, j: int, hi: int, addressing: bool
) -> Attribution | None:
    """``att`` with the reported clause as its content, or None when the cue reports none.

    The clause before the frame when the frame ends the sentence ("…, X said."; a wire
    dateline left out, and not after a passive addressee: "…, the board was never
    told."); both sides when a speech frame stands inside its sentence ("The plan failed,
    X said, because ..."); else the clause after it up to the sentence end or an adjunct
    (", when ..."), past an addressee ("told the court", "said to reporters that") or an
    aside ("note, too, that"). A cue with
    no clause is kept only as a fixed phrase, or as a ``lead`` ("X said:" ending the
    paragraph announces the next one); "did not say whether ..." is ``negated``. ``a``
    is the cue's verb, ``ca`` its first token and ``cb`` the token after it; ``j`` and
    ``hi`` are the frame's edges (:func:`_frame_edges`).
    """
    words, n = p.words, len(p.words)
    s0, s1 = _sentence_bounds(p, a)
    tail = hi
    if addressing:
        # "…, a spokesman told The Daily Post.": the addressee ends the sentence
        while (
            tail < s1
            and tail < hi + 5
            and p.inq[tail] < 0
            and (words[tail] in _ADDRESSEE or p.is_cap(tail) or words[tail] == "the")
        ):
            tail += 1
    t = tail
    while t < s1 and t < tail + 4 and words[t] in _TEMPORAL:
        t += 1  # "…, the ministry said on Monday.", "said last week.": the time ends it
    if t > tail and (t >= s1 or words[t] in _TRIMMED):
        tail = t
    while tail < s1 and words[tail] in _TRIMMED:  # (punctuation, no quotation mark)
        tail += 1
    if (
        tail >= s1
        and j > s0
        and words[j + 1] in _DASHES
        and not (addressing and not _BE.isdisjoint(words[ca:a]))
    ):
        # ("…, X said."; not "…, the board was never told.": a passive's subject is the
        # addressee)
        ra, rb = _trim(p, _past_dateline(p, s0) if s0 == 0 else s0, j + 1)
    elif (
        j > s0
        and att.mode in ("speech", "writing")
        and words[j + 1] == ","
        and tail < s1
        and words[tail - 1] == ","
        and words[tail] in _SUBORDINATORS
    ):
        # "The talks stalled, two diplomats said, as each side ...": the frame stands
        # inside the reported sentence; its content is the sentence on both sides
        ra, rb = _trim(p, _past_dateline(p, s0) if s0 == 0 else s0, j + 1)
        if rb > ra:
            att.content.append(_span(p, ra, rb))
        ra, rb = _trim(p, tail, s1)
    else:
        start = hi
        if addressing and start < s1 and p.inq[start] < 0:
            start = _past_addressee(p, start, s1)  # "told reporters (that)"
        if (
            start + 3 < s1
            and words[start] == ","
            and words[start + 2] == ","
            and words[start + 1] in _ASIDES
        ):
            start += 3  # "They note, too, that ...": the aside belongs to the frame
        t = start  # "said Tuesday that": the time belongs to the frame
        while t < s1 and words[t] in _TEMPORAL and t < start + 5:
            t += 1
        if t > start and t < s1 and words[t] == "that":
            start = t
        elif start < s1 and words[start] == "to":
            start = _past_to_addressee(p, start, s1)  # "said to reporters that"
        elif start < s1 and words[start] in _SETTING_PREPS:
            start = _past_setting(words, start, s1)  # "said in an interview that"
        if att.mode == "learned" and not (
            start < s1 and (words[start] in (",", ":", "that") or p.is_mark(start))
        ):
            return None  # a verb outside the lexicon reports only a clause or a quotation
        while start < s1 and words[start] in (",", ":", "that"):  # (none of them a mark)
            if words[start] == "that" and s1 - start <= 3:
                break  # "rejected that account.": a determiner, no clause follows
            start += 1
        # The clause stops at its first adjunct break (", when ..."), else at the
        # sentence end (no search when no subordinator follows the start).
        stop = start + 1 if start + 1 < s1 else s1
        if _SUBORDINATORS.isdisjoint(words[stop + 1 : s1]):
            stop = s1
        else:
            stop = _adjunct_break(p, stop, s1)
        ra, rb = _trim(p, start, stop)
        if (
            ra < rb
            and p.is_mark(ra)
            and ra + 1 < n
            and p.inq[ra + 1] >= 0
            and _title_between_commas(p, p.inq[ra + 1])
        ):
            rb = ra  # 'The report, "Parking for the Future", admits': the noun's title
    if rb <= ra:
        if cb >= n and words[n - 1] == ":" and att.source is not None and not p.is_mark(n - 1):
            att.kind = "lead"  # "X said:" ends the paragraph: the next one may be the quote
            return att
        return att if att.mode == "fixed" else None
    if words[ra] in ("whether", "if") and any(
        words[t] in ("not", "n't", "never") or words[t].endswith("n't") for t in range(ca, a)
    ):
        att.kind = "negated"  # "did not say whether ...": nothing was reported
        return att
    att.content.append(_span(p, ra, rb))
    return att


def _past_dateline(p: _Para, a: int) -> int:
    """The token after a wire dateline that opens the paragraph at token ``a`` ("CAIRO
    (Reuters) - ", "WASHINGTON — "), else ``a``: one to three words in capitals, then
    an agency in parentheses and a dash, or a long dash ("US - China talks" is none)."""
    words, t, n = p.words, a, len(p.words)
    while t < n and t - a < 4 and (words[t] == "," or p.text[p.starts[t] : p.end(t)].isupper()):
        t += 1
    dashes = _LONG_DASHES
    if t + 2 < n and words[t] == "(" and words[t + 2] == ")":
        t += 3
        dashes = _DATELINE_DASHES  # (after an agency a hyphen too: "CAIRO (Reuters) -")
    return t + 1 if a < t < n and words[t] in dashes else a


def _past_addressee(p: _Para, start: int, s1: int) -> int:
    """Where the clause after an addressing cue starts, its addressee at ``start``.

    After "that" when one follows within eight tokens ("told reporters that"), else
    past the addressee's words and capitalised words ("told The Daily Post it ...").
    """
    words = p.words
    that = [t for t in range(start, min(start + 8, s1)) if words[t] == "that"]
    if that:
        return that[0] + 1
    if words[start] == "the" and start + 2 < s1 and words[start + 1] in _BODIES:
        return start + 2  # "told the court the mayor kept ..."
    if (
        words[start] in _ADDRESSEE
        or words[start][:1].isalpha()
        and p.text[p.starts[start]].isupper()
    ):
        while (
            start < s1
            and words[start] not in _CLAUSE
            and words[start] != "that"
            and (words[start] in _ADDRESSEE or p.text[p.starts[start]].isupper())
        ):
            start += 1
    return start


def _past_to_addressee(p: _Para, start: int, s1: int) -> int:
    """The "that" after an addressee with "to" at ``start`` ("said to reporters that",
    "wrote in a note to clients that", "told to The Post that"), else ``start`` (not
    "agreed to a plan that": a relative clause)."""
    words = p.words
    for t in range(start + 1, min(start + 5, s1)):
        w = words[t]
        if w == "that":
            return t if t > start + 1 else start
        if not (w in _ADDRESSEE or w in _BODIES or w == "the" or p.is_cap(t)):
            break
    return start


def _past_setting(words: list[str], start: int, s1: int) -> int:
    """The "that" after a phrase naming where something was said, at ``start`` ("said in
    an interview that", "wrote in a letter to parents that", "said at a briefing that"),
    else ``start`` (not "believes in a plan that": a relative clause)."""
    stop = min(start + 9, s1)
    that = next((t for t in range(start + 1, stop) if words[t] == "that"), None)
    if that is None or _SETTINGS.isdisjoint(words[start + 1 : that]):
        return start
    if not _CLAUSE.isdisjoint(words[start + 1 : that]):
        return start
    return that


def _adjunct_break(p: _Para, stop: int, s1: int) -> int:
    """The first adjunct break (", when ...") from token ``stop`` on, else ``s1``.

    Break tokens are picked out at C level, the rest checked for those only.
    """
    words, inq = p.words, p.inq
    breaks = map(_ADJUNCT_BREAK.__contains__, words[stop:s1])
    for t in compress(range(stop, s1), breaks):
        if t + 1 < s1 and words[t + 1] in _SUBORDINATORS and inq[t] < 0:
            return t
    return s1
