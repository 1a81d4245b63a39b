"""Everything a new word type needs hashed, for many types at once, from one byte layout.

A word type new to :class:`~framing.loaded._fast.FastScorer` needs about seventy hashed
strings: the tagger's word features (:func:`~framing.loaded._features.word_strings`, with
its character 3- to 5-grams), the classifier's character 2- to 5-grams, and one string
per context role (``p=``, ``n=``, ``p2=``, ``n2=``, ``u=``) besides the word's own hash.
Here no string is built: the lower-case words are laid out once as bytes
(``" w1  w2 ... "``, then the five ``shape=`` strings), every key is a prefix of at most
three bytes joined to a slice of that layout, and all keys go through one call of
:func:`framing._hashing.murmurhash3_keys`. The sparse rows equal
:func:`framing._hashing.hashed_rows` of the strings (``FeatureHasher``'s), so scores do
not change (``tests/test_loaded_type_hash.py`` checks it). Words with characters outside
ASCII (whose slices are not byte slices) have their strings built and hashed one by one.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import chain
from typing import NamedTuple

import numpy as np
from scipy import sparse

from .._hashing import byte_windows, feature_columns, murmurhash3_keys, signed_hashes
from ._features import _shape, char_ngrams, word_strings

__all__ = ["SINGLE_PREFIXES", "TypeHashes", "type_hashes"]

#: One string per word type and role: hashed as ``prefix + word`` (``""``: the word hash).
SINGLE_PREFIXES = ("p=", "n=", "p2=", "n2=", "u=", "")
_SHAPES = ("UP", "Cap", "low", "dig", "hyph")
_SHAPE_TEXT = "".join("shape=" + s for s in _SHAPES)
_SHAPE_LENS = np.array([6 + len(s) for s in _SHAPES], dtype=np.int64)
_SHAPE_OFF = np.cumsum(_SHAPE_LENS) - _SHAPE_LENS


class TypeHashes(NamedTuple):
    """Hashed features of word types, one row (or entry) per type, in the order given."""

    #: The tagger's own-word features: ``hashed_rows`` of ``word_strings(w, lw)``.
    own: sparse.csr_matrix
    #: The classifier's character 2- to 5-grams: ``hashed_rows`` of ``char_ngrams(lw, 2, 5)``.
    chars: sparse.csr_matrix
    #: Signed hashes of ``prefix + lw`` for each of :data:`SINGLE_PREFIXES`, shape (6, n).
    single: np.ndarray
    #: Whether each word's first character is upper case.
    first_upper: np.ndarray
    #: Whether each lower-case word holds a decimal digit (``str.isdigit``).
    digit: np.ndarray


def _prefix_int(prefix: str) -> int:
    return int.from_bytes(prefix.encode("ascii"), "little")


def _ngram_segments(
    start: np.ndarray, m: np.ndarray, lo: int, hi: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per word and n-gram length (word-major): start of the padded word, length, count."""
    ks = np.arange(lo, hi + 1)
    counts = np.maximum((m + 2)[:, None] - ks + 1, 0)
    starts = np.broadcast_to(start[:, None], counts.shape)
    lens = np.broadcast_to(ks, counts.shape)
    return starts, lens, counts


def type_hashes(
    words: Sequence[str], lower: Sequence[str], t_features: int, b_features: int
) -> TypeHashes:
    """Hashed features of word types (``words`` and their lower-case forms ``lower``).

    ``t_features`` / ``b_features``: hashed columns of the tagger / the classifier.

    Examples
    --------
    >>> from framing._hashing import hashed_rows
    >>> from framing.loaded._features import word_strings
    >>> th = type_hashes(["Sham", "vote"], ["sham", "vote"], 2**18, 2**18)
    >>> want = hashed_rows([word_strings("Sham", "sham"), word_strings("vote", "vote")], 2**18)
    >>> (th.own != want).nnz, th.single.shape
    (0, (6, 2))
    """
    n = len(words)
    ok = np.fromiter(map(str.isascii, words), dtype=bool, count=n)
    ok &= np.fromiter(map(str.isascii, lower), dtype=bool, count=n)
    index = np.flatnonzero(ok)
    kept = list(lower) if len(index) == n else [lower[i] for i in index.tolist()]
    na = len(kept)
    m = np.fromiter(map(len, kept), dtype=np.int64, count=na)
    text = " " + "  ".join(kept) + " " if na else ""
    end = len(text)
    buf = np.frombuffer((text + _SHAPE_TEXT).encode("ascii"), dtype=np.uint8)
    windows = byte_windows(buf)
    pad = np.zeros(na, dtype=np.int64)  # where each padded word " w " starts
    np.cumsum(m[:-1] + 2, out=pad[1:])
    pos = pad + 1
    shape = np.fromiter(map(_shape_id, words), dtype=np.int64, count=n)
    digit = np.zeros(n, dtype=bool)
    if na:
        is_digit = (buf[:end] >= 48) & (buf[:end] <= 57)
        digit[index] = np.add.reduceat(is_digit, pad) > 0

    # Tagger rows, word-major: w=, s3=, s4=, b4=, shape=, then c= 3-, 4- and 5-grams.
    s3 = np.minimum(m, 3)
    s4 = np.minimum(m, 4)
    sh = shape[index]
    one = np.ones((na, 5), dtype=np.int64)
    t_start = np.column_stack([pos, pos + m - s3, pos + m - s4, pos, end + _SHAPE_OFF[sh]])
    t_len = np.column_stack([m, s3, s4, s4, _SHAPE_LENS[sh]])
    t_pre = np.array([_prefix_int(p) for p in ("w=", "s3=", "s4=", "b4=", "")])
    t_plen = np.array([2, 3, 3, 3, 0])
    g_start, g_len, g_count = _ngram_segments(pad, m, 3, 5)
    t_segs = (
        np.hstack([t_start, g_start]),
        np.hstack([t_len, g_len]),
        np.hstack([one, g_count]),
        np.hstack([np.broadcast_to(t_pre, (na, 5)), np.full((na, 3), _prefix_int("c="))]),
        np.hstack([np.broadcast_to(t_plen, (na, 5)), np.full((na, 3), 2)]),
    )
    # Classifier character rows: 2- to 5-grams, no prefix.
    c_start, c_len, c_count = _ngram_segments(pad, m, 2, 5)
    zeros = np.zeros(c_count.shape, dtype=np.int64)
    c_segs = (c_start, c_len, c_count, zeros, zeros)
    # Single keys, prefix-major.
    s_pre = np.array([_prefix_int(p) for p in SINGLE_PREFIXES])
    s_plen = np.array([len(p) for p in SINGLE_PREFIXES])
    k = len(SINGLE_PREFIXES)
    s_segs = (
        np.broadcast_to(pos, (k, na)),
        np.broadcast_to(m, (k, na)),
        np.ones((k, na), dtype=np.int64),
        np.broadcast_to(s_pre[:, None], (k, na)),
        np.broadcast_to(s_plen[:, None], (k, na)),
    )
    parts = [t_segs, c_segs, s_segs]
    starts, lens, counts, pre, plen = (
        np.concatenate([s[f].ravel() for s in parts]) for f in range(5)
    )
    total = int(counts.sum())
    first = np.cumsum(counts) - counts
    inner = np.arange(total) - np.repeat(first, counts)
    h = murmurhash3_keys(
        windows,
        np.repeat(starts, counts) + inner,
        np.repeat(lens, counts),
        np.repeat(pre, counts),
        np.repeat(plen, counts),
    )
    n_t = int(t_segs[2].sum())
    n_c = int(c_count.sum())
    t_rows = t_segs[2].sum(axis=1)
    c_rows = c_count.sum(axis=1)
    single = np.zeros((k, n), dtype=np.int32)
    single[:, index] = h[n_t + n_c :].reshape(k, na)

    rest = np.flatnonzero(~ok).tolist()
    own = _rows(index, t_rows, h[:n_t], n, t_features)
    chars = _rows(index, c_rows, h[n_t : n_t + n_c], n, b_features)
    if rest:  # words outside ASCII: their strings, one by one
        own = _merge(own, rest, [word_strings(words[i], lower[i]) for i in rest], t_features)
        grams = [char_ngrams(lower[i], 2, 5) for i in rest]
        chars = _merge(chars, rest, grams, b_features)
        keys = [p + lower[i] for p in SINGLE_PREFIXES for i in rest]
        single[:, rest] = signed_hashes(keys).reshape(k, len(rest))
        digit[rest] = [any(ch.isdigit() for ch in lower[i]) for i in rest]
    first_up = np.fromiter(map(str.isupper, [w[:1] for w in words]), dtype=bool, count=n)
    return TypeHashes(own, chars, single, first_up, digit)


def _shape_id(word: str) -> int:
    return _SHAPES.index(_shape(word))


def _rows(
    index: np.ndarray, per_row: np.ndarray, h: np.ndarray, n: int, n_features: int
) -> sparse.csr_matrix:
    """Canonical CSR counts of hashes laid out row by row (rows ``index`` of ``n``)."""
    counts = np.zeros(n, dtype=np.int64)
    counts[index] = per_row
    indptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(counts, out=indptr[1:])
    cols = feature_columns(h, n_features)
    X = sparse.csr_matrix((np.ones(len(cols)), cols, indptr), shape=(n, n_features))
    X.sum_duplicates()
    return X


def _merge(
    X: sparse.csr_matrix, rows: list[int], strings: list[list[str]], n_features: int
) -> sparse.csr_matrix:
    """``X`` with the (empty) ``rows`` filled by the hashed counts of ``strings``."""
    lens = [len(s) for s in strings]
    cols = feature_columns(signed_hashes(list(chain.from_iterable(strings))), n_features)
    row_of = np.repeat(np.array(rows, dtype=np.int64), lens)
    coo = X.tocoo()
    all_rows = np.concatenate([coo.row.astype(np.int64), row_of])
    all_cols = np.concatenate([coo.col.astype(np.int64), cols])
    data = np.concatenate([coo.data, np.ones(len(cols))])
    out = sparse.csr_matrix((data, (all_rows, all_cols)), shape=X.shape)
    out.sum_duplicates()
    return out
