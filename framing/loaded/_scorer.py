"""The loaded-language scorer: lexicon matches, scare quotes and the paragraph bias score."""

from __future__ import annotations

import bisect
import math
import os
import sys
from collections.abc import Iterable, Sequence
from operator import attrgetter
from typing import TYPE_CHECKING, Any

import numpy as np

from .._gc import relaxed_gc
from ..lexicon import (
    EPISTEMIC_CATEGORIES,
    SUBJECTIVITY_PROVENANCE,
    Lexicon,
    Match,
    Matcher,
    resolve_lexicons,
    subjectivity_lexicon,
)
from ..lexicon._model import MergeMode
from ..scorers import Scorer, quoted_ranges, voice_at
from ..segment import Doc, Span
from ._bias_weights import BiasWeights
from ._fast import FastParagraph, FastScorer
from ._features import builtin_matcher
from ._scare import find_scare_quotes
from ._tagger_weights import TaggerWeights

if TYPE_CHECKING:
    from ._bias import BiasClassifier

__all__ = ["BASE_COLUMNS", "LoadedScorer"]

_NEGATED = attrgetter("negated")

LexiconArg = str | os.PathLike[str] | Lexicon
BASE_COLUMNS = (
    "loaded_count",
    "loaded_per_100",
    "loaded_author",
    "loaded_quoted",
    "loaded_intensity",
    "loaded_subjectivity",
    "scare_quotes",
)


class LoadedScorer(Scorer):
    """Loaded terms, scare quotes and ``bias_score`` per paragraph.

    Paragraph columns: ``loaded_count`` (matches of charged categories, i.e. all
    but ``hedge``, ``factive`` and ``certainty``), ``loaded_per_100`` (per 100 word
    tokens), ``loaded_author`` / ``loaded_quoted`` (the same count split by voice),
    ``loaded_intensity`` (sum of intensities), ``loaded_subjectivity`` (mean
    subjectivity of the paragraph's words found in textblob's lexicon; NaN when
    none), ``scare_quotes``, ``bias_score`` (when a bias model is used) and one
    ``loaded__<category>`` count per lexicon category (:meth:`dynamic_columns`).
    Spans: ``loaded`` (label = category, score = intensity, voice; ``extra`` holds
    all categories, ``negated``, ``polarity`` and the lexicon name) and
    ``scare_quote``.

    The voice of a match comes from ``doc.annotations["quoted_ranges"]`` through
    :func:`framing.scorers.voice_at` (everything is ``author`` when attribution did
    not run); run the attribution scorer first to get the split.

    Parameters
    ----------
    lexicons : path, Lexicon or list of them, optional
        Extra lexicons merged over the built-in ones (see ``merge``).
    merge : {"over", "replace", "add"}
        How extra lexicons combine with the built-in ones.
    bias_model : "pretrained", path, BiasClassifier or None
        Paragraph bias model for ``bias_score``; ``None`` leaves the column out. The
        shipped model and model files are loaded as their fitted state alone
        (:class:`~framing.loaded._bias_weights.BiasWeights`, the object that makes a
        ``BiasClassifier``'s predictions), so scoring does not import scikit-learn.
    negation_window : int
        Tokens searched before a match for a negator.
    scare_quotes : bool
        Look for scare quotes (``scare_quote`` spans and column).
    tagger : None, "pretrained", path or LoadedTermTagger
        Word tagger run on every paragraph: each lexicon span gets its probability
        (``extra["tagger_prob"]``), and words the tagger finds loaded that no lexicon
        lists become ``loaded`` spans labelled ``unlisted`` (score = probability).
        They are not part of the counts. Slower; off by default. Loaded as a
        :class:`~framing.loaded._tagger_weights.TaggerWeights` (as ``bias_model``).

    Examples
    --------
    >>> from framing.segment import segment
    >>> doc = segment('The so-called experts slammed the "peace" talks.')
    >>> scorer = LoadedScorer(bias_model=None)
    >>> scorer.annotate([doc])
    >>> doc.columns["loaded_count"], doc.columns["scare_quotes"]
    ([2], [1])
    >>> [(doc.text[s.start:s.end], s.kind, s.label) for s in doc.spans]
    [('so-called', 'loaded', 'delegitimising'), ('slammed', 'loaded', 'hyperbole'), \
('"peace"', 'scare_quote', None)]
    """

    name = "loaded"

    def __init__(
        self,
        lexicons: LexiconArg | Iterable[LexiconArg] | None = None,
        merge: MergeMode = "over",
        bias_model: Any = "pretrained",
        negation_window: int = 3,
        scare_quotes: bool = True,
        tagger: Any = None,
    ) -> None:
        self.scare_quotes = scare_quotes
        self.tagger = _resolve_tagger(tagger)
        self.lexicons = resolve_lexicons(lexicons, merge)
        self.matcher = Matcher(self.lexicons, negation_window=negation_window)
        self.categories = sorted({e.category for lex in self.lexicons for e in lex})
        self._subjectivity = {w: s for w, (_, s) in subjectivity_lexicon().items()}
        self.bias_model: BiasWeights | BiasClassifier | None = _resolve_bias_model(bias_model)
        cols = BASE_COLUMNS + (("bias_score",) if self.bias_model is not None else ())
        self.columns = cols  # type: ignore[misc]
        # The models' features use the built-in lexicons: reuse this scorer's matches when
        # it matches with exactly those.
        self._own_matches = lexicons is None and negation_window == 3
        self._fast_bias, self._fast_tagger, self._own_tagger = _fast_scorers(
            self.bias_model, self.tagger
        )

    def dynamic_columns(self) -> tuple[str, ...]:
        """One count column per lexicon category: ``loaded__<category>``."""
        return tuple(f"loaded__{c}" for c in self.categories)

    def provenance(self) -> dict[str, Any]:
        """Lexicon and model versions and licences."""
        out: dict[str, Any] = {
            "scorer": self.name,
            "lexicons": [lex.provenance.to_dict() for lex in self.lexicons],
            "subjectivity": SUBJECTIVITY_PROVENANCE,
        }
        if self.bias_model is not None:
            out["bias_model"] = self.bias_model.provenance()
        if self.tagger is not None:
            out["tagger"] = self.tagger.provenance()
        return out

    def annotate(self, docs: Sequence[Doc]) -> None:
        """Add loaded-term columns and spans to each Doc."""
        with relaxed_gc():
            self._annotate_batch(docs)

    def _annotate_batch(self, docs: Sequence[Doc]) -> None:
        models = self.bias_model is not None or self.tagger is not None
        fast = self._fast_bias or self._fast_tagger  # also gives the subjectivity means
        paras: list[FastParagraph] = []
        for doc in docs:
            found = self._annotate(doc, subjectivity=fast is None)
            if models:
                paras.extend(self._model_input(doc, found))
        if not models:
            return
        word_probs: list[np.ndarray] = []
        subjectivity = None
        if self._fast_tagger is not None:
            res = self._fast_tagger.score(paras)
            word_probs, subjectivity = res.word_probs, res.subjectivity
        if self._fast_bias is not None:
            own = self._own_tagger
            res = self._fast_bias.score(paras, words=own)
            probs, subjectivity = res.bias, res.subjectivity
            if own:
                word_probs = res.word_probs
        elif self.bias_model is not None:  # a model of another kind: its own predict_proba
            texts = [doc.text[p.start : p.end] for doc in docs for p in doc.paragraphs]
            probs = self.bias_model.predict_proba(texts)[:, 1] if texts else np.zeros(0)
        k = 0
        for doc in docs:
            n = len(doc.paragraphs)
            if subjectivity is not None:
                doc.columns["loaded_subjectivity"] = subjectivity[k : k + n].tolist()
            if self.bias_model is not None:
                doc.columns["bias_score"] = probs[k : k + n].tolist()
            if self.tagger is not None:
                self._tag(doc, word_probs[k : k + n])
            k += n

    def _model_input(self, doc: Doc, found: list[list[Match]]) -> list[FastParagraph]:
        text = doc.text
        if self._own_matches:
            return [
                FastParagraph(p.words, p.lower, m, text[p.start : p.end])
                for p, m in zip(doc.paragraphs, found, strict=True)
            ]
        match = builtin_matcher().match
        return [
            FastParagraph(
                p.words, p.lower, match(p.words, p.tokens, text, p.lower), text[p.start : p.end]
            )
            for p in doc.paragraphs
        ]

    def _annotate(self, doc: Doc, subjectivity: bool = True) -> list[list[Match]]:
        """Lexicon columns and spans of one Doc (``loaded_subjectivity`` NaN unless
        ``subjectivity``); returns each paragraph's matches."""
        cats = self.categories
        cat_index = {c: i for i, c in enumerate(cats)}
        zeros = [0] * len(cats)
        subj = self._subjectivity
        text = doc.text
        scan = self._scan if self.scare_quotes else None
        base: list[tuple[Any, ...]] = []
        per_cat: list[list[int]] = []
        found: list[list[Match]] = []
        plain = doc.view.index is None  # view offsets are the paragraphs' own
        quoted = bool(quoted_ranges(doc))  # else every match is in the author's voice
        find = doc.view.text.find
        paras = doc.paragraphs
        all_lower = [p.lower for p in paras]
        all_matches = self.matcher.match_many([p.words for p in paras], all_lower)
        for p, lower, matches in zip(paras, all_lower, all_matches, strict=True):
            counts = zeros
            n_loaded = n_author = 0
            total = 0.0
            if matches:
                counts = zeros.copy()
                tokens = p.first_tokens(matches[-1].end)  # matches are in token order
                if any(map(_NEGATED, matches)):  # re-check the scope with punctuation
                    matches = self.matcher.clause_scope(matches, lower, tokens, text)
                for m in matches:
                    start, end = tokens[m.start][0], tokens[m.end - 1][1]
                    voice = voice_at(doc, start, end) if quoted else "author"
                    charged = False
                    for e in m.entries:
                        counts[cat_index[e.category]] += 1
                        charged = charged or e.category not in EPISTEMIC_CATEGORIES
                    if charged:
                        n_loaded += 1
                        n_author += voice == "author"
                        ents = m.entries
                        total += ents[0].intensity if len(ents) == 1 else m.intensity
                    doc.spans.append(_span(p.para_id, start, end, m, voice))
            found.append(matches)
            per_cat.append(counts)
            n_tok = len(lower)
            sv = [s for s in map(subj.get, lower) if s is not None] if subjectivity else []
            base.append(
                (
                    n_loaded,
                    100.0 * n_loaded / n_tok if n_tok else 0.0,
                    n_author,
                    n_loaded - n_author,
                    total,
                    sum(sv) / len(sv) if sv else math.nan,
                    0
                    if scan is None
                    or (  # no quotation mark in the paragraph: no scare quote either
                        plain and find('"', p.start, p.end) < 0 and find("'", p.start, p.end) < 0
                    )
                    else scan(doc, p),
                )
            )
        cols: dict[str, list[Any]] = {c: [] for c in BASE_COLUMNS}
        if base:
            cols.update(zip(BASE_COLUMNS, map(list, zip(*base, strict=True)), strict=True))
        by_cat = map(list, zip(*per_cat, strict=True)) if per_cat else ([] for _ in cats)
        cols.update(zip([f"loaded__{c}" for c in cats], by_cat, strict=True))
        doc.columns.update(cols)
        return found

    def _tag(self, doc: Doc, word_probs: Sequence[np.ndarray]) -> None:
        """Add the tagger's probabilities to lexicon spans and its unlisted words as spans."""
        assert self.tagger is not None
        th = self.tagger.threshold
        by_start = {(s.start, s.end): s for s in doc.spans if s.kind == "loaded"}
        for p, probs in zip(doc.paragraphs, word_probs, strict=True):
            for i in np.flatnonzero(probs >= th).tolist():
                start, end = p.tokens[i]
                prob = float(probs[i])
                span = by_start.get((start, end))
                if span is not None:
                    if span.extra is not None:
                        span.extra["tagger_prob"] = prob
                    continue
                voice = voice_at(doc, start, end)
                doc.spans.append(Span(p.para_id, start, end, "loaded", "unlisted", prob, voice))

    def _scan(self, doc: Doc, p: Any) -> int:
        """Add the paragraph's scare-quote spans; return how many."""
        view = doc.view
        vs, ve = (p.start, p.end) if view.index is None else _view_bounds(view.index, p)
        vt = view.text
        n = 0
        for a, b in find_scare_quotes(vt, vs, ve):
            start, end = view.span(a, b)
            if voice_at(doc, start + 1, end - 1) == "quoted":
                continue
            n += 1
            doc.spans.append(Span(p.para_id, start, end, "scare_quote", None, 1.0, "author"))
        return n


def _span(para_id: int, start: int, end: int, m: Match, voice: str) -> Span:
    ents = m.entries
    if len(ents) == 1:  # the common case, without the generic properties
        best = ents[0]
        pol = -best.polarity if m.negated else best.polarity
        extra = {
            "categories": [best.category],
            "negated": m.negated,
            "polarity": pol,
            "lexicon": best.lexicon,
        }
        return Span(para_id, start, end, "loaded", best.category, best.intensity, voice, extra)
    best = max(ents, key=lambda e: e.intensity)
    extra = {
        "categories": list(m.categories),
        "negated": m.negated,
        "polarity": m.polarity,
        "lexicon": best.lexicon,
    }
    return Span(para_id, start, end, "loaded", best.category, m.intensity, voice, extra)


def _view_bounds(index: list[int], p: Any) -> tuple[int, int]:
    return bisect.bisect_left(index, p.start), bisect.bisect_left(index, p.end)


def _fast_scorers(bias: Any, tagger: Any) -> tuple[FastScorer | None, FastScorer | None, bool]:
    """Fast scorers for the bias model (with its tagger) and for a separate span tagger, and
    whether the span tagger is the bias model's own (scored once, by the first)."""
    weights = _bias_weights(bias)
    fast_bias = FastScorer(weights) if weights is not None else None
    own = (
        weights is not None
        and tagger is not None
        and weights.tagger is not None
        and (tagger is weights.tagger or tagger is getattr(bias, "tagger_", None))
    )
    fast_tagger = None
    if tagger is not None and not own:
        fast_tagger = FastScorer(tagger=_tagger_weights(tagger))
    return fast_bias, fast_tagger, own


def _bias_weights(model: Any) -> BiasWeights | None:
    """The fitted state of a bias model: a BiasWeights as it is, a BiasClassifier's
    ``to_weights()``; None for a model of another kind (scored by its ``predict_proba``)."""
    if isinstance(model, BiasWeights):
        return model
    bias_module = sys.modules.get("framing.loaded._bias")  # loaded if a BiasClassifier exists
    if bias_module is not None and isinstance(model, bias_module.BiasClassifier):
        return model.to_weights()  # type: ignore[no-any-return]
    return None


def _tagger_weights(tagger: Any) -> TaggerWeights:
    """The fitted state of a tagger: a TaggerWeights as it is, a LoadedTermTagger's
    ``to_weights()``."""
    if isinstance(tagger, TaggerWeights):
        return tagger
    tagger_module = sys.modules.get("framing.loaded._tagger")
    if tagger_module is not None and isinstance(tagger, tagger_module.LoadedTermTagger):
        return tagger.to_weights()  # type: ignore[no-any-return]
    raise TypeError("tagger must be 'pretrained', a path, a fitted LoadedTermTagger or None")


def _resolve_tagger(tagger: Any) -> Any:
    if tagger is None:
        return None
    if isinstance(tagger, str) and tagger == "pretrained":
        return TaggerWeights.pretrained()
    if isinstance(tagger, (str, os.PathLike)):
        return TaggerWeights.load(tagger)
    if not hasattr(tagger, "tag"):
        raise TypeError("tagger must be 'pretrained', a path, a fitted LoadedTermTagger or None")
    return tagger


def _resolve_bias_model(model: Any) -> BiasWeights | BiasClassifier | None:
    if model is None:
        return None
    if isinstance(model, str) and model == "pretrained":
        return BiasWeights.pretrained()
    if isinstance(model, (str, os.PathLike)):
        return BiasWeights.load(model)
    if not hasattr(model, "predict_proba"):
        raise TypeError("bias_model must be 'pretrained', a path, a fitted BiasClassifier or None")
    return model  # type: ignore[no-any-return]
