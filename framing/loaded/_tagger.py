"""Token-level tagger: which words of a text are loaded, decided in context."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from importlib import resources
from typing import Any

import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.base import BaseEstimator, ClassifierMixin, TransformerMixin
from sklearn.feature_extraction import FeatureHasher
from sklearn.linear_model import LogisticRegression
from sklearn.utils.validation import check_is_fitted

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

__all__ = ["LoadedTermTagger", "token_table"]

PRETRAINED = "loaded_tagger.npz"


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

    def _features(self, X: Any) -> sparse.csr_matrix:
        df = _as_frame(X)
        cache: dict[str, tuple[TextTokens, list[list[str]], list[list[float]], Any, Any]] = {}
        strings: list[list[str]] = []
        dense: list[list[float]] = []
        pairs: list[int] = []
        pair_rows: list[int] = []
        for row, (text, start, end) in enumerate(
            zip(df["text"], df["start"], df["end"], strict=True)
        ):
            hit = cache.get(text)
            if hit is None:
                t = analyse_text(text)
                hit = cache[text] = (
                    t,
                    *token_features(t),
                    *token_pair_indices(t, self.n_features),
                )
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
        hasher = FeatureHasher(self.n_features, input_type="string", alternate_sign=False)
        H = hasher.transform(strings) if strings else sparse.csr_matrix((0, self.n_features))
        P = sparse.csr_matrix((np.ones(len(pairs)), (pair_rows, pairs)), shape=(n, self.n_features))
        D = sparse.csr_matrix(np.asarray(dense, dtype=np.float64).reshape(n, -1))
        return sparse.hstack([H + P, D], format="csr")

    def fit(self, X: Any, y: Any) -> LoadedTermTagger:
        """Fit on token rows ``X`` and 0/1 labels ``y``."""
        y = np.asarray(y).astype(int)
        if set(np.unique(y)) - {0, 1}:
            raise ValueError("y must hold 0 (not loaded) and 1 (loaded)")
        Xf = self._features(X)
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
        check_is_fitted(self, "weights_")
        return self.weights_.proba(self._features(X))

    def predict(self, X: Any) -> np.ndarray:
        """1 where the probability of loaded reaches ``threshold``."""
        return (self.predict_proba(X)[:, 1] >= self.threshold).astype(int)

    def transform(self, X: Any) -> np.ndarray:
        """The probability of loaded as a one-column array (``loaded_prob``)."""
        return self.predict_proba(X)[:, 1:2]

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        """Name of the :meth:`transform` output."""
        return np.array(["loaded_prob"], dtype=object)

    def tag(self, texts: Sequence[str]) -> list[list[tuple[int, int, float]]]:
        """Loaded words of each text: ``(start, end, probability)`` at or above ``threshold``."""
        table = token_table(texts)
        out: list[list[tuple[int, int, float]]] = [[] for _ in texts]
        if table.empty:
            return out
        probs = self.predict_proba(table)[:, 1]
        for tid, a, b, p in zip(table["text_id"], table["start"], table["end"], probs, strict=True):
            if p >= self.threshold:
                out[tid].append((int(a), int(b), float(p)))
        return out

    # -- persistence ---------------------------------------------------------------------
    def save(self, path: str | os.PathLike[str], card: dict[str, Any] | None = None) -> None:
        """Write the fitted model as numeric arrays + JSON metadata (no pickle)."""
        check_is_fitted(self, "weights_")
        meta = {"kind": "framing.LoadedTermTagger", "format": 2, "params": self.get_params()}
        meta["card"] = card or {}
        save_arrays(path, meta, self.weights_.arrays("w_"))

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> LoadedTermTagger:
        """Read a model written by :meth:`save`; never executes code."""
        meta, arrays = load_arrays(path)
        if meta.get("kind") != "framing.LoadedTermTagger":
            raise InputError(f"{os.fspath(path)}: not a LoadedTermTagger model")
        if meta.get("format") != 2:
            raise InputError(
                f"{os.fspath(path)}: LoadedTermTagger file format {meta.get('format')} is not"
                " supported (this version reads format 2; retrain the model)"
            )
        est = cls(**meta["params"])
        est.weights_ = LinearWeights.from_arrays(arrays, "w_")
        est.classes_ = np.array([0, 1])
        est.n_features_in_ = 1
        est.card_ = meta.get("card", {})
        return est

    @classmethod
    def pretrained(cls) -> LoadedTermTagger:
        """The tagger shipped with the package (see ``framing/models/loaded_tagger.md``)."""
        with resources.as_file(resources.files("framing.models").joinpath(PRETRAINED)) as p:
            return cls.load(p)

    def provenance(self) -> dict[str, Any]:
        """Parameters and model card summary."""
        return {
            "model": "LoadedTermTagger",
            "params": self.get_params(),
            **getattr(self, "card_", {}),
        }


def _as_frame(X: Any) -> pd.DataFrame:
    if not isinstance(X, pd.DataFrame) or not {"text", "start", "end"} <= set(X.columns):
        raise ValueError("X must be a DataFrame with columns text, start, end (see token_table)")
    return X


def _token_index(t: TextTokens, start: int, end: int) -> int | None:
    import bisect

    i = bisect.bisect_right(t.spans, (start, float("inf"))) - 1
    if i >= 0 and t.spans[i][0] <= start < t.spans[i][1]:
        return i
    if i + 1 < len(t.spans) and start <= t.spans[i + 1][0] < end:
        return i + 1
    return None
