"""Hashed sparse features of a batch of mentions, made with NumPy over the whole batch
(:func:`sparse_matrix`), and the table of words' hashed keys it reads (:class:`_WordKeys`).
"""

from __future__ import annotations

import math
import struct
from collections.abc import Sequence
from itertools import chain, compress
from typing import TYPE_CHECKING

import numpy as np
import scipy.sparse as sp

from .._hashing import string_hash, string_hashes

if TYPE_CHECKING:
    from ._features import MentionParts

__all__ = ["packed", "sparse_matrix", "trim_word_keys"]

_WINDOW = 6
_KEY_PREFIXES = ("u:", "l:", "r:", "l1:", "l2:", "r1:", "r2:", "b:", "cl:", "cr:")
#: Prefixes of a word's stem keys (its first ``_STEM`` letters; words of at least
#: ``_STEM + 1`` letters only, else the key is 0 and unused): sentence bag, left, right.
_STEM_PREFIXES = ("s:", "ls:", "rs:")
_STEM = 5
_U, _L, _R, _B, _CL, _CR, _S, _LS, _RS = 0, 1, 2, 7, 8, 9, 10, 11, 12
_SQRT = [0.0] + [1.0 / math.sqrt(d) for d in range(1, _WINDOW + 1)]


def _pair(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Keys of bigrams from the keys of their two words (uint64 arrays; order matters)."""
    return ((x * _M1) & _MASK) ^ (((y * _M2) >> _S7) & _MASK)


_M1, _M2, _MASK, _S7 = (np.uint64(v) for v in (16777619, 2246822519, 0xFFFFFFFF, 7))


class _WordKeys:
    """Word -> row id of its hashed keys (one column per prefix in ``_KEY_PREFIXES``,
    then one per prefix in ``_STEM_PREFIXES``).

    A memo of a pure function shared by the process: ids are stable, so the rows of
    one growing array serve every batch (news vocabularies take a few MB). The array is
    word-major, shape ``(capacity, n_kinds)``: a batch takes its tokens' rows in one
    ``take`` (one block copy per token) and reads its transpose, one row per kind of key.
    """

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}
        self.array = np.zeros((4096, _N_KEYS), dtype=np.uint64)

    def rows(self, words: list[str]) -> list[int]:
        """Row ids of ``words``; the new ones are added, all their keys hashed in one
        :func:`~framing._hashing.string_hashes` call."""
        try:  # (most batches hold no new word)
            return list(map(self.ids.__getitem__, words))
        except KeyError:
            pass
        ids = list(map(self.ids.get, words))
        self.add_many(list(dict.fromkeys(compress(words, map(_is_none, ids)))))
        return list(map(self.ids.__getitem__, words))

    def add_many(self, words: list[str]) -> None:
        """Add distinct words the table does not hold yet."""
        i0, n = len(self.ids), len(words)
        size = self.array.shape[0]
        if i0 + n > size:
            while i0 + n > size:
                size *= 2
            grown = np.zeros((size, _N_KEYS), dtype=np.uint64)
            grown[:i0] = self.array[:i0]
            self.array = grown
        stems = [w[:_STEM] for w in words if len(w) > _STEM and w.isalpha()]
        has_stem = [len(w) > _STEM and w.isalpha() for w in words]
        keys = [p + w for w in words for p in _KEY_PREFIXES]
        keys += [p + t for t in stems for p in _STEM_PREFIXES]
        h = string_hashes(keys)
        block = self.array[i0 : i0 + n]
        n_word = len(_KEY_PREFIXES)
        block[:, :n_word] = h[: n * n_word].reshape(n, n_word)
        block[:, n_word:] = 0
        block[np.asarray(has_stem, dtype=bool), n_word:] = h[n * n_word :].reshape(
            len(stems), len(_STEM_PREFIXES)
        )
        self.ids.update(zip(words, range(i0, i0 + n), strict=True))


def packed(code: str, values: Sequence[float]) -> np.ndarray:
    """A list of Python numbers as a writable 1-d array (``code``: ``"d"`` float64, ``"q"``
    int64, ``"Q"`` uint64); :mod:`struct` converts a list faster than ``np.fromiter``
    or ``np.array`` do (about a fifth of their work for floats)."""
    buf = bytearray(struct.pack(f"{len(values)}{code}", *values))
    return np.frombuffer(buf, dtype=_PACKED[code])


_PACKED = {"d": np.float64, "q": np.int64, "Q": np.uint64}


def _is_none(x: object) -> bool:
    return x is None


_N_KEYS = len(_KEY_PREFIXES) + len(_STEM_PREFIXES)
_WORDS = _WordKeys()
#: Words the key table holds before it starts again (a news vocabulary grows without end:
#: names, numbers, typos); 200,000 words take a few tens of MB.
MAX_WORD_KEYS = 200_000


def trim_word_keys(limit: int = MAX_WORD_KEYS) -> None:
    """Start the word-key table again when it holds more than ``limit`` words.

    Words are looked up in it when :func:`sparse_matrix` runs, so any time outside
    that call is safe (:meth:`StanceScorer.annotate` and the classifier call it on entry).
    """
    global _WORDS
    if len(_WORDS.ids) > limit:
        _WORDS = _WordKeys()


_SALT_LB = np.uint64(string_hash("<left bigram>"))
_SALT_RB = np.uint64(string_hash("<right bigram>"))
_T_KEYS = np.asarray([string_hash(p + "<t>") for p in ("u:", "b:")], dtype=np.uint64)


def sparse_matrix(parts: Sequence[MentionParts], n_features: int) -> sp.csr_matrix:
    """Hashed sparse features of mentions, one row each (numpy over the whole batch).

    Per mention: the counts of the words, bigrams and stems of its sentence with the
    mention masked as ``<t>``; the words and stems of the left and right windows
    (``_WINDOW`` tokens, weighted by 1 / sqrt(distance)) and the nearest two words on
    each side; the bigrams next to the mention; the words of its clause by side; then
    ``own_keys`` / ``own_values``. Zeros are dropped.
    """
    n_rows = len(parts)
    if not n_rows:
        return sp.csr_matrix((0, n_features))
    rows, cols, vals = _triples(parts, n_features)
    S = sp.csr_matrix((vals, (rows, cols)), shape=(n_rows, n_features))
    S.sum_duplicates()
    S.data[np.abs(S.data) < 1e-9] = 0.0
    S.eliminate_zeros()
    return S


def _triples(
    parts: Sequence[MentionParts], n_features: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Rows, columns and values of every hashed feature of the mentions (with
    duplicates: see :func:`sparse_matrix`)."""
    n_rows = len(parts)
    # The fields of all mentions in one transposition (MentionParts are tuples).
    words_l, a_l, b_l, own_k, own_v, _, cs_l, ce_l = zip(*parts, strict=True)
    # The distinct sentences (first appearance order), their tokens' keys stacked.
    distinct = list({id(w): w for w in words_l}.values())
    index = {id(w): k for k, w in enumerate(distinct)}
    sent = packed("q", list(map(index.__getitem__, map(id, words_l))))
    flat: list[str] = list(chain.from_iterable(distinct))
    ln = np.fromiter(map(len, distinct), dtype=np.int64, count=len(distinct))
    off = np.cumsum(ln) - ln
    # The keys of the batch's tokens, one row per kind of key (a view of the rows taken).
    table = _WORDS
    ids = table.rows(flat) if flat else [0]
    KT = table.array.take(packed("q", ids), axis=0).T
    n_tok = len(flat)
    last = max(n_tok - 1, 0)
    a = packed("q", a_l)
    b = packed("q", b_l)
    n = ln[sent]
    o = off[sent]
    rows_l: list[np.ndarray] = []
    keys_l: list[np.ndarray] = []
    vals_l: list[np.ndarray] = []
    # The sentence's bag: every mention of a sentence gets its words and bigrams.
    n_sent = len(distinct)
    tok_sent = np.repeat(np.arange(n_sent), ln)
    pos = np.arange(n_tok) - off[tok_sent]
    by_sent = np.argsort(sent, kind="stable")
    starts = np.searchsorted(sent[by_sent], np.arange(n_sent))
    counts = np.bincount(sent, minlength=n_sent)
    has_next = pos < ln[tok_sent] - 1
    nxt = np.minimum(np.arange(n_tok) + 1, last)
    bi = _pair(KT[_B][:n_tok], KT[_B][nxt])
    uni = KT[_U][:n_tok]
    stems = KT[_S][:n_tok]
    has_stem = stems != 0
    tok_keys = np.concatenate([uni, bi[has_next], stems[has_stem]])
    tok_of = np.concatenate([tok_sent, tok_sent[has_next], tok_sent[has_stem]])
    reps = counts[tok_of]
    first = starts[tok_of]
    # Row r of the batch for each (token feature, mention of its sentence) pair: the
    # feature's j-th pair is at by_sent[first + j] (j counted by _runs).
    rows_l.append(by_sent[_runs(first, reps)])
    keys_l.append(np.repeat(tok_keys, reps))
    vals_l.append(np.ones(int(reps.sum())))
    # Features with one slot per mention, in this order per mention (each slot a row
    # of K, with its mask M and value V): minus the mention's words and stems and the
    # bigrams touching it, plus <t> and its bigrams; the window words and stems by
    # distance, the nearest two words on each side; the outer bigrams.
    span = b - a
    t_max = int(span.max())
    J = np.arange(t_max)[:, None]
    g = np.minimum(o + a + J, last)
    ku, ks = KT[_U][g], KT[_S][g]
    mu = J < span
    K_mask = np.stack([ku, ks], axis=1).reshape(2 * t_max, n_rows)
    M_mask = np.stack([mu, mu & (ks != 0)], axis=1).reshape(2 * t_max, n_rows)
    J = np.arange(-1, t_max)[:, None]
    i = a + J
    M_bi = (J < span) & (i >= 0) & (i + 1 < n)
    K_bi = _pair(KT[_B][np.clip(o + i, 0, last)], KT[_B][np.clip(o + i + 1, 0, last)])
    left = np.clip(o + a - 1, 0, last)
    right = np.clip(o + b, 0, last)
    kb_left, kb_right = KT[_B][left], KT[_B][right]
    tb = _T_KEYS[1]
    K_t = np.stack([np.full(n_rows, _T_KEYS[0]), _pair(kb_left, tb), _pair(tb, kb_right)])
    M_t = np.stack([np.ones(n_rows, dtype=bool), a > 0, b < n])
    D = _DIST[:, None]
    li = np.clip(o + a - D, 0, last)
    lm = a - D >= 0
    ri = np.clip(o + b + D - 1, 0, last)
    rm = b + D - 1 < n
    kls, krs = KT[_LS][li], KT[_RS][ri]
    near = [KT[3][li[0]], KT[4][li[1]], KT[5][ri[0]], KT[6][ri[1]]]  # l1, l2, r1, r2
    K_win = np.concatenate([KT[_L][li], kls, KT[_R][ri], krs, near])[_WIN_ORDER]
    M_win = np.concatenate([lm, lm & (kls != 0), rm, rm & (krs != 0), lm[:2], rm[:2]])[_WIN_ORDER]
    l2 = np.clip(o + a - 2, 0, last)
    r2 = np.clip(o + b + 1, 0, last)
    K_out = np.stack(
        [
            _pair(KT[_B][l2], kb_left) ^ _SALT_LB,
            _pair(kb_right, KT[_B][r2]) ^ _SALT_RB,
        ]
    )
    M_out = np.stack([a >= 2, n - b >= 2])
    V = np.concatenate([np.full(3 * t_max + 1, -1.0), _SLOT_VALUES])
    n_slots = len(V)
    # Mention-major: each mention's slots in order (as the rows of the CSR matrix).
    K = np.concatenate([K_mask, K_bi, K_t, K_win, K_out]).T.ravel()
    M = np.concatenate([M_mask, M_bi, M_t, M_win, M_out]).T.ravel()
    idx = np.flatnonzero(M)
    rows_l.append(idx // n_slots)
    keys_l.append(K[idx])
    vals_l.append(V[idx % n_slots])
    # The words of the mention's clause, left and right of it.
    cs = packed("q", cs_l)
    ce = packed("q", ce_l)
    for lo, ln_, col in ((cs, a - cs, _CL), (b, ce - b, _CR)):
        g = _runs(o + lo, ln_)
        rows_l.append(np.repeat(np.arange(n_rows), ln_))
        keys_l.append(KT[col][g])
        vals_l.append(np.ones(len(g)))
    # The mention's evaluative-word features.
    own_n = np.fromiter(map(len, own_k), dtype=np.int64, count=n_rows)
    rows_l.append(np.repeat(np.arange(n_rows), own_n))
    keys_l.append(packed("Q", list(chain.from_iterable(own_k))))
    vals_l.append(packed("d", list(chain.from_iterable(own_v))))
    rows = np.concatenate(rows_l)
    keys = np.concatenate(keys_l)
    if n_features & (n_features - 1):
        keys %= np.uint64(n_features)
    else:  # a power of two: the low bits
        keys &= np.uint64(n_features - 1)
    cols = keys.view(np.int64)  # (below n_features: the same numbers)
    vals = np.concatenate(vals_l)
    return rows, cols, vals


def _runs(starts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """The runs ``starts[k], starts[k] + 1, ..., starts[k] + lengths[k] - 1``, joined.

    One ``repeat`` of each run's start minus its offset in the output, plus the output's
    positions (integer arithmetic: the same numbers as repeating starts and offsets
    separately).
    """
    offsets = np.cumsum(lengths) - lengths
    return np.repeat(starts - offsets, lengths) + np.arange(lengths.sum())


_DIST = np.arange(1, _WINDOW + 1)
# The window slots' order: per distance d, left word, left stem, right word, right stem,
# then (d <= 2) the nearest left and right words (rows of the concatenation in
# :func:`sparse_matrix`: 6 of each of the first four kinds, then 2 and 2); their values.
_WIN_ORDER = np.asarray(
    [
        r
        for d in range(_WINDOW)
        for r in [d, _WINDOW + d, 2 * _WINDOW + d, 3 * _WINDOW + d]
        + ([4 * _WINDOW + d, 4 * _WINDOW + 2 + d] if d < 2 else [])
    ]
)
_SLOT_VALUES = np.asarray(
    [1.0, 1.0, 1.0]
    + [v for d in range(1, _WINDOW + 1) for v in [_SQRT[d]] * 4 + ([1.0, 1.0] if d <= 2 else [])]
    + [1.0, 1.0]
)
