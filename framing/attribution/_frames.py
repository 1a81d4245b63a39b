"""Attribution frames: cue, source and content spans from quotation marks and cue rules.

No parser: a paragraph is cut into word and punctuation tokens; reporting cues come from
the lexicon; the source is the short noun phrase next to the cue (before it, or after it
in an inversion such as ``“…,” said Jane Doe``); the content is the adjacent quotation
(direct), the clause after the cue or before ``, X said`` (indirect), or both (mixed).
Quotations left without a frame are joined to a neighbouring one (``“A,” he said, “B.”``),
attributed by ``X: “…”`` or ``“…” —X``, or left for the speaker step (floating quotes).
"""

from __future__ import annotations

import bisect
from collections.abc import Callable

from ._attribution import Attribution
from ._candidates import Candidate, LearnedCues, _candidates, cue_lookup
from ._frame_cue import _frame_cue
from ._overlaps import _drop_inside_reported_before, _resolve_overlaps
from ._phrases import _left_np, _quote_tokens, _right_np, _span
from ._quotes import Quote
from ._tokens import (
    _ChunkTokens,
    _Para,
    _token_flags,
    _tokens_and_entries,
    chunk_memo,
)
from ._verbs import ReportingLexicon

__all__ = ["Attribution", "find_frames"]


def _frame_marks(p: _Para, qi: int) -> Attribution | None:
    """``X: “…”`` and ``“…” —X`` frames for an unattributed quotation."""
    words, n = p.words, len(p.words)
    qa, qb = _quote_tokens(p, qi)
    q = p.quotes[qi]
    if qa >= 2 and words[qa - 1] == ":" and p.inq[qa - 2] < 0:
        np_ = _left_np(p, qa - 1, p.sent[qa - 2])
        if np_ is not None and np_[1] - np_[0] <= 6:
            return Attribution(
                p.pid,
                _span(p, qa - 1, qa),
                "neutral",
                "speech",
                _span(p, *np_),
                [(q.start, q.end)],
                True,
                "direct",
            )
    if qb + 1 < n and words[qb] in ("\u2014", "\u2013", "\u2015", "-", "--"):
        np_ = _right_np(p, qb + 1, p.sent[qb + 1])
        if np_ is not None and p.text[p.starts[np_[0]]].isupper():
            return Attribution(
                p.pid,
                _span(p, qb, qb + 1),
                "neutral",
                "speech",
                _span(p, *np_),
                [(q.start, q.end)],
                True,
                "direct",
            )
    return None


# Reported clauses end within a sentence or two of their cue: only the latest
# attributions can hold a new cue (keeps very long paragraphs linear).
_NEST_LOOKBACK = 32


def _nested(p: _Para, c: Candidate, atts: list[Attribution]) -> Attribution | None:
    """The earlier attribution whose reported clause holds the cue, or None."""
    for att in atts[-_NEST_LOOKBACK:]:
        if att.direct or not att.content or att.cue is None:
            continue
        s, e = att.content[0]
        if not (s <= c.start < e) or s < att.cue[0]:
            continue
        a = c.tok
        if a > 0 and p.words[a - 1] in ("and", "but"):
            return None
        between = p.words[bisect.bisect_left(p.starts, att.cue[1]) : a]
        if "," in between or ";" in between:
            continue  # (not this one's clause; a later attribution's may hold it)
        return att
    return None


def find_frames(
    text: str,
    pid: int,
    start: int,
    end: int,
    quotes: list[Quote],
    lex: ReportingLexicon,
    low: str | None = None,
    prior: LearnedCues | None = None,
    word_starts: dict[int, tuple[list[int], list[bool]]] | None = None,
    permissive: bool = False,
    cue_filter: Callable[[str, Attribution], bool] | None = None,
    chunks: _ChunkTokens | None = None,
) -> tuple[list[Attribution], list[Quote]]:
    """Attributions of one paragraph, and its top-level quotations left unattributed.

    Parameters
    ----------
    text : str
        The document text.
    pid, start, end : int
        The paragraph's id and offsets.
    quotes : list of Quote
        The quotations whose fragment lies in this paragraph.
    lex : ReportingLexicon
        The cue lexicon.
    low : str, optional
        ``text.lower()``, or ``text`` itself (the tokens are lowered chunk by chunk), when
        lower case keeps every offset (:func:`~._tokens.lowers_in_place`); None (or a
        lower case of another length) tokenises with the pattern.
    cue_filter : callable, optional
        ``cue_filter(text, attribution) -> bool`` (the cue classifier): an attribution
        it rejects hides no later cue as nested in its reported clause.
    chunks : _ChunkTokens, optional
        ``chunk_memo(*cue_lookup(lex, prior))``, the memo of the tokens with their
        look-ups in the lexicon (a caller that frames many paragraphs finds it once).
    """
    p: _Para | None = None  # (no quotation: the paragraph view only once a cue is found)
    if low is not None and len(low) == len(text):
        # (the tokens come with their look-ups in the cue lexicon, memoised by chunk)
        if chunks is None:
            chunks = chunk_memo(*cue_lookup(lex, prior))
        starts, words, is_word, is_end, hits = _tokens_and_entries(low, start, end, chunks)
        if quotes:
            p = _Para(text, pid, start, end, quotes, low, sentences=False, tokens=(starts, words))
    else:
        p = _Para(text, pid, start, end, quotes, low, sentences=False)
        starts, words = p.starts, p.words
        is_word, is_end = _token_flags(words)
        hits = None
    inq = p.inq if p is not None else None
    if word_starts is not None:
        word_starts[pid] = (starts, is_word)  # word starts are picked out lazily
    cands = _candidates(text, pid, starts, words, inq, lex, prior, hits)
    if not cands and not quotes:
        return [], []
    if p is None:
        p = _Para(text, pid, start, end, quotes, low, sentences=False, tokens=(starts, words))
    p.set_sentences(is_end)
    used = [q.depth > 0 for q in quotes] if quotes else []
    atts: list[Attribution] = []
    taken: set[int] = set()
    kept: set[int] = set()  # (ids of attributions the cue filter kept)
    for c in cands:
        if c.tok in taken:
            continue
        outer = _nested(p, c, atts) if atts else None
        if outer is not None:
            if cue_filter is None or id(outer) in kept:
                continue
            if cue_filter(text, outer):
                kept.add(id(outer))
                continue
            # The cue classifier rejects the cue whose reported clause would hold this
            # one ("Figures reported last week suggest ..."): it goes, this one is framed.
            atts.remove(outer)
        att = _frame_cue(p, c, used, atts[-1] if atts else None, permissive, atts)
        if att is None:
            continue
        atts.append(att)
        taken.update(range(c.tok, c.tok_end))
    if not quotes:
        # (no quotation: no mark frame, no mixed content, nothing left free)
        if atts:
            atts = _drop_inside_reported_before(atts)
            _resolve_overlaps(text, atts)
        return atts, []
    for qi, _q in enumerate(quotes):
        if used[qi]:
            continue
        att = _frame_marks(p, qi)
        if att is not None:
            used[qi] = True
            att.qids = (qi,)
            atts.append(att)
            if len(atts) > 1 and atts[-2].kind == "lead":
                atts[-2], atts[-1] = att, atts[-2]  # (the paragraph-final "X said:" last)
    atts = _drop_inside_reported_before(atts)
    _resolve_overlaps(text, atts)
    if False not in used:
        return atts, []  # (every quotation taken: none left to join a content or go free)
    indirect = [att for att in atts if not att.direct and att.content]
    if indirect:
        _take_inner_quotes(quotes, used, indirect)
    free = [q for qi, q in enumerate(quotes) if not used[qi]]
    return atts, free


def _take_inner_quotes(quotes: list[Quote], used: list[bool], atts: list[Attribution]) -> None:
    """Quotations left free inside an indirect content make it ``mixed`` (in place)."""
    starts = [q.mark_start for q in quotes]
    by_mark = sorted(range(len(quotes)), key=starts.__getitem__)
    mark_starts = [starts[qi] for qi in by_mark]
    for att in atts:
        s, e = att.content[0]
        hits = []
        for qi in by_mark[bisect.bisect_left(mark_starts, s) :]:
            if quotes[qi].mark_start >= e:
                break
            if not used[qi] and quotes[qi].end <= e:
                hits.append(qi)
        inside = tuple(sorted(hits))
        if inside:
            att.kind = "mixed"
            att.qids += inside
            for qi in inside:
                used[qi] = True
