"""Rule-and-lexicon stance of one sentence toward one target mention.

The score sums the polarity of evaluative words in the mention's clause that are in
the mention's voice (author words never count for a quoted mention and vice versa),
weighted by token distance, with negation flipping and damping a word's polarity.
Predicate verbs (:data:`~framing.stance._lexicon.SUPPORT_STEMS`,
:data:`~framing.stance._lexicon.ATTACK_STEMS`) count toward their object
("X accused Y": against Y) or their passive subject ("Y was praised"), never
toward their active subject ("X accused ...": nothing for X).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from ._lexicon import NEGATORS, TOKEN_RE, fold, polarity_lexicon, predicate_class

__all__ = ["LexiconStance", "SentenceTokens", "tokenize_sentence"]

_BOUNDARY_WORDS = frozenset(
    "but while although though whereas yet however because unless despite whilst".split()
)
_BOUNDARY_PUNCT = frozenset(';:()"[]-')
_RELATIVE = frozenset("which who whom whose where".split())
_COORD = frozenset({"and", ",", "or", "&", "-"})
_COORD_WORDS = frozenset({"and", "or", "&", "-"})
_COPULA = frozenset(
    "is are was were be been remains remain remained become becomes became seems seem seemed "
    "appears appear appeared 's acting act acts acted serve serves served serving".split()
)
_PASSIVE_AUX = frozenset("was were is are been being be get got gets getting".split())


@dataclass(slots=True)
class SentenceTokens:
    """Tokens of one sentence: offsets into the document text and lower-case forms."""

    starts: list[int]
    ends: list[int]
    words: list[str]
    quoted: list[bool]


def tokenize_sentence(
    text: str, start: int, end: int, quoted_ranges: Sequence[tuple[int, int]] = ()
) -> SentenceTokens:
    """Tokenise ``text[start:end]`` (words and punctuation) and mark quoted tokens.

    Examples
    --------
    >>> t = tokenize_sentence('He said: "Good."', 0, 16, [(9, 16)])
    >>> list(zip(t.words, t.quoted))[-3:]
    [('"', True), ('good', True), ('.', True)]
    """
    sub = fold(text[start:end])
    starts: list[int] = []
    ends: list[int] = []
    words: list[str] = []
    for m in TOKEN_RE.finditer(sub):
        starts.append(start + m.start())
        ends.append(start + m.end())
        words.append(m.group().lower())
    quoted = [False] * len(words)
    if quoted_ranges:
        for i, (a, b) in enumerate(zip(starts, ends, strict=False)):
            for qa, qb in quoted_ranges:
                if qa <= a and b <= qb:
                    quoted[i] = True
                    break
                if qa > a:
                    break
    return SentenceTokens(starts, ends, words, quoted)


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
        words, quoted = toks.words, toks.quoted
        n = len(words)
        voice = quoted[a] if a < n else False
        # Coordinated targets ("Russia and China are ...") share their predicate.
        ga, gb = a, b
        for oa, ob in sorted(others):
            if ob <= ga and _coordinated(words[ob:ga]):
                ga = oa
            elif oa >= gb and _coordinated(words[gb:oa]):
                gb = ob
        others = [(oa, ob) for oa, ob in others if ob <= ga or oa >= gb]
        lo = ga
        while lo > 0 and not _is_boundary(words, lo - 1) and quoted[lo - 1] == voice:
            lo -= 1
        hi = gb
        while hi < n and not _is_boundary(words, hi) and quoted[hi] == voice:
            hi += 1
        commas = [0] * (hi - lo + 1)
        for i in range(lo, hi):
            commas[i - lo + 1] = commas[i - lo] + (words[i] == ",")
        # "X is / remains / acts as ...": the predicate describes X, whatever its length.
        cop = next((j for j in range(gb, min(hi, gb + 3)) if words[j] in _COPULA), -1)
        total = 0.0
        lex = self.lexicon
        for i in range(lo, hi):
            if ga <= i < gb:
                continue
            w = words[i]
            if not w[0].isalnum():
                continue
            neg = _negated(words, i)
            cls = predicate_class(w)
            if cls:
                contrib = self._predicate(words, i, ga, gb, cls)
                if contrib:
                    total += -0.5 * contrib if neg else contrib
                continue  # an active subject's own act is no evaluation of it
            pol = lex.get(w, 0.0)
            if extra and i in extra and not pol:
                pol = extra[i]
            if not pol:
                continue
            d = (ga - i) if i < ga else (i - gb + 1)
            weight = 1.0 / (1.0 + (d - 1) / 3.0)
            crossed = (
                (commas[ga - lo] - commas[i - lo]) if i < ga else (commas[i - lo] - commas[gb - lo])
            )
            # Left of the target a comma usually closes an introductory phrase; right of
            # it, commas mostly separate list items of the predicate.
            weight *= (0.25 if i < ga else 0.5) ** min(crossed, 2)
            if any((i < oa and ob <= ga) or (gb <= oa and ob <= i) for oa, ob in others):
                weight *= 0.5
            elif 0 <= cop < i:
                weight = 1.0
            total += (-0.5 * pol if neg else pol) * weight
        return total

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


def _is_boundary(words: list[str], i: int) -> bool:
    w = words[i]
    if w in _BOUNDARY_WORDS or w in _BOUNDARY_PUNCT:
        return True
    return w == "," and i + 1 < len(words) and words[i + 1] in _RELATIVE


def _coordinated(between: list[str]) -> bool:
    """Whether two mentions with ``between`` in between are coordinated (X and Y)."""
    return (
        len(between) <= 2
        and all(w in _COORD for w in between)
        and (not between or any(w in _COORD_WORDS for w in between))
    )


def _negated(words: list[str], i: int) -> bool:
    for j in range(max(0, i - 3), i):
        if words[j] in NEGATORS or words[j].endswith("n't"):
            return True
    return False
