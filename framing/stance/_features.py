"""Features of one target mention in its sentence, for the stance classifier.

Two parts, both free of any stored vocabulary:

* sparse string features (hashed later): the sentence's words and bigrams with the
  target masked as ``<t>`` and other capitalised names as ``<ent>`` (kept as the
  sentence's bag, shared by all its mentions, plus a per-mention correction, so that
  the bag is built and hashed once per sentence), and the stems (first five letters)
  of its longer words; words and stems of the left and right context windows, weighted
  by 1 / sqrt(distance); the words of the target's clause, by side; the nearest two
  words on each side and the bigrams next to the target; and the polarity class of each
  evaluative word with its side, distance bucket, clause, negation and quote state;
* dense numbers (:data:`DENSE_NAMES`): distance-weighted polarity sums per side, in the
  target's clause and in the sentence, quote state, the rule-based lexicon score
  (:class:`~framing.stance._lexicon_scorer.LexiconStance`) and position.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Sequence
from itertools import chain, compress
from typing import NamedTuple

import numpy as np
import scipy.sparse as sp

from .._hashing import string_hash, string_hashes
from ._lexicon import NEGATORS, polarity_lexicon
from ._lexicon_scorer import LexiconStance, SentenceTokens, tokenize_sentence

__all__ = ["DENSE_NAMES", "MentionFeaturizer", "MentionParts", "sparse_matrix", "token_range"]

DENSE_NAMES: tuple[str, ...] = (
    "pos_w",
    "neg_w",
    "pos_left",
    "neg_left",
    "pos_right",
    "neg_right",
    "pos_sent",
    "neg_sent",
    "pos_clause",
    "neg_clause",
    "pos_quoted",
    "neg_quoted",
    "target_quoted",
    "has_quote",
    "lexicon_raw",
    "lexicon_tanh",
    "predicate_object",
    "target_first",
    "relative_position",
    "clause_length",
    "n_names",
    "negations_in_clause",
)
_DI = {n: i for i, n in enumerate(DENSE_NAMES)}
_BOUND = frozenset(',;:()-"'.replace("", " ").split()) | frozenset(
    "but while although though whereas because which who after before when".split()
)
_WINDOW = 6
_KEY_PREFIXES = ("u:", "l:", "r:", "l1:", "l2:", "r1:", "r2:", "b:", "cl:", "cr:")
#: Prefixes of a word's stem keys (its first ``_STEM`` letters; words of at least
#: ``_STEM + 1`` letters only, else the key is 0 and unused): sentence bag, left, right.
_STEM_PREFIXES = ("s:", "ls:", "rs:")
_STEM = 5
_U, _L, _R, _B, _CL, _CR, _S, _LS, _RS = 0, 1, 2, 7, 8, 9, 10, 11, 12


_BUCKET = ["1", "1", "2", "3", "3", "4", "4", "4", "4", "5"]
_SQRT = [0.0] + [1.0 / math.sqrt(d) for d in range(1, _WINDOW + 1)]
_N_DENSE = len(DENSE_NAMES)
_TQ, _HQ = _DI["target_quoted"], _DI["has_quote"]
_LRAW, _LTANH, _POBJ = _DI["lexicon_raw"], _DI["lexicon_tanh"], _DI["predicate_object"]
_FIRST, _RELPOS, _CLEN = _DI["target_first"], _DI["relative_position"], _DI["clause_length"]
_NNAMES, _NEGC = _DI["n_names"], _DI["negations_in_clause"]


class MentionParts(NamedTuple):
    """Features of one mention, made by :class:`MentionFeaturizer`.

    ``words`` are the sentence's words with other names masked as ``<ent>`` (one list
    shared by every mention of the sentence) and the mention is ``words[a:b]``:
    :func:`sparse_matrix` derives the bag of the masked sentence and the context-window
    features from their hashed keys (the word-key table, filled for a whole batch at
    once); ``words[cs:ce]`` is the mention's clause (between commas, conjunctions such
    as "but" and quote marks). ``own_keys`` /
    ``own_values`` hold the mention's evaluative-word features; ``dense`` the numbers
    of :data:`DENSE_NAMES`. Keys are 32-bit hashes of feature strings (MurmurHash3; a
    bigram's key mixes its two words' keys); a model takes them modulo its number of
    features.
    """

    words: list[str]
    a: int
    b: int
    own_keys: list[int]
    own_values: list[float]
    dense: list[float]
    cs: int
    ce: int


_hash = string_hash
#: ``tuple.__new__``: makes a named tuple from a tuple of its fields in one C call (the
#: named tuple's own ``__new__`` is a Python function).
_new_parts = tuple.__new__


def _pair(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Keys of bigrams from the keys of their two words (uint64 arrays; order matters)."""
    return ((x * _M1) & _MASK) ^ (((y * _M2) >> _S7) & _MASK)


_M1, _M2, _MASK, _S7 = (np.uint64(v) for v in (16777619, 2246822519, 0xFFFFFFFF, 7))


class _WordKeys:
    """Word -> row id of its hashed keys (one per prefix in ``_KEY_PREFIXES``, then
    one per prefix in ``_STEM_PREFIXES``).

    A memo of a pure function shared by the process: ids are stable, so rows of one
    growing array serve every batch (news vocabularies take a few MB).
    """

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}
        self.array = np.zeros((4096, _N_KEYS), dtype=np.uint64)

    def rows(self, words: list[str]) -> list[int]:
        """Row ids of ``words``; the new ones are added, all their keys hashed in one
        :func:`~framing._hashing.string_hashes` call."""
        get = self.ids.get
        ids = list(map(get, words))
        if None in ids:
            self.add_many(list(dict.fromkeys(compress(words, map(_is_none, ids)))))
            ids = list(map(get, words))
        return ids  # type: ignore[return-value]

    def add_many(self, words: list[str]) -> None:
        """Add distinct words the table does not hold yet."""
        i0, n = len(self.ids), len(words)
        size = len(self.array)
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


# Keys of the evaluative-word features: side (L/R), distance bucket, polarity, quotes.
_K_CLAUSE = {(d, p): _hash("C" + d + p) for d in "LR" for p in ("pos", "neg")}
_K_POS = {(d, k, p): _hash("P" + d + k + p) for d in "LR" for k in "12345" for p in ("pos", "neg")}
_K_NEG = {(d, p): _hash("NEG" + d + p) for d in "LR" for p in ("pos", "neg")}
_K_QUOTE = {
    (q, t, p): _hash(f"Q{int(q)}{int(t)}{p}")
    for q in (False, True)
    for t in (False, True)
    for p in ("pos", "neg")
}
_K_PRED = {(r, c): _hash(f"PRED_{r}{c}") for r in ("OBJ", "SUBJ") for c in (-1, 1)}
# The same keys as tables: [left][polarity class] (left 1 for "L", class 0 for "pos"),
# _KT_POS[left][distance][class] and _KT_QUOTE[word quoted][class][target quoted].
_PN = ("pos", "neg")
_KT_CLAUSE = [[_K_CLAUSE[d, p] for p in _PN] for d in "RL"]
_KT_NEG = [[_K_NEG[d, p] for p in _PN] for d in "RL"]
_KT_POS = [[[_K_POS[d, k, p] for p in _PN] for k in _BUCKET] for d in "RL"]
_KT_QUOTE = [[[_K_QUOTE[q, t, p] for t in (False, True)] for p in _PN] for q in (False, True)]
_SALT_LB = np.uint64(_hash("<left bigram>"))
_SALT_RB = np.uint64(_hash("<right bigram>"))
_T_KEYS = np.asarray([_hash(p + "<t>") for p in ("u:", "b:")], dtype=np.uint64)


class MentionFeaturizer:
    """Computes sparse (string -> weight) and dense features of target mentions.

    Examples
    --------
    >>> f = MentionFeaturizer()
    >>> parts = f.features("Critics praised Russia.", 16, 22)
    >>> len(parts.words), (parts.a, parts.b), len(parts.dense) == len(DENSE_NAMES)
    (4, (2, 3), True)
    """

    def __init__(self) -> None:
        self.lexicon = polarity_lexicon()
        self.rules = LexiconStance(self.lexicon)

    def features(self, text: str, start: int, end: int) -> MentionParts:
        """Features of the mention ``text[start:end]`` (``text`` is one sentence)."""
        toks = tokenize_sentence(text, 0, len(text), (), self.lexicon)
        a, b = token_range(toks, start, end)
        return self.from_tokens(toks, a, b)

    def from_tokens(
        self, toks: SentenceTokens, a: int, b: int, raw: float | None = None
    ) -> MentionParts:
        """Features of the mention at token indices ``[a, b)`` of a prepared sentence.

        ``raw``: the rules' raw evidence for the mention when the caller has it
        (:meth:`LexiconStance.evidence_and_raw`), else it is computed here.
        """
        words = toks.words
        n = len(words)
        prep = toks.cache.get("features")
        if prep is None:
            prep = toks.cache["features"] = self._prepare(toks)
        norm, n_ent, has_quote, isneg, clause_ends, polar = prep
        keys: list[int] = []
        add_k = keys.append
        # The clause: after the last boundary before the mention, up to the first one
        # from its end on.
        k = bisect.bisect_left(clause_ends, a)
        cs = clause_ends[k - 1] + 1 if k else 0
        k = bisect.bisect_left(clause_ends, b, lo=k)
        ce = clause_ends[k] if k < len(clause_ends) else n
        inq = toks.inq
        tq = inq[a] if a < n else False
        dense = [0.0] * _N_DENSE
        dense[_TQ] = float(tq)
        dense[_HQ] = has_quote
        kc = _KT_CLAUSE
        for i, base, ap, neg, qi, kq in polar:  # evaluative words (:meth:`_prepare`)
            if i < a:
                d = a - i
                left = 1
            elif i >= b:
                d = i - b + 1
                left = 0
            else:
                continue
            wt = ap / (1.0 + d / 3.0)
            dense[base] += wt
            dense[(2 if left else 4) + base] += wt
            dense[6 + base] += ap
            if cs <= i < ce:
                dense[8 + base] += ap
                add_k(kc[left][base])
            if qi:
                dense[10 + base] += ap
            add_k(_KT_POS[left][d if d < 9 else 9][base])
            if neg:
                add_k(_KT_NEG[left][base])
            add_k(kq[tq])
        if isneg is not None:
            dense[_NEGC] = float(sum(isneg[cs:a]) + sum(isneg[b:ce]))
        if b > a:
            if raw is None:
                raw = self.rules.raw(toks, a, b)
            dense[_LRAW] = raw
            dense[_LTANH] = math.tanh(raw)
            pred = toks.pred
            before = pred[max(0, a - 3) : a]
            if any(before):
                for c in before:
                    if c:
                        dense[_POBJ] += c
                        add_k(_K_PRED["OBJ", c])
            after = pred[b : b + 3]
            if any(after):
                for c in after:
                    if c:
                        add_k(_K_PRED["SUBJ", c])
        m = n - (b - a) + 1
        dense[_FIRST] = 1.0 if a == 0 else 0.0
        dense[_RELPOS] = a / max(m, 1)
        dense[_CLEN] = (ce - cs - (b - a)) / 10.0
        dense[_NNAMES] = (n_ent - norm[a:b].count("<ent>")) / 5.0
        vals = [1.0] * len(keys)
        return _new_parts(MentionParts, (norm, a, b, keys, vals, dense, cs, ce))

    def _prepare(self, toks: SentenceTokens) -> _Prepared:
        """What every mention of a sentence shares: the words with other names masked
        as ``<ent>`` (a capitalised word after the first that is no lexicon word), the
        number of masked names, whether the sentence
        holds a quote mark, which words are negators (None: none is) and the indices of
        the clause boundaries."""
        words = toks.words
        lex = self.lexicon
        norm = list(words)
        for i in compress(range(1, len(words)), toks.caps[1:]):
            w = words[i]
            if w not in lex and w.isalpha():
                norm[i] = "<ent>"
        isneg = None if NEGATORS.isdisjoint(words) else [w in NEGATORS for w in words]
        clause_ends = toks.boundaries()
        # Each evaluative word: its index, polarity class (0 positive, 1 negative) and
        # absolute polarity after negation, negation, quote state and quote keys.
        polar = []
        add = polar.append
        pols, negs, inq = toks.pol, toks.neg, toks.inq
        for i in toks.polar:
            p = pols[i]
            if not p:
                continue
            neg = negs[i]
            if neg:
                p = -0.75 * p
            base = 0 if p > 0 else 1
            qi = inq[i]
            add((i, base, p if base == 0 else -p, neg, qi, _KT_QUOTE[qi][base]))
        parts = (norm, norm.count("<ent>"), float('"' in words), isneg, clause_ends, polar)
        return _new_parts(_Prepared, parts)


class _Prepared(NamedTuple):
    """Per-sentence parts of the features (see :meth:`MentionFeaturizer._prepare`)."""

    norm: list[str]
    n_ent: int
    has_quote: float
    isneg: list[bool] | None
    clause_ends: list[int]
    polar: list[tuple[int, int, float, bool, bool, list[int]]]


def token_range(toks: SentenceTokens, start: int, end: int) -> tuple[int, int]:
    """Token indices ``[a, b)`` covering the characters ``[start, end)``."""
    a = bisect.bisect_right(toks.ends, start)
    b = bisect.bisect_left(toks.starts, end, lo=a)
    return a, b


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
    # The distinct sentences, their tokens' keys stacked into one array.
    seen: dict[int, int] = {}
    flat: list[str] = []
    offs: list[int] = []
    lens: list[int] = []
    sent = np.empty(n_rows, dtype=np.int64)
    for r, p in enumerate(parts):
        k = seen.get(id(p.words))
        if k is None:
            k = seen[id(p.words)] = len(offs)
            offs.append(len(flat))
            lens.append(len(p.words))
            flat += p.words
        sent[r] = k
    # The keys of the batch's tokens, one row per kind of key (rows index fast).
    table = _WORDS
    ids = table.rows(flat) if flat else [0]
    KT = table.array[np.fromiter(ids, dtype=np.int64, count=len(ids))].T.copy()
    last = max(len(flat) - 1, 0)
    off = np.asarray(offs, dtype=np.int64)
    ln = np.asarray(lens, dtype=np.int64)
    a = np.fromiter((p.a for p in parts), dtype=np.int64, count=n_rows)
    b = np.fromiter((p.b for p in parts), dtype=np.int64, count=n_rows)
    n = ln[sent]
    o = off[sent]
    rows_l: list[np.ndarray] = []
    keys_l: list[np.ndarray] = []
    vals_l: list[np.ndarray] = []

    def put(mask: np.ndarray, keys: np.ndarray, value: float | np.ndarray) -> None:
        idx = np.flatnonzero(mask)
        rows_l.append(idx)
        keys_l.append(keys[idx])
        vals_l.append(np.broadcast_to(np.asarray(value, dtype=np.float64), idx.shape))

    # The sentence's bag: every mention of a sentence gets its words and bigrams.
    tok_sent = np.repeat(np.arange(len(offs)), ln)
    pos = np.arange(len(flat)) - off[tok_sent]
    by_sent = np.argsort(sent, kind="stable")
    starts = np.searchsorted(sent[by_sent], np.arange(len(offs)))
    counts = np.bincount(sent, minlength=len(offs))
    has_next = pos < ln[tok_sent] - 1
    nxt = np.minimum(np.arange(len(flat)) + 1, last)
    bi = _pair(KT[_B][: len(flat)], KT[_B][nxt])
    uni = KT[_U][: len(flat)]
    stems = KT[_S][: len(flat)]
    has_stem = stems != 0
    tok_keys = np.concatenate([uni, bi[has_next], stems[has_stem]])
    tok_of = np.concatenate([tok_sent, tok_sent[has_next], tok_sent[has_stem]])
    reps = counts[tok_of]
    first = starts[tok_of]
    # Row r of the batch for each (token feature, mention of its sentence) pair.
    inner = np.arange(reps.sum()) - np.repeat(np.cumsum(reps) - reps, reps)
    rows_l.append(by_sent[np.repeat(first, reps) + inner])
    keys_l.append(np.repeat(tok_keys, reps))
    vals_l.append(np.ones(len(inner)))
    # Mask the mention: minus its words and the bigrams touching it, plus <t>.
    span = b - a
    for j in range(int(span.max())):
        m = j < span
        g = np.minimum(o + a + j, last)
        put(m, KT[_U][g], -1.0)
        put(m & (KT[_S][g] != 0), KT[_S][g], -1.0)
    for j in range(-1, int(span.max())):
        i = a + j
        m = (j < span) & (i >= 0) & (i + 1 < n)
        gi = np.clip(o + i, 0, last)
        gj = np.clip(o + i + 1, 0, last)
        put(m, _pair(KT[_B][gi], KT[_B][gj]), -1.0)
    ones = np.ones(n_rows, dtype=bool)
    put(ones, np.full(n_rows, _T_KEYS[0]), 1.0)
    left = np.clip(o + a - 1, 0, last)
    right = np.clip(o + b, 0, last)
    tb = np.full(n_rows, _T_KEYS[1])
    put(a > 0, _pair(KT[_B][left], tb), 1.0)
    put(b < n, _pair(tb, KT[_B][right]), 1.0)
    for d in range(1, _WINDOW + 1):
        li = np.clip(o + a - d, 0, last)
        lm = a - d >= 0
        put(lm, KT[_L][li], _SQRT[d])
        put(lm & (KT[_LS][li] != 0), KT[_LS][li], _SQRT[d])
        ri = np.clip(o + b + d - 1, 0, last)
        rm = b + d - 1 < n
        put(rm, KT[_R][ri], _SQRT[d])
        put(rm & (KT[_RS][ri] != 0), KT[_RS][ri], _SQRT[d])
        if d <= 2:
            put(lm, KT[2 + d][li], 1.0)
            put(rm, KT[4 + d][ri], 1.0)
    l2 = np.clip(o + a - 2, 0, last)
    put(a >= 2, _pair(KT[_B][l2], KT[_B][left]) ^ _SALT_LB, 1.0)
    r2 = np.clip(o + b + 1, 0, last)
    put(n - b >= 2, _pair(KT[_B][right], KT[_B][r2]) ^ _SALT_RB, 1.0)
    # The words of the mention's clause, left and right of it.
    cs = np.fromiter((p.cs for p in parts), dtype=np.int64, count=n_rows)
    ce = np.fromiter((p.ce for p in parts), dtype=np.int64, count=n_rows)
    for lo, ln_, col in ((cs, a - cs, _CL), (b, ce - b, _CR)):
        inner = np.arange(ln_.sum()) - np.repeat(np.cumsum(ln_) - ln_, ln_)
        g = np.repeat(o + lo, ln_) + inner
        rows_l.append(np.repeat(np.arange(n_rows), ln_))
        keys_l.append(KT[col][g])
        vals_l.append(np.ones(len(g)))
    # The mention's evaluative-word features.
    own_n = [len(p.own_keys) for p in parts]
    rows_l.append(np.repeat(np.arange(n_rows), own_n))
    keys_l.append(np.fromiter(chain.from_iterable(p.own_keys for p in parts), np.uint64))
    vals_l.append(np.fromiter(chain.from_iterable(p.own_values for p in parts), np.float64))
    rows = np.concatenate(rows_l)
    cols = (np.concatenate(keys_l).astype(np.uint64) % np.uint64(n_features)).astype(np.int64)
    vals = np.concatenate(vals_l)
    S = sp.csr_matrix((vals, (rows, cols)), shape=(n_rows, n_features))
    S.sum_duplicates()
    S.data[np.abs(S.data) < 1e-9] = 0.0
    S.eliminate_zeros()
    return S
