"""Hashed features of new word types equal FeatureHasher of their feature strings."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.feature_extraction import FeatureHasher
from sklearn.utils import murmurhash3_32

from framing.loaded._features import char_ngrams, word_dense, word_strings
from framing.loaded._type_hash import SINGLE_PREFIXES, type_hashes

#: Words written for these tests, beside 150 random ones (the ``words`` fixture).
FIXED = [
    "a",
    "I",
    "US",
    "U.S.",
    "so-called",
    "2024",
    "covid-19",
    "supercalifragilisticexpialidocious-and-then-some",
    "caf\u00e9",
    "\u00dcBER",
    "na\u00efve",
    "\u0130stanbul",
    "x\u00b2",
]


@pytest.fixture
def words(random_words) -> list[str]:
    return [*random_words(1, 150), *FIXED]


@pytest.mark.parametrize("n_features", [2**18, 1000])
def test_own_rows_equal_hashed_word_strings(n_features: int, same_csr, words) -> None:
    lower = [w.lower() for w in words]
    th = type_hashes(words, lower, n_features, 2**18)
    rows = [word_strings(w, lw) for w, lw in zip(words, lower, strict=True)]
    fh = FeatureHasher(n_features, input_type="string", alternate_sign=False)
    assert same_csr(th.own, fh.transform(rows))


def test_char_rows_equal_hashed_char_ngrams(same_csr, words) -> None:
    lower = [w.lower() for w in words]
    th = type_hashes(words, lower, 2**18, 2**20)
    fh = FeatureHasher(2**20, input_type="string", alternate_sign=False)
    assert same_csr(th.chars, fh.transform([char_ngrams(lw, 2, 5) for lw in lower]))


def test_single_keys_are_murmurhashes_of_prefixed_words(words) -> None:
    lower = [w.lower() for w in words]
    th = type_hashes(words, lower, 2**18, 2**18)
    want = [[murmurhash3_32(p + lw, seed=0) for lw in lower] for p in SINGLE_PREFIXES]
    assert th.single.tolist() == want


def test_first_upper_and_digit_flags() -> None:
    words = ["Sham", "vote", "x\u00b2", "covid-19", "\u00c9t\u00e9", "42"]
    th = type_hashes(words, [w.lower() for w in words], 2**10, 2**10)
    assert th.first_upper.tolist() == [True, False, False, False, True, False]
    assert th.digit.tolist() == [False, False, True, True, False, True]


def test_flags_equal_word_dense_and_shape(words) -> None:
    words = [*words, "USA", "A", "\u00c9T\u00c9", "Ab1", "ab-CD", "x-1", "\u01c5ungla"]
    lower = [w.lower() for w in words]
    th = type_hashes(words, lower, 2**10, 2**10)
    dense = np.array([word_dense(w, lw) for w, lw in zip(words, lower, strict=True)])
    assert th.all_caps.tolist() == (dense[:, 5] == 1).tolist()
    assert (np.minimum(th.length, 15) / 15).tolist() == dense[:, 6].tolist()
    assert th.digit.tolist() == (dense[:, 7] == 1).tolist()
    assert th.first_upper.tolist() == [w[:1].isupper() for w in words]


def test_only_non_ascii_words_and_no_words(same_csr) -> None:
    words = ["caf\u00e9", "\u00fcber"]
    th = type_hashes(words, words, 2**18, 2**18)
    fh = FeatureHasher(2**18, input_type="string", alternate_sign=False)
    assert same_csr(th.own, fh.transform([word_strings(w, w) for w in words]))
    empty = type_hashes([], [], 2**10, 2**10)
    assert empty.own.shape == (0, 2**10) and empty.single.shape == (6, 0)


def test_empty_words_first_and_last(same_csr) -> None:
    words = ["", "Ab", "x", ""]
    th = type_hashes(words, [w.lower() for w in words], 2**18, 2**18)
    fh = FeatureHasher(2**18, input_type="string", alternate_sign=False)
    assert same_csr(th.own, fh.transform([word_strings(w, w.lower()) for w in words]))
    assert th.length.tolist() == [0, 2, 1, 0]
