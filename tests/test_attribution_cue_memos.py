"""The memoised cue-model scores (``CueWeights.keep``) are the plain feature-group sums."""

from __future__ import annotations

import math
import random
import zlib

import numpy as np
import pytest

from framing.attribution import CueWeights, _cue_memos
from framing.attribution import _cue_features as cf
from framing.attribution._frames import Attribution

_WORDS = [
    "said",
    "Said",
    "told",
    "the",
    "Minister",
    "O\u2019Neil",
    "\u201cwe",
    "win,\u201d",
    "U.S.",
    "42",
    "\u00e9t\u00e9",
    "\u4e2d\u6587",
    "(D-Ore.)",
    "'",
    ",",
    "\U0001f600x",
    "SAID",
]


def _random_case(rng: random.Random) -> tuple[str, Attribution]:
    """A text of random words and blanks, and an attribution with random parts on it."""
    parts = []
    for _ in range(rng.randint(1, 40)):
        parts.append(rng.choice(_WORDS))
        parts.append(rng.choice([" ", " ", "  ", "\n", "\t", "\u00a0"]))
    text = "".join(parts)
    n = len(text)
    cs = rng.randint(0, n - 1)
    ce = rng.randint(cs + 1, n)
    source = None
    if rng.random() < 0.8:
        s = rng.randint(0, n - 1)
        source = (s, rng.randint(s, n))  # (possibly empty or blank)
    content = []
    if rng.random() < 0.85:
        s = rng.randint(0, n - 1)
        e = rng.randint(s + 1, n)
        content = [(s, e)] if rng.random() < 0.5 else [(s, s + 1), (s + 1, e)]
    att = Attribution(
        0,
        (cs, ce),
        rng.choice(["neutral", "assertive", None]),
        rng.choice(["speech", "thought", None]),
        source,
        content,
        kind=rng.choice(["indirect", "mixed", "direct"]),
    )
    if rng.random() < 0.1:
        att.head = Attribution(0, None, None, None, None)
    return text, att


def test_random_attributions_score_the_plain_sums(plain_cue_logit) -> None:
    rng = random.Random(3)
    weights = CueWeights(np.random.default_rng(1).normal(size=cf.N_FEATURES), intercept=0.2)
    cases = [_random_case(rng) for _ in range(1500)]
    for text, att in cases + cases:  # (the second time, from the memos)
        weights.keep(text, att)
        assert att.score == 1.0 / (1.0 + math.exp(-plain_cue_logit(weights, text, att)))


def test_memos_start_afresh_past_their_cap(
    monkeypatch: pytest.MonkeyPatch, plain_cue_logit
) -> None:
    monkeypatch.setattr(_cue_memos, "_MEMO_CAP", 20)
    rng = random.Random(5)
    weights = CueWeights(np.random.default_rng(2).normal(size=cf.N_FEATURES), intercept=-0.1)
    sizes = []
    for _ in range(200):
        text, att = _random_case(rng)
        weights.keep(text, att)
        assert att.score == 1.0 / (1.0 + math.exp(-plain_cue_logit(weights, text, att)))
        sizes.append(weights._memos().entries)
    assert max(sizes) < 200 and sizes != sorted(sizes)  # (emptied at least once)


def test_a_repeated_call_on_the_same_text_is_answered_the_same() -> None:
    weights = CueWeights(np.random.default_rng(4).normal(size=cf.N_FEATURES), intercept=0.0)
    text = "Officials said on Tuesday that the plan works."
    att = Attribution(0, (10, 14), "neutral", "speech", (0, 9), [(27, 46)])
    kept = weights.keep(text, att)
    first = att.score
    att.score = 0.0
    assert weights.keep(text, att) == kept and att.score == first


def test_bit_length_gives_the_content_length_bucket_of_log2() -> None:
    for n in range(1, 1 << 13):
        assert n.bit_length() - 1 == int(math.log2(n))


def test_crc32_continued_from_a_prefix_is_the_crc32_of_the_whole_string() -> None:
    for prefix, rest in [("cue+l1=said|", "\u00e9t\u00e9"), ("l2=", "x y"), ("c0=", "")]:
        whole = zlib.crc32(f"{prefix}{rest}".encode())
        assert zlib.crc32(rest.encode(), _cue_memos._crc(prefix)) == whole


def test_weights_add_up_from_the_left_on_every_python_version() -> None:
    # (1e16 + 1.0 rounds back to 1e16; a compensated sum, as ``sum`` from Python 3.12,
    # would give 1.0)
    assert _cue_memos.add_up([1e16, 1.0, -1e16]) == 0.0
    assert _cue_memos.add_up([]) == 0.0
