"""Document-level attribution extraction: quotations, frames, floating quotes, speakers."""

from __future__ import annotations

import re
from collections.abc import Callable

from ._candidates import LearnedCues, cue_lookup
from ._frames import Attribution, find_frames
from ._headline import HEAD_REACH, headline_attributions, poll_attributions
from ._passive import passive_sources
from ._quotes import Quote, find_quotes
from ._speakers import SpeakerResolver
from ._tokens import chunk_memo, lowers_in_place
from ._verbs import ReportingLexicon, load_reporting_verbs

__all__ = ["extract_attributions"]

_CAP_WORD = re.compile(r"(?<![.!?\u201c\"]\s)(?<!^)\b[A-Z][a-z]+\b")
_WORD = re.compile(r"\w+")
_SENT_END = re.compile(r"[.!?,\u2026-]\W*$")
# Four words or more (four runs of ``\w``, as ``len(_WORD.findall(...)) >= 4``).
_FOUR_WORDS = re.compile(r"\w+(?:\W+\w+){3}")

CueFilter = Callable[[str, Attribution], bool]


def _is_floating_text(text: str, start: int, end: int, quotes: list[Quote]) -> bool:
    """True when a paragraph holds nothing but quotations (and punctuation)."""
    pos = start
    for q in quotes:
        if _WORD.search(text, pos, q.mark_start):
            return False
        pos = max(pos, q.mark_end)
    return _WORD.search(text, pos, end) is None


def _opens_sentence(text: str, q: Quote) -> bool:
    """A short quotation that is a sentence of its own: it opens with a capital letter
    right after a sentence's end ("“…,” Lee said. “Nobody asked us.”"), as a scare quote
    ("a “slow death.”") does not."""
    before = text[max(0, q.mark_start - 3) : q.mark_start].rstrip()
    return (
        q.start < len(text)
        and text[q.start].isupper()
        and before[-1:] in (".", "!", "?", "\u201d", '"')
    )


def _intervenes(text: str, start: int, end: int) -> bool:
    """A capitalised word that could introduce a new person between two offsets."""
    return _CAP_WORD.search(text[start:end]) is not None


def extract_attributions(
    text: str,
    paragraphs: list[tuple[int, int]],
    lexicon: ReportingLexicon | None = None,
    actors: dict[str, list[str]] | None = None,
    cue_filter: CueFilter | None = None,
    cue_prior: LearnedCues | None = None,
    word_starts: dict[int, tuple[list[int], list[bool]]] | None = None,
    permissive: bool | None = None,
) -> tuple[list[Attribution], list[Quote]]:
    """Find the attributions of one document.

    Parameters
    ----------
    text : str
        The document text.
    paragraphs : list of (start, end)
        Paragraph offsets.
    lexicon : ReportingLexicon, optional
        The cue lexicon (the shipped one by default).
    actors : dict, optional
        ``{side: [aliases]}`` for the ``side`` of each speaker.
    cue_filter : callable, optional
        ``cue_filter(text, attribution) -> bool`` decides whether a rule attribution is
        kept (the cue classifier).
    cue_prior : LearnedCues, optional
        Words outside the lexicon that are proposed as cues too (class ``other``), as
        hash buckets learned with the cue classifier.
    word_starts : dict, optional
        Filled with ``para_id -> (token starts, word flags)`` of each paragraph (a token is
        a word when its first character is alphanumeric).
    permissive : bool, optional
        Also propose lexicon cues with no source found (for the cue classifier to
        decide); by default True exactly when ``cue_filter`` is given.

    Returns
    -------
    attributions : list of Attribution
        In reading order, with speakers resolved.
    quotes : list of Quote
        Every quotation found (attributed or not).

    Examples
    --------
    >>> s = "\u201cWe will win,\u201d Jane Doe said."
    >>> atts, _ = extract_attributions(s, [(0, len(s))])
    >>> atts[0].speaker, s[atts[0].content[0][0]:atts[0].content[0][1]]
    ('Jane Doe', 'We will win,')
    """
    lex = lexicon or load_reporting_verbs()
    if permissive is None:
        permissive = cue_filter is not None
    quotes = find_quotes(text, paragraphs)
    by_para: dict[int, list[Quote]] = {}
    for q in quotes:
        by_para.setdefault(q.para_id, []).append(q)
    # (the chunk memo lowers the words: the text stands for its lower case, unless lower
    # case moves offsets, when the frames take the token pattern)
    low = text if lowers_in_place(text) else None
    chunks = chunk_memo(*cue_lookup(lex, cue_prior))  # (the tokens' lexicon look-ups)
    out: list[Attribution] = []
    owner: dict[int, Attribution] = {}  # qid -> attribution holding it
    last_direct: Attribution | None = None
    last_end = 0
    lead: Attribution | None = None  # "X said:" ending the paragraph before
    # Headlines need a colon near the paragraph start and polls the word "poll" or
    # "survey": the next colon is kept (one scan of the text), and a text without the
    # poll words asks no paragraph for a poll.
    scanned, colon = 0, -1  # (no colon in text[scanned:colon])
    polls_possible = "In" in text and ("poll" in text or "survey" in text)
    for pid, (pstart, pend) in enumerate(paragraphs):
        pq = by_para.get(pid, [])
        atts, free = find_frames(
            text,
            pid,
            pstart,
            pend,
            pq,
            lex,
            low,
            cue_prior,
            word_starts,
            permissive,
            cue_filter,
            chunks,
        )
        if lead is not None:
            q = free[0] if free else None
            if q is not None and q.depth == 0 and _WORD.search(text, pstart, q.mark_start) is None:
                # The paragraph opens with the quotation the one before announced.
                lead.content.append((q.start, q.end))
                lead.direct, lead.kind = True, "direct"
                out.append(lead)
                owner[q.qid] = lead
                free = free[1:]
                last_direct, last_end = lead, q.mark_end
            lead = None
        if atts and atts[-1].kind == "lead":
            lead = atts.pop()
        if atts:
            if cue_filter is not None:
                atts = [a for a in atts if a.cue is None or a.direct or cue_filter(text, a)]
            passive_sources(text, atts, lex)
        if not scanned <= pstart <= colon:
            scanned, colon = pstart, text.find(":", pstart)
            if colon < 0:
                colon = len(text)
        if colon < pend and colon < pstart + HEAD_REACH:  # (as headline_attributions asks)
            head = headline_attributions(text, pid, pstart, pend, atts)
            if head is not None:
                atts.insert(0, head)
        if polls_possible:
            polls = poll_attributions(text, pid, pstart, pend)
            if polls:
                atts = sorted(atts + polls, key=lambda a: a.cue[0] if a.cue else 0)
        if not atts and not free:
            # Nothing found and no quotation left: only the run of direct quotes may end.
            if last_direct is not None and _WORD.search(text, pstart, pend) is not None:
                last_direct = None
            continue
        for a in atts:
            for qi in a.qids:
                owner[pq[qi].qid] = a
        extra: list[Attribution] = []
        floating = bool(pq) and not atts and _is_floating_text(text, pstart, pend, pq)
        for q in free:
            if q.depth:
                continue
            prev = owner.get(q.qid) if q.continued else None
            if (
                prev is None
                and floating
                and last_direct is not None
                and not _intervenes(text, last_end, pstart)
            ):
                prev = last_direct
            if prev is None and atts:
                # A full sentence quoted after this paragraph's direct quotation.
                before = [a for a in atts if a.direct and a.content and a.content[-1][1] <= q.start]
                if (
                    before
                    and (_FOUR_WORDS.search(text, q.start, q.end) or _opens_sentence(text, q))
                    and (_SENT_END.search(text, q.start, q.end))
                ):
                    # The same voice goes on in this paragraph: one more fragment.
                    before[-1].content.append((q.start, q.end))
                    before[-1].qids += (q.qid,)
                    owner[q.qid] = before[-1]
                    continue
            if prev is None:
                continue
            att = Attribution(
                pid,
                None,
                None,
                None,
                None,
                [(q.start, q.end)],
                True,
                "floating",
                score=0.8,
                qids=(q.qid,),
                head=prev.head or prev,
            )
            extra.append(att)
            owner[q.qid] = att
        if extra or len(atts) > 1:
            atts = sorted(
                atts + extra, key=lambda a: a.content[0][0] if a.content else (a.cue or (0, 0))[0]
            )
        out.extend(atts)
        for a in reversed(atts):  # (the paragraph's last direct attribution, if any)
            if a.direct:
                last_direct = a
                # (the end of its last part, or of the paragraph's last quotation mark: one
                # ``max`` call over a list, which costs less than a call per pair)
                parts = (a.cue, a.source, *a.content)
                last_end = max([x[1] for x in parts if x is not None] + [q.mark_end for q in pq])
                break
        else:
            if atts or _WORD.search(text, pstart, pend):
                last_direct = None
    resolver = SpeakerResolver(text, actors)
    resolver.resolve(out)
    return out, quotes
