"""Paragraph valence from the VADER lexicon (read from the installed vaderSentiment package).

This is framing's own, fast scorer over VADER's word list, not a copy of VADER's rules:
each word's lexicon mean (-4..4) is summed over the paragraph, words within three
tokens after a negator count with the opposite sign at 0.74 of their strength (the
damping VADER's authors report, Hutto & Gilbert 2014), and the sum is squashed into
-1..1 with ``s / sqrt(s**2 + 15)`` as VADER's ``compound`` is. Words are looked up in
the normalised view, so curly quotes never hide a word (a known VADER pitfall).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import reduce
from operator import add
from typing import Any

from ..lexicon import VADER_PROVENANCE, vader_lexicon
from ..segment import Doc
from ._base import Scorer

__all__ = ["ValenceScorer", "valence_of_words"]

NEGATORS = frozenset(
    """not no never none nobody nothing neither nor nowhere without cannot
    isn't aren't wasn't weren't don't doesn't didn't won't wouldn't shouldn't couldn't
    can't hasn't haven't hadn't mustn't needn't ain't isnt arent wasnt werent dont doesnt
    didnt wont wouldnt shouldnt couldnt cant hasnt havent hadnt""".split()
)
NEGATION_WINDOW = 3
NEGATION_SCALE = -0.74
ALPHA = 15.0


def valence_of_words(words: Sequence[str], lexicon: dict[str, float]) -> float:
    """Compound valence (-1..1) of a sequence of lower-case words.

    Parameters
    ----------
    words : sequence of str
        Lower-case tokens in reading order.
    lexicon : dict of str to float
        Lower-case word -> valence (-4..4), e.g. :func:`framing.lexicon.vader_lexicon`.

    Examples
    --------
    >>> lex = {"good": 1.9, "bad": -2.5}
    >>> round(valence_of_words(["a", "good", "plan"], lex), 3)
    0.44
    >>> valence_of_words(["not", "a", "good", "plan"], lex) < 0
    True
    """
    hits = list(filter(lexicon.__contains__, words))  # the words in the lexicon, in order
    if not hits:
        return 0.0
    joined = " ".join(words)
    if NEGATORS.isdisjoint(words) and "n't" not in joined:
        # no negator: the hits' values summed in reading order (as the loop below would)
        total = reduce(add, map(lexicon.__getitem__, hits), 0.0)
    else:
        scoped = _negated_positions(words, joined)
        total = 0.0
        i = -1
        for w in hits:  # in reading order: each is the next occurrence of its word
            i = words.index(w, i + 1)
            v = lexicon[w]
            total += v * NEGATION_SCALE if i in scoped else v
    if total == 0.0:
        return 0.0
    return total / math.sqrt(total * total + ALPHA)


def _negated_positions(words: Sequence[str], joined: str) -> set[int]:
    """Positions within the window after a negator (``NEGATORS`` or any ``...n't``);
    ``joined`` is ``" ".join(words)``."""
    at: list[int] = []
    for w in NEGATORS.intersection(words):
        i = -1
        for _ in range(words.count(w)):
            i = words.index(w, i + 1)
            at.append(i)
    pos = joined.find("n't ")
    while pos >= 0:  # a word ending in "n't": its index is the spaces before it
        at.append(joined.count(" ", 0, pos))
        pos = joined.find("n't ", pos + 4)
    if joined.endswith("n't"):
        at.append(len(words) - 1)
    return {i + k for i in at for k in range(1, NEGATION_WINDOW + 1)}


class ValenceScorer(Scorer):
    """Adds the paragraph column ``valence`` (-1..1) from the VADER lexicon.

    Examples
    --------
    >>> from framing.segment import segment
    >>> doc = segment("A wonderful, peaceful day.\\nA brutal, deadly attack.")
    >>> ValenceScorer().annotate([doc])
    >>> doc.columns["valence"][0] > 0 > doc.columns["valence"][1]
    True
    """

    name = "valence"
    columns = ("valence",)

    def __init__(self) -> None:
        self.lexicon_ = vader_lexicon()

    def annotate(self, docs: Sequence[Doc]) -> None:
        lex = self.lexicon_
        for doc in docs:
            doc.columns["valence"] = [valence_of_words(p.lower, lex) for p in doc.paragraphs]

    def provenance(self) -> dict[str, Any]:
        return {"scorer": self.name, "lexicons": [VADER_PROVENANCE]}
