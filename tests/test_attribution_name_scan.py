"""The byte scan of capitalised runs finds exactly the matches of ``_NAME``."""

from __future__ import annotations

import random

import pytest

from framing.attribution._name_records import _NAME
from framing.attribution._name_scan import name_runs

CASES = [
    "",
    "Jane Doe said.",
    "Later Jane Doe and Dr. J. Smith met Sen. Ann Lee\tand Maya D. Song.",
    "\u201cWe will win,\u201d Donald Trump\u2019s aide Jean-Luc O\u2019Brien said.",
    "Jos\u00e9 Mu\u00f1oz and \u00c9milie Dupont met \u0141ukasz Kowalczyk-\u017b\u00f3\u0142w.",
    "A B C D. E F 12 Main St. Apt 4B New York NY",
    "on Monday. The judge in Tarn Valley. Valdor said \u2018Yes\u2019 to Smith\u2019 Jones",
    "x\u00a0Jane\u00a0Doe, Jane_Doe Jane-Doe- Jane\u2019 Doe\u2019 O'Neil Mac' Kay ?? Jane? Doe",
    "\u041c\u0438\u0445\u0430\u0438\u043b Ivan Petrov \u4e2d\u6587 Li Wei \u00bd Anna Z\u00b2 Bo",
]


def _spans(text: str) -> tuple[list, list]:
    return [m.span() for m in _NAME.finditer(text)], [m.span() for m in name_runs(text)]


@pytest.mark.parametrize("text", CASES)
def test_same_matches(text: str) -> None:
    want, got = _spans(text)
    assert got == want


def test_same_matches_random() -> None:
    # every class the pattern tells apart, and characters of none, in random order
    alphabet = "AZaz09_'\u2019-. \t\n,\u00e9\u00c9\u2018\u201c?\u00a0\u0416\u00b2"
    rng = random.Random(7)
    for _ in range(3000):
        words = [
            rng.choice("AAZZ.a\u00c9\u0416'\u2019(")
            + "".join(rng.choice(alphabet + "aaaz") for _ in range(rng.randint(0, 4)))
            for _ in range(rng.randint(1, 8))
        ]
        text = rng.choice([" ", " ", "\t", ". ", "  "]).join(words)
        want, got = _spans(text)
        assert got == want, text
