"""Target-dependent stance classifier: hashed context features, logistic regression
averaged with complement naive Bayes and an NB-weighted logistic regression (one
linear model)."""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any

import numpy as np
import scipy.sparse as sp
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.exceptions import NotFittedError
from sklearn.linear_model import LogisticRegression
from sklearn.naive_bayes import ComplementNB
from sklearn.utils.validation import check_is_fitted

from ..errors import InputError
from ._features import DENSE_NAMES, MentionParts
from ._stance_weights import (
    LABELS,
    PRETRAINED_NAME,
    StanceWeights,
    as_rows,
    raw_parts,
    sparse_and_dense,
    tfidf_parts,
)

__all__ = ["LABELS", "PRETRAINED_NAME", "TargetStanceClassifier"]


class TargetStanceClassifier(ClassifierMixin, BaseEstimator):
    """Stance of a sentence toward one target mention: against / neutral / favor.

    ``X`` is a DataFrame with columns ``text`` (a sentence; longer texts are cut to
    the mention's sentence), ``start`` and ``end`` (the mention's offsets). Features
    (:mod:`framing.stance._features`) are hashed, so a fitted model holds numbers only.

    Parameters
    ----------
    n_features : int, default 2**20
        Size of the hashed feature space.
    C : float, default 10.0
        Inverse regularisation strength of the logistic regression.
    dense_weight : float, default 0.6
        Scale of the standardised dense (lexicon, position) features.
    class_weight : {"balanced"} or None, default "balanced"
    favor_bias : float, default 0.0
        Added to the ``favor`` score before the classes are compared (the shipped
        model's value was chosen by cross-validation on its training data: logistic
        regression under-predicts the rarest class).
    max_iter : int, default 300
        Iterations of the solver; the default stops early, which 5-fold CV on
        NewsMTSC train preferred to full convergence.
    nb_weight : float, default 0.3
        Weight of complement naive Bayes (over the hashed features) in the average
        with the logistic regression; each model's scores are first divided by their
        spread on the training data. Both are linear, so the fitted model is one
        weight matrix. 0 gives the logistic regression alone.
    nb_alpha : float, default 0.3
        Smoothing of the naive Bayes counts (also those of the NB-weighted model).
    nblr_weight : float, default 0.0
        Weight of an NB-weighted logistic regression (one-vs-rest, each class's model
        fitted on the hashed features scaled by that class's naive Bayes log-count
        ratio, with ``C``) in the average with the pair above, whose weight is
        ``1 - nblr_weight``. Also linear, so it folds into the same weight matrix; it
        costs three more fits at training time only.

    Attributes
    ----------
    classes_ : ndarray of str
    coef_ : ndarray of shape (n_classes, n_features + n_dense)
    intercept_ : ndarray of shape (n_classes,)
    idf_ : ndarray of shape (n_features,)
    dense_mean_, dense_scale_ : ndarray of shape (n_dense,)
    components_ : tuple of ndarray
        After :meth:`fit` only (never saved): the logistic regression's weights and
        intercept, the naive Bayes weights, and (when ``nblr_weight > 0``) the
        NB-weighted regression's weights and intercept, each scaled by its training
        spread; ``coef_`` mixes them with ``nb_weight`` and ``nblr_weight``.

    Examples
    --------
    >>> import pandas as pd
    >>> X = pd.DataFrame({"text": ["Critics praised Acme.", "Critics attacked Acme.",
    ...                            "Acme opened an office."] * 4,
    ...                   "start": [16, 17, 0] * 4, "end": [20, 21, 4] * 4})
    >>> y = ["favor", "against", "neutral"] * 4
    >>> clf = TargetStanceClassifier().fit(X, y)
    >>> clf.predict(X.iloc[:3]).tolist()
    ['favor', 'against', 'neutral']
    """

    def __init__(
        self,
        *,
        n_features: int = 2**20,
        C: float = 10.0,
        dense_weight: float = 0.6,
        class_weight: str | None = "balanced",
        favor_bias: float = 0.0,
        max_iter: int = 300,
        nb_weight: float = 0.3,
        nb_alpha: float = 0.3,
        nblr_weight: float = 0.0,
    ) -> None:
        self.n_features = n_features
        self.C = C
        self.dense_weight = dense_weight
        self.class_weight = class_weight
        self.favor_bias = favor_bias
        self.max_iter = max_iter
        self.nb_weight = nb_weight
        self.nb_alpha = nb_alpha
        self.nblr_weight = nblr_weight

    # -- features and predictions (through :class:`StanceWeights`) ---------------------
    def _raw(self, rows: list[tuple[str, int, int]]) -> list[MentionParts]:
        return raw_parts(rows)

    def _sparse(self, parts: Sequence[MentionParts]) -> tuple[sp.csr_matrix, np.ndarray]:
        """Hashed sparse counts and dense features of mentions."""
        return sparse_and_dense(parts, self.n_features)

    def _parts(self, S: sp.csr_matrix, D: np.ndarray) -> tuple[sp.csr_matrix, np.ndarray]:
        """Sublinear tf-idf of the counts, L2-normalised per row, and the scaled
        standardised dense features."""
        return tfidf_parts(S, D, self.idf_, self.dense_mean_, self.dense_scale_, self.dense_weight)

    def _matrix(self, S: sp.csr_matrix, D: np.ndarray) -> sp.csr_matrix:
        """:meth:`_parts` as one matrix (hashed columns, then dense ones)."""
        S, Dz = self._parts(S, D)
        return sp.hstack([S, sp.csr_matrix(Dz)]).tocsr()

    def _weights(self) -> StanceWeights:
        """The fitted arrays as a :class:`StanceWeights` (made once per fit or change of
        parameters; it caches the transposed weights)."""
        self._check()
        key = (
            self.coef_,
            self.intercept_,
            self.idf_,
            self.dense_mean_,
            self.dense_scale_,
            self.classes_,
        )
        scalars = (self.n_features, self.dense_weight, self.favor_bias)
        cached = self.__dict__.get("_stance_weights")
        if (
            cached is None
            or any(x is not y for x, y in zip(cached[0], key, strict=True))
            or cached[1] != scalars
        ):
            w = StanceWeights(
                *key,
                dense_weight=self.dense_weight,
                favor_bias=self.favor_bias,
            )
            cached = self.__dict__["_stance_weights"] = (key, scalars, w)
        return cached[2]

    def _logits(self, parts: Sequence[MentionParts]) -> np.ndarray:
        """Per-class scores of mentions."""
        return self._weights().logits(parts)

    def _proba_from_features(self, parts: Sequence[MentionParts]) -> np.ndarray:
        """Probabilities for features made by :class:`MentionFeaturizer` (scorer fast path)."""
        return self._weights()._proba_from_features(parts)

    def __getstate__(self) -> dict[str, Any]:
        state = dict(super().__getstate__())
        state.pop("_stance_weights", None)
        state.pop("components_", None)  # training-time only, large
        return state

    def _check(self) -> None:
        try:
            check_is_fitted(self, "coef_")
        except NotFittedError:
            raise NotFittedError(
                "This TargetStanceClassifier is not fitted yet; call fit or use pretrained()"
            ) from None

    # -- estimator API ---------------------------------------------------------------------
    def fit(self, X: Any, y: Any) -> TargetStanceClassifier:
        """Learn from mentions ``X`` and labels ``y`` (against / neutral / favor)."""
        rows = as_rows(X)
        labels = np.asarray([str(v) for v in y], dtype=object)
        if len(labels) != len(rows):
            raise InputError(f"X has {len(rows)} rows but y has {len(labels)} labels")
        bad = sorted(set(labels) - set(LABELS))
        if bad:
            raise InputError(f"unknown stance labels {bad}; use {list(LABELS)}")
        if len(set(labels)) < 2:
            raise InputError("y needs at least two different labels")
        self._fit_parts(self._raw(rows), labels)
        self.n_features_in_ = 3
        return self

    def _fit_parts(self, parts: Sequence[MentionParts], labels: np.ndarray) -> None:
        """Fit on featurised mentions; keeps the two models' scaled weights in
        ``components_`` (not saved) for choosing ``nb_weight`` by cross-validation."""
        for name in ("nb_weight", "nblr_weight"):
            if not 0.0 <= getattr(self, name) <= 1.0:
                raise InputError(f"{name} must lie in [0, 1], not {getattr(self, name)}")
        S, D = self._sparse(parts)
        df = np.bincount(S.indices, minlength=self.n_features)
        self.idf_ = np.log((1.0 + len(parts)) / (1.0 + df)) + 1.0
        self.dense_mean_ = D.mean(axis=0)
        scale = D.std(axis=0)
        scale[scale == 0] = 1.0
        self.dense_scale_ = scale
        St, Dz = self._parts(S, D)
        # Only the hashed columns seen in training: the others get weight 0 anyway
        # (L2 penalty, zero gradient), and the solver runs several times faster.
        used = np.flatnonzero(df)
        Su = St[:, used]
        lr = LogisticRegression(
            C=self.C, class_weight=self.class_weight, max_iter=self.max_iter, tol=1e-3
        )
        lr.fit(sp.hstack([Su, sp.csr_matrix(Dz)]).tocsr(), labels)
        self.classes_ = np.asarray([str(c) for c in lr.classes_])
        k = len(self.classes_)
        coef, intercept = lr.coef_, lr.intercept_
        if coef.shape[0] == 1:  # binary: expand to one row per class
            coef = np.vstack([-coef, coef]) / 2.0
            intercept = np.array([-intercept[0], intercept[0]]) / 2.0
        nu = len(used)
        w_lr = np.zeros((k, self.n_features + len(DENSE_NAMES)))
        w_lr[:, used] = coef[:, :nu]
        w_lr[:, self.n_features :] = coef[:, nu:]
        nb = ComplementNB(alpha=self.nb_alpha).fit(Su, labels)
        flp = nb.feature_log_prob_ - nb.feature_log_prob_.mean(axis=0)
        w_nb = np.zeros_like(w_lr)
        w_nb[:, used] = flp
        # Each model's scores divided by their spread (over classes and mentions) on
        # the training data, so that nb_weight means the same for any data.
        z_lr = np.asarray(Su @ coef[:, :nu].T) + Dz @ coef[:, nu:].T
        s_lr = float((z_lr - z_lr.mean(axis=1, keepdims=True)).std()) or 1.0
        z_nb = np.asarray(Su @ flp.T)
        s_nb = float(z_nb.std()) or 1.0
        comps = (w_lr / s_lr, intercept / s_lr, w_nb / s_nb)
        w, v = self.nb_weight, self.nblr_weight
        coef = (1.0 - w) * comps[0] + w * comps[2]
        b = (1.0 - w) * comps[1]
        if v > 0:
            w_x, b_x = self._fit_nblr(Su, Dz, labels, used)
            comps += (w_x, b_x)
            coef = (1.0 - v) * coef + v * w_x
            b = (1.0 - v) * b + v * b_x
        self.components_ = comps
        self.coef_, self.intercept_ = coef, b
        self.n_features_in_ = 3

    def _fit_nblr(
        self, Su: sp.csr_matrix, Dz: np.ndarray, labels: np.ndarray, used: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray]:
        """NB-weighted logistic regression, one-vs-rest: for each class, the hashed
        features (columns ``used``) scaled by the class's naive Bayes log-count ratio
        (smoothing ``nb_alpha``) beside the dense ones; weights mapped back to the
        unscaled features and divided by the scores' training spread."""
        k, nu = len(self.classes_), len(used)
        W = np.zeros((k, self.n_features + Dz.shape[1]))
        b = np.zeros(k)
        Wu = np.zeros((k, nu + Dz.shape[1]))
        dense = sp.csr_matrix(Dz)
        for j, c in enumerate(self.classes_):
            pos = labels == c
            p = self.nb_alpha + np.asarray(Su[pos].sum(axis=0)).ravel()
            q = self.nb_alpha + np.asarray(Su[~pos].sum(axis=0)).ravel()
            r = np.log(p / p.sum()) - np.log(q / q.sum())
            Xr = sp.hstack([Su @ sp.diags(r), dense]).tocsr()
            lr = LogisticRegression(
                C=self.C, class_weight=self.class_weight, max_iter=self.max_iter, tol=1e-3
            )
            lr.fit(Xr, pos.astype(int))
            Wu[j, :nu] = lr.coef_[0, :nu] * r
            Wu[j, nu:] = lr.coef_[0, nu:]
            b[j] = lr.intercept_[0]
        z = np.asarray(Su @ Wu[:, :nu].T) + Dz @ Wu[:, nu:].T + b
        s = float((z - z.mean(axis=1, keepdims=True)).std()) or 1.0
        W[:, used] = Wu[:, :nu]
        W[:, self.n_features :] = Wu[:, nu:]
        return W / s, b / s

    def _component_scores(self, X: Any) -> tuple[np.ndarray, ...]:
        """Scaled scores of the logistic regression, of naive Bayes and (if fitted,
        ``nblr_weight > 0``) of the NB-weighted regression, each alone (for choosing
        the weights on out-of-fold scores; needs a model fitted here)."""
        self._check()
        if not hasattr(self, "components_"):
            raise NotFittedError("component scores need a model fitted in this session")
        S, Dz = self._parts(*self._sparse(self._raw(as_rows(X))))
        nf = self.n_features
        w_lr, b_lr, w_nb = self.components_[:3]
        z_lr = np.asarray(S @ w_lr[:, :nf].T) + Dz @ w_lr[:, nf:].T + b_lr
        out = (z_lr, np.asarray(S @ w_nb[:, :nf].T))
        if len(self.components_) == 5:
            w_x, b_x = self.components_[3:]
            out += (np.asarray(S @ w_x[:, :nf].T) + Dz @ w_x[:, nf:].T + b_x,)
        return out

    def decision_function(self, X: Any) -> np.ndarray:
        """Per-class scores, shape (n, n_classes)."""
        return self._weights().decision_function(X)

    def predict_proba(self, X: Any) -> np.ndarray:
        """Class probabilities, columns in :attr:`classes_`."""
        return self._weights().predict_proba(X)

    def predict(self, X: Any) -> np.ndarray:
        """Most probable label per mention."""
        return self._weights().predict(X)

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        """Names of the model's inputs: ``hash_<i>`` then the dense feature names."""
        self._check()
        names = [f"hash_{i}" for i in range(self.n_features)] + list(DENSE_NAMES)
        return np.asarray(names, dtype=object)

    def __sklearn_tags__(self):  # type: ignore[no-untyped-def]
        tags = super().__sklearn_tags__()
        tags.input_tags.two_d_array = False
        tags.input_tags.string = True
        return tags

    # -- persistence -------------------------------------------------------------------------
    def save(self, path: str | os.PathLike[str], **provenance: Any) -> None:
        """Write the fitted model to ``path`` (npz + JSON, no pickle)."""
        self._weights().save(path, provenance, self.get_params())

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> TargetStanceClassifier:
        """Read a model written by :meth:`save` (never executes code)."""
        return cls._from_weights(StanceWeights.load(path), path)

    @classmethod
    def _from_weights(
        cls, w: StanceWeights, path: str | os.PathLike[str]
    ) -> TargetStanceClassifier:
        """The estimator holding the arrays of ``w`` (read from ``path``)."""
        try:
            clf = cls(**w.params)
        except TypeError as exc:
            raise InputError(f"{os.fspath(path)}: incomplete model file ({exc})") from None
        clf.classes_ = w.classes_
        clf.coef_ = w.coef
        clf.intercept_ = w.intercept
        clf.idf_ = w.idf
        clf.dense_mean_ = w.dense_mean
        clf.dense_scale_ = w.dense_scale
        clf.n_features_in_ = 3
        clf.provenance_ = w.provenance_
        key = (w.coef, w.intercept, w.idf, w.dense_mean, w.dense_scale, w.classes_)
        clf.__dict__["_stance_weights"] = (key, (clf.n_features, w.dense_weight, w.favor_bias), w)
        return clf

    @classmethod
    def pretrained(cls) -> TargetStanceClassifier:
        """The model shipped with the package, trained on NewsMTSC (MIT); see its card."""
        clf = cls._from_weights(StanceWeights.pretrained(), PRETRAINED_NAME + ".npz")
        clf.pretrained_ = True
        return clf
