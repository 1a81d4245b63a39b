"""Hashed character n-grams of words equal FeatureHasher of the n-gram strings."""

from __future__ import annotations

import pytest
from sklearn.feature_extraction import FeatureHasher

from framing._hashing import hashed_rows
from framing.loaded._features import char_ngrams, word_strings
from framing.loaded._ngram_hash import SMALL, ngram_rows


@pytest.mark.parametrize(("lo", "hi", "prefix"), [(2, 5, ""), (3, 5, "c="), (1, 1, "x")])
def test_ngram_rows_equal_hashed_ngram_strings(
    lo: int, hi: int, prefix: str, same_csr, random_words
) -> None:
    words = [*random_words(2, 200), "a", "", "supercalifragilistic"]
    rows = [[prefix + g for g in char_ngrams(w, lo, hi)] for w in words]
    fh = FeatureHasher(2**18, input_type="string", alternate_sign=False)
    assert same_csr(ngram_rows(words, lo, hi, 2**18, prefix), fh.transform(rows))


def test_ngram_rows_with_non_ascii_words(same_csr, random_words) -> None:
    words = ["caf\u00e9", "stra\u00dfe", *random_words(3, 100), "\u00fcber"]
    rows = [["c=" + g for g in char_ngrams(w, 3, 5)] for w in words]
    fh = FeatureHasher(2**18, input_type="string", alternate_sign=False)
    assert same_csr(ngram_rows(words, 3, 5, 2**18, "c="), fh.transform(rows))


def test_ngram_rows_of_no_words() -> None:
    assert ngram_rows([], 2, 5, 2**10).shape == (0, 2**10)


def test_ngram_rows_of_words_too_short_for_every_length(same_csr) -> None:
    words = ["a"] * SMALL  # " a " has no 4- or 5-gram
    rows = [char_ngrams(w, 4, 5) for w in words]
    fh = FeatureHasher(2**10, input_type="string", alternate_sign=False)
    assert same_csr(ngram_rows(words, 4, 5, 2**10), fh.transform(rows))


def test_word_strings_split_in_two_parts_hash_as_a_whole(same_csr, random_words) -> None:
    words = [*random_words(4, 150), "Caf\u00e9", "UP", "x"]
    lower = [w.lower() for w in words]
    whole = [word_strings(w, lw) for w, lw in zip(words, lower, strict=True)]
    parts = hashed_rows(
        [word_strings(w, lw, ngrams=False) for w, lw in zip(words, lower, strict=True)], 2**18
    ) + ngram_rows(lower, 3, 5, 2**18, "c=")
    fh = FeatureHasher(2**18, input_type="string", alternate_sign=False)
    assert same_csr(parts, fh.transform(whole))


@pytest.mark.parametrize("n", [SMALL - 1, SMALL])
def test_ngram_rows_equal_on_both_sides_of_the_small_batch_cut(
    n: int, same_csr, random_words
) -> None:
    words = random_words(6, n)
    rows = [[g for g in char_ngrams(w, 2, 5)] for w in words]
    fh = FeatureHasher(2**18, input_type="string", alternate_sign=False)
    assert same_csr(ngram_rows(words, 2, 5, 2**18), fh.transform(rows))
