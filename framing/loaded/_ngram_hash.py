"""Feature hashing of many words at once, equal to scikit-learn's ``FeatureHasher``.

The loaded-terms models hash, for every new word type, a few word features and all its
character n-grams (about sixty strings a word). Building those strings and hashing them
one by one costs tens of microseconds a word, which is most of what text seen for the
first time costs the loaded-terms scorer. Here the words' bytes are laid out in one
array; the n-grams are windows into it; and MurmurHash3 (x86, 32 bit, seed 0: the hash of
``FeatureHasher`` and ``sklearn.utils.murmurhash3_32``) runs on all keys of one length at
once with NumPy. :func:`hashed_rows` returns the same sparse matrix as
``FeatureHasher(n_features, input_type="string", alternate_sign=False).transform(rows)``
(``tests/test_loaded_ngram_hash.py`` checks it), so the models' scores do not change.

Strings and words holding characters outside ASCII (whose n-grams are not byte windows)
go through ``sklearn.utils.murmurhash3_32`` one string at a time.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy import sparse
from sklearn.feature_extraction import FeatureHasher
from sklearn.utils import murmurhash3_32

from ._features import char_ngrams

__all__ = [
    "hashed_rows",
    "murmurhash3_fixed",
    "murmurhash3_ragged",
    "ngram_rows",
    "string_hashes",
]

_C1 = np.uint32(0xCC9E2D51)
_C2 = np.uint32(0x1B873593)
_N = np.uint32(0xE6546B64)
_F1 = np.uint32(0x85EBCA6B)
_F2 = np.uint32(0xC2B2AE35)
_FIVE = np.uint32(5)
_INT_MIN = -(2**31)
#: Below this many rows, NumPy's per-call costs exceed the savings: FeatureHasher itself.
SMALL = 96


def _rotl(x: np.ndarray, r: int) -> np.ndarray:
    return (x << np.uint32(r)) | (x >> np.uint32(32 - r))


def _mix(k: np.ndarray) -> np.ndarray:
    k = k * _C1
    k = _rotl(k, 15)
    return k * _C2


def _finish(h: np.ndarray, length: np.ndarray | np.uint32) -> np.ndarray:
    """MurmurHash3's last step: the key length mixed in, then the avalanche (as int32)."""
    h ^= length
    h ^= h >> np.uint32(16)
    h *= _F1
    h ^= h >> np.uint32(13)
    h *= _F2
    h ^= h >> np.uint32(16)
    return h.view(np.int32)


def murmurhash3_fixed(keys: np.ndarray) -> np.ndarray:
    """Signed 32-bit MurmurHash3 (seed 0) of each row of a ``(n, length)`` uint8 array.

    Equal to ``sklearn.utils.murmurhash3_32(row_bytes, seed=0)`` for every row.

    Examples
    --------
    >>> keys = np.frombuffer(b"sham", dtype=np.uint8).reshape(1, 4)
    >>> int(murmurhash3_fixed(keys)[0]) == murmurhash3_32(b"sham", seed=0)
    True
    """
    n, length = keys.shape
    h = np.zeros(n, dtype=np.uint32)
    nb = length // 4
    if nb:
        blocks = np.ascontiguousarray(keys[:, : 4 * nb]).view("<u4")
        for j in range(nb):
            h ^= _mix(blocks[:, j].astype(np.uint32))
            h = _rotl(h, 13) * _FIVE + _N
    tail = length & 3
    if tail:
        t = keys[:, 4 * nb :].astype(np.uint32)
        k = t[:, 0].copy()
        if tail >= 2:
            k ^= t[:, 1] << np.uint32(8)
        if tail == 3:
            k ^= t[:, 2] << np.uint32(16)
        h ^= _mix(k)
    return _finish(h, np.uint32(length))


def _small(rows: list[list[str]], n_features: int) -> sparse.csr_matrix:
    """A few rows: ``FeatureHasher`` itself (it cannot take zero rows)."""
    if not rows:
        return sparse.csr_matrix((0, n_features))
    return FeatureHasher(n_features, input_type="string", alternate_sign=False).transform(rows)


def _columns(h: np.ndarray, n_features: int) -> np.ndarray:
    """``FeatureHasher``'s column of each signed hash (``abs(h) % n``; INT_MIN apart)."""
    h = h.astype(np.int64)
    out = np.abs(h) % n_features
    out[h == _INT_MIN] = (2**31 - 1 - (n_features - 1)) % n_features
    return out


def murmurhash3_ragged(buf: np.ndarray, starts: np.ndarray, lens: np.ndarray) -> np.ndarray:
    """Signed 32-bit MurmurHash3 (seed 0) of the byte strings ``buf[s : s + n]``.

    All keys at once, whatever their lengths: keys are laid out zero-padded in rows of
    whole blocks; a block updates only the keys that reach it. The tail needs no mask:
    its bytes past a key's end are zeros, and a zero tail block mixes to zero.

    Examples
    --------
    >>> buf = np.frombuffer(b"shamvote!", dtype=np.uint8)
    >>> got = murmurhash3_ragged(buf, np.array([0, 4, 0]), np.array([4, 5, 0]))
    >>> got.tolist() == [murmurhash3_32(b, seed=0) for b in (b"sham", b"vote!", b"")]
    True
    """
    n = len(lens)
    nb = lens // 4
    width = 4 * (int(nb.max()) + 1) if n else 4
    col = np.arange(width)
    inside = col < lens[:, None]
    keys = np.zeros((n, width), dtype=np.uint8)
    if len(buf):
        src = np.minimum(starts[:, None] + col, len(buf) - 1)
        keys[inside] = buf[src[inside]]
    blocks = keys.view("<u4")
    h = np.zeros(n, dtype=np.uint32)
    for j in range(width // 4 - 1):
        reach = nb > j
        mixed = _rotl(h ^ _mix(blocks[:, j].astype(np.uint32)), 13) * _FIVE + _N
        h = np.where(reach, mixed, h)
    last = blocks[np.arange(n), nb].astype(np.uint32)  # the tail: bytes past it are zero
    h ^= _mix(last)
    return _finish(h, lens.astype(np.uint32))


def _layout(strings: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """ASCII strings end to end as bytes, with each one's start and length."""
    lens = np.fromiter(map(len, strings), dtype=np.int64, count=len(strings))
    starts = np.zeros(len(strings), dtype=np.int64)
    np.cumsum(lens[:-1], out=starts[1:])
    return np.frombuffer("".join(strings).encode("ascii"), dtype=np.uint8), starts, lens


def _signed_hashes(strings: list[str]) -> np.ndarray:
    """Signed MurmurHash3 (seed 0) of each string: the ASCII ones at once
    (:func:`murmurhash3_ragged`), the others one by one."""
    ascii_ok = np.fromiter(map(str.isascii, strings), dtype=bool, count=len(strings))
    if ascii_ok.all():
        return murmurhash3_ragged(*_layout(strings))
    out = np.empty(len(strings), dtype=np.int32)
    keep = np.flatnonzero(ascii_ok)
    if len(keep):
        out[keep] = murmurhash3_ragged(*_layout([strings[i] for i in keep.tolist()]))
    for i in np.flatnonzero(~ascii_ok).tolist():
        out[i] = murmurhash3_32(strings[i], seed=0)
    return out


def string_hashes(strings: Sequence[str]) -> np.ndarray:
    """Unsigned 32-bit MurmurHash3 (seed 0) of each string, as ``uint64``: the values of
    :func:`framing._hashing.string_hash`, ASCII strings hashed all at once.

    Examples
    --------
    >>> from framing._hashing import string_hash
    >>> words = ["sham", "vote", "caf\u00e9"]
    >>> string_hashes(words).tolist() == [string_hash(w) for w in words]
    True
    """
    return _signed_hashes(list(strings)).view(np.uint32).astype(np.uint64)


def _matrix(rows: np.ndarray, cols: np.ndarray, n_rows: int, n_features: int) -> sparse.csr_matrix:
    """Counts of ``(row, col)`` pairs as a canonical CSR matrix (duplicates summed, indices
    sorted), as ``FeatureHasher.transform`` returns it."""
    order = np.argsort(rows, kind="stable")
    indptr = np.zeros(n_rows + 1, dtype=np.int64)
    np.cumsum(np.bincount(rows, minlength=n_rows), out=indptr[1:])
    X = sparse.csr_matrix((np.ones(len(cols)), cols[order], indptr), shape=(n_rows, n_features))
    X.sum_duplicates()
    return X


def hashed_rows(rows: Sequence[Sequence[str]], n_features: int) -> sparse.csr_matrix:
    """``FeatureHasher(n_features, input_type="string", alternate_sign=False)
    .transform(rows)``, with the ASCII strings hashed in NumPy.

    Examples
    --------
    >>> from sklearn.feature_extraction import FeatureHasher
    >>> rows = [["w=sham", "s3=ham"], [], ["w=vote"]]
    >>> ours = hashed_rows(rows, 2**18)
    >>> theirs = FeatureHasher(2**18, input_type="string", alternate_sign=False).transform(rows)
    >>> (ours != theirs).nnz
    0
    """
    if len(rows) < SMALL:
        return _small([list(r) for r in rows], n_features)
    lens = [len(r) for r in rows]
    flat = [s for r in rows for s in r]
    row_of = np.repeat(np.arange(len(lens), dtype=np.int64), lens)
    return _matrix(row_of, _columns(_signed_hashes(flat), n_features), len(lens), n_features)


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
        return _small(grams, n_features)
    padded = [" " + w + " " for w in words]
    ascii_ok = np.fromiter(map(str.isascii, padded), dtype=bool, count=n_words)
    all_rows: list[np.ndarray] = []
    all_cols: list[np.ndarray] = []
    if not ascii_ok.all():  # words with other characters: their n-gram strings, one by one
        for i in np.flatnonzero(~ascii_ok).tolist():
            grams = char_ngrams(words[i], lo, hi)
            all_rows.append(np.full(len(grams), i, dtype=np.int64))
            all_cols.append(_columns(_signed_hashes([prefix + g for g in grams]), n_features))
    index = np.flatnonzero(ascii_ok)
    if len(index):
        kept = [padded[i] for i in index.tolist()] if len(index) < n_words else padded
        buf, off, m = _layout(kept)
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
            all_cols.append(_columns(murmurhash3_fixed(keys), n_features))
    if not all_rows:
        return sparse.csr_matrix((n_words, n_features))
    return _matrix(np.concatenate(all_rows), np.concatenate(all_cols), n_words, n_features)
