"""framing._hashing: MurmurHash3 and feature hashing equal to scikit-learn's, without it."""

from __future__ import annotations

import random
import subprocess
import sys

import numpy as np
import pytest
from sklearn.feature_extraction import FeatureHasher
from sklearn.utils import murmurhash3_32

from framing._hashing import (
    _FEW,
    byte_windows,
    feature_columns,
    hashed_rows,
    murmurhash3_keys,
    murmurhash3_windows,
    signed_hashes,
    string_hash,
    string_hashes,
)


def _strings(seed: int, n: int, alphabet: str = "abcXYZ019 -_'.&") -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 23))) for _ in range(n)]


@pytest.mark.parametrize("alphabet", ["abcXYZ019 -_'.&", "a\u00e9\u00df\u4e2d\U0001f600 \u201c"])
def test_string_hash_equals_sklearn(alphabet: str) -> None:
    for s in _strings(1, 400, alphabet):
        assert string_hash(s) == murmurhash3_32(s, seed=0, positive=True)


@pytest.mark.parametrize("n", [1, _FEW - 1, _FEW, 300])
def test_signed_hashes_equal_sklearn_on_both_paths(n: int) -> None:
    strings = _strings(2, n, "ab\u00e9c 1\u4e2d")
    assert signed_hashes(strings).tolist() == [murmurhash3_32(s, seed=0) for s in strings]


def test_string_hashes_are_the_unsigned_values() -> None:
    strings = [*_strings(3, 120), "caf\u00e9", "", "\u201cq\u201d"]
    got = string_hashes(strings)
    assert got.dtype == np.uint64
    assert got.tolist() == [string_hash(s) for s in strings]


@pytest.mark.parametrize("length", range(13))
def test_murmurhash_of_every_key_length(length: int) -> None:
    rng = np.random.default_rng(length)
    buf = rng.integers(0, 256, size=50 + length, dtype=np.uint8)
    got = murmurhash3_windows(byte_windows(buf), np.arange(50), length)
    assert got.tolist() == [murmurhash3_32(bytes(buf[p : p + length]), seed=0) for p in range(50)]


def test_murmurhash_of_keys_of_mixed_lengths() -> None:
    rng = np.random.default_rng(5)
    lens = rng.integers(0, 23, size=400)
    buf = rng.integers(0, 256, size=int(lens.sum()), dtype=np.uint8)
    starts = np.concatenate([[0], np.cumsum(lens)[:-1]])
    want = [
        murmurhash3_32(bytes(buf[s : s + n]), seed=0) for s, n in zip(starts, lens, strict=True)
    ]
    ones, zeros = np.ones(len(lens), dtype=np.int64), np.zeros(len(lens), dtype=np.int64)
    got = murmurhash3_keys(byte_windows(buf), starts, lens, ones, zeros, zeros)
    assert got.tolist() == want


def test_murmurhash_of_prefixed_slices_of_a_buffer() -> None:
    rng = np.random.default_rng(6)
    buf = rng.integers(1, 256, size=300, dtype=np.uint8)
    prefixes = [b"", b"w=", b"p2=", b"\x00\xffz"]
    pos, lens, pre, plen, want = [], [], [], [], []
    for s in range(0, 300, 7):
        for n in range(min(300 - s, 30)):
            p = prefixes[(s + n) % 4]
            pos.append(s)
            lens.append(n)
            pre.append(int.from_bytes(p, "little"))
            plen.append(len(p))
            want.append(murmurhash3_32(p + bytes(buf[s : s + n]), seed=0))
    ones = np.ones(len(pos), dtype=np.int64)
    got = murmurhash3_keys(
        byte_windows(buf), np.array(pos), np.array(lens), ones, np.array(pre), np.array(plen)
    )
    assert got.tolist() == want


def test_murmurhash_of_runs_of_windows() -> None:
    rng = np.random.default_rng(7)
    buf = rng.integers(0, 256, size=200, dtype=np.uint8)
    starts = rng.integers(0, 150, size=60)
    lens = rng.integers(0, 14, size=60)
    counts = rng.integers(0, 6, size=60)
    plens = rng.integers(0, 4, size=60)
    prefixes = [bytes(rng.integers(0, 256, size=int(k), dtype=np.uint8)) for k in plens]
    pre = np.array([int.from_bytes(p, "little") for p in prefixes])
    want = [
        murmurhash3_32(p + bytes(buf[s + i : s + i + n]), seed=0)
        for s, n, c, p in zip(starts, lens, counts, prefixes, strict=True)
        for i in range(c)
    ]
    assert murmurhash3_keys(byte_windows(buf), starts, lens, counts, pre, plens).tolist() == want


@pytest.mark.parametrize("prefix", [b"", b"c=", b"p2=", b"x"])
@pytest.mark.parametrize("length", range(10))
def test_murmurhash_of_windows_of_one_length(prefix: bytes, length: int) -> None:
    rng = np.random.default_rng(length)
    buf = rng.integers(0, 256, size=64, dtype=np.uint8)
    pos = np.arange(0, 64 - length)
    want = [murmurhash3_32(prefix + bytes(buf[p : p + length]), seed=0) for p in pos]
    assert murmurhash3_windows(byte_windows(buf), pos, length, prefix).tolist() == want


def test_murmurhash_of_runs_of_one_key_and_of_none() -> None:
    buf = np.frombuffer(b"abcdefghij", dtype=np.uint8)
    got = murmurhash3_keys(
        byte_windows(buf), *(np.array(v) for v in ([0, 2], [3, 5], [0, 2], [0, 0], [0, 0]))
    )
    assert got.tolist() == [murmurhash3_32(s, seed=0) for s in (b"cdefg", b"defgh")]


def test_murmurhash_of_no_keys() -> None:
    empty = np.zeros(0, dtype=np.int64)
    assert murmurhash3_keys(byte_windows(np.zeros(0, np.uint8)), *[empty] * 5).shape == (0,)


@pytest.mark.parametrize("n_features", [2**18, 2**20, 1000, 7])
@pytest.mark.parametrize("n_rows", [1, 5, 300])
def test_hashed_rows_equal_feature_hasher(n_features: int, n_rows: int, same_csr) -> None:
    words = _strings(4, n_rows)
    rows = [["w=" + w, "s3=" + w[-3:], "w=" + w] for w in words] + [[], ["", "a"]]
    fh = FeatureHasher(n_features, input_type="string", alternate_sign=False)
    assert same_csr(hashed_rows(rows, n_features), fh.transform(rows))


def test_hashed_rows_with_non_ascii_strings(same_csr) -> None:
    rows = [["w=caf\u00e9", "w=na\u00efve"], ["w=plain"], ["\u201cquoted\u201d"]] * 40
    fh = FeatureHasher(2**18, input_type="string", alternate_sign=False)
    assert same_csr(hashed_rows(rows, 2**18), fh.transform(rows))


def test_hashed_rows_of_empty_rows_only() -> None:
    assert hashed_rows([[], []], 16).shape == (2, 16)
    assert hashed_rows([], 16).shape == (0, 16)


@pytest.mark.parametrize("n_features", [1000, 2**18, 2**31, 1])
def test_feature_column_of_int_min_is_two_to_the_31_modulo(n_features: int) -> None:
    h = np.array([-(2**31), -5, 5, 2**31 - 1], dtype=np.int32)
    want = [2**31 % n_features, 5 % n_features, 5 % n_features, (2**31 - 1) % n_features]
    assert feature_columns(h, n_features).tolist() == want


def test_hashing_imports_no_sklearn() -> None:
    code = (
        "import sys; from framing._hashing import hashed_rows, string_hash; "
        "hashed_rows([['a', 'b']], 8); string_hash('a'); "
        "assert 'sklearn' not in sys.modules, 'sklearn imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
