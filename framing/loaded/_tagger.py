"""Token-level tagger: which words of a text are loaded, decided in context."""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin, TransformerMixin
from sklearn.linear_model import LogisticRegression
from sklearn.utils.validation import check_is_fitted

from ._linear import LinearWeights
from ._tagger_weights import TaggerWeights, tagger_provenance, token_matrix, token_table

__all__ = ["LoadedTermTagger", "token_table"]


class LoadedTermTagger(TransformerMixin, ClassifierMixin, BaseEstimator):
    """Decides in context whether a word is loaded (biased) language.

    One sample is one token of a text: ``X`` is a DataFrame with columns ``text``,
    ``start`` and ``end`` (character offsets of the token; see :func:`token_table`),
    ``y`` is 1 for loaded, 0 otherwise. Features are hashed (the word, its character
    3-5-grams, prefix, suffixes, shape, its neighbours and the word pairs it forms with
    them, the project's lexicon categories of it and its neighbours) plus numbers
    (VADER valence, textblob subjectivity, position, lexicon intensity, negation,
    sentence context); a logistic regression makes the decision.

    Parameters
    ----------
    n_features : int
        Size of the hashed feature space.
    C : float
        Inverse regularisation strength of the logistic regression.
    class_weight : "balanced" or None
    threshold : float
        Probability at or above which :meth:`predict` says loaded.
    max_iter : int

    Attributes
    ----------
    weights_ : LinearWeights
        The fitted weights (sparse, numeric).
    classes_ : ndarray
        ``[0, 1]``.

    Examples
    --------
    >>> X = token_table(["A sham vote.", "A fair vote.", "A sham trial.", "The vote."])
    >>> y = (X["word"] == "sham").astype(int)
    >>> tagger = LoadedTermTagger(n_features=2**12).fit(X, y)
    >>> tagger.predict(token_table(["What a sham."])).tolist()
    [0, 0, 1]
    """

    def __init__(
        self,
        n_features: int = 2**20,
        C: float = 0.5,
        class_weight: str | None = "balanced",
        threshold: float = 0.5,
        max_iter: int = 2000,
    ) -> None:
        self.n_features = n_features
        self.C = C
        self.class_weight = class_weight
        self.threshold = threshold
        self.max_iter = max_iter

    def fit(self, X: Any, y: Any) -> LoadedTermTagger:
        """Fit on token rows ``X`` and 0/1 labels ``y``."""
        y = np.asarray(y).astype(int)
        if set(np.unique(y)) - {0, 1}:
            raise ValueError("y must hold 0 (not loaded) and 1 (loaded)")
        Xf = token_matrix(X, self.n_features)
        if Xf.shape[0] != len(y):
            raise ValueError(f"X has {Xf.shape[0]} rows but y has {len(y)}")
        lr = LogisticRegression(C=self.C, class_weight=self.class_weight, max_iter=self.max_iter)
        lr.fit(Xf, y)
        self.weights_ = LinearWeights.from_estimator(lr)
        self.classes_ = np.array([0, 1])
        self.n_features_in_ = 1
        return self

    def predict_proba(self, X: Any) -> np.ndarray:
        """``(n, 2)`` probabilities of not loaded / loaded."""
        return self.to_weights().predict_proba(X)

    def predict(self, X: Any) -> np.ndarray:
        """1 where the probability of loaded reaches ``threshold``."""
        return self.to_weights().predict(X)

    def transform(self, X: Any) -> np.ndarray:
        """The probability of loaded as a one-column array (``loaded_prob``)."""
        return self.predict_proba(X)[:, 1:2]

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        """Name of the :meth:`transform` output."""
        return np.array(["loaded_prob"], dtype=object)

    def tag(self, texts: Sequence[str]) -> list[list[tuple[int, int, float]]]:
        """Loaded words of each text: ``(start, end, probability)`` at or above ``threshold``."""
        return self.to_weights().tag(texts)

    def to_weights(self) -> TaggerWeights:
        """The fitted state with the current parameters, as the scikit-learn-free object that
        makes this estimator's predictions (and the loaded-terms scorer's)."""
        check_is_fitted(self, "weights_")
        params = self.get_params()
        return TaggerWeights(
            self.weights_, self.n_features, self.threshold, params, getattr(self, "card_", {})
        )

    @classmethod
    def from_weights(cls, weights: TaggerWeights) -> LoadedTermTagger:
        """An estimator holding a :class:`TaggerWeights`' fitted state (shared, not copied)."""
        est = cls(**weights.params)
        est.weights_ = weights.weights
        est.classes_ = np.array([0, 1])
        est.n_features_in_ = 1
        est.card_ = weights.card
        return est

    # -- persistence ---------------------------------------------------------------------
    def save(self, path: str | os.PathLike[str], card: dict[str, Any] | None = None) -> None:
        """Write the fitted model as numeric arrays + JSON metadata (no pickle)."""
        self.to_weights().save(path, card)

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> LoadedTermTagger:
        """Read a model written by :meth:`save`; never executes code."""
        return cls.from_weights(TaggerWeights.load(path))

    @classmethod
    def pretrained(cls) -> LoadedTermTagger:
        """The tagger shipped with the package (see ``framing/models/loaded_tagger.md``)."""
        return cls.from_weights(TaggerWeights.pretrained())

    def provenance(self) -> dict[str, Any]:
        """Parameters and model card summary."""
        return tagger_provenance(self.get_params(), getattr(self, "card_", {}))
