"""Target-dependent stance classifier: hashed context features, logistic regression
averaged with complement naive Bayes and an NB-weighted logistic regression (one
linear model)."""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from itertools import chain
from typing import Any

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.exceptions import NotFittedError
from sklearn.linear_model import LogisticRegression
from sklearn.naive_bayes import ComplementNB
from sklearn.utils.validation import check_is_fitted

from ..errors import InputError
from ..models import load_arrays, save_arrays
from ..segment import split_sentences
from ._features import (
    DENSE_NAMES,
    MentionFeaturizer,
    MentionParts,
    sparse_matrix,
    trim_word_keys,
)

__all__ = ["LABELS", "PRETRAINED_NAME", "TargetStanceClassifier"]

LABELS = ("against", "neutral", "favor")
PRETRAINED_NAME = "stance_newsmtsc"
_KIND = "framing.stance.TargetStanceClassifier"
_FORMAT = 3


def _as_rows(X: Any) -> list[tuple[str, int, int]]:
    """Validate ``X`` (DataFrame[text, start, end] or sequence of triples)."""
    if isinstance(X, pd.DataFrame):
        missing = {"text", "start", "end"} - set(X.columns)
        if missing:
            raise InputError(f"X needs the columns text, start, end; missing {sorted(missing)}")
        triples = zip(X["text"].tolist(), X["start"].tolist(), X["end"].tolist(), strict=False)
    elif isinstance(X, Sequence) and not isinstance(X, str):
        triples = X  # type: ignore[assignment]
    else:
        raise InputError("X must be a DataFrame with columns text, start, end")
    rows: list[tuple[str, int, int]] = []
    for k, row in enumerate(triples):
        try:
            text, start, end = row
            start, end = int(start), int(end)
        except (TypeError, ValueError):
            raise InputError(f"row {k}: expected (text, start, end)") from None
        if not isinstance(text, str) or not 0 <= start <= end <= len(text):
            raise InputError(f"row {k}: offsets {start}..{end} outside the text")
        rows.append(_sentence_of(text, start, end))
    return rows


def _sentence_of(text: str, start: int, end: int) -> tuple[str, int, int]:
    """Cut a long text down to the sentence(s) holding the mention."""
    if len(text) <= 400:
        return text, start, end
    sents = split_sentences(text, 0, len(text))
    lo = next((s for s, e in sents if s <= start < e), 0)
    hi = next((e for s, e in sents if s < end <= e), len(text))
    return text[lo:hi], start - lo, end - lo


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

    # -- features -------------------------------------------------------------------------
    def _raw(self, rows: list[tuple[str, int, int]]) -> list[MentionParts]:
        trim_word_keys()
        fz = _featurizer()
        return [fz.features(t, s, e) for t, s, e in rows]

    def _sparse(self, parts: Sequence[MentionParts]) -> tuple[sp.csr_matrix, np.ndarray]:
        """Hashed sparse counts and dense features of mentions."""
        S = sparse_matrix(parts, self.n_features)
        n_dense = len(DENSE_NAMES)
        D = np.fromiter(
            chain.from_iterable(p.dense for p in parts),
            dtype=np.float64,
            count=len(parts) * n_dense,
        ).reshape(len(parts), n_dense)
        return S, D

    def _matrix(self, S: sp.csr_matrix, D: np.ndarray) -> sp.csr_matrix:
        """Sublinear tf-idf of the counts, L2-normalised per row, beside the scaled
        standardised dense features."""
        S, Dz = self._parts(S, D)
        return sp.hstack([S, sp.csr_matrix(Dz)]).tocsr()

    def _parts(self, S: sp.csr_matrix, D: np.ndarray) -> tuple[sp.csr_matrix, np.ndarray]:
        data = _log1p_counts(S.data)
        data *= self.idf_[S.indices]
        rows = np.repeat(np.arange(S.shape[0]), np.diff(S.indptr))
        norms = np.sqrt(np.bincount(rows, weights=data * data, minlength=S.shape[0]))
        norms[norms == 0] = 1.0
        data /= norms[rows]
        S = sp.csr_matrix((data, S.indices, S.indptr), shape=S.shape)
        Dz = (D - self.dense_mean_) / self.dense_scale_ * self.dense_weight
        return S, Dz

    def _logits(self, parts: Sequence[MentionParts]) -> np.ndarray:
        """Per-class scores of mentions."""
        self._check()
        if not parts:
            return np.zeros((0, len(self.classes_)))
        S, Dz = self._parts(*self._sparse(parts))
        coef = self.coef_
        cached = self.__dict__.get("_coef_t")
        if cached is None or cached[0] is not coef:  # transposed once, not per batch
            nf = self.n_features
            cached = (coef, np.ascontiguousarray(coef[:, :nf].T), coef[:, nf:].T.copy())
            self.__dict__["_coef_t"] = cached
        z = np.asarray(S @ cached[1]) + Dz @ cached[2] + self.intercept_
        if self.favor_bias and "favor" in self.classes_:
            z[:, list(self.classes_).index("favor")] += self.favor_bias
        return z

    def __getstate__(self) -> dict[str, Any]:
        state = dict(super().__getstate__())
        state.pop("_coef_t", None)
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
        rows = _as_rows(X)
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
        S, Dz = self._parts(*self._sparse(self._raw(_as_rows(X))))
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
        self._check()
        rows = _as_rows(X)
        if not rows:
            return np.zeros((0, len(self.classes_)))
        return self._logits(self._raw(rows))

    def _proba_from_features(self, parts: Sequence[MentionParts]) -> np.ndarray:
        """Probabilities for features made by :class:`MentionFeaturizer` (scorer fast path)."""
        z = self._logits(parts)
        z -= z.max(axis=1, keepdims=True)
        e = np.exp(z)
        return e / e.sum(axis=1, keepdims=True)

    def predict_proba(self, X: Any) -> np.ndarray:
        """Class probabilities, columns in :attr:`classes_`."""
        z = self.decision_function(X)
        z = z - z.max(axis=1, keepdims=True) if len(z) else z
        e = np.exp(z)
        return e / e.sum(axis=1, keepdims=True) if len(z) else e

    def predict(self, X: Any) -> np.ndarray:
        """Most probable label per mention."""
        z = self.decision_function(X)
        return self.classes_[z.argmax(axis=1)] if len(z) else np.asarray([], dtype=str)

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
        self._check()
        meta = {
            "kind": _KIND,
            "format": _FORMAT,
            "params": self.get_params(),
            "classes": self.classes_.tolist(),
            "dense_names": list(DENSE_NAMES),
            "provenance": provenance,
        }
        arrays = {
            "coef": self.coef_.astype(np.float32),
            "intercept": self.intercept_.astype(np.float64),
            "idf": self.idf_.astype(np.float32),
            "dense_mean": self.dense_mean_,
            "dense_scale": self.dense_scale_,
        }
        save_arrays(path, meta, arrays)

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> TargetStanceClassifier:
        """Read a model written by :meth:`save` (never executes code)."""
        meta, arrays = load_arrays(path)
        if meta.get("kind") != _KIND:
            raise InputError(f"{os.fspath(path)}: not a TargetStanceClassifier model")
        if meta.get("format") != _FORMAT or meta.get("dense_names") != list(DENSE_NAMES):
            raise InputError(
                f"{os.fspath(path)}: model format {meta.get('format')} was made with other "
                f"features (this version reads format {_FORMAT}); retrain it"
            )
        try:
            clf = cls(**meta["params"])
            clf.classes_ = np.asarray(meta["classes"])
            clf.coef_ = arrays["coef"].astype(np.float64)
            clf.intercept_ = arrays["intercept"]
            clf.idf_ = arrays["idf"].astype(np.float64)
            clf.dense_mean_ = arrays["dense_mean"]
            clf.dense_scale_ = arrays["dense_scale"]
        except (KeyError, TypeError) as exc:
            raise InputError(f"{os.fspath(path)}: incomplete model file ({exc})") from None
        if clf.coef_.shape != (len(clf.classes_), clf.n_features + len(DENSE_NAMES)):
            raise InputError(f"{os.fspath(path)}: array shapes do not match the parameters")
        clf.n_features_in_ = 3
        clf.provenance_ = meta.get("provenance", {})
        return clf

    @classmethod
    def pretrained(cls) -> TargetStanceClassifier:
        """The model shipped with the package, trained on NewsMTSC (MIT); see its card."""
        return _pretrained(cls)


#: ``log1p(1)`` as ``np.log1p`` computes it on arrays.
_LOG1P_ONE = float(np.log1p(np.ones(1))[0])


def _log1p_counts(x: np.ndarray) -> np.ndarray:
    """``np.log1p(x)`` for feature counts, most of which are exactly 1 (those take
    the one value computed once)."""
    out = np.full_like(x, _LOG1P_ONE)
    other = np.flatnonzero(x != 1.0)
    out[other] = np.log1p(x[other])
    return out


@lru_cache(maxsize=1)
def _featurizer() -> MentionFeaturizer:
    return MentionFeaturizer()


def _pretrained(cls: type[TargetStanceClassifier]) -> TargetStanceClassifier:
    ref = resources.files("framing.models").joinpath(PRETRAINED_NAME + ".npz")
    with resources.as_file(ref) as path:
        if not path.exists():
            raise InputError(f"{path}: the pretrained stance model is not installed")
        clf = cls.load(path)
    clf.pretrained_ = True
    return clf
