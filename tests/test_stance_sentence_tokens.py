"""Tokens of one sentence: the views of some of its tokens equal a fresh computation."""

from __future__ import annotations

import random
from dataclasses import fields

from framing.stance._lexicon import polarity_lexicon
from framing.stance._sentence_tokens import SentenceTokens, _finish, tokenize_sentence

_WORDS = (
    'Acme praised condemned good bad not never , , which who but " " ; the plan '
    "critics said a fair brutal hardly support didn't"
).split()


def _random_sentence(rnd: random.Random) -> tuple[str, list[tuple[int, int]]]:
    """A random sentence of evaluative words, negators, commas and straight quote
    marks, with one quoted range (character offsets) or none."""
    text = " ".join(rnd.choice(_WORDS) for _ in range(rnd.randint(1, 18))) + "."
    if rnd.random() < 0.5:
        return text, []
    a, b = sorted(rnd.sample(range(len(text) + 1), 2))
    return text, [(a, b)]


def _fields(toks: SentenceTokens) -> dict[str, object]:
    """Every field but the cache."""
    return {f.name: getattr(toks, f.name) for f in fields(toks) if f.name != "cache"}


def _fresh(toks: SentenceTokens, keep: list[int]) -> SentenceTokens:
    """The tokens ``keep`` of ``toks`` with every field computed anew from their words."""
    lex = polarity_lexicon()
    return _finish(
        [toks.starts[i] for i in keep],
        [toks.ends[i] for i in keep],
        [toks.words[i] for i in keep],
        [toks.caps[i] for i in keep],
        [toks.quoted[i] for i in keep],
        lex,
    )


def _random_tokens(seed: int):
    """1,500 random sentences' tokens, with the generator and the lexicon."""
    rnd = random.Random(seed)
    lex = polarity_lexicon()
    for _ in range(1500):
        text, ranges = _random_sentence(rnd)
        yield text, tokenize_sentence(text, 0, len(text), ranges, lex), rnd, lex


def test_a_run_of_tokens_equals_its_fresh_computation() -> None:
    for text, toks, rnd, lex in _random_tokens(5):
        n = len(toks.words)
        i0 = rnd.randrange(n + 1)
        i1 = rnd.randint(i0, n)
        expected = _fields(_fresh(toks, list(range(i0, i1))))
        assert _fields(toks.span(i0, i1, lex)) == expected, (text, i0, i1)


def test_a_subset_of_tokens_equals_its_fresh_computation() -> None:
    for text, toks, rnd, lex in _random_tokens(6):
        keep = sorted(rnd.sample(range(len(toks.words)), rnd.randint(0, len(toks.words))))
        expected = _fields(_fresh(toks, keep))
        assert _fields(toks.subset(keep, lex)) == expected, (text, keep)


def test_straight_quote_marks_are_listed_and_their_state_restarts_in_a_view() -> None:
    text = 'He said "good" and "bad" today.'
    toks = tokenize_sentence(text, 0, len(text))
    assert toks.marks == [2, 4, 6, 8]
    assert toks.inq == [False, False, True, True, True, False, True, True, True, False, False]
    view = toks.span(5, 11, polarity_lexicon())  # and "bad" today. : one pair
    assert view.marks == [1, 3]
    assert view.inq == [False, True, True, True, False, False]
