"""The sentence-candidate pattern finds what the plain ``[.!?…]+`` form finds."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from framing.segment._sentences import _CANDIDATE, paragraph_sentences, split_sentences

PLAIN = re.compile(r"([.!?\u2026]+)([\"'\u201d\u2019)\]}\u00bb]*)(?=\s|\Z)")


@given(st.text(alphabet="ab .!?\u2026\"')\u201d\n", max_size=50), st.integers(0, 50))
@settings(max_examples=500, deadline=None)
def test_same_candidates(text, start):
    found = [(m.span(), m.groups()) for m in _CANDIDATE.finditer(text, start)]
    assert found == [(m.span(), m.groups()) for m in PLAIN.finditer(text, start)]


@given(
    st.text(alphabet="aB1 .!?\u2026\"')\u201d\n\tMr.No.U.S.e\u00e9\ud800", max_size=60),
    st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60)), max_size=4),
)
@settings(max_examples=400, deadline=None)
def test_paragraph_sentences_equal_split_sentences(text, ranges):
    spans = [(min(a, b, len(text)), min(max(a, b), len(text))) for a, b in ranges]
    expected = [split_sentences(text, a, b) for a, b in spans]
    assert paragraph_sentences(text, spans) == expected
