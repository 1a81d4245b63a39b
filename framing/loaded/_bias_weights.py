"""A fitted bias classifier's state and predictions, without scikit-learn.

:class:`BiasWeights` holds what :class:`~framing.loaded.BiasClassifier` learns (the
linear weights, the idf of each hashed block, the dense features' mean and scale, the
embedded tagger as :class:`~framing.loaded._tagger_weights.TaggerWeights`) and computes
its probabilities; the estimator keeps ``fit`` and delegates its predictions here, and the
loaded-terms scorer loads the shipped classifier as this object, so that scoring text
never imports scikit-learn.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from importlib import resources
from typing import Any

import numpy as np
from scipy import sparse

from .._hashing import hashed_rows
from ..errors import InputError
from ..models import load_arrays, save_arrays
from ._features import (
    analyse_text,
    sentence_features,
    text_bigrams,
    text_char_strings,
    text_word_strings,
)
from ._linear import LinearWeights
from ._tagger_weights import TaggerWeights, token_table

__all__ = [
    "PRETRAINED",
    "TAGGER_FEATURES",
    "BiasWeights",
    "bias_provenance",
    "dense_features",
    "design_matrix",
    "hashed_counts",
    "tagger_features",
    "texts_of",
]

PRETRAINED = "bias_classifier.npz"
KIND = "framing.BiasClassifier"
FORMAT = 2
TAGGER_FEATURES = ("tagger_max", "tagger_n_loaded", "tagger_sum_norm")


def hashed_counts(texts: list[str], n_features: int, char_ngrams: bool) -> list[sparse.csr_matrix]:
    """Hashed counts of each text: word 1-2-grams, then (with ``char_ngrams``) the words'
    character 2-5-grams; one ``(len(texts), n_features)`` block each."""
    toks = [analyse_text(t) for t in texts]
    fns = [text_word_strings, text_char_strings] if char_ngrams else [text_word_strings]
    blocks = [hashed_rows([fn(t) for t in toks], n_features) for fn in fns]
    bigrams = [text_bigrams(t, n_features) for t in toks]
    rows = np.repeat(np.arange(len(toks)), [len(b) for b in bigrams])
    cols = np.concatenate(bigrams) if bigrams else np.zeros(0, dtype=np.int64)
    shape = (len(toks), n_features)
    blocks[0] = blocks[0] + sparse.csr_matrix((np.ones(len(cols)), (rows, cols)), shape=shape)
    return blocks


def design_matrix(
    counts: list[sparse.csr_matrix],
    idf: list[np.ndarray],
    D: np.ndarray,
    dense_mean: np.ndarray,
    dense_scale: np.ndarray,
    dense_weight: float,
) -> sparse.csr_matrix:
    """Hashed blocks scaled by idf and by ``sqrt(sum(count * idf**2))`` per row, then the
    standardised dense features times ``dense_weight``.

    The row scale is the L2 norm when no feature repeats; unlike the L2 norm it is a
    sum over tokens, so a text's score is a sum of per-word and per-pair terms.
    """
    blocks = []
    for C, w in zip(counts, idf, strict=True):
        norms = np.sqrt(np.asarray(C @ (w * w)).ravel())
        norms[norms == 0] = 1.0
        blocks.append(sparse.diags(1.0 / norms) @ (C @ sparse.diags(w)))
    Z = (D - dense_mean) / dense_scale * dense_weight
    blocks.append(sparse.csr_matrix(Z))
    return sparse.hstack(blocks, format="csr")


def dense_features(texts: list[str], tagger_feats: np.ndarray | None) -> np.ndarray:
    """``SENTENCE_FEATURES`` of each text, then ``tagger_feats`` (when given) beside them."""
    D = sentence_features(texts)
    if tagger_feats is not None:
        D = np.hstack([D, tagger_feats])
    return D


def tagger_features(tagger: Any, texts: list[str]) -> np.ndarray:
    """Per text: max, count at or over threshold, and sum / sqrt(n) of the word probabilities.

    ``tagger`` is a :class:`TaggerWeights` or a fitted ``LoadedTermTagger``.
    """
    out = np.zeros((len(texts), len(TAGGER_FEATURES)))
    table = token_table(texts)
    if table.empty:
        return out
    probs = tagger.predict_proba(table)[:, 1]
    for tid, group in table.groupby("text_id").indices.items():
        p = probs[group]
        out[tid] = [p.max(), (p >= tagger.threshold).sum(), p.sum() / np.sqrt(len(p))]
    return out


def bias_provenance(params: dict[str, Any], card: dict[str, Any]) -> dict[str, Any]:
    """The classifier's provenance record: its parameters (but the tagger) and model card."""
    kept = {k: v for k, v in params.items() if k != "tagger"}
    return {"model": "BiasClassifier", "params": kept, **card}


def texts_of(X: Any) -> list[str]:
    """``X`` as a list of texts; a clear error for one string or non-strings."""
    if isinstance(X, str):
        raise ValueError("X must be a sequence of texts, not one string")
    texts = list(X)
    if not all(isinstance(t, str) for t in texts):
        raise ValueError("X must hold strings")
    return texts


class BiasWeights:
    """A fitted :class:`~framing.loaded.BiasClassifier`'s state, predicting without scikit-learn.

    Parameters
    ----------
    weights : LinearWeights
        Logistic-regression weights over :func:`design_matrix` features.
    idf : list of ndarray
        idf of each hashed block (words, then characters).
    dense_mean, dense_scale : ndarray
        Mean and scale of the dense features (``SENTENCE_FEATURES``, then
        ``TAGGER_FEATURES`` with a tagger).
    classes : ndarray
        The two labels; :meth:`predict_proba` columns follow them.
    n_features : int
        Size of each hashed space.
    char_ngrams : bool
        Whether the character block is used.
    dense_weight : float
        Multiplier of the standardised dense features.
    tagger : TaggerWeights, optional
        Word tagger whose probabilities are dense features.
    params : dict, optional
        The estimator's parameters (written to model files and provenance).
    card : dict, optional
        Model card summary (data, licence).

    Examples
    --------
    >>> clf = BiasWeights.pretrained()
    >>> p = clf.predict_proba(["Corrupt thugs held a sham vote.", "The council met."])[:, 1]
    >>> bool(p[0] > p[1])
    True
    """

    def __init__(
        self,
        weights: LinearWeights,
        idf: list[np.ndarray],
        dense_mean: np.ndarray,
        dense_scale: np.ndarray,
        classes: np.ndarray,
        n_features: int,
        char_ngrams: bool,
        dense_weight: float,
        tagger: TaggerWeights | None = None,
        params: dict[str, Any] | None = None,
        card: dict[str, Any] | None = None,
    ) -> None:
        self.weights = weights
        self.idf = idf
        self.dense_mean = dense_mean
        self.dense_scale = dense_scale
        self.classes = classes
        self.n_features = n_features
        self.char_ngrams = char_ngrams
        self.dense_weight = dense_weight
        self.tagger = tagger
        if params is None:
            params = {"char_ngrams": char_ngrams, "dense_weight": dense_weight}
            params["n_features"] = n_features
        self.params = params
        self.card = card if card is not None else {}

    # -- prediction ----------------------------------------------------------------------
    def dense(self, texts: list[str]) -> np.ndarray:
        """Dense features of each text (sentence statistics, then the tagger's)."""
        tf = tagger_features(self.tagger, texts) if self.tagger is not None else None
        return dense_features(texts, tf)

    def predict_proba(self, X: Sequence[str]) -> np.ndarray:
        """``(n, 2)`` probabilities, columns in ``classes`` order."""
        texts = texts_of(X)
        if not texts:
            return np.zeros((0, 2))
        counts = hashed_counts(texts, self.n_features, self.char_ngrams)
        Xm = design_matrix(
            counts,
            self.idf,
            self.dense(texts),
            self.dense_mean,
            self.dense_scale,
            self.dense_weight,
        )
        return self.weights.proba(Xm)

    def predict(self, X: Sequence[str]) -> np.ndarray:
        """The more probable class of each text."""
        p = self.predict_proba(X)[:, 1]
        return np.where(p >= 0.5, self.classes[1], self.classes[0])

    def provenance(self) -> dict[str, Any]:
        """Parameters and model card summary."""
        return bias_provenance(self.params, self.card)

    # -- persistence ---------------------------------------------------------------------
    def to_arrays(self) -> dict[str, np.ndarray]:
        """The fitted arrays for :func:`framing.models.save_arrays` (tagger's prefixed ``t_``)."""
        arrays = {
            **self.weights.arrays("w_"),
            "dense_mean": self.dense_mean,
            "dense_scale": self.dense_scale,
        }
        for k, idf in enumerate(self.idf):
            arrays[f"idf{k}"] = idf.astype(np.float32)
        if self.tagger is not None:
            arrays.update(self.tagger.to_arrays("t_"))
        return arrays

    @classmethod
    def from_arrays(cls, meta: dict[str, Any], arrays: dict[str, np.ndarray]) -> BiasWeights:
        """Rebuild from a model file's metadata and arrays (see :meth:`save`)."""
        params = meta["params"]
        char_ngrams = params["char_ngrams"]
        tagger = None
        if "tagger_params" in meta:
            tagger = TaggerWeights.from_arrays(meta["tagger_params"], arrays, "t_")
        return cls(
            LinearWeights.from_arrays(arrays, "w_"),
            [arrays[f"idf{k}"].astype(np.float64) for k in range(1 + char_ngrams)],
            arrays["dense_mean"],
            arrays["dense_scale"],
            np.array(meta["classes"]),
            params["n_features"],
            char_ngrams,
            params["dense_weight"],
            tagger,
            params,
            meta.get("card", {}),
        )

    def save(self, path: str | os.PathLike[str], card: dict[str, Any] | None = None) -> None:
        """Write as numeric arrays + JSON metadata (no pickle); :meth:`load` reads it."""
        meta: dict[str, Any] = {
            "kind": KIND,
            "format": FORMAT,
            "params": self.params,
            "classes": self.classes.tolist(),
            "card": card or {},
        }
        if self.tagger is not None:
            meta["tagger_params"] = self.tagger.params
        save_arrays(path, meta, self.to_arrays())

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> BiasWeights:
        """Read a model written by :meth:`save` (or ``BiasClassifier.save``); never executes
        code."""
        meta, arrays = load_arrays(path)
        if meta.get("kind") != KIND:
            raise InputError(f"{os.fspath(path)}: not a BiasClassifier model")
        if meta.get("format") != FORMAT:
            raise InputError(
                f"{os.fspath(path)}: BiasClassifier file format {meta.get('format')} is not"
                f" supported (this version reads format {FORMAT}; retrain the model)"
            )
        return cls.from_arrays(meta, arrays)

    @classmethod
    def pretrained(cls) -> BiasWeights:
        """The model shipped with the package (see ``framing/models/bias_classifier.md``)."""
        with resources.as_file(resources.files("framing.models").joinpath(PRETRAINED)) as p:
            return cls.load(p)
