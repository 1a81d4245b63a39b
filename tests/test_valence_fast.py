"""valence_of_words: the no-negator shortcut gives what the general loop gives."""

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from framing.scorers.valence import (
    ALPHA,
    NEGATION_SCALE,
    NEGATION_WINDOW,
    NEGATORS,
    valence_of_words,
)

LEX = {"good": 1.9, "bad": -2.5, "calm": 0.3, "zero": 0.0, "war": -2.9, "fine": 0.8}
VOCAB = [*LEX, "not", "isn't", "don't-care", "plan", "a", "never", "the", "n't", "won't", "cannot"]


def reference(words, lexicon):
    """The per-hit loop, written out."""
    hits = [(i, lexicon[w]) for i, w in enumerate(words) if w in lexicon]
    if not hits:
        return 0.0
    negs = [i for i, w in enumerate(words) if w in NEGATORS or w.endswith("n't")]
    total = 0.0
    for i, v in hits:
        if any(0 < i - n <= NEGATION_WINDOW for n in negs):
            v *= NEGATION_SCALE
        total += v
    return 0.0 if total == 0.0 else total / math.sqrt(total * total + ALPHA)


@given(st.lists(st.sampled_from(VOCAB), max_size=30))
@settings(max_examples=500, deadline=None)
def test_equals_the_reference_loop(words):
    assert valence_of_words(words, LEX) == reference(words, LEX)


def test_word_containing_nt_inside_is_not_a_negator():
    assert valence_of_words(["don't-care", "good"], LEX) > 0


def test_values_summed_in_reading_order():
    lex = {"a": 0.1, "b": 0.2, "c": 0.3}
    total = 0.1 + 0.2 + 0.3
    assert valence_of_words(["a", "b", "c"], lex) == total / math.sqrt(total * total + ALPHA)
