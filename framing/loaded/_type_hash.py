"""Everything a new word type needs hashed, for many types at once, from one byte layout.

A word type new to :class:`~framing.loaded._fast.FastScorer` needs about seventy hashed
strings: the tagger's word features (:func:`~framing.loaded._features.word_strings`, with
its character 3- to 5-grams), the classifier's character 2- to 5-grams, and one string
per context role (``p=``, ``n=``, ``p2=``, ``n2=``, ``u=``) besides the word's own hash.
Here no string is built: the lower-case words are laid out once as bytes
(``" w1  w2 ... "``, then the five ``shape=`` strings), every key is a prefix of at most
three bytes joined to a slice of that layout: the n-grams of one length are hashed
together as windows (:func:`framing._hashing.murmurhash3_windows`), the whole-word keys
in one call of :func:`framing._hashing.murmurhash3_keys`, and the hashes are placed row
by row. The flags of the word shape and dense features (capitals, letters, digits) come
from the character classes of the words' code points. The sparse rows equal
:func:`framing._hashing.hashed_rows` of the strings (``FeatureHasher``'s), so scores do
not change (``tests/test_loaded_type_hash.py`` checks it). Words with characters outside
ASCII (whose slices are not byte slices) have their strings built and hashed one by one.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import chain
from typing import Any, NamedTuple

import numpy as np
from scipy import sparse

from .._hashing import (
    byte_windows,
    feature_columns,
    murmurhash3_keys,
    murmurhash3_windows,
    signed_hashes,
)
from ._features import char_ngrams, word_strings

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
    #: Whether each word is upper case and longer than one character.
    all_caps: np.ndarray
    #: Whether each lower-case word holds a digit (``str.isdigit``) and is not all letters.
    digit: np.ndarray
    #: Length of each lower-case word.
    length: np.ndarray


def _prefix_int(prefix: str) -> int:
    return int.from_bytes(prefix.encode("ascii"), "little")


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
    wl = np.fromiter(map(len, words), dtype=np.int64, count=n)
    # Character classes of every word at once: code points of the words end to end (and a
    # space, so that an empty word's start is still inside).
    joined = "".join(words) + " "
    if joined.isascii():
        cps = np.frombuffer(joined.encode("ascii"), dtype=np.uint8)
    else:
        cps = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32)
    wstart = np.zeros(n, dtype=np.int64)
    np.cumsum(wl[:-1], out=wstart[1:])
    upper_c = (cps >= 65) & (cps <= 90)
    n_upper = np.add.reduceat(upper_c, wstart) if n else wl
    n_lower = np.add.reduceat((cps >= 97) & (cps <= 122), wstart) if n else wl
    n_digit = np.add.reduceat((cps >= 48) & (cps <= 57), wstart) if n else wl
    hyphen = np.add.reduceat(cps == 45, wstart) > 0 if n else wl > 0
    ok = wl > 0
    if cps.dtype != np.uint8:
        ok &= np.add.reduceat(cps > 127, wstart) == 0
    index = np.flatnonzero(ok)
    kept = list(lower) if len(index) == n else [lower[i] for i in index.tolist()]
    text = " " + "  ".join(kept) + " " if kept else ""
    if not text.isascii():  # lower-case forms outside ASCII of ASCII words: one by one
        ok &= np.fromiter(map(str.isascii, lower), dtype=bool, count=n)
        index = np.flatnonzero(ok)
        kept = [lower[i] for i in index.tolist()]
        text = " " + "  ".join(kept) + " " if kept else ""
    na = len(kept)
    m = np.fromiter(map(len, kept), dtype=np.int64, count=na)
    end = len(text)
    buf = np.frombuffer((text + _SHAPE_TEXT).encode("ascii"), dtype=np.uint8)
    windows = byte_windows(buf)
    pad = np.zeros(na, dtype=np.int64)  # where each padded word " w " starts
    np.cumsum(m[:-1] + 2, out=pad[1:])
    pos = pad + 1
    # ASCII words: flags from the character classes of the words and of their lower-case
    # forms
    is_upper = (n_upper > 0) & (n_lower == 0)
    first_up = upper_c[wstart] if n else wl > 0
    alpha = (n_upper + n_lower == wl) & (wl > 0)
    digit_w = n_digit > 0
    digit = np.zeros(n, dtype=bool)  # of the lower-case form, when not all letters
    if na:
        tb = buf[:end]
        folded = tb | 32
        letters = np.add.reduceat((folded >= 97) & (folded <= 122), pad)
        digits = np.add.reduceat((tb >= 48) & (tb <= 57), pad)
        digit[index] = (digits > 0) & ((letters != m) | (m == 0))
    length = np.zeros(n, dtype=np.int64)
    length[index] = m
    rest = np.flatnonzero(~ok).tolist()
    if rest:  # other words: their flags one by one
        rw = [words[i] for i in rest]
        rl = [lower[i] for i in rest]
        is_upper[rest] = [w.isupper() for w in rw]
        first_up[rest] = [w[:1].isupper() for w in rw]
        alpha[rest] = [w.isalpha() for w in rw]
        digit_w[rest] = [any(ch.isdigit() for ch in w) for w in rw]
        hyphen[rest] = ["-" in w for w in rw]
        digit[rest] = [not lw.isalpha() and any(ch.isdigit() for ch in lw) for lw in rl]
        length[rest] = [len(lw) for lw in rl]
    all_caps = is_upper & (wl > 1)
    # _shape of each word: UP, Cap, low, dig, hyph, else low
    shape = np.select([all_caps, first_up, alpha, digit_w, hyphen], [0, 1, 2, 3, 4], 2)

    # Whole-word keys, word-major: the tagger's w=, s3=, s4=, b4=, shape=, then the
    # single keys (SINGLE_PREFIXES).
    s3 = np.minimum(m, 3)
    s4 = np.minimum(m, 4)
    sh = shape[index]
    k = len(SINGLE_PREFIXES)
    starts = np.column_stack(
        [pos, pos + m - s3, pos + m - s4, pos, end + _SHAPE_OFF[sh], *[pos] * k]
    )
    lens = np.column_stack([m, s3, s4, s4, _SHAPE_LENS[sh], *[m] * k])
    whole = murmurhash3_keys(
        windows,
        starts.ravel(),
        lens.ravel(),
        np.ones(starts.size, dtype=np.int64),
        np.broadcast_to(_W_PRE, starts.shape).ravel(),
        np.broadcast_to(_W_PLEN, starts.shape).ravel(),
    ).reshape(na, 5 + k)
    # n-grams: windows of k bytes of each padded word, k from 2 to 5 (the classifier's) and
    # from 3 to 5 with "c=" (the tagger's); each row holds its words' n-grams by length.
    counts = np.maximum((m + 3)[:, None] - np.arange(2, 6), 0)  # per word and length
    t_rows = 5 + counts[:, 1:].sum(axis=1)
    c_rows = counts.sum(axis=1)
    t_base = np.cumsum(t_rows) - t_rows
    c_base = np.cumsum(c_rows) - c_rows
    t_hash = np.empty(int(t_rows.sum()), dtype=np.int32)
    c_hash = np.empty(int(c_rows.sum()), dtype=np.int32)
    t_hash[(t_base[:, None] + np.arange(5)).ravel()] = whole[:, :5].ravel()
    t_off = t_base + 5
    c_off = c_base
    for j, size in enumerate(range(2, 6)):
        cnt = counts[:, j]
        run = np.arange(int(cnt.sum()))  # a word's windows are consecutive: key k's place
        first = np.cumsum(cnt) - cnt  # is k plus its word's offset
        at = run + np.repeat(pad - first, cnt)
        c_hash[run + np.repeat(c_off - first, cnt)] = murmurhash3_windows(windows, at, size)
        c_off = c_off + cnt
        if size >= 3:
            to = run + np.repeat(t_off - first, cnt)
            t_hash[to] = murmurhash3_windows(windows, at, size, b"c=")
            t_off = t_off + cnt
    single = np.zeros((k, n), dtype=np.int32)
    single[:, index] = whole[:, 5:].T
    own_parts = [(index, t_rows, t_hash)]
    char_parts = [(index, c_rows, c_hash)]
    if rest:  # words outside ASCII: their strings, one by one
        own_parts.append(_string_part(rest, [word_strings(words[i], lower[i]) for i in rest]))
        char_parts.append(_string_part(rest, [char_ngrams(lower[i], 2, 5) for i in rest]))
        keys = [p + lower[i] for p in SINGLE_PREFIXES for i in rest]
        single[:, rest] = signed_hashes(keys).reshape(k, len(rest))
    own = _rows(own_parts, n, t_features)
    chars = _rows(char_parts, n, b_features)
    return TypeHashes(own, chars, single, first_up, all_caps, digit, length)


def _string_part(rows: list[int], strings: list[list[str]]) -> tuple[Any, Any, Any]:
    lens = np.array([len(s) for s in strings], dtype=np.int64)
    return np.array(rows, dtype=np.int64), lens, signed_hashes(list(chain.from_iterable(strings)))


def _rows(
    parts: list[tuple[np.ndarray, np.ndarray, np.ndarray]], n: int, n_features: int
) -> sparse.csr_matrix:
    """Canonical CSR counts of hashes given row by row: parts of (rows, hashes per row,
    hashes), the rows of all parts together being ``range(n)``."""
    counts = np.zeros(n, dtype=np.int64)
    for rows, per_row, _ in parts:
        counts[rows] = per_row
    indptr = np.zeros(n + 1, dtype=np.int32)  # int32 as the columns: no conversion
    np.cumsum(counts, out=indptr[1:])
    if len(parts) == 1:
        h = parts[0][2]
    else:
        h = np.empty(int(indptr[-1]), dtype=np.int32)
        for rows, per_row, part in parts:
            first = np.cumsum(per_row) - per_row
            inner = np.arange(len(part)) - np.repeat(first, per_row)
            h[np.repeat(indptr[rows], per_row) + inner] = part
    cols = feature_columns(h, n_features)
    X = sparse.csr_matrix((np.ones(len(cols)), cols, indptr), shape=(n, n_features))
    X.sum_duplicates()
    return X


_W_PREFIXES = ("w=", "s3=", "s4=", "b4=", "", *SINGLE_PREFIXES)
_W_PRE = np.array([_prefix_int(p) for p in _W_PREFIXES])
_W_PLEN = np.array([len(p) for p in _W_PREFIXES])
