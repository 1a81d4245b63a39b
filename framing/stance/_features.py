"""Features of one target mention in its sentence, for the stance classifier.

Two parts, both free of any stored vocabulary:

* sparse string features (hashed later): the sentence's words and bigrams with the
  target masked as ``<t>`` and other capitalised names as ``<ent>``; words of the left
  and right context windows, weighted by 1 / sqrt(distance); the nearest two words on
  each side and the bigrams next to the target; and the polarity class of each
  evaluative word with its side, distance bucket, clause, negation and quote state;
* dense numbers (:data:`DENSE_NAMES`): distance-weighted polarity sums per side, in the
  target's clause and in the sentence, quote state, the rule-based lexicon score
  (:class:`~framing.stance._lexicon_scorer.LexiconStance`) and position.
"""

from __future__ import annotations

import bisect
import math

from ._lexicon import NEGATORS, polarity_lexicon
from ._lexicon_scorer import LexiconStance, SentenceTokens, tokenize_sentence

__all__ = ["DENSE_NAMES", "MentionFeaturizer", "token_range"]

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


_BUCKET = ["1", "1", "2", "3", "3", "4", "4", "4", "4", "5"]
_SQRT = [0.0] + [1.0 / math.sqrt(d) for d in range(1, _WINDOW + 1)]
_N_DENSE = len(DENSE_NAMES)
_TQ, _HQ = _DI["target_quoted"], _DI["has_quote"]
_LRAW, _LTANH, _POBJ = _DI["lexicon_raw"], _DI["lexicon_tanh"], _DI["predicate_object"]
_FIRST, _RELPOS, _CLEN = _DI["target_first"], _DI["relative_position"], _DI["clause_length"]
_NNAMES, _NEGC = _DI["n_names"], _DI["negations_in_clause"]


class MentionFeaturizer:
    """Computes sparse (string -> weight) and dense features of target mentions.

    Examples
    --------
    >>> f = MentionFeaturizer()
    >>> sparse, dense = f.features("Critics praised Russia.", 16, 22)
    >>> "l1:praised" in sparse and len(dense) == len(DENSE_NAMES)
    True
    """

    def __init__(self) -> None:
        self.lexicon = polarity_lexicon()
        self.rules = LexiconStance(self.lexicon)

    def features(self, text: str, start: int, end: int) -> tuple[dict[str, float], list[float]]:
        """Features of the mention ``text[start:end]`` (``text`` is one sentence)."""
        toks = tokenize_sentence(text, 0, len(text), (), self.lexicon)
        a, b = token_range(toks, start, end)
        return self.from_tokens(toks, a, b)

    def from_tokens(
        self, toks: SentenceTokens, a: int, b: int
    ) -> tuple[dict[str, float], list[float]]:
        """Features of the mention at token indices ``[a, b)`` of a prepared sentence."""
        words = toks.words
        n = len(words)
        cache = toks.cache
        norm = cache.get("norm")
        if norm is None:
            lex = self.lexicon
            norm = [
                "<ent>" if c and i > 0 and w not in lex and w.isalpha() else w
                for i, (w, c) in enumerate(zip(words, toks.caps, strict=True))
            ]
            bag: dict[str, float] = {}
            for w in norm:
                k = "u:" + w
                bag[k] = bag.get(k, 0.0) + 1.0
            for i in range(n - 1):
                k = "b:" + norm[i] + "_" + norm[i + 1]
                bag[k] = bag.get(k, 0.0) + 1.0
            cache["norm"] = norm
            cache["bag"] = bag
            cache["n_ent"] = norm.count("<ent>")
            cache["has_quote"] = float('"' in words)
            cache["isneg"] = [w in NEGATORS for w in words]
        sp = dict(cache["bag"])

        def sub(k: str) -> None:
            v = sp.get(k, 0.0) - 1.0
            if v > 0:
                sp[k] = v
            else:
                sp.pop(k, None)

        spget = sp.get

        for i in range(a, b):
            sub("u:" + norm[i])
        for i in range(a - 1, b):
            if 0 <= i and i + 1 < n:
                sub("b:" + norm[i] + "_" + norm[i + 1])
        k = "u:<t>"
        sp[k] = spget(k, 0.0) + 1.0
        if a > 0:
            k = "b:" + norm[a - 1] + "_<t>"
            sp[k] = spget(k, 0.0) + 1.0
        if b < n:
            k = "b:<t>_" + norm[b]
            sp[k] = spget(k, 0.0) + 1.0
        for d in range(1, min(_WINDOW, a) + 1):
            w = norm[a - d]
            k = "l:" + w
            sp[k] = spget(k, 0.0) + _SQRT[d]
            if d <= 2:
                k = f"l{d}:" + w
                sp[k] = spget(k, 0.0) + 1.0
        for d in range(1, min(_WINDOW, n - b) + 1):
            w = norm[b + d - 1]
            k = "r:" + w
            sp[k] = spget(k, 0.0) + _SQRT[d]
            if d <= 2:
                k = f"r{d}:" + w
                sp[k] = spget(k, 0.0) + 1.0
        if a >= 2:
            k = "lb:" + norm[a - 2] + "_" + norm[a - 1]
            sp[k] = spget(k, 0.0) + 1.0
        if n - b >= 2:
            k = "rb:" + norm[b] + "_" + norm[b + 1]
            sp[k] = spget(k, 0.0) + 1.0
        bound = toks.bound
        cs = a
        while cs > 0 and not bound[cs - 1]:
            cs -= 1
        ce = b
        while ce < n and not bound[ce]:
            ce += 1
        inq = toks.inq
        tq = inq[a] if a < n else False
        dense = [0.0] * _N_DENSE
        dense[_TQ] = float(tq)
        dense[_HQ] = cache["has_quote"]
        pols, negs = toks.pol, toks.neg
        for i in toks.polar:
            if a <= i < b:
                continue
            p = pols[i]
            if not p:
                continue
            neg = negs[i]
            if neg:
                p = -0.75 * p
            if i < a:
                d = a - i
                side = "L"
            else:
                d = i - b + 1
                side = "R"
            pos = p > 0
            s = "pos" if pos else "neg"
            ap = p if pos else -p
            wt = ap / (1.0 + d / 3.0)
            base = 0 if pos else 1
            dense[base] += wt
            dense[2 + base + (0 if side == "L" else 2)] += wt
            dense[6 + base] += ap
            if cs <= i < ce:
                dense[8 + base] += ap
                k = "C" + side + s
                sp[k] = spget(k, 0.0) + 1.0
            if inq[i]:
                dense[10 + base] += ap
            k = "P" + side + _BUCKET[min(d, 9)] + s
            sp[k] = spget(k, 0.0) + 1.0
            if neg:
                k = "NEG" + side + s
                sp[k] = spget(k, 0.0) + 1.0
            k = f"Q{int(inq[i])}{int(tq)}{s}"
            sp[k] = spget(k, 0.0) + 1.0
        isneg = cache["isneg"]
        dense[_NEGC] = float(sum(isneg[cs:a]) + sum(isneg[b:ce]))
        if b > a:
            raw = self.rules.raw(toks, a, b)
            dense[_LRAW] = raw
            dense[_LTANH] = math.tanh(raw)
            pred = toks.pred
            for i in range(max(0, a - 3), a):
                c = pred[i]
                if c:
                    dense[_POBJ] += c
                    k = f"PRED_OBJ{c}"
                    sp[k] = spget(k, 0.0) + 1.0
            for i in range(b, min(n, b + 3)):
                c = pred[i]
                if c:
                    k = f"PRED_SUBJ{c}"
                    sp[k] = spget(k, 0.0) + 1.0
        m = n - (b - a) + 1
        dense[_FIRST] = 1.0 if a == 0 else 0.0
        dense[_RELPOS] = a / max(m, 1)
        dense[_CLEN] = (ce - cs - (b - a)) / 10.0
        dense[_NNAMES] = (cache["n_ent"] - norm[a:b].count("<ent>")) / 5.0
        return sp, dense


def token_range(toks: SentenceTokens, start: int, end: int) -> tuple[int, int]:
    """Token indices ``[a, b)`` covering the characters ``[start, end)``."""
    a = bisect.bisect_right(toks.ends, start)
    b = bisect.bisect_left(toks.starts, end, lo=a)
    return a, b
