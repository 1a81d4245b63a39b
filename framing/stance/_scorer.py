"""The stance scorer: per (paragraph, target) stance, split by voice."""

from __future__ import annotations

import bisect
from collections.abc import Mapping, Sequence
from itertools import pairwise
from operator import itemgetter
from typing import TYPE_CHECKING, Any

import numpy as np

from .._gc import relaxed_gc
from ..errors import InputError
from ..lexicon import VADER_PROVENANCE
from ..scorers import Scorer, quoted_ranges
from ..segment import Doc
from ._features import MentionFeaturizer, MentionParts, token_range, trim_word_keys
from ._lexicon_scorer import LexiconStance, SentenceTokens, tokenize_sentence
from ._scorer_parts import (
    _in_label_order,
    _loaded_polarity,
    _proba,
    _round4,
    _same_raw,
    _shift,
    _token_ranges,
    _view,
    _view_index,
    _voice,
    stance_label,
)
from ._speaker_pronouns import speaker_pronouns
from ._stance_rows import write_stance
from ._stance_weights import LABELS, StanceWeights, as_rows
from ._targets import Mention, TargetMatcher
from ._token_bounds import TokenBounds

if TYPE_CHECKING:
    from ._classifier import TargetStanceClassifier

__all__ = ["StanceScorer", "stance_label"]

#: A Mention's start offset (its field 1; a C call, not a Python lambda).
_mention_start = itemgetter(1)
#: Sentences with mentions from which a document's are tokenised together
#: (:class:`~framing.stance._token_bounds.TokenBounds`; its NumPy pass costs about as
#: much as tokenising three sentences one by one).
_BOUNDS_MIN = 4


class StanceScorer(Scorer):
    """Stance toward named targets per paragraph, in the author's and quoted voices.

    Each mention (alias, demonym, metonym, short name or pronoun; see
    :class:`~framing.stance._targets.TargetMatcher`) is scored by the lexicon rules
    (:class:`~framing.stance._lexicon_scorer.LexiconStance`) and, when a classifier is
    given, by :class:`TargetStanceClassifier`. With a classifier, a mention's class
    probabilities are the classifier's, with the rules' evidence added to the log-odds
    of favour against against (``lexicon_weight``, or ``direct_weight`` when the rules
    found direct predication); its score is ``P(favor) - P(against)`` and its label the
    most probable class, so labels agree with what ``framing evaluate stance`` measures.
    Without one, the score is the rules' and the label comes from ``threshold``. A
    paragraph's row averages its mentions' probabilities (pronouns count half), and
    ``author_*`` / ``quoted_*`` do the same per voice. A mention inside
    ``doc.annotations["quoted_ranges"]`` (filled by the attribution scorer) is in the
    quoted voice and is judged on the quoted words only; a mention in the author's voice
    is judged with quoted words masked.
    First-person pronouns inside a quote count as mentions of the speaker's target.

    Output per paragraph that mentions a target: a ``stance`` row (``para_id, target,
    score, label, voice, author_score, quoted_score`` plus ``author_label,
    quoted_label, n_mentions``), the column ``stance__<target>`` (NaN where the target
    is not mentioned) and one ``target`` span per mention.

    Parameters
    ----------
    targets : mapping of str to list of str
        Target name -> aliases.
    classifier : TargetStanceClassifier, "pretrained" or None, default "pretrained"
        A fitted classifier; "pretrained" loads the shipped model's arrays
        (:class:`~framing.stance._stance_weights.StanceWeights`, the same predictions as
        ``TargetStanceClassifier.pretrained()`` without importing scikit-learn); None
        scores with the lexicon rules only.
    lexicon_weight : float, default 0.0
        Weight of the rules' evidence (-1..1) added to the classifier's log-odds of
        ``favor`` and subtracted from those of ``against``. 0 lets the classifier decide:
        the classifier already sees the rules' score as a feature, and on NewsMTSC train
        (out-of-fold, 5-fold cross-validation) any weight above 0 lowered macro-F1.
    direct_weight : float, default 0.25
        The same weight for mentions where the rules found direct predication (a
        predicate verb acting on the target, or ``target is ...``: "China-Russia policy
        is a symbol of stability"), a construction the bag-of-words classifier reads
        poorly. Out-of-fold macro-F1 on NewsMTSC train (``scripts/choose_stance_weights.py``):
        0.6845 at 0, 0.6831 at 0.25, 0.6818 at 0.5, within the ±0.003 between reruns;
        0.25 is the smallest weight under which the seed article's quoted praise of the
        partnership reads as favourable.
    threshold : float, default 0.2
        Without a classifier: ``|score|`` from which a stance is ``favor`` /
        ``against``.
    expand : bool, default True
        Add demonyms and metonyms of known countries.

    Examples
    --------
    >>> from framing.segment import segment
    >>> doc = segment('Critics condemned Russia. Acme opened an office.')
    >>> StanceScorer({"Russia": []}, classifier=None).annotate([doc])
    >>> [(r["target"], r["label"]) for r in doc.rows["stance"]]
    [('Russia', 'against')]
    >>> doc.columns["stance__Russia"][0] < 0
    True
    """

    name = "stance"
    requires = ()
    tables = ("stance",)

    def __init__(
        self,
        targets: Mapping[str, Sequence[str]],
        classifier: TargetStanceClassifier | StanceWeights | str | None = "pretrained",
        *,
        lexicon_weight: float = 0.0,
        direct_weight: float = 0.25,
        threshold: float = 0.2,
        expand: bool = True,
    ) -> None:
        if not isinstance(targets, Mapping) or not targets:
            raise InputError("targets must be a non-empty mapping of name -> aliases")
        for name, aliases in targets.items():
            if isinstance(aliases, str) or not isinstance(aliases, Sequence):
                raise InputError(f"target {name!r}: aliases must be a list of strings")
        self.targets = {str(k): [str(a) for a in v] for k, v in targets.items()}
        if isinstance(classifier, str):
            if classifier != "pretrained":
                raise InputError(
                    f"classifier must be 'pretrained', None or an estimator, not {classifier!r}"
                )
            classifier = StanceWeights.pretrained()
        self.classifier = classifier
        self.lexicon_weight = float(lexicon_weight)
        self.direct_weight = float(direct_weight)
        self.threshold = float(threshold)
        self.expand = expand
        self.matcher = TargetMatcher(self.targets, expand=expand)
        self.rules = LexiconStance()
        self.featurizer = MentionFeaturizer()

    def __getstate__(self) -> dict[str, Any]:
        """Pickle small (for worker processes): the shipped model and lexicons are reloaded."""
        state = {
            k: v for k, v in self.__dict__.items() if k not in ("rules", "featurizer", "matcher")
        }
        if getattr(self.classifier, "pretrained_", False):
            state["classifier"] = "pretrained"
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        if self.classifier == "pretrained":
            self.classifier = StanceWeights.pretrained()
        self.matcher = TargetMatcher(self.targets, expand=self.expand)
        self.rules = LexiconStance()
        self.featurizer = MentionFeaturizer()

    def dynamic_columns(self) -> tuple[str, ...]:
        """``stance__<target>`` for every target."""
        return tuple(f"stance__{t}" for t in self.targets)

    def provenance(self) -> dict[str, Any]:
        """Lexicons and model behind the scores."""
        prov: dict[str, Any] = {
            "scorer": self.name,
            "targets": sorted(self.targets),
            "lexicons": [VADER_PROVENANCE, {"name": "textblob en-sentiment.xml", "licence": "MIT"}],
            "lexicon_weight": self.lexicon_weight,
            "direct_weight": self.direct_weight,
        }
        if self.classifier is not None:
            prov["model"] = getattr(self.classifier, "provenance_", {}) or {
                "name": "TargetStanceClassifier (user-fitted)"
            }
        return prov

    # -- annotate --------------------------------------------------------------------------
    def annotate(self, docs: Sequence[Doc]) -> None:
        """Add stance rows, ``stance__<target>`` columns and target spans to each Doc."""
        with relaxed_gc():
            self._annotate_batch(docs)

    def _annotate_batch(self, docs: Sequence[Doc]) -> None:
        trim_word_keys()
        # Mentions the classifier scores get their features' row of the batch (shared
        # with the first unit of their target and voice in their sentence).
        feats: list[MentionParts] = []
        scored: list[dict[str, Any]] = []
        rows: list[int] = []
        per_doc = [self._mentions(doc, feats, scored, rows) for doc in docs]
        if feats:
            P = _in_label_order(_proba(self.classifier, feats), self.classifier.classes_)
            self._combine(scored, rows, P)
        # The spans' rounded scores, for the whole batch in one NumPy pass.
        rounded = _round4([it["score"] for items in per_doc for it in items])
        k = 0
        for doc, items in zip(docs, per_doc, strict=True):
            write_stance(doc, items, rounded[k : k + len(items)], self.targets, self.threshold)
            k += len(items)

    def _mentions(
        self,
        doc: Doc,
        feats: list[MentionParts],
        scored: list[dict[str, Any]],
        rows: list[int],
    ) -> list[dict[str, Any]]:
        """The scored units of ``doc``'s mentions; the classifier's features are added
        to ``feats``, and the units it scores with their rows of ``feats`` to ``scored``
        and ``rows``."""
        mentions = self.matcher.find(doc)
        if not mentions:
            return []
        ranges = quoted_ranges(doc)
        if ranges:
            mentions = sorted(
                mentions + speaker_pronouns(doc, mentions, ranges), key=_mention_start
            )
        lexicon = self.rules.lexicon
        want_feat = self.classifier is not None
        by_sent: dict[tuple[int, int], list[Mention]] = {}
        # Per paragraph id: its sentences and their starts.
        sent_of: dict[int, tuple[list[tuple[int, int]], list[int]]] = {}
        paragraphs = doc.paragraphs
        right = bisect.bisect_right
        for m in mentions:
            pid, start = m[0], m[1]  # (para_id, start: indexing a Mention is cheap)
            hit = sent_of.get(pid)
            if hit is None:
                sentences = paragraphs[pid].sentences
                hit = sent_of[pid] = (sentences, [s for s, _ in sentences])
            sentences, starts = hit
            i = right(starts, start) - 1  # (so the sentence starts at or before the mention)
            if i >= 0 and start < sentences[i][1]:
                sent = sentences[i]
            else:
                para = paragraphs[pid]
                sent = (para.start, para.end)
            by_sent.setdefault(sent, []).append(m)
        loaded = sorted(
            (sp.start, sp.end, _loaded_polarity(sp)) for sp in doc.spans if sp.kind == "loaded"
        )
        range_ends = [b for _, b in ranges]  # ranges are sorted and disjoint
        # The sentences' token offsets at once, when there are enough to pay for it.
        bounds = TokenBounds(doc.text, by_sent) if len(by_sent) >= _BOUNDS_MIN else None
        items: list[dict[str, Any]] = []
        for (s, e), ms in by_sent.items():
            sub = []
            for a, b in ranges[bisect.bisect_right(range_ends, s) :]:
                if a >= e:
                    break
                sub.append((a, b))
            toks = tokenize_sentence(doc.text, s, e, sub, lexicon, bounds)
            spans = _token_ranges(toks, ms)
            extra: dict[int, float] = {}
            for ls, le, pol in loaded[bisect.bisect_left(loaded, (s,)) :]:
                if ls >= e:
                    break
                if s <= ls < e:
                    la, lb = token_range(toks, ls, le)
                    for i in range(la, lb):
                        extra[i] = pol
            views: dict[Any, tuple[SentenceTokens, list[int] | None]] = {}
            # The classifier judges the sentence toward a target in one voice: once.
            first: dict[tuple[str, bool], dict[str, Any]] = {}
            # Adjacent mentions of one target in one voice ("Russian President Vladimir
            # Putin") are scored once, as a unit.
            # A unit is a run of mentions: ms[heads[u] : heads[u + 1]].
            heads: list[int] = []
            for k, m in enumerate(ms):
                if (
                    k
                    and ms[k - 1].target == m.target
                    and spans[k][0] - spans[k - 1][1] <= 2
                    and _voice(toks, spans[k - 1]) == _voice(toks, spans[k])
                    and all(w[:1].isalnum() for w in toks.words[spans[k - 1][1] : spans[k][0]])
                ):
                    continue
                heads.append(k)
            heads.append(len(ms))
            others_of: dict[str, list[tuple[int, int]]] = {}  # target -> other targets' spans
            for h, t in pairwise(heads):
                a, b = spans[h][0], spans[t - 1][1]
                quoted = b > a and all(toks.quoted[a:b])  # (_voice, inlined)
                target = ms[h].target
                others = others_of.get(target)
                if others is None:
                    others = others_of[target] = [
                        spans[k] for k, o in enumerate(ms) if o.target != target
                    ]
                share = first.get((target, quoted)) if want_feat else None
                # The rules' raw evidence (a feature) comes from the same pass as their
                # score: on the sentence, which is the classifier's view without quotes
                # and gives the same number as a one-run view in most cases (_same_raw).
                raw = None
                if b <= a:
                    lex, direct = 0.0, 0.0
                elif want_feat and share is None:
                    lex, direct, raw = self.rules.evidence_and_raw(toks, a, b, others, extra)
                else:
                    lex, direct = self.rules.evidence(toks, a, b, others, extra)
                feat = None
                if want_feat and b > a and share is None:
                    if sub:  # (else the view is the sentence itself)
                        view, keep = _view(toks, a, quoted, sub, views, lexicon)
                        va = _view_index(keep, a)
                    else:
                        view, keep, va = toks, None, a
                    if va >= 0:
                        if keep is not None and raw is not None and not _same_raw(toks, view, keep):
                            raw = None
                        feat = self.featurizer.from_tokens(view, va, va + (b - a), raw)
                item = {
                    "ms": ms[h:t],
                    "voice": "quoted" if quoted else "author",
                    "lex": lex,
                    "direct": abs(direct) >= 0.3,
                    "score": lex,
                }
                if feat is not None:
                    first[(target, quoted)] = item
                    item["row"] = len(feats)
                    feats.append(feat)
                    scored.append(item)
                    rows.append(item["row"])
                elif share is not None:
                    scored.append(item)
                    rows.append(share["row"])
                items.append(item)
        return items

    def _combine(self, scored: list[dict[str, Any]], rows: list[int], P: np.ndarray) -> None:
        """The probabilities (``"p"``) and score of each unit in ``scored`` from its row
        of the classifier's ``P`` and the rules' evidence (vectorised over the batch)."""
        p = P[rows]
        beta = np.array(
            [self.direct_weight if it["direct"] else self.lexicon_weight for it in scored]
        )
        if beta.any():
            p = _shift(p, np.array([it["lex"] for it in scored]), beta)
        for it, probs in zip(scored, p.tolist(), strict=True):
            it["p"] = probs
            it["score"] = probs[2] - probs[0]

    def label_mentions(self, X: Any) -> np.ndarray:
        """The labels this scorer gives single mentions in the author's voice.

        Each mention is judged in its sentence as :meth:`annotate` judges a lone
        author-voice mention there (no other target, quotation or loaded term), so that
        ``framing evaluate stance`` measures the labels users get, not only the
        classifier's.

        Parameters
        ----------
        X : DataFrame with columns text, start, end
            As for :class:`TargetStanceClassifier`: the mention is ``text[start:end]``.

        Returns
        -------
        numpy.ndarray of str
            ``against`` / ``neutral`` / ``favor`` per row.

        Examples
        --------
        >>> import pandas as pd
        >>> X = pd.DataFrame({"text": ["Critics condemned Russia."], "start": [18], "end": [24]})
        >>> StanceScorer({"Russia": []}, classifier=None).label_mentions(X).tolist()
        ['against']
        """
        rows = as_rows(X)
        lex = np.zeros(len(rows))
        direct = np.zeros(len(rows), dtype=bool)
        lexicon = self.rules.lexicon
        for i, (text, start, end) in enumerate(rows):
            toks = tokenize_sentence(text, 0, len(text), (), lexicon)
            a, b = token_range(toks, start, end)
            if b > a:
                lex[i], d = self.rules.evidence(toks, a, b)
                direct[i] = abs(d) >= 0.3
        if self.classifier is None:
            return np.asarray([stance_label(v, self.threshold) for v in lex], dtype=str)
        P = _in_label_order(self.classifier.predict_proba(rows), self.classifier.classes_)
        beta = np.where(direct, self.direct_weight, self.lexicon_weight)
        if beta.any():
            P = _shift(P, lex, beta)
        return np.asarray(LABELS, dtype=str)[P.argmax(axis=1)]
