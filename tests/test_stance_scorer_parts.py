"""Helpers of the stance scorer: the views of a sentence in one voice."""

from __future__ import annotations

import math
import random

from framing.stance._lexicon import polarity_lexicon
from framing.stance._lexicon_scorer import LexiconStance, tokenize_sentence
from framing.stance._scorer_parts import _round4, _same_raw, _top_label, _view, _view_index
from framing.stance._stance_weights import LABELS

_WORDS = (
    "Acme praised condemned accused good bad not never is was , , which but and "
    "the plan critics said a fair brutal by ; hardly support"
).split()


def _sentence(rnd: random.Random) -> tuple[str, list[tuple[int, int]]]:
    """A random sentence with one or two quoted ranges (character offsets)."""
    words = [rnd.choice(_WORDS) for _ in range(rnd.randint(4, 22))]
    cuts = sorted(rnd.sample(range(len(words) + 1), rnd.choice((2, 4))))
    text, ranges, pos = "", [], 0
    for k, w in enumerate(words):
        if k in cuts[::2]:
            start = len(text)
        text += w + " "
        if k + 1 in cuts[1::2]:
            ranges.append((start, len(text) - 1))
        pos += 1
    return text.strip() + ".", ranges


def test_same_raw_holds_only_where_the_views_raw_evidence_is_the_sentences() -> None:
    rnd = random.Random(7)
    lexicon = polarity_lexicon()
    rules = LexiconStance(lexicon)
    agree = differ = 0
    for _ in range(3000):
        text, ranges = _sentence(rnd)
        toks = tokenize_sentence(text, 0, len(text), ranges, lexicon)
        n = len(toks.words)
        a = rnd.randrange(n)
        b = min(n, a + rnd.choice((1, 1, 2)))
        quoted = all(toks.quoted[a:b])
        if any(toks.quoted[a:b]) and not quoted:
            continue
        _, _, raw = rules.evidence_and_raw(toks, a, b)
        view, keep = _view(toks, a, quoted, ranges, {}, lexicon)
        va = _view_index(keep, a)
        if keep is None or va < 0 or raw is None:
            continue
        on_view = rules.raw(view, va, va + (b - a))
        if _same_raw(toks, view, keep):
            assert on_view == raw, (text, ranges, a, b)
            agree += 1
        elif on_view != raw:
            differ += 1
    # Both kinds of view occur, so the check above is not empty.
    assert agree > 300 and differ > 10


def test_round4_gives_pythons_round_to_four_decimals() -> None:
    rnd = random.Random(3)
    values = [rnd.uniform(-1.0, 1.0) for _ in range(20000)]
    values += [math.tanh(rnd.uniform(-4.0, 4.0)) for _ in range(5000)]
    # Exact and near half-way cases (where a scaled rint could pick the wrong integer).
    values += [(k + 0.5) / 1e4 for k in range(-10001, 10001)]
    values += [0.0, -0.0, 1.0, -1.0, 5e-5, -5e-5, 2.5e-4, 1e-17, 1e300, math.inf, -math.inf]
    values += [rnd.uniform(-1e9, 1e9) for _ in range(5000)]  # (beyond scores' range)
    out = _round4(values)
    assert [repr(v) for v in out] == [repr(round(v, 4)) for v in values]


def test_top_label_is_the_first_largest_probability() -> None:
    rnd = random.Random(5)
    cases = [[0.2, 0.5, 0.3], [0.4, 0.4, 0.2], [0.3, 0.35, 0.35], [0.4, 0.2, 0.4], [1 / 3] * 3]
    cases += [[rnd.choice((0.1, 0.2, 0.3)) for _ in range(3)] for _ in range(200)]
    cases += [[rnd.random() for _ in range(3)] for _ in range(200)]
    assert [_top_label(p) for p in cases] == [LABELS[p.index(max(p))] for p in cases]
