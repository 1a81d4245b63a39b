"""The cue classifier: the scikit-learn estimator that fits the cue model.

:class:`CueClassifier` fits a logistic regression over CRC32-hashed feature strings (see
:func:`~framing.attribution._cue_weights.cue_features`) and delegates every prediction to
the scikit-learn-free :class:`~framing.attribution._cue_weights.CueWeights` built from its
fitted attributes; the scorer loads a :class:`CueWeights` directly
(:func:`load_cue_model`), so scoring never imports scikit-learn.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.linear_model import LogisticRegression
from sklearn.utils.validation import check_is_fitted

from ._candidates import LearnedCues
from ._cue_features import MODEL_NAME, N_FEATURES, cue_features, hash_features
from ._cue_weights import CueWeights, load_cue_model
from ._frames import Attribution

__all__ = ["CueClassifier", "cue_features", "load_cue_model"]


class CueClassifier(ClassifierMixin, BaseEstimator):
    """Logistic regression over CRC32-hashed feature strings.

    Parameters
    ----------
    C : float
        Inverse regularisation strength.
    threshold : float
        Probability above which :meth:`keep` keeps an attribution.

    Examples
    --------
    >>> clf = CueClassifier().fit([["a", "b"], ["c"], ["a"], ["c", "d"]], [1, 0, 1, 0])
    >>> clf.predict([["a"], ["c"]]).tolist()
    [1, 0]
    """

    def __init__(self, C: float = 1.0, threshold: float = 0.5) -> None:
        self.C = C
        self.threshold = threshold

    def _matrix(self, X: list[list[str]]) -> sparse.csr_matrix:
        rows, cols = [], []
        for i, feats in enumerate(X):
            for j in set(hash_features(feats)):
                rows.append(i)
                cols.append(j)
        data = np.ones(len(rows), dtype=np.float64)
        return sparse.csr_matrix((data, (rows, cols)), shape=(len(X), N_FEATURES))

    def fit(self, X: list[list[str]], y: Any) -> CueClassifier:
        """Fit on lists of feature strings and 0/1 labels."""
        y = np.asarray(y)
        lr = LogisticRegression(C=self.C, max_iter=2000, solver="liblinear")
        lr.fit(self._matrix(X), y)
        self.classes_ = lr.classes_
        self.coef_ = lr.coef_.ravel().astype(np.float64)
        self.intercept_ = float(lr.intercept_[0])
        return self

    @property
    def weights_(self) -> CueWeights:
        """The fitted model as :class:`CueWeights` (what every prediction goes through).

        Built from ``coef_``, ``intercept_``, ``classes_``, ``prior_`` and the current
        ``threshold`` and ``C``, and rebuilt when one of them is replaced (so
        ``clf.threshold = 0.4`` or ``clf.prior_ = ...`` after fitting takes effect).
        """
        check_is_fitted(self, ("coef_", "intercept_", "classes_"))
        prior = getattr(self, "prior_", None)
        w = self.__dict__.get("_cue_weights")
        if (
            w is None
            or w.coef is not self.coef_
            or w.intercept != self.intercept_
            or w.classes is not self.classes_
            or w.prior is not prior
            or w.threshold != self.threshold
            or w.C != self.C
        ):
            w = CueWeights(
                self.coef_, self.intercept_, self.threshold, self.classes_, prior, self.C
            )
            self.__dict__["_cue_weights"] = w
        return w

    def decision_function(self, X: list[list[str]]) -> np.ndarray:
        """Logit of the positive class."""
        return self.weights_.decision_function(X)

    def predict_proba(self, X: list[list[str]]) -> np.ndarray:
        """Class probabilities, columns in ``classes_``."""
        return self.weights_.predict_proba(X)

    def predict(self, X: list[list[str]]) -> np.ndarray:
        """0/1 labels at ``threshold``."""
        return self.weights_.predict(X)

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        """Names of the hashed buckets (``hash_<i>``)."""
        return np.array([f"hash_{i}" for i in range(N_FEATURES)], dtype=object)

    @property
    def prior_set(self) -> LearnedCues | None:
        """Words outside the lexicon proposed as cues (hash buckets), or None."""
        return self.weights_.prior_set

    def keep(self, text: str, att: Attribution) -> bool:
        """Keep a rule attribution (used as ``cue_filter``); sets ``att.score``.

        See :meth:`CueWeights.keep <framing.attribution._cue_weights.CueWeights.keep>`.
        """
        return self.weights_.keep(text, att)

    def provenance(self) -> dict[str, Any]:
        """What the model is (for reports)."""
        return {"model": MODEL_NAME, "threshold": self.threshold, "C": self.C}

    def save(self, path: str | Path, meta: dict[str, Any] | None = None) -> None:
        """Write the model as numbers + JSON metadata (no pickle)."""
        self.weights_.save(path, meta)

    @classmethod
    def load(cls, path: str | Path) -> CueClassifier:
        """Read a model written by :meth:`save` (never executes code)."""
        return cls.from_weights(CueWeights.load(path))

    @classmethod
    def pretrained(cls) -> CueClassifier:
        """The shipped cue model as an estimator.

        Raises
        ------
        FileNotFoundError
            When the model file is not installed.
        """
        w = load_cue_model()
        if w is None:
            raise FileNotFoundError(f"framing/models/{MODEL_NAME}.npz is not installed")
        return cls.from_weights(w)

    @classmethod
    def from_weights(cls, weights: CueWeights) -> CueClassifier:
        """A fitted estimator sharing ``weights`` (its arrays are not copied)."""
        clf = cls(C=weights.C if weights.C is not None else 1.0, threshold=weights.threshold)
        clf.coef_ = weights.coef
        clf.intercept_ = weights.intercept
        clf.classes_ = weights.classes
        clf.prior_ = weights.prior
        if weights.C is not None:
            clf.__dict__["_cue_weights"] = weights
        return clf
