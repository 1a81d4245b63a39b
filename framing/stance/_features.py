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
import sys
from itertools import compress
from typing import NamedTuple

from .._hashing import string_hash
from ._lexicon import NEGATORS, polarity_lexicon
from ._lexicon_scorer import LexiconStance, SentenceTokens, tokenize_sentence
from ._sparse_batch import sparse_matrix, trim_word_keys

__all__ = [
    "DENSE_NAMES",
    "MentionFeaturizer",
    "MentionParts",
    "sparse_matrix",
    "token_range",
    "trim_word_keys",
]

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
_BUCKET = ["1", "1", "2", "3", "3", "4", "4", "4", "4", "5"]
#: 1 + d / 3, the damping of an evaluative word's polarity at token distance d.
_DEN = [1.0 + d / 3.0 for d in range(128)]
_N_DENSE = len(DENSE_NAMES)
#: Token indices from 1 for ``compress`` (it stops at the shorter input): iterating one
#: range is cheaper than making ``range(1, n)`` for each sentence.
_FROM_ONE = range(1, sys.maxsize)
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
#: Per polarity class, right then left of the mention: the index of its side's dense
#: sum (``pos_right`` ...), its clause key, its negation key and its keys by distance
#: (``_KT_POS``, the last bucket from distance 9 on) for distances below 128, so that a
#: mention reads them with one unpacking and one index.
_SideKeys = tuple[int, int, int, list[int]]
_KT_SIDES: list[tuple[_SideKeys, _SideKeys]] = [
    (
        (4 + c, _KT_CLAUSE[0][c], _KT_NEG[0][c], [_KT_POS[0][min(d, 9)][c] for d in range(128)]),
        (2 + c, _KT_CLAUSE[1][c], _KT_NEG[1][c], [_KT_POS[1][min(d, 9)][c] for d in range(128)]),
    )
    for c in (0, 1)
]


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
        if tq:
            dense[_TQ] = 1.0
        dense[_HQ] = has_quote
        keys: list[int] = []
        if polar:
            add_k = keys.append
            # Evaluative words (:meth:`_prepare`); ``sides`` holds their side's dense
            # index and keys right and left of the mention, ``kq`` their quote keys.
            for i, base, ap, neg, qi, kq, sides in polar:
                if i < a:
                    d = a - i
                    side, k_clause, k_neg, k_dist = sides[1]
                elif i >= b:
                    d = i - b + 1
                    side, k_clause, k_neg, k_dist = sides[0]
                else:
                    continue
                if d < 128:
                    wt = ap / _DEN[d]
                    k_d = k_dist[d]
                else:
                    wt = ap / (1.0 + d / 3.0)
                    k_d = k_dist[9]
                dense[base] += wt
                dense[side] += wt
                dense[6 + base] += ap
                if cs <= i < ce:
                    dense[8 + base] += ap
                    add_k(k_clause)
                if qi:
                    dense[10 + base] += ap
                add_k(k_d)
                if neg:
                    add_k(k_neg)
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
        if a:
            rest = n - (b - a) + 1  # (at least 1 when b <= n)
            dense[_RELPOS] = a / (rest if rest > 1 else 1)
        else:  # (a / anything is 0.0)
            dense[_FIRST] = 1.0
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
        n_ent = 0
        for i in compress(_FROM_ONE, toks.caps[1:]):
            w = words[i]
            if w not in lex and w.isalpha():
                norm[i] = "<ent>"
                n_ent += 1
        isneg = None if NEGATORS.isdisjoint(words) else [w in NEGATORS for w in words]
        clause_ends = toks.boundaries()
        # Each evaluative word: its index, polarity class (0 positive, 1 negative) and
        # absolute polarity after negation, negation, quote state, quote keys and the
        # dense index and keys of its class right and left of a mention (``_KT_SIDES``).
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
            qi = inq[i]
            if p > 0:
                add((i, 0, p, neg, qi, _KT_QUOTE[qi][0], _KT_SIDES[0]))
            else:
                add((i, 1, -p, neg, qi, _KT_QUOTE[qi][1], _KT_SIDES[1]))
        has_quote = 1.0 if '"' in words else 0.0
        # (Tokens never read "<ent>": n_ent counts them all. A predicate verb is a
        # non-zero class; count() compares the common zeros by identity.)
        pred = toks.pred
        parts = (norm, n_ent, has_quote, isneg, clause_ends, polar, pred.count(0) != len(pred))
        return _new_parts(_Prepared, parts)


class _Prepared(NamedTuple):
    """Per-sentence parts of the features (see :meth:`MentionFeaturizer._prepare`)."""

    norm: list[str]
    n_ent: int
    has_quote: float
    isneg: list[bool] | None
    clause_ends: list[int]
    polar: list[tuple[int, int, float, bool, bool, list[int], tuple[_SideKeys, _SideKeys]]]
    has_pred: bool


def token_range(toks: SentenceTokens, start: int, end: int) -> tuple[int, int]:
    """Token indices ``[a, b)`` covering the characters ``[start, end)``."""
    a = bisect.bisect_right(toks.ends, start)
    b = bisect.bisect_left(toks.starts, end, lo=a)
    return a, b
