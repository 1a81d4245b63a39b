"""Code-free storage of a fitted linear model's weights (sparse, float32)."""

from __future__ import annotations

from typing import Any

import numpy as np
from scipy import sparse

__all__ = ["LinearWeights"]


class LinearWeights:
    """Weights of a binary linear model: ``score = X @ coef + intercept``.

    Stored sparsely (only non-zero weights, as ``int32`` indices and ``float32``
    values), so a model over a large hashed space stays small.
    """

    def __init__(self, n_features: int, idx: np.ndarray, val: np.ndarray, intercept: float) -> None:
        self.n_features = int(n_features)
        self.idx = np.asarray(idx, dtype=np.int32)
        self.val = np.asarray(val, dtype=np.float32)
        self.intercept = float(intercept)
        coef = np.zeros(self.n_features, dtype=np.float64)
        coef[self.idx] = self.val
        self._coef = coef

    @classmethod
    def from_estimator(cls, est: Any) -> LinearWeights:
        """Take ``coef_`` and ``intercept_`` of a fitted binary linear classifier."""
        coef = np.asarray(est.coef_, dtype=np.float64).ravel()
        nz = np.flatnonzero(np.abs(coef) > 1e-7)
        return cls(coef.size, nz, coef[nz], float(np.ravel(est.intercept_)[0]))

    def decision(self, X: sparse.spmatrix | np.ndarray) -> np.ndarray:
        """Linear scores of the rows of ``X``."""
        return np.asarray(X @ self._coef).ravel() + self.intercept

    def proba(self, X: sparse.spmatrix | np.ndarray) -> np.ndarray:
        """``(n, 2)`` probabilities of classes 0 and 1."""
        p1 = 1.0 / (1.0 + np.exp(-np.clip(self.decision(X), -35, 35)))
        return np.column_stack([1 - p1, p1])

    def arrays(self, prefix: str) -> dict[str, np.ndarray]:
        """Arrays for :func:`framing.models.save_arrays`."""
        return {
            f"{prefix}idx": self.idx,
            f"{prefix}val": self.val,
            f"{prefix}meta": np.array([self.n_features, self.intercept], dtype=np.float64),
        }

    @classmethod
    def from_arrays(cls, arrays: dict[str, np.ndarray], prefix: str) -> LinearWeights:
        """Rebuild from :meth:`arrays` output."""
        n, intercept = arrays[f"{prefix}meta"]
        return cls(int(n), arrays[f"{prefix}idx"], arrays[f"{prefix}val"], float(intercept))
