"""Vectorised feature hashing equals scikit-learn's FeatureHasher."""

from __future__ import annotations

import random

import numpy as np
import pytest
from sklearn.feature_extraction import FeatureHasher
from sklearn.utils import murmurhash3_32

from framing._hashing import string_hash
from framing.loaded._features import char_ngrams, word_strings
from framing.loaded._ngram_hash import (
    SMALL,
    hashed_rows,
    murmurhash3_fixed,
    murmurhash3_ragged,
    ngram_rows,
    string_hashes,
)


def _words(seed: int, n: int) -> list[str]:
    rng = random.Random(seed)
    alphabet = "abcdefghijklmnopqrstuvwxyzABCXYZ0123456789-'.&_"
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 14))) for _ in range(n)]


def _same(a, b) -> bool:
    return (
        a.shape == b.shape
        and np.array_equal(a.indptr, b.indptr)
        and np.array_equal(a.indices, b.indices)
        and np.array_equal(a.data, b.data)
    )


@pytest.mark.parametrize("length", range(13))
def test_murmurhash_of_every_key_length(length: int) -> None:
    rng = np.random.default_rng(length)
    keys = rng.integers(0, 128, size=(50, length), dtype=np.uint8)
    got = murmurhash3_fixed(keys)
    want = [murmurhash3_32(bytes(row), seed=0) for row in keys]
    assert got.tolist() == want


@pytest.mark.parametrize("n_features", [2**18, 2**20, 1000, 7])
def test_hashed_rows_equal_feature_hasher(n_features: int) -> None:
    words = _words(1, 300)
    rows = [["w=" + w, "s3=" + w[-3:], "shape=Cap"] for w in words] + [[], ["", "a"]]
    fh = FeatureHasher(n_features, input_type="string", alternate_sign=False)
    assert _same(hashed_rows(rows, n_features), fh.transform(rows))


def test_hashed_rows_with_non_ascii_strings() -> None:
    rows = [["w=caf\u00e9", "w=na\u00efve"], ["w=plain"], ["\u201cquoted\u201d"]] * 40
    fh = FeatureHasher(2**18, input_type="string", alternate_sign=False)
    assert _same(hashed_rows(rows, 2**18), fh.transform(rows))


@pytest.mark.parametrize(("lo", "hi", "prefix"), [(2, 5, ""), (3, 5, "c="), (1, 1, "x")])
def test_ngram_rows_equal_hashed_ngram_strings(lo: int, hi: int, prefix: str) -> None:
    words = [*_words(2, 200), "a", "", "supercalifragilistic"]
    rows = [[prefix + g for g in char_ngrams(w, lo, hi)] for w in words]
    fh = FeatureHasher(2**18, input_type="string", alternate_sign=False)
    assert _same(ngram_rows(words, lo, hi, 2**18, prefix), fh.transform(rows))


def test_ngram_rows_with_non_ascii_words() -> None:
    words = ["caf\u00e9", "stra\u00dfe", *_words(3, 100), "\u00fcber"]
    rows = [["c=" + g for g in char_ngrams(w, 3, 5)] for w in words]
    fh = FeatureHasher(2**18, input_type="string", alternate_sign=False)
    assert _same(ngram_rows(words, 3, 5, 2**18, "c="), fh.transform(rows))


def test_ngram_rows_of_no_words() -> None:
    assert ngram_rows([], 2, 5, 2**10).shape == (0, 2**10)


def test_ngram_rows_of_words_too_short_for_every_length() -> None:
    words = ["a"] * SMALL  # " a " has no 4- or 5-gram
    rows = [char_ngrams(w, 4, 5) for w in words]
    fh = FeatureHasher(2**10, input_type="string", alternate_sign=False)
    assert _same(ngram_rows(words, 4, 5, 2**10), fh.transform(rows))


def test_word_strings_split_in_two_parts_hash_as_a_whole() -> None:
    words = [*_words(4, 150), "Caf\u00e9", "UP", "x"]
    lower = [w.lower() for w in words]
    whole = [word_strings(w, lw) for w, lw in zip(words, lower, strict=True)]
    parts = hashed_rows(
        [word_strings(w, lw, ngrams=False) for w, lw in zip(words, lower, strict=True)], 2**18
    ) + ngram_rows(lower, 3, 5, 2**18, "c=")
    fh = FeatureHasher(2**18, input_type="string", alternate_sign=False)
    assert _same(parts, fh.transform(whole))


def test_murmurhash_of_keys_of_mixed_lengths() -> None:
    rng = np.random.default_rng(5)
    lens = rng.integers(0, 23, size=400)
    buf = rng.integers(0, 128, size=int(lens.sum()), dtype=np.uint8)
    starts = np.concatenate([[0], np.cumsum(lens)[:-1]])
    got = murmurhash3_ragged(buf, starts, lens)
    want = [
        murmurhash3_32(bytes(buf[s : s + n]), seed=0) for s, n in zip(starts, lens, strict=True)
    ]
    assert got.tolist() == want


def test_the_numpy_path_runs_from_small_batches_on() -> None:
    rows = [["w=" + w] for w in _words(6, SMALL)]
    fh = FeatureHasher(2**18, input_type="string", alternate_sign=False)
    assert SMALL <= len(rows)
    assert _same(hashed_rows(rows, 2**18), fh.transform(rows))


def test_string_hashes_equal_string_hash() -> None:
    words = [*_words(7, 120), "caf\u00e9", "", "\u201cq\u201d"]
    assert string_hashes(words).tolist() == [string_hash(w) for w in words]
