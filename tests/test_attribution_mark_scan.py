"""The quotation-mark scan keeps every mark but the single ones inside a word."""

from __future__ import annotations

import random

from framing.attribution._quotes import _MARK_CHAR, _SINGLE, _mark_positions


def _plain(text: str) -> list[int]:
    """The definition: every mark, less a single mark between two alphanumerics."""
    last = len(text) - 1
    return [
        i
        for i in (m.start() for m in _MARK_CHAR.finditer(text))
        if not (
            text[i] in _SINGLE and 0 < i < last and text[i - 1].isalnum() and text[i + 1].isalnum()
        )
    ]


def test_free_marks_random() -> None:
    alphabet = "ab_Z9 \u00e9\u00b2\u0416-.,\n'\u2018\u2019\"\u201c\u201d`\u00ab\u00bb"
    rng = random.Random(3)
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        assert _mark_positions(text, in_words=False) == _plain(text), text
        assert _mark_positions(text) == [m.start() for m in _MARK_CHAR.finditer(text)], text


def test_free_marks_words() -> None:
    text = "'Don't,' said O\u2019Neil\u2019s aide_'s 'x' \u2018y\u2019 9'9 a'_ \u00e9'\u00e9 z'"
    assert _mark_positions(text, in_words=False) == _plain(text)
