"""Hashed character n-grams of many words at once, equal to scikit-learn's ``FeatureHasher``.

The loaded-terms models hash, for every new word type, a few word features and all its
character n-grams (about sixty strings a word). Building those strings and hashing them
one by one costs tens of microseconds a word, which is most of what text seen for the
first time costs the loaded-terms scorer. Here the words' bytes are laid out in one
array; the n-grams are windows into it; and MurmurHash3 (:mod:`framing._hashing`) runs on
all keys of one length at once with NumPy. :func:`ngram_rows` returns the same sparse
matrix as :func:`framing._hashing.hashed_rows` of the n-gram strings, that is as
``FeatureHasher(n_features, input_type="string", alternate_sign=False)`` would
(``tests/test_loaded_ngram_hash.py`` checks it), so the models' scores do not change.
Words holding characters outside ASCII (whose n-grams are not byte windows) have their
n-gram strings built and hashed as strings.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy import sparse

from .._hashing import (
    byte_layout,
    count_matrix,
    feature_columns,
    hashed_rows,
    murmurhash3_fixed,
    signed_hashes,
)
from ._features import char_ngrams

__all__ = ["ngram_rows"]

#: Below this many words, the n-gram strings are built and hashed as strings.
SMALL = 16


def ngram_rows(
    words: Sequence[str], lo: int, hi: int, n_features: int, prefix: str = ""
) -> sparse.csr_matrix:
    """Hashed ``prefix`` + character ``lo``- to ``hi``-grams of ``" " + word + " "``, one
    row per word: ``hashed_rows`` of the n-gram strings of
    :func:`~framing.loaded._features.char_ngrams`, without building them.

    Examples
    --------
    >>> from framing.loaded._features import char_ngrams
    >>> ours = ngram_rows(["sham", "vote"], 2, 5, 2**18, "c=")
    >>> grams = [["c=" + g for g in char_ngrams(w, 2, 5)] for w in ["sham", "vote"]]
    >>> theirs = hashed_rows(grams, 2**18)
    >>> (ours != theirs).nnz
    0
    """
    n_words = len(words)
    if n_words < SMALL:
        grams = [[prefix + g for g in char_ngrams(w, lo, hi)] for w in words]
        return hashed_rows(grams, n_features)
    padded = [" " + w + " " for w in words]
    ascii_ok = np.fromiter(map(str.isascii, padded), dtype=bool, count=n_words)
    all_rows: list[np.ndarray] = []
    all_cols: list[np.ndarray] = []
    if not ascii_ok.all():  # words with other characters: their n-gram strings, one by one
        for i in np.flatnonzero(~ascii_ok).tolist():
            grams = char_ngrams(words[i], lo, hi)
            all_rows.append(np.full(len(grams), i, dtype=np.int64))
            all_cols.append(feature_columns(signed_hashes([prefix + g for g in grams]), n_features))
    index = np.flatnonzero(ascii_ok)
    if len(index):
        kept = [padded[i] for i in index.tolist()] if len(index) < n_words else padded
        buf, off, m = byte_layout(kept)
        pre = np.frombuffer(prefix.encode("ascii"), dtype=np.uint8)
        for k in range(lo, hi + 1):
            counts = np.maximum(m - k + 1, 0)
            total = int(counts.sum())
            if not total:
                continue
            local = np.repeat(np.arange(len(kept), dtype=np.int64), counts)
            inner = np.arange(total) - np.repeat(np.cumsum(counts) - counts, counts)
            keys = np.empty((total, len(pre) + k), dtype=np.uint8)
            keys[:, : len(pre)] = pre
            keys[:, len(pre) :] = buf[(off[local] + inner)[:, None] + np.arange(k)]
            all_rows.append(index[local])
            all_cols.append(feature_columns(murmurhash3_fixed(keys), n_features))
    if not all_rows:
        return sparse.csr_matrix((n_words, n_features))
    return count_matrix(np.concatenate(all_rows), np.concatenate(all_cols), n_words, n_features)
