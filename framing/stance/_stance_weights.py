"""The fitted stance model as plain arrays, and its predictions (NumPy and scipy.sparse
only: the stance scorer loads and runs it without importing scikit-learn).

:class:`~framing.stance.TargetStanceClassifier` fits the arrays and predicts through
the same object, so there is one prediction path.
"""

from __future__ import annotations

import os
import struct
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy as np
import pandas as pd
import scipy.sparse as sp

from ..errors import InputError
from ..models import load_arrays, save_arrays
from ..segment import split_sentences
from ._features import DENSE_NAMES, MentionFeaturizer, MentionParts
from ._sparse_batch import sparse_matrix, trim_word_keys

__all__ = [
    "LABELS",
    "PRETRAINED_NAME",
    "StanceWeights",
    "as_rows",
    "sparse_and_dense",
    "tfidf_parts",
]

LABELS = ("against", "neutral", "favor")
PRETRAINED_NAME = "stance_newsmtsc"
KIND = "framing.stance.TargetStanceClassifier"
FORMAT = 3


def as_rows(X: Any) -> list[tuple[str, int, int]]:
    """Validate ``X`` (DataFrame[text, start, end] or sequence of triples); long texts
    are cut to the mention's sentence(s)."""
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


@lru_cache(maxsize=1)
def _featurizer() -> MentionFeaturizer:
    return MentionFeaturizer()


def raw_parts(rows: list[tuple[str, int, int]]) -> list[MentionParts]:
    """Features of validated mentions (:func:`as_rows`)."""
    trim_word_keys()
    fz = _featurizer()
    return [fz.features(t, s, e) for t, s, e in rows]


def sparse_and_dense(
    parts: Sequence[MentionParts], n_features: int
) -> tuple[sp.csr_matrix, np.ndarray]:
    """Hashed sparse counts and dense features of mentions."""
    return sparse_matrix(parts, n_features), _dense(parts)


def _dense(parts: Sequence[MentionParts]) -> np.ndarray:
    """The dense features of mentions, one row each (a writable array).

    Each row is packed by one precompiled :class:`struct.Struct` call: cheaper than
    flattening the rows into one list first (a Python step per value).
    """
    pack = _DENSE_ROW.pack
    buf = bytearray(b"".join([pack(*p.dense) for p in parts]))
    return np.frombuffer(buf, dtype=np.float64).reshape(len(parts), len(DENSE_NAMES))


#: One mention's dense features as native doubles.
_DENSE_ROW = struct.Struct(f"{len(DENSE_NAMES)}d")


def tfidf_parts(
    S: sp.csr_matrix,
    D: np.ndarray,
    idf: np.ndarray,
    dense_mean: np.ndarray,
    dense_scale: np.ndarray,
    dense_weight: float,
) -> tuple[sp.csr_matrix, np.ndarray]:
    """Sublinear tf-idf of the counts ``S``, L2-normalised per row, and the dense
    features ``D`` standardised and scaled by ``dense_weight``."""
    data = _log1p_counts(S.data)
    data *= idf.take(S.indices)  # (take: cheaper than indexing with int32 indices)
    per_row = np.diff(S.indptr)
    rows = np.repeat(np.arange(S.shape[0]), per_row)
    norms = np.sqrt(np.bincount(rows, weights=data * data, minlength=S.shape[0]))
    norms[norms == 0] = 1.0
    data /= np.repeat(norms, per_row)
    S = sp.csr_matrix((data, S.indices, S.indptr), shape=S.shape)
    Dz = (D - dense_mean) / dense_scale * dense_weight
    return S, Dz


#: ``log1p(1)`` as ``np.log1p`` computes it on arrays.
_LOG1P_ONE = float(np.log1p(np.ones(1))[0])


def _log1p_counts(x: np.ndarray) -> np.ndarray:
    """``np.log1p(x)`` for feature counts, most of which are exactly 1 (those take
    the one value computed once)."""
    out = np.full_like(x, _LOG1P_ONE)
    other = np.flatnonzero(x != 1.0)
    out[other] = np.log1p(x[other])
    return out


class StanceWeights:
    """A fitted target stance model: its arrays and its predictions.

    What :class:`~framing.stance.TargetStanceClassifier` learns (one linear model over
    hashed tf-idf features and standardised dense features), without the estimator:
    the stance scorer loads the shipped model as this object.

    Parameters
    ----------
    coef : ndarray of shape (n_classes, n_features + n_dense)
    intercept : ndarray of shape (n_classes,)
    idf : ndarray of shape (n_features,)
    dense_mean, dense_scale : ndarray of shape (n_dense,)
    classes : sequence of str
    dense_weight : float
        Scale of the standardised dense features.
    favor_bias : float
        Added to the ``favor`` score.
    params : dict, optional
        The estimator parameters the arrays were fitted with (kept for saving).
    provenance : dict, optional
        Training data, licence and script of a saved model.

    Examples
    --------
    >>> w = StanceWeights.pretrained()
    >>> w.predict([("Critics praised Acme.", 16, 20)]).tolist()
    ['favor']
    """

    def __init__(
        self,
        coef: np.ndarray,
        intercept: np.ndarray,
        idf: np.ndarray,
        dense_mean: np.ndarray,
        dense_scale: np.ndarray,
        classes: Sequence[str],
        *,
        dense_weight: float,
        favor_bias: float = 0.0,
        params: dict[str, Any] | None = None,
        provenance: dict[str, Any] | None = None,
    ) -> None:
        self.coef = coef
        self.intercept = intercept
        self.idf = idf
        self.dense_mean = dense_mean
        self.dense_scale = dense_scale
        self.classes_ = np.asarray(classes)
        self.n_features = len(idf)
        self.dense_weight = dense_weight
        self.favor_bias = favor_bias
        self.params = dict(params or {})
        self.provenance_ = dict(provenance or {})
        self.pretrained_ = False
        self._coef_t: tuple[np.ndarray, np.ndarray] | None = None
        if coef.shape != (len(self.classes_), self.n_features + len(DENSE_NAMES)):
            raise InputError("stance model: array shapes do not match the parameters")

    # -- persistence ---------------------------------------------------------------------
    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> StanceWeights:
        """Read a model written by :meth:`save` (never executes code)."""
        meta, arrays = load_arrays(path)
        if meta.get("kind") != KIND:
            raise InputError(f"{os.fspath(path)}: not a TargetStanceClassifier model")
        if meta.get("format") != FORMAT or meta.get("dense_names") != list(DENSE_NAMES):
            raise InputError(
                f"{os.fspath(path)}: model format {meta.get('format')} was made with other "
                f"features (this version reads format {FORMAT}); retrain it"
            )
        try:
            params = dict(meta["params"])
            classes = list(meta["classes"])
            coef = arrays["coef"].astype(np.float64)
            idf = arrays["idf"].astype(np.float64)
            intercept, mean, scale = (arrays[k] for k in ("intercept", "dense_mean", "dense_scale"))
            n_features, dense_weight = int(params["n_features"]), params["dense_weight"]
            favor_bias = params["favor_bias"]
        except (KeyError, TypeError, ValueError) as exc:
            raise InputError(f"{os.fspath(path)}: incomplete model file ({exc})") from None
        if coef.shape != (len(classes), n_features + len(DENSE_NAMES)) or len(idf) != n_features:
            raise InputError(f"{os.fspath(path)}: array shapes do not match the parameters")
        return cls(
            coef,
            intercept,
            idf,
            mean,
            scale,
            classes,
            dense_weight=dense_weight,
            favor_bias=favor_bias,
            params=params,
            provenance=meta.get("provenance", {}),
        )

    @classmethod
    def pretrained(cls) -> StanceWeights:
        """The model shipped with the package (``framing/models/stance_newsmtsc.npz``,
        trained on NewsMTSC, MIT; see its card)."""
        ref = resources.files("framing.models").joinpath(PRETRAINED_NAME + ".npz")
        with resources.as_file(ref) as path:
            if not path.exists():
                raise InputError(f"{path}: the pretrained stance model is not installed")
            weights = cls.load(path)
        weights.pretrained_ = True
        return weights

    def save(
        self,
        path: str | os.PathLike[str],
        provenance: dict[str, Any],
        params: dict[str, Any] | None = None,
    ) -> None:
        """Write the arrays, ``params`` (default :attr:`params`) and ``provenance`` to
        ``path`` (npz + JSON)."""
        meta = {
            "kind": KIND,
            "format": FORMAT,
            "params": self.params if params is None else params,
            "classes": self.classes_.tolist(),
            "dense_names": list(DENSE_NAMES),
            "provenance": provenance,
        }
        arrays = {
            "coef": self.coef.astype(np.float32),
            "intercept": self.intercept.astype(np.float64),
            "idf": self.idf.astype(np.float32),
            "dense_mean": self.dense_mean,
            "dense_scale": self.dense_scale,
        }
        save_arrays(path, meta, arrays)

    # -- predictions ---------------------------------------------------------------------
    def logits(self, parts: Sequence[MentionParts]) -> np.ndarray:
        """Per-class scores of featurised mentions, shape (n, n_classes)."""
        if not parts:
            return np.zeros((0, len(self.classes_)))
        S, Dz = tfidf_parts(
            *sparse_and_dense(parts, self.n_features),
            self.idf,
            self.dense_mean,
            self.dense_scale,
            self.dense_weight,
        )
        cached = self._coef_t
        if cached is None:  # transposed once, not per batch
            nf = self.n_features
            coef = self.coef
            cached = self._coef_t = (np.ascontiguousarray(coef[:, :nf].T), coef[:, nf:].T.copy())
        z = np.asarray(S @ cached[0]) + Dz @ cached[1] + self.intercept
        if self.favor_bias and "favor" in self.classes_:
            z[:, list(self.classes_).index("favor")] += self.favor_bias
        return z

    def _proba_from_features(self, parts: Sequence[MentionParts]) -> np.ndarray:
        """Probabilities of featurised mentions (the stance scorer's path)."""
        z = self.logits(parts)
        z -= z.max(axis=1, keepdims=True)
        e = np.exp(z)
        return e / e.sum(axis=1, keepdims=True)

    def decision_function(self, X: Any) -> np.ndarray:
        """Per-class scores of mentions ``X`` (as for ``TargetStanceClassifier``)."""
        rows = as_rows(X)
        if not rows:
            return np.zeros((0, len(self.classes_)))
        return self.logits(raw_parts(rows))

    def predict_proba(self, X: Any) -> np.ndarray:
        """Class probabilities of mentions ``X``, columns in :attr:`classes_`."""
        z = self.decision_function(X)
        z = z - z.max(axis=1, keepdims=True) if len(z) else z
        e = np.exp(z)
        return e / e.sum(axis=1, keepdims=True) if len(z) else e

    def predict(self, X: Any) -> np.ndarray:
        """Most probable label per mention."""
        z = self.decision_function(X)
        return self.classes_[z.argmax(axis=1)] if len(z) else np.asarray([], dtype=str)

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state["_coef_t"] = None
        return state
