"""The one string hash behind every hashed feature (numeric, so no vocabulary ships).

MurmurHash3 (x86, 32 bit, seed 0) of a string's UTF-8 bytes: the hash of
scikit-learn's ``FeatureHasher`` and ``sklearn.utils.murmurhash3_32``, written here so
that scoring never imports scikit-learn (whose import takes seconds: it pulls in
``scipy.stats``). :func:`string_hash` hashes one string in Python;
:func:`string_hashes`, :func:`signed_hashes` and :func:`hashed_rows` hash many at once
with NumPy (all keys laid out in one byte array, every block of every key mixed in one
vectorised step). ``tests/test_hashing.py`` checks every value against scikit-learn's.

Examples
--------
>>> string_hash("sham") == int(string_hashes(["sham"])[0])
True
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

import numpy as np
from scipy import sparse

__all__ = [
    "byte_layout",
    "byte_windows",
    "count_matrix",
    "feature_columns",
    "hashed_rows",
    "murmurhash3_keys",
    "murmurhash3_windows",
    "signed_hashes",
    "string_hash",
    "string_hashes",
]

_M32 = 0xFFFFFFFF


def string_hash(s: str) -> int:
    """Non-negative 32-bit MurmurHash3 (seed 0) of ``s`` (its UTF-8 bytes).

    Equal to ``sklearn.utils.murmurhash3_32(s, seed=0, positive=True)``.

    Examples
    --------
    >>> string_hash("sham") == string_hash("sham") >= 0
    True
    >>> string_hash("")
    0
    """
    data = s.encode("utf-8")
    n = len(data)
    h = 0
    end = n & ~3
    for k in memoryview(data[:end]).cast("I") if end else ():
        k = (k * 0xCC9E2D51) & _M32
        k = ((k << 15) | (k >> 17)) & _M32
        h ^= (k * 0x1B873593) & _M32
        h = ((h << 13) | (h >> 19)) & _M32
        h = (h * 5 + 0xE6546B64) & _M32
    tail = n & 3
    if tail:
        k = int.from_bytes(data[end:], "little")
        k = (k * 0xCC9E2D51) & _M32
        k = ((k << 15) | (k >> 17)) & _M32
        h ^= (k * 0x1B873593) & _M32
    h ^= n
    h ^= h >> 16
    h = (h * 0x85EBCA6B) & _M32
    h ^= h >> 13
    h = (h * 0xC2B2AE35) & _M32
    return h ^ (h >> 16)


_C1 = np.uint32(0xCC9E2D51)
_C2 = np.uint32(0x1B873593)
_N = np.uint32(0xE6546B64)
_F1 = np.uint32(0x85EBCA6B)
_F2 = np.uint32(0xC2B2AE35)
_FIVE = np.uint32(5)
_INT_MIN = -(2**31)
#: Below this many strings one Python call each beats NumPy's fixed cost per batch.
_FEW = 32


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


def byte_windows(buf: np.ndarray) -> np.ndarray:
    """Each position's little-endian 32-bit word ``buf[i : i + 4]`` (zeros past the end),
    for ``i`` from 0 to ``len(buf)`` included.

    Examples
    --------
    >>> w = byte_windows(np.frombuffer(b"abcde", dtype=np.uint8))
    >>> int(w[3]) == int.from_bytes(b"de", "little"), int(w[0]) == int.from_bytes(b"abcd", "little")
    (True, True)
    >>> len(w), int(w[5])
    (6, 0)
    """
    n = len(buf)
    b = np.zeros(n + 4, dtype=np.uint32)
    b[:n] = buf
    out = b[: n + 1] | (b[1 : n + 2] << np.uint32(8))
    out |= b[2 : n + 3] << np.uint32(16)
    out |= b[3 : n + 4] << np.uint32(24)
    return out


def murmurhash3_keys(
    windows: np.ndarray,
    starts: np.ndarray,
    lens: np.ndarray,
    counts: np.ndarray,
    prefix: np.ndarray,
    prefix_lens: np.ndarray,
) -> np.ndarray:
    """Signed 32-bit MurmurHash3 (seed 0) of keys ``prefix + buf[pos : pos + len]``.

    Keys come in runs: run ``r`` holds ``counts[r]`` keys of ``lens[r]`` bytes starting at
    ``starts[r]``, ``starts[r] + 1``, ... (the n-grams of one length of one word, or a
    single key), all with the prefix whose bytes read as a little-endian integer are
    ``prefix[r]`` and whose length is ``prefix_lens[r]`` (0 to 3). ``windows`` is
    :func:`byte_windows` of the byte buffer ``buf``. The hashes come back run by run.

    No key is copied: a key's first block is its prefix joined to the 32-bit word at its
    start, every further block is the word at its place in ``buf``, and the tail is
    masked. Runs are processed longest first, so a block costs only the keys that reach
    it.

    Examples
    --------
    >>> buf = np.frombuffer(b" sham vote ", dtype=np.uint8)
    >>> w = int.from_bytes(b"w=", "little")
    >>> got = murmurhash3_keys(byte_windows(buf), np.array([1, 6, 1]), np.array([4, 4, 2]),
    ...     np.array([1, 1, 3]), np.array([w, 0, 0]), np.array([2, 0, 0]))
    >>> want = ["w=sham", "vote", "sh", "ha", "am"]
    >>> got.view(np.uint32).tolist() == [string_hash(s) for s in want]
    True
    """
    total = lens + prefix_lens
    nb = total >> 2
    order = np.argsort(nb, kind="stable")[::-1]  # runs, most blocks first
    cnt = counts[order]
    n = int(cnt.sum())
    if not n:
        return np.zeros(0, dtype=np.int32)
    nb = nb[order]
    single = bool((cnt == 1).all())  # one key a run: no run to spread over its keys
    spread = _same if single else partial(np.repeat, repeats=cnt)
    if single:
        inner = np.zeros(n, dtype=np.int64)
        pos = starts[order]
    else:
        run_first = np.cumsum(cnt) - cnt  # in the sorted order
        inner = np.arange(n) - np.repeat(run_first, cnt)
        pos = np.repeat(starts[order], cnt) + inner
    shift = (prefix_lens[order] << 3).astype(np.uint32)
    first = windows[pos] << spread(shift)
    first |= spread(prefix[order].astype(np.uint32))
    q = pos - spread(prefix_lens[order])  # where the key would start, prefix included
    above = n - np.cumsum(np.bincount(nb, weights=cnt, minlength=1))  # keys with > j blocks
    h = np.zeros(n, dtype=np.uint32)
    for j in range(int(nb[0])):
        c = int(above[j])
        k = first[:c] if j == 0 else windows[q[:c] + 4 * j]
        h[:c] = _rotl(h[:c] ^ _mix(k), 13) * _FIVE + _N
    t = total[order]
    runs = int(np.count_nonzero(nb))  # runs with whole blocks: the tail is in buf
    keys = int(above[0])
    last = first.copy()  # a key shorter than a block: its tail is its first block
    if keys:
        tail_at = starts[order[:runs]] - prefix_lens[order[:runs]] + 4 * nb[:runs]
        tail_at = tail_at if single else np.repeat(tail_at, cnt[:runs]) + inner[:keys]
        last[:keys] = windows[tail_at]
    last &= spread(_TAIL_MASK[t & 3])
    h ^= _mix(last)  # a zero tail mixes to zero
    h = _finish(h, spread(t.astype(np.uint32)))
    out = np.empty(n, dtype=np.int32)
    if single:
        out[order] = h
    else:
        orig_first = np.cumsum(counts) - counts
        out[np.repeat(orig_first[order], cnt) + inner] = h
    return out


def _same(x: np.ndarray) -> np.ndarray:
    return x


def murmurhash3_windows(
    windows: np.ndarray, pos: np.ndarray, length: int, prefix: bytes = b""
) -> np.ndarray:
    """Signed 32-bit MurmurHash3 (seed 0) of the keys ``prefix + buf[p : p + length]`` for
    each ``p`` in ``pos`` (``windows``: :func:`byte_windows` of ``buf``; a prefix of at most
    three bytes). All keys have one length, so each step is one operation on all of them.

    Examples
    --------
    >>> buf = np.frombuffer(b" sham ", dtype=np.uint8)
    >>> got = murmurhash3_windows(byte_windows(buf), np.arange(3), 4, b"c=")
    >>> got.view(np.uint32).tolist() == [string_hash("c=" + s) for s in (" sha", "sham", "ham ")]
    True
    """
    size = len(prefix)
    total = size + length
    nb, tail = total >> 2, total & 3
    first = windows[pos]
    if size:
        first <<= np.uint32(8 * size)
        first |= np.uint32(int.from_bytes(prefix, "little"))
    q = pos - size if nb > 1 or (nb and tail) else pos
    if nb:
        h = _rotl(_mix(first), 13) * _FIVE + _N
        for j in range(1, nb):
            h ^= _mix(windows[q + 4 * j])
            h = _rotl(h, 13) * _FIVE + _N
        if tail:
            h ^= _mix(windows[q + 4 * nb] & _TAIL_MASK[tail])
    elif tail:
        h = _mix(first & _TAIL_MASK[tail])
    else:
        h = np.zeros(len(pos), dtype=np.uint32)
    return _finish(h, np.uint32(total))


_TAIL_MASK = np.array([0, 0xFF, 0xFFFF, 0xFFFFFF], dtype=np.uint32)


def byte_layout(strings: Sequence[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The strings' UTF-8 bytes end to end, with each one's start and length in bytes.

    Examples
    --------
    >>> buf, starts, lens = byte_layout(["ab", "\u00e9"])
    >>> bytes(buf), starts.tolist(), lens.tolist()
    (b'ab\\xc3\\xa9', [0, 2], [2, 2])
    """
    joined = "".join(strings)
    if joined.isascii():
        lens = np.fromiter(map(len, strings), dtype=np.int64, count=len(strings))
        data = joined.encode("ascii")
    else:
        encoded = [s.encode("utf-8") for s in strings]
        lens = np.fromiter(map(len, encoded), dtype=np.int64, count=len(encoded))
        data = b"".join(encoded)
    starts = np.zeros(len(strings), dtype=np.int64)
    np.cumsum(lens[:-1], out=starts[1:])
    return np.frombuffer(data, dtype=np.uint8), starts, lens


def signed_hashes(strings: Sequence[str]) -> np.ndarray:
    """Signed 32-bit MurmurHash3 (seed 0) of each string, as ``int32``, all at once.

    Examples
    --------
    >>> signed_hashes(["sham", "vote"]).view(np.uint32).tolist() == [
    ...     string_hash("sham"), string_hash("vote")]
    True
    """
    if len(strings) < _FEW:
        return np.fromiter(map(string_hash, strings), np.uint32, len(strings)).view(np.int32)
    buf, starts, lens = byte_layout(strings)
    ones, zeros = np.ones(len(lens), dtype=np.int64), np.zeros(len(lens), dtype=np.int64)
    return murmurhash3_keys(byte_windows(buf), starts, lens, ones, zeros, zeros)


def string_hashes(strings: Sequence[str]) -> np.ndarray:
    """:func:`string_hash` of each string, as ``uint64``, hashed all at once.

    Examples
    --------
    >>> words = ["sham", "vote", "caf\u00e9"]
    >>> string_hashes(words).tolist() == [string_hash(w) for w in words]
    True
    """
    return signed_hashes(list(strings)).view(np.uint32).astype(np.uint64)


def feature_columns(h: np.ndarray, n_features: int) -> np.ndarray:
    """``FeatureHasher``'s column of each signed hash: ``abs(h) % n_features``, with
    ``abs(INT_MIN)`` taken as ``2**31`` (scikit-learn special-cases it in C)."""
    if 0 < n_features <= 2**31 and n_features & (n_features - 1) == 0:
        # abs wraps INT_MIN to itself, whose low bits are those of 2**31: all zero
        return np.abs(h.astype(np.int32, copy=False)) & np.int32(n_features - 1)
    h = h.astype(np.int64)
    out = np.abs(h) % n_features
    out[h == _INT_MIN] = 2**31 % n_features
    return out


def count_matrix(
    rows: np.ndarray, cols: np.ndarray, n_rows: int, n_features: int
) -> sparse.csr_matrix:
    """Counts of ``(row, col)`` pairs as a canonical CSR matrix (duplicates summed,
    indices sorted), as ``FeatureHasher.transform`` returns it."""
    order = np.argsort(rows, kind="stable")
    indptr = np.zeros(n_rows + 1, dtype=np.int64)
    np.cumsum(np.bincount(rows, minlength=n_rows), out=indptr[1:])
    X = sparse.csr_matrix((np.ones(len(cols)), cols[order], indptr), shape=(n_rows, n_features))
    X.sum_duplicates()
    return X


def hashed_rows(rows: Sequence[Sequence[str]], n_features: int) -> sparse.csr_matrix:
    """Hashed counts of each row's strings: equal to scikit-learn's
    ``FeatureHasher(n_features, input_type="string", alternate_sign=False).transform(rows)``.

    Examples
    --------
    >>> X = hashed_rows([["w=sham", "w=sham"], [], ["w=vote"]], 2**18)
    >>> X.shape, X.sum(axis=1).A1.tolist()
    ((3, 262144), [2.0, 0.0, 1.0])
    """
    lens = [len(r) for r in rows]
    flat = [s for r in rows for s in r]
    if not flat:
        return sparse.csr_matrix((len(lens), n_features))
    row_of = np.repeat(np.arange(len(lens), dtype=np.int64), lens)
    cols = feature_columns(signed_hashes(flat), n_features)
    return count_matrix(row_of, cols, len(lens), n_features)
