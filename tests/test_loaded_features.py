"""The models' stop-word feature reads scikit-learn's list from its source, without importing it."""

from __future__ import annotations

import ast

import pytest

from framing.loaded import _features
from framing.loaded._features import _assigned_literal, english_stop_words


def test_stop_words_equal_scikit_learns() -> None:
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    assert english_stop_words() == ENGLISH_STOP_WORDS
    assert isinstance(english_stop_words(), frozenset)


def test_stop_words_come_from_the_source_file() -> None:
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    assert _features._stop_words_from_source() == ENGLISH_STOP_WORDS


def test_stop_words_fall_back_to_the_import(monkeypatch: pytest.MonkeyPatch) -> None:
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    monkeypatch.setattr(_features, "_stop_words_from_source", lambda: None)
    english_stop_words.cache_clear()
    try:
        assert english_stop_words() == ENGLISH_STOP_WORDS
    finally:
        english_stop_words.cache_clear()


@pytest.mark.parametrize(
    "source, expected",
    [
        ("WORDS = frozenset(['a', 'b'])", frozenset({"a", "b"})),
        ("WORDS = {'a', 'b'}", frozenset({"a", "b"})),
        ("OTHER = ['x']\nWORDS = ['a']", frozenset({"a"})),
        ("WORDS = frozenset(load('words.txt'))", None),  # no literal: not evaluated
        ("WORDS = frozenset(['a', 1])", None),
        ("WORDS = frozenset([])", None),
        ("WORDS = ['a' + 'b']", None),
        ("NAMES = ['a']", None),
    ],
)
def test_only_a_literal_of_strings_is_taken(source: str, expected: frozenset[str] | None) -> None:
    assert _assigned_literal(ast.parse(source), "WORDS") == expected
