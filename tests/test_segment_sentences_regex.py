"""The sentence-candidate pattern finds what the plain ``[.!?…]+`` form finds."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from framing.segment._sentences import _CANDIDATE

PLAIN = re.compile(r"([.!?\u2026]+)([\"'\u201d\u2019)\]}\u00bb]*)(?=\s|\Z)")


@given(st.text(alphabet="ab .!?\u2026\"')\u201d\n", max_size=50), st.integers(0, 50))
@settings(max_examples=500, deadline=None)
def test_same_candidates(text, start):
    found = [(m.span(), m.groups()) for m in _CANDIDATE.finditer(text, start)]
    assert found == [(m.span(), m.groups()) for m in PLAIN.finditer(text, start)]
