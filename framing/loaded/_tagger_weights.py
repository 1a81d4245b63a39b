"""A fitted loaded-term tagger's state and predictions, without scikit-learn.

:class:`TaggerWeights` holds what :class:`~framing.loaded.LoadedTermTagger` learns (the
hashed space's size, the decision threshold and the linear weights) and makes its
predictions; the estimator keeps ``fit`` and delegates every prediction here, and the
loaded-terms scorer loads the shipped tagger as this object, so that scoring text never
imports scikit-learn. The features are the tagger's (:func:`token_matrix`), hashed as
scikit-learn's ``FeatureHasher`` would (:func:`framing._hashing.hashed_rows`).
"""

from __future__ import annotations

import bisect
import os
from collections.abc import Iterable, Sequence
from importlib import resources
from typing import Any

import numpy as np
import pandas as pd
from scipy import sparse

from .._hashing import hashed_rows
from ..errors import InputError
from ..models import load_arrays, save_arrays
from ._features import (
    DENSE_TOKEN_FEATURES,
    TextTokens,
    analyse_text,
    token_features,
    token_pair_indices,
)
from ._linear import LinearWeights

__all__ = ["PRETRAINED", "TaggerWeights", "tagger_provenance", "token_matrix", "token_table"]

PRETRAINED = "loaded_tagger.npz"
KIND = "framing.LoadedTermTagger"
FORMAT = 2


def token_table(texts: Iterable[str]) -> pd.DataFrame:
    """Every word token of every text as a row: ``text_id``, ``text``, ``start``, ``end``, ``word``.

    This is the input :class:`LoadedTermTagger` expects (one row per candidate).

    Examples
    --------
    >>> token_table(["A sham vote."])[["start", "end", "word"]].values.tolist()
    [[0, 1, 'A'], [2, 6, 'sham'], [7, 11, 'vote']]
    """
    ids: list[int] = []
    owners: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    words: list[str] = []
    for tid, text in enumerate(texts):
        t = analyse_text(text)
        n = len(t.words)
        ids.extend([tid] * n)
        owners.extend([text] * n)
        starts.extend(a for a, _ in t.spans)
        ends.extend(b for _, b in t.spans)
        words.extend(t.words)
    # ``text`` repeats one string per token: an object column shares it, where a string
    # column would copy it once per token (quadratic in the paragraph's length).
    return pd.DataFrame(
        {
            "text_id": pd.Series(ids, dtype="int64"),
            "text": pd.Series(owners, dtype=object),
            "start": pd.Series(starts, dtype="int64"),
            "end": pd.Series(ends, dtype="int64"),
            "word": pd.Series(words, dtype=object),
        }
    )


def token_matrix(X: Any, n_features: int) -> sparse.csr_matrix:
    """The tagger's feature matrix of token rows ``X`` (see :func:`token_table`).

    Hashed features (``n_features`` columns: feature strings plus word-pair indices)
    followed by the ``DENSE_TOKEN_FEATURES`` numbers.

    Examples
    --------
    >>> token_matrix(token_table(["A sham vote."]), 2**10).shape
    (3, 1039)
    """
    df = _as_frame(X)
    cache: dict[str, tuple[TextTokens, list[list[str]], list[list[float]], Any, Any]] = {}
    strings: list[list[str]] = []
    dense: list[list[float]] = []
    pairs: list[int] = []
    pair_rows: list[int] = []
    for row, (text, start, end) in enumerate(zip(df["text"], df["start"], df["end"], strict=True)):
        hit = cache.get(text)
        if hit is None:
            t = analyse_text(text)
            hit = cache[text] = (t, *token_features(t), *token_pair_indices(t, n_features))
        t, s_rows, d_rows, pw, wn = hit
        i = _token_index(t, int(start), int(end))
        if i is None:
            strings.append(["w=<none>"])
            dense.append([0.0] * len(DENSE_TOKEN_FEATURES))
        else:
            strings.append(s_rows[i])
            dense.append(d_rows[i])
            pairs += (int(pw[i]), int(wn[i]))
            pair_rows += (row, row)
    n = len(strings)
    H = hashed_rows(strings, n_features)
    P = sparse.csr_matrix((np.ones(len(pairs)), (pair_rows, pairs)), shape=(n, n_features))
    D = sparse.csr_matrix(np.asarray(dense, dtype=np.float64).reshape(n, -1))
    return sparse.hstack([H + P, D], format="csr")


def tagger_provenance(params: dict[str, Any], card: dict[str, Any]) -> dict[str, Any]:
    """The tagger's provenance record: its parameters and model card."""
    return {"model": "LoadedTermTagger", "params": params, **card}


class TaggerWeights:
    """A fitted :class:`~framing.loaded.LoadedTermTagger`'s state, predicting without scikit-learn.

    Parameters
    ----------
    weights : LinearWeights
        Logistic-regression weights over :func:`token_matrix` features.
    n_features : int
        Size of the hashed part of the feature space.
    threshold : float
        Probability at or above which a word counts as loaded.
    params : dict, optional
        The estimator's parameters (written to model files and provenance).
    card : dict, optional
        Model card summary (data, licence).

    Examples
    --------
    >>> tagger = TaggerWeights.pretrained()
    >>> probs = tagger.predict_proba(token_table(["A sham vote."]))[:, 1]
    >>> probs.shape, bool(((probs >= 0) & (probs <= 1)).all())
    ((3,), True)
    """

    def __init__(
        self,
        weights: LinearWeights,
        n_features: int,
        threshold: float = 0.5,
        params: dict[str, Any] | None = None,
        card: dict[str, Any] | None = None,
    ) -> None:
        self.weights = weights
        self.n_features = int(n_features)
        self.threshold = threshold
        self.params = params if params is not None else {"n_features": n_features}
        self.card = card if card is not None else {}

    # -- prediction ----------------------------------------------------------------------
    def predict_proba(self, X: Any) -> np.ndarray:
        """``(n, 2)`` probabilities of not loaded / loaded for token rows ``X``."""
        return self.weights.proba(token_matrix(X, self.n_features))

    def predict(self, X: Any) -> np.ndarray:
        """1 where the probability of loaded reaches ``threshold``."""
        return (self.predict_proba(X)[:, 1] >= self.threshold).astype(int)

    def tag(self, texts: Sequence[str]) -> list[list[tuple[int, int, float]]]:
        """Loaded words of each text: ``(start, end, probability)`` at or above ``threshold``."""
        table = token_table(texts)
        out: list[list[tuple[int, int, float]]] = [[] for _ in texts]
        if table.empty:
            return out
        probs = self.predict_proba(table)[:, 1]
        th = self.threshold
        for tid, a, b, p in zip(table["text_id"], table["start"], table["end"], probs, strict=True):
            if p >= th:
                out[tid].append((int(a), int(b), float(p)))
        return out

    def provenance(self) -> dict[str, Any]:
        """Parameters and model card summary."""
        return tagger_provenance(self.params, self.card)

    # -- persistence ---------------------------------------------------------------------
    def to_arrays(self, prefix: str = "w_") -> dict[str, np.ndarray]:
        """The weights as arrays for :func:`framing.models.save_arrays`."""
        return self.weights.arrays(prefix)

    @classmethod
    def from_arrays(
        cls,
        params: dict[str, Any],
        arrays: dict[str, np.ndarray],
        prefix: str = "w_",
        card: dict[str, Any] | None = None,
    ) -> TaggerWeights:
        """Rebuild from the estimator's parameters and :meth:`to_arrays` output."""
        weights = LinearWeights.from_arrays(arrays, prefix)
        return cls(weights, params["n_features"], params["threshold"], params, card)

    def save(self, path: str | os.PathLike[str], card: dict[str, Any] | None = None) -> None:
        """Write as numeric arrays + JSON metadata (no pickle); :meth:`load` reads it."""
        meta = {"kind": KIND, "format": FORMAT, "params": self.params, "card": card or {}}
        save_arrays(path, meta, self.to_arrays())

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> TaggerWeights:
        """Read a tagger written by :meth:`save` (or ``LoadedTermTagger.save``); never
        executes code."""
        meta, arrays = load_arrays(path)
        if meta.get("kind") != KIND:
            raise InputError(f"{os.fspath(path)}: not a LoadedTermTagger model")
        if meta.get("format") != FORMAT:
            raise InputError(
                f"{os.fspath(path)}: LoadedTermTagger file format {meta.get('format')} is not"
                f" supported (this version reads format {FORMAT}; retrain the model)"
            )
        return cls.from_arrays(meta["params"], arrays, "w_", meta.get("card", {}))

    @classmethod
    def pretrained(cls) -> TaggerWeights:
        """The tagger shipped with the package (see ``framing/models/loaded_tagger.md``)."""
        with resources.as_file(resources.files("framing.models").joinpath(PRETRAINED)) as p:
            return cls.load(p)


def _as_frame(X: Any) -> pd.DataFrame:
    if not isinstance(X, pd.DataFrame) or not {"text", "start", "end"} <= set(X.columns):
        raise ValueError("X must be a DataFrame with columns text, start, end (see token_table)")
    return X


def _token_index(t: TextTokens, start: int, end: int) -> int | None:
    i = bisect.bisect_right(t.spans, (start, float("inf"))) - 1
    if i >= 0 and t.spans[i][0] <= start < t.spans[i][1]:
        return i
    if i + 1 < len(t.spans) and start <= t.spans[i + 1][0] < end:
        return i + 1
    return None
