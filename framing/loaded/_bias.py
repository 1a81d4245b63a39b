"""Paragraph- or sentence-level bias classifier (``bias_score``)."""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin, TransformerMixin, clone
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold
from sklearn.utils.validation import check_is_fitted

from ._bias_weights import (
    TAGGER_FEATURES,
    BiasWeights,
    bias_provenance,
    dense_features,
    design_matrix,
    hashed_counts,
    tagger_features,
    texts_of,
)
from ._features import SENTENCE_FEATURES
from ._linear import LinearWeights
from ._tagger import LoadedTermTagger, token_table

__all__ = ["TAGGER_FEATURES", "BiasClassifier", "tagger_features"]


class BiasClassifier(TransformerMixin, ClassifierMixin, BaseEstimator):
    """Probability that a sentence or paragraph uses biased / loaded language.

    Features: hashed word 1-2-grams and character 2-5-grams of the words (counts times
    idf, each block divided by ``sqrt(sum(count * idf**2))``; no vocabulary is
    stored), dense counts from the project's lexicons, VADER valence and textblob
    subjectivity statistics, and (optionally) statistics of the word probabilities of
    a :class:`LoadedTermTagger`; a logistic regression on top. Every feature is a sum
    over words and word pairs or a per-text number, so a text's score can be computed
    from cached per-word terms (:class:`framing.loaded._fast.FastScorer`, used by
    :class:`LoadedScorer`).

    Parameters
    ----------
    n_features : int
        Size of each hashed space (words, characters).
    char_ngrams : bool
        Add hashed character n-grams.
    C : float
        Inverse regularisation strength.
    class_weight : "balanced" or None
    tagger : None, "pretrained" or LoadedTermTagger
        Word-level tagger whose probabilities become features. An unfitted tagger is
        trained in :meth:`fit` from ``token_labels`` (cross-fitted, so the features
        seen in training are out-of-fold).
    cv : int
        Folds for cross-fitting the tagger.
    dense_weight : float
        Multiplier of the standardised dense features.
    tune_threshold : bool
        When the tagger is cross-fitted, set its ``threshold`` to the value with the
        best word-level F1 on the out-of-fold predictions (training data only).
    max_iter : int

    Attributes
    ----------
    classes_ : ndarray
        The labels seen in ``fit`` (sorted); ``predict_proba`` columns follow them.
    weights_ : LinearWeights
    tagger_ : LoadedTermTagger or None

    Examples
    --------
    >>> texts = ["A sham vote by thugs.", "The vote was held.", "Corrupt thugs.",
    ...          "The council met.", "A shameful sham.", "Voters went to polls."]
    >>> clf = BiasClassifier(n_features=2**12).fit(texts, [1, 0, 1, 0, 1, 0])
    >>> clf.predict(["Corrupt thugs held a sham vote.", "The council held a vote."]).tolist()
    [1, 0]
    """

    def __init__(
        self,
        n_features: int = 2**18,
        char_ngrams: bool = True,
        C: float = 4.0,
        class_weight: str | None = "balanced",
        tagger: Any = None,
        cv: int = 5,
        dense_weight: float = 1.0,
        tune_threshold: bool = True,
        max_iter: int = 3000,
    ) -> None:
        self.n_features = n_features
        self.char_ngrams = char_ngrams
        self.C = C
        self.class_weight = class_weight
        self.tagger = tagger
        self.cv = cv
        self.dense_weight = dense_weight
        self.tune_threshold = tune_threshold
        self.max_iter = max_iter

    # -- fitting ---------------------------------------------------------------------------
    def fit(
        self, X: Sequence[str], y: Any, token_labels: Sequence[set[str]] | None = None
    ) -> BiasClassifier:
        """Fit on texts ``X`` and labels ``y``.

        Parameters
        ----------
        X : sequence of str
        y : array-like of two distinct labels (e.g. 0/1)
        token_labels : sequence of sets of str, optional
            Lower-cased loaded words of each text, to train an unfitted ``tagger``.
        """
        texts = texts_of(X)
        y = np.asarray(y)
        self.classes_ = np.unique(y)
        if len(self.classes_) != 2:
            raise ValueError(f"y must hold exactly two classes, got {self.classes_.tolist()}")
        if len(texts) != len(y):
            raise ValueError(f"X has {len(texts)} texts but y has {len(y)} labels")
        yb = (y == self.classes_[1]).astype(int)
        self.tagger_, tfeats = self._fit_tagger(texts, yb, token_labels)
        D = dense_features(texts, tfeats)
        self.dense_mean_ = D.mean(axis=0)
        scale = D.std(axis=0)
        scale[scale == 0] = 1.0
        self.dense_scale_ = scale
        counts = hashed_counts(texts, self.n_features, self.char_ngrams)
        self.idf_ = []
        for C in counts:
            df = np.bincount(C.indices, minlength=self.n_features)
            self.idf_.append(np.log((1.0 + len(texts)) / (1.0 + df)) + 1.0)
        Xm = design_matrix(
            counts, self.idf_, D, self.dense_mean_, self.dense_scale_, self.dense_weight
        )
        lr = LogisticRegression(C=self.C, class_weight=self.class_weight, max_iter=self.max_iter)
        lr.fit(Xm, yb)
        self.weights_ = LinearWeights.from_estimator(lr)
        self.n_features_in_ = 1
        return self

    def _fit_tagger(
        self, texts: list[str], yb: np.ndarray, token_labels: Sequence[set[str]] | None
    ) -> tuple[LoadedTermTagger | None, np.ndarray | None]:
        tagger = self.tagger
        if tagger is None:
            return None, None
        if isinstance(tagger, str):
            if tagger != "pretrained":
                raise ValueError("tagger must be None, 'pretrained' or a LoadedTermTagger")
            tagger = LoadedTermTagger.pretrained()
            return tagger, tagger_features(tagger, texts)
        if hasattr(tagger, "weights_"):  # fitted: used as it is
            return tagger, tagger_features(tagger, texts)
        if token_labels is None:
            raise ValueError("an unfitted tagger needs token_labels in fit()")
        labels = [{w.lower() for w in s} for s in token_labels]
        oof = np.zeros((len(texts), len(TAGGER_FEATURES)))
        oof_words: list[list[tuple[str, float]]] = [[] for _ in texts]
        folds = StratifiedKFold(self.cv, shuffle=True, random_state=0)
        for tr, te in folds.split(np.zeros(len(texts)), yb):
            t = _fit_tagger_on(clone(tagger), [texts[i] for i in tr], [labels[i] for i in tr])
            sub = [texts[i] for i in te]
            oof[te] = tagger_features(t, sub)
            table = token_table(sub)
            probs = t.predict_proba(table)[:, 1] if not table.empty else []
            for tid, w, p in zip(table["text_id"], table["word"], probs, strict=True):
                oof_words[te[tid]].append((w.lower(), float(p)))
        final = _fit_tagger_on(clone(tagger), texts, labels)
        if self.tune_threshold:
            final.set_params(threshold=_best_threshold(oof_words, labels))
        return final, oof

    # -- prediction ------------------------------------------------------------------------
    def predict_proba(self, X: Sequence[str]) -> np.ndarray:
        """``(n, 2)`` probabilities, columns in ``classes_`` order."""
        return self.to_weights().predict_proba(X)

    def predict(self, X: Sequence[str]) -> np.ndarray:
        """The more probable class of each text."""
        return self.to_weights().predict(X)

    def transform(self, X: Sequence[str]) -> np.ndarray:
        """``bias_score`` (probability of the second class) as a one-column array."""
        return self.predict_proba(X)[:, 1:2]

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        """Name of the :meth:`transform` output."""
        return np.array(["bias_score"], dtype=object)

    def dense_feature_names(self) -> list[str]:
        """Names of the dense (non-hashed) features, in model order."""
        names = list(SENTENCE_FEATURES)
        if getattr(self, "tagger_", None) is not None:
            names += TAGGER_FEATURES
        return names

    def to_weights(self) -> BiasWeights:
        """The fitted state with the current parameters, as the scikit-learn-free object that
        makes this estimator's predictions (and the loaded-terms scorer's)."""
        check_is_fitted(self, "weights_")
        params = self.get_params(deep=False)
        params["tagger"] = None  # the fitted tagger is held as weights below
        return BiasWeights(
            self.weights_,
            self.idf_,
            self.dense_mean_,
            self.dense_scale_,
            self.classes_,
            self.n_features,
            self.char_ngrams,
            self.dense_weight,
            self.tagger_.to_weights() if self.tagger_ is not None else None,
            params,
            getattr(self, "card_", {}),
        )

    @classmethod
    def from_weights(cls, weights: BiasWeights) -> BiasClassifier:
        """An estimator holding a :class:`BiasWeights`' fitted state (shared, not copied)."""
        est = cls(**weights.params)
        est.classes_ = weights.classes
        est.weights_ = weights.weights
        est.dense_mean_ = weights.dense_mean
        est.dense_scale_ = weights.dense_scale
        est.idf_ = weights.idf
        est.tagger_ = None
        if weights.tagger is not None:
            est.tagger_ = LoadedTermTagger.from_weights(weights.tagger)
        est.n_features_in_ = 1
        est.card_ = weights.card
        return est

    # -- persistence -----------------------------------------------------------------------
    def save(self, path: str | os.PathLike[str], card: dict[str, Any] | None = None) -> None:
        """Write the fitted model as numeric arrays + JSON metadata (no pickle)."""
        self.to_weights().save(path, card)

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> BiasClassifier:
        """Read a model written by :meth:`save`; never executes code."""
        return cls.from_weights(BiasWeights.load(path))

    @classmethod
    def pretrained(cls) -> BiasClassifier:
        """The model shipped with the package (see ``framing/models/bias_classifier.md``)."""
        return cls.from_weights(BiasWeights.pretrained())

    def provenance(self) -> dict[str, Any]:
        """Parameters and model card summary."""
        return bias_provenance(self.get_params(deep=False), getattr(self, "card_", {}))


def _best_threshold(words: list[list[tuple[str, float]]], gold: list[set[str]]) -> float:
    """Threshold with the best word-level F1 on out-of-fold probabilities."""
    best, best_f = 0.5, -1.0
    for th in np.arange(0.30, 0.951, 0.05):
        tp = n_pred = 0
        for ws, g in zip(words, gold, strict=True):
            pred = {w for w, p in ws if p >= th}
            tp += len(pred & g)
            n_pred += len(pred)
        n_gold = sum(len(g & {w for w, _ in ws}) for ws, g in zip(words, gold, strict=True))
        f = 2 * tp / (n_pred + n_gold) if n_pred + n_gold else 0.0
        if f > best_f:
            best, best_f = float(round(th, 2)), f
    return best


def _fit_tagger_on(
    tagger: LoadedTermTagger, texts: list[str], labels: list[set[str]]
) -> LoadedTermTagger:
    table = token_table(texts)
    y = [w.lower() in labels[t] for t, w in zip(table["text_id"], table["word"], strict=True)]
    return tagger.fit(table, np.asarray(y, dtype=int))
