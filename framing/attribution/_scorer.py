"""The attribution scorer: quotes table, cue/source/quote spans, voice columns, voice mask."""

from __future__ import annotations

import bisect
import math
from collections.abc import Sequence
from itertools import compress
from typing import Any, ClassVar

from .._gc import relaxed_gc
from ..scorers import QUOTED_RANGES, Scorer
from ..segment import Doc, Span
from ._balance import paragraph_scalars, voice_summary
from ._cue_weights import load_cue_model
from ._extract import extract_attributions
from ._frames import Attribution
from ._quotes import Quote
from ._speakers import _side_patterns
from ._verbs import load_reporting_verbs

__all__ = ["AttributionScorer"]

_MIN_FREE_QUOTE_TOKENS = 4
_NO_TOKENS: tuple[list[int], list[bool]] = ([], [])


class AttributionScorer(Scorer):
    """Who is quoted, with which cue, and how evenly: the ``attribution`` scorer.

    Adds, per paragraph: ``n_quotes`` (attributions with content; ``declined to
    comment`` and negated cues are rows of the quotes table but not voices),
    ``quoted_share`` (share of the paragraph's word tokens inside quoted or attributed
    content, including quotations of four words or more that no frame attributes),
    ``balance`` (normalised Shannon entropy of quoted tokens across sides, or across
    speakers without an actors map; NaN when nobody is quoted; see
    :func:`~framing.attribution.voice_summary`), ``n_direct``, ``top_speaker_share``,
    ``anonymous_share`` and ``unattributed_share``. Rows of the ``quotes`` table carry
    the contract's columns plus ``kind`` (direct, indirect, mixed, according, floating,
    non_comment, negated), ``source`` (as written), ``speakers`` (list),
    ``quoted_tokens`` and ``score`` (cue-model probability; 1.0 for direct quotes).
    Spans: ``quote`` (one per content fragment, label = kind, voice quoted), ``cue``
    (label = cue class) and ``source`` (label = speaker), both in the author's voice.
    ``doc.annotations["quoted_ranges"]`` holds the sorted disjoint quoted ranges and
    ``doc.annotations["attribution_summary"]`` the document-level balance summary.

    Parameters
    ----------
    actors : dict of side -> list of aliases, optional
        Which side each speaker belongs to (``{"Russian government": ["Putin",
        "Kremlin"]}``); balance is computed across sides when given, across speakers
        otherwise.
    use_model : bool
        Filter rule cues with the shipped cue model (when its file is present): a
        :class:`~framing.attribution.CueWeights` (``self.model``), NumPy only.

    Examples
    --------
    >>> from framing.segment import segment
    >>> doc = segment("\u201cWe will win,\u201d Jane Doe said.", "d")
    >>> AttributionScorer().annotate([doc])
    >>> doc.rows["quotes"][0]["speaker"], doc.columns["n_quotes"]
    ('Jane Doe', [1])
    """

    name: ClassVar[str] = "attribution"
    columns: ClassVar[tuple[str, ...]] = (
        "n_quotes",
        "quoted_share",
        "balance",
        "n_direct",
        "top_speaker_share",
        "anonymous_share",
        "unattributed_share",
    )
    tables: ClassVar[tuple[str, ...]] = ("quotes",)

    def __init__(self, actors: dict[str, list[str]] | None = None, use_model: bool = True) -> None:
        self.actors = dict(actors or {})
        self.use_model = use_model
        self.lexicon = load_reporting_verbs()
        self._side_patterns = _side_patterns(self.actors)
        self.model = None
        if use_model:
            self.model = load_cue_model()

    def provenance(self) -> dict[str, Any]:
        """Lexicon and model versions."""
        out: dict[str, Any] = {
            "scorer": self.name,
            "lexicon": "framing reporting_verbs.tsv (project-written)",
            "lexicon_entries": len(self.lexicon),
        }
        if self.model is not None:
            out["model"] = self.model.provenance()
        return out

    def annotate(self, docs: Sequence[Doc]) -> None:
        """Add the quotes table, spans, paragraph columns and ``quoted_ranges``."""
        with relaxed_gc():
            for doc in docs:
                self._annotate(doc)

    def _annotate(self, doc: Doc) -> None:
        paras = [(p.start, p.end) for p in doc.paragraphs]
        word_starts: dict[int, tuple[list[int], list[bool]]] = {}
        cue_filter = self.model.keep if self.model is not None else None
        atts, quotes = extract_attributions(
            doc.text,
            paras,
            self.lexicon,
            self.actors,
            cue_filter=cue_filter,
            cue_prior=self.model.prior_set if self.model is not None else None,
            word_starts=word_starts,
        )
        count = _WordCounter(paras, word_starts)
        # One pass over the attributions: the rows, their spans, the rows by paragraph.
        rows: list[dict[str, Any]] = []
        by_para: dict[int, list[dict[str, Any]]] = {}
        add_span = doc.spans.append
        row_of = self._row
        for a in atts:
            r = row_of(doc, a, count)
            rows.append(r)
            pid, label, score = a.para_id, r["speaker"], a.score
            if pid in by_para:
                by_para[pid].append(r)
            else:
                by_para[pid] = [r]
            src, cue = a.source, a.cue
            if src is not None:
                add_span(Span(pid, src[0], src[1], "source", label, score, "author"))
            if cue is not None:
                add_span(Span(pid, cue[0], cue[1], "cue", a.cue_class, score, "author"))
            for s, e in a.content:
                add_span(Span(pid, s, e, "quote", a.kind, score, "quoted", {"speaker": label}))
        doc.add_rows("quotes", rows)
        words_in = count.words_in
        full = [
            q for q in quotes if q.depth == 0 and words_in(q.start, q.end) >= _MIN_FREE_QUOTE_TOKENS
        ]
        ranges = _ranges(atts, full)
        doc.annotations[QUOTED_RANGES] = ranges
        free = _free_quote_counts(atts, full)
        sides = list(self.actors) or None
        # (a para_id is the paragraph's position: only the quoted paragraphs are visited)
        cols: dict[str, list[Any]] = {c: [] for c in self.columns}
        cols.update(paragraph_scalars(by_para, free, len(doc.paragraphs), sides))
        cols["quoted_share"] = count.shares(ranges)
        doc.columns.update(cols)
        doc.annotations["attribution_summary"] = voice_summary(rows, sides, sum(free.values()))

    def _side_of(self, name: str) -> str | None:
        for side, pat in self._side_patterns:
            if pat.search(name):
                return side
        return None

    def _row(self, doc: Doc, a: Attribution, count: _WordCounter) -> dict[str, Any]:
        text = doc.text
        content, cue, src = a.content, a.cue, a.source
        if content:
            cs, ce = content[0][0], content[-1][1]
            words_in = count.words_in
            n_tok = 0
            for s, e in content:
                n_tok += words_in(s, e)
        else:
            cs = ce = None
            n_tok = 0
        # (each part unpacked once: its offsets and words, or None)
        if cue:
            cue_start, cue_end = cue
            cue_text = text[cue_start:cue_end]
        else:
            cue_start = cue_end = cue_text = None
        if src:
            src_start, src_end = src
            src_text = text[src_start:src_end]
        else:
            src_start = src_end = src_text = None
        speaker = a.speaker
        if not speaker:
            speakers: list[str] = []
            side = a.side
            sides: list[str | None] = []
        elif "; " in speaker:
            speakers = speaker.split("; ")
            sides = [self._side_of(name) for name in speakers]
            side = sides[0] if len(set(sides)) == 1 else None
        else:
            speakers = [speaker]
            side = a.side
            sides = [side]
        return {
            "para_id": a.para_id,
            "speaker": speaker,
            "speaker_type": a.speaker_type,
            "side": side,
            "cue": cue_text,
            "cue_class": a.cue_class,
            "direct": bool(a.direct),
            "source_start": src_start,
            "source_end": src_end,
            "cue_start": cue_start,
            "cue_end": cue_end,
            "content_start": cs,
            "content_end": ce,
            "kind": a.kind,
            "source": src_text,
            "speakers": speakers,
            "speaker_sides": sides,
            "quoted_tokens": n_tok,
            "score": a.score,
        }


class _WordCounter:
    """Counts word tokens (those the frames tokenised) in any span of the document.

    ``tokens`` maps a paragraph id to its token starts and word flags (a token is a word
    when its first character is alphanumeric), as the frames found them: the flags come
    with the memoised chunk tokens, so picking a paragraph's word starts is one C-level
    ``compress``.
    """

    def __init__(
        self,
        paras: list[tuple[int, int]],
        tokens: dict[int, tuple[list[int], list[bool]]],
    ) -> None:
        self.paras = paras
        self.para_starts = [p[0] for p in paras]
        self.tokens = tokens
        self._words: dict[int, list[int]] = {}

    def _ws(self, pid: int) -> list[int]:
        ws = self._words.get(pid)
        if ws is None:
            ws = self._words[pid] = list(compress(*self.tokens.get(pid, _NO_TOKENS)))
        return ws

    def words_in(self, s: int, e: int) -> int:
        """Word tokens in ``[s, e)``.

        A plain method, not ``__call__``: calling an instance goes through its type's
        slot and costs more than a method call.
        """
        pid = bisect.bisect_right(self.para_starts, s) - 1
        ws = self._words.get(pid)
        if ws is None:
            ws = self._ws(pid)
        if not ws:
            return 0
        return bisect.bisect_left(ws, e) - bisect.bisect_left(ws, s)

    def shares(self, ranges: list[tuple[int, int]]) -> list[float]:
        """Share of each paragraph's word tokens inside ``ranges`` (NaN: no tokens).

        ``ranges`` are sorted and disjoint, so their ends increase too: one sweep over the
        paragraphs (in document order) and the ranges finds those that overlap each
        paragraph, without a search per paragraph.
        """
        out: list[float] = []
        add = out.append
        tokens_of = self.tokens.get
        nan = math.nan
        n = len(ranges)
        k = 0  # the first range that ends after the paragraph's start
        for pid, (lo, hi) in enumerate(self.paras):
            while k < n and ranges[k][1] <= lo:
                k += 1
            if k == n or ranges[k][0] >= hi:  # no range touches the paragraph
                add(0.0 if True in tokens_of(pid, _NO_TOKENS)[1] else nan)
                continue
            ws = self._words.get(pid)
            if ws is None:
                ws = self._ws(pid)
            if not ws:
                add(math.nan)
                continue
            inside = 0
            j = k
            while j < n:
                rs, re_ = ranges[j]
                if rs >= hi:
                    break
                inside += bisect.bisect_left(ws, re_) - bisect.bisect_left(ws, rs)
                j += 1
            share = inside / len(ws)
            add(share if share < 1.0 else 1.0)
        return out


def _ranges(atts: list[Attribution], full: list[Quote]) -> list[tuple[int, int]]:
    """Sorted disjoint quoted ranges: contents (not ``non_comment``) and full quotations."""
    spans = [c for a in atts if a.kind != "non_comment" for c in a.content]
    spans += [(q.start, q.end) for q in full]
    spans.sort()
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            if e > merged[-1][1]:
                merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    return merged


def _free_quote_counts(atts: list[Attribution], full: list[Quote]) -> dict[int, int]:
    """Per paragraph, the full quotations that no attribution's content contains."""
    if not full:
        return {}
    covered = sorted([c for a in atts for c in a.content])
    starts = [s for s, _ in covered]
    # reach[k]: the furthest end among the contents starting at or before starts[k] (a
    # loop: a builtin ``max`` call per content costs more)
    reach: list[int] = []
    far = -1
    for _, e in covered:
        if e > far:
            far = e
        reach.append(far)
    out: dict[int, int] = {}
    for q in full:
        k = bisect.bisect_right(starts, q.start)
        if k and reach[k - 1] >= q.end:
            continue  # inside a content (one that starts at or before it ends after it)
        out[q.para_id] = out.get(q.para_id, 0) + 1
    return out
