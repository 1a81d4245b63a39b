"""Rule-and-lexicon stance of one sentence toward one target mention.

The score sums the polarity of evaluative words in the mention's clause that are in
the mention's voice (author words never count for a quoted mention and vice versa),
weighted by token distance, with negation flipping and damping a word's polarity.
Predicate verbs (:data:`~framing.stance._lexicon.SUPPORT_STEMS`,
:data:`~framing.stance._lexicon.ATTACK_STEMS`) count toward their object
("X accused Y": against Y) or their passive subject ("Y was praised"), never
toward their active subject ("X accused ...": nothing for X). Sentences are
tokenised by :func:`~framing.stance._sentence_tokens.tokenize_sentence`.
"""

from __future__ import annotations

import bisect
import math
import sys
from collections.abc import Sequence
from itertools import compress
from operator import not_

from ._lexicon import polarity_lexicon
from ._sentence_tokens import SentenceTokens, tokenize_sentence

__all__ = ["LexiconStance", "SentenceTokens", "tokenize_sentence"]

_COORD = frozenset({"and", ",", "or", "&", "-"})
_COORD_WORDS = frozenset({"and", "or", "&", "-"})
_COPULA = frozenset(
    "is are was were be been remains remain remained become becomes became seems seem seemed "
    "appears appear appeared 's acting act acts acted serve serves served serving".split()
)
_PASSIVE_AUX = frozenset("was were is are been being be get got gets getting".split())
_STOPS = {False: "stops:author", True: "stops:quoted"}
#: A word's weight at token distance d from the mention, 1 / (1 + (d - 1) / 3), and its
#: factor for commas crossed, [left of the mention][commas, at most 2]: the same numbers
#: as computing them each time.
_N_WEIGHTS = 128
_WEIGHTS = [0.0] + [1.0 / (1.0 + (d - 1) / 3.0) for d in range(1, _N_WEIGHTS)]
_CROSSED = ([1.0, 0.5, 0.5**2], [1.0, 0.25, 0.25**2])
#: Token indices for ``compress`` (it stops at the shorter input): iterating one range
#: is cheaper than making ``range(n)`` each time.
_INDICES = range(sys.maxsize)


class LexiconStance:
    """Scores a mention from evaluative words, negation and predicate patterns.

    Parameters
    ----------
    lexicon : dict of str to float, optional
        Word -> polarity (-1..1); defaults to
        :func:`~framing.stance._lexicon.polarity_lexicon`.

    Examples
    --------
    >>> s = "Critics accused Russia of brutal aggression."
    >>> t = tokenize_sentence(s, 0, len(s))
    >>> LexiconStance().score(t, 2, 3) < 0
    True
    """

    def __init__(self, lexicon: dict[str, float] | None = None) -> None:
        self.lexicon = polarity_lexicon() if lexicon is None else lexicon

    def raw(
        self,
        toks: SentenceTokens,
        a: int,
        b: int,
        others: Sequence[tuple[int, int]] = (),
        extra: dict[int, float] | None = None,
    ) -> float:
        """Unbounded evidence for the mention at token indices ``[a, b)``.

        ``others`` are token ranges of other target mentions (a word on their far side
        counts half); ``extra`` maps token index -> polarity for words flagged by other
        scorers (e.g. loaded terms).
        """
        return self._evidence(toks, a, b, others, extra, False)[0]

    def evidence(
        self,
        toks: SentenceTokens,
        a: int,
        b: int,
        others: Sequence[tuple[int, int]] = (),
        extra: dict[int, float] | None = None,
    ) -> tuple[float, float]:
        """``(score, direct)``: the stance in -1..1 and the part of the raw evidence that
        comes from direct predication (predicate verbs, ``X is ...``).

        Unlike :meth:`raw` (a classifier feature), an introductory phrase before the
        subject of ``X is ...`` is ignored here.
        """
        total, direct, _ = self._evidence(toks, a, b, others, extra, True)
        return math.tanh(total), direct

    def evidence_and_raw(
        self,
        toks: SentenceTokens,
        a: int,
        b: int,
        others: Sequence[tuple[int, int]] = (),
        extra: dict[int, float] | None = None,
    ) -> tuple[float, float, float | None]:
        """``(score, direct, raw)``: :meth:`evidence` and ``raw(toks, a, b)`` (no other
        mentions, no extra words) in one pass over the clause; ``raw`` is None when
        the mention is coordinated with another one (its clause then differs)."""
        total, direct, raw = self._evidence(toks, a, b, others, extra, True, True)
        return math.tanh(total), direct, raw

    def _evidence(
        self,
        toks: SentenceTokens,
        a: int,
        b: int,
        others: Sequence[tuple[int, int]],
        extra: dict[int, float] | None,
        drop_intro: bool,
        with_raw: bool = False,
    ) -> tuple[float, float, float | None]:
        """Total and direct evidence; with ``with_raw``, also the total of
        ``raw(toks, a, b)`` (None if coordination widened the mention)."""
        words, quoted = toks.words, toks.quoted
        n = len(words)
        voice = quoted[a] if a < n else False
        # Coordinated targets ("Russia and China are ...") share their predicate.
        ga, gb = a, b
        if others:
            for oa, ob in sorted(others):
                if ob <= ga and ga - ob <= 2 and _coordinated(words[ob:ga]):
                    ga = oa
                elif oa >= gb and oa - gb <= 2 and _coordinated(words[gb:oa]):
                    gb = ob
            with_raw = with_raw and ga == a and gb == b
        # The clause: from the last stop before the mention to the first one after it,
        # a stop being a clause boundary or a token in the other voice.
        stops = toks.cache.get(_STOPS[voice])
        if stops is None:
            stops = toks.boundaries()
            if (False in quoted) if voice else (True in quoted):  # a token in the other voice
                # The boundaries and the other voice's tokens (merged by the sort; a
                # repeated stop changes no clause).
                other = compress(_INDICES, map(not_, quoted) if voice else quoted)
                stops = sorted([*stops, *other])
            toks.cache[_STOPS[voice]] = stops
        k = bisect.bisect_left(stops, ga)
        lo = stops[k - 1] + 1 if k else 0
        k = bisect.bisect_left(stops, gb, lo=k)
        hi = stops[k] if k < len(stops) else n
        commas = toks.commas
        # "X is / remains / acts as ...": the predicate describes X, whatever its length.
        total = 0.0
        direct = 0.0
        rtotal = 0.0 if with_raw else None
        pols, preds, negs = toks.pol, toks.pred, toks.neg
        polar = toks.polar
        k0 = bisect.bisect_left(polar, lo)
        if k0 < len(polar) and polar[k0] < hi:  # (else no word in the clause counts)
            cop = -1
            # (A slice and a count: cheaper than making range(gb, min(hi, gb + 3)).)
            j = gb
            for w in words[gb : gb + 3 if gb + 3 < hi else hi]:
                if w in _COPULA:
                    cop = j
                    break
                j += 1
            c_ga, c_gb = commas[ga], commas[gb]
            # A word beyond another mention (left of one on the left of the mention, right
            # of one on its right) counts half: the words before ``far_left`` and from
            # ``far_right`` on (bounds found once, not per word; others inside the
            # widened mention are on neither side).
            far_left, far_right = 0, n
            for oa, ob in others:
                if ob <= ga and oa > far_left:
                    far_left = oa
                if gb <= oa and ob < far_right:
                    far_right = ob
            for i in polar[k0:]:
                if i >= hi:
                    break
                if i < ga:
                    left = True
                    d = ga - i
                    crossed = c_ga - commas[i]
                elif i >= gb:
                    left = False
                    d = i - gb + 1
                    crossed = commas[i] - c_gb
                else:
                    continue
                neg = negs[i]
                cls = preds[i]
                if cls:
                    contrib = self._predicate(words, i, ga, gb, cls)
                    if contrib:
                        contrib = -0.5 * contrib if neg else contrib
                        total += contrib
                        direct += contrib
                        if rtotal is not None:
                            rtotal += contrib
                    continue  # an active subject's own act is no evaluation of it
                pol = pols[i]
                value = -0.5 * pol if neg else pol
                # 1 / (1 + (d - 1) / 3), from the table below a distance of _N_WEIGHTS.
                weight = _WEIGHTS[d] if d < _N_WEIGHTS else 1.0 / (1.0 + (d - 1) / 3.0)
                # Left of the target a comma usually closes an introductory phrase; right
                # of it, commas mostly separate list items of the predicate.
                if crossed:
                    weight *= _CROSSED[left][crossed if crossed < 2 else 2]
                after_cop = 0 <= cop < i  # (the predicate of "X is ...": weight 1)
                if rtotal is not None:  # as without others and introductions
                    rtotal += value if after_cop else value * weight
                if crossed and drop_intro and cop >= 0 and left:
                    continue
                if i < far_left or i >= far_right:
                    total += value * (weight * 0.5)
                elif after_cop:
                    total += value
                    direct += value
                else:
                    total += value * weight
        if extra:
            for i, pol in extra.items():
                if lo <= i < hi and not (ga <= i < gb) and not pols[i] and quoted[i] == voice:
                    d = (ga - i) if i < ga else (i - gb + 1)
                    total += pol / (1.0 + (d - 1) / 3.0)
        return total, direct, rtotal

    def score(
        self,
        toks: SentenceTokens,
        a: int,
        b: int,
        others: Sequence[tuple[int, int]] = (),
        extra: dict[int, float] | None = None,
    ) -> float:
        """Stance toward the mention at token indices ``[a, b)``, in -1..1."""
        return math.tanh(self.raw(toks, a, b, others, extra))

    @staticmethod
    def _predicate(words: list[str], i: int, a: int, b: int, cls: int) -> float:
        if i >= b:  # verb after the mention: the mention is its subject
            between = words[b:i]
            if len(between) <= 3 and any(w in _PASSIVE_AUX for w in between[-2:]):
                return float(cls)  # "Y was praised"
            return 0.0
        gap = words[i + 1 : a]  # verb before the mention: object, unless "by Y"
        if len(gap) > 3 or "by" in gap or any(not w[0].isalnum() for w in gap):
            return 0.0
        return float(cls)


def _coordinated(between: list[str]) -> bool:
    """Whether two mentions with ``between`` in between are coordinated (X and Y)."""
    # (Set methods rather than generators: the test runs for most pairs of mentions.)
    return (
        len(between) <= 2
        and _COORD.issuperset(between)
        and (not between or not _COORD_WORDS.isdisjoint(between))
    )
