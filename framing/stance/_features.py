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
#: 1 + d / 3, the damping of an evaluative word's polarity at token distance d.
_DEN = [1.0 + d / 3.0 for d in range(128)]
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
_bisect_left = bisect.bisect_left
#: ``tuple.__new__``: makes a named tuple from a tuple of its fields in one C call (the
#: named tuple's own ``__new__`` is a Python function).
_new_parts = tuple.__new__


def _pair(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Keys of bigrams from the keys of their two words (uint64 arrays; order matters)."""
    return ((x * _M1) & _MASK) ^ (((y * _M2) >> _S7) & _MASK)


_M1, _M2, _MASK, _S7 = (np.uint64(v) for v in (16777619, 2246822519, 0xFFFFFFFF, 7))


class _WordKeys:
    """Word -> column id of its hashed keys (one row per prefix in ``_KEY_PREFIXES``,
    then one per prefix in ``_STEM_PREFIXES``).

    A memo of a pure function shared by the process: ids are stable, so the columns of
    one growing array serve every batch (news vocabularies take a few MB). The array is
    kind-major, shape ``(n_kinds, capacity)``: a batch takes its tokens' columns in one
    ``take`` and gets one contiguous row per kind of key.
    """

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}
        self.array = np.zeros((_N_KEYS, 4096), dtype=np.uint64)

    def rows(self, words: list[str]) -> list[int]:
        """Column ids of ``words``; the new ones are added, all their keys hashed in one
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
        size = self.array.shape[1]
        if i0 + n > size:
            while i0 + n > size:
                size *= 2
            grown = np.zeros((_N_KEYS, size), dtype=np.uint64)
            grown[:, :i0] = self.array[:, :i0]
            self.array = grown
        stems = [w[:_STEM] for w in words if len(w) > _STEM and w.isalpha()]
        has_stem = [len(w) > _STEM and w.isalpha() for w in words]
        keys = [p + w for w in words for p in _KEY_PREFIXES]
        keys += [p + t for t in stems for p in _STEM_PREFIXES]
        h = string_hashes(keys)
        block = self.array[:, i0 : i0 + n]
        n_word = len(_KEY_PREFIXES)
        block[:n_word] = h[: n * n_word].reshape(n, n_word).T
        block[n_word:] = 0
        block[n_word:, np.asarray(has_stem, dtype=bool)] = (
            h[n * n_word :].reshape(len(stems), len(_STEM_PREFIXES)).T
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
        prep = toks.cache.get("features")
        if prep is None:
            prep = toks.cache["features"] = self._prepare(toks)
        norm, n_ent, has_quote, isneg, clause_ends, polar, has_pred = prep
        n = len(norm)
        # The clause: after the last boundary before the mention, up to the first one
        # from its end on.
        k = _bisect_left(clause_ends, a)
        cs = clause_ends[k - 1] + 1 if k else 0
        k = _bisect_left(clause_ends, b, k)
        ce = clause_ends[k] if k < len(clause_ends) else n
        tq = toks.inq[a] if a < n else False
        dense = [0.0] * _N_DENSE
        dense[_TQ] = float(tq)
        dense[_HQ] = has_quote
        keys: list[int] = []
        if polar:
            add_k = keys.append
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
                wt = ap / (_DEN[d] if d < 128 else 1.0 + d / 3.0)
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
            if has_pred:  # (a predicate verb in the sentence)
                pred = toks.pred
                before = pred[max(0, a - 3) : a]
                if any(before):
                    for c in before:
                        if c:
                            dense[_POBJ] += c
                            keys.append(_K_PRED["OBJ", c])
                after = pred[b : b + 3]
                if any(after):
                    for c in after:
                        if c:
                            keys.append(_K_PRED["SUBJ", c])
        if not a:
            dense[_FIRST] = 1.0
        dense[_RELPOS] = a / max(n - (b - a) + 1, 1)
        dense[_CLEN] = (ce - cs - (b - a)) / 10.0
        if n_ent:  # (else 0)
            dense[_NNAMES] = (n_ent - norm[a:b].count("<ent>")) / 5.0
        return _new_parts(MentionParts, (norm, a, b, keys, [1.0] * len(keys), dense, cs, ce))

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
        has_quote = float('"' in words)
        parts = (norm, norm.count("<ent>"), has_quote, isneg, clause_ends, polar, any(toks.pred))
        return _new_parts(_Prepared, parts)


class _Prepared(NamedTuple):
    """Per-sentence parts of the features (see :meth:`MentionFeaturizer._prepare`)."""

    norm: list[str]
    n_ent: int
    has_quote: float
    isneg: list[bool] | None
    clause_ends: list[int]
    polar: list[tuple[int, int, float, bool, bool, list[int]]]
    has_pred: bool


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
    # The fields of all mentions in one transposition (MentionParts are tuples).
    words_l, a_l, b_l, own_k, own_v, _, cs_l, ce_l = zip(*parts, strict=True)
    # The distinct sentences (first appearance order), their tokens' keys stacked.
    distinct = list({id(w): w for w in words_l}.values())
    index = {id(w): k for k, w in enumerate(distinct)}
    sent = np.fromiter(map(index.__getitem__, map(id, words_l)), dtype=np.int64, count=n_rows)
    flat: list[str] = list(chain.from_iterable(distinct))
    ln = np.fromiter(map(len, distinct), dtype=np.int64, count=len(distinct))
    off = np.cumsum(ln) - ln
    # The keys of the batch's tokens, one row per kind of key (rows index fast).
    table = _WORDS
    ids = table.rows(flat) if flat else [0]
    KT = table.array.take(np.fromiter(ids, dtype=np.int64, count=len(ids)), axis=1)
    n_tok = len(flat)
    last = max(n_tok - 1, 0)
    a = np.array(a_l, dtype=np.int64)
    b = np.array(b_l, dtype=np.int64)
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
    # Row r of the batch for each (token feature, mention of its sentence) pair.
    inner = np.arange(reps.sum()) - np.repeat(np.cumsum(reps) - reps, reps)
    rows_l.append(by_sent[np.repeat(first, reps) + inner])
    keys_l.append(np.repeat(tok_keys, reps))
    vals_l.append(np.ones(len(inner)))
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
    cs = np.array(cs_l, dtype=np.int64)
    ce = np.array(ce_l, dtype=np.int64)
    for lo, ln_, col in ((cs, a - cs, _CL), (b, ce - b, _CR)):
        inner = np.arange(ln_.sum()) - np.repeat(np.cumsum(ln_) - ln_, ln_)
        g = np.repeat(o + lo, ln_) + inner
        rows_l.append(np.repeat(np.arange(n_rows), ln_))
        keys_l.append(KT[col][g])
        vals_l.append(np.ones(len(g)))
    # The mention's evaluative-word features.
    own_n = np.fromiter(map(len, own_k), dtype=np.int64, count=n_rows)
    rows_l.append(np.repeat(np.arange(n_rows), own_n))
    keys_l.append(np.fromiter(chain.from_iterable(own_k), np.uint64))
    vals_l.append(np.fromiter(chain.from_iterable(own_v), np.float64))
    rows = np.concatenate(rows_l)
    keys = np.concatenate(keys_l)
    if n_features & (n_features - 1):
        keys %= np.uint64(n_features)
    else:  # a power of two: the low bits
        keys &= np.uint64(n_features - 1)
    cols = keys.view(np.int64)  # (below n_features: the same numbers)
    vals = np.concatenate(vals_l)
    S = sp.csr_matrix((vals, (rows, cols)), shape=(n_rows, n_features))
    S.sum_duplicates()
    S.data[np.abs(S.data) < 1e-9] = 0.0
    S.eliminate_zeros()
    return S


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
