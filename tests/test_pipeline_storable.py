"""Texts kept in results: lone surrogates become U+FFFD, everything else is unchanged."""

from hypothesis import given, settings
from hypothesis import strategies as st

from framing.pipeline import _SURROGATE, _storable


@given(st.text(alphabet=st.sampled_from("ab \u2014\u00e9\ud800\udfff\U0001f600"), max_size=20))
@settings(max_examples=300, deadline=None)
def test_equals_replacing_every_surrogate(text):
    assert _storable(text) == _SURROGATE.sub("\ufffd", text)


def test_offsets_kept_and_non_text_empty():
    assert _storable("a\ud800b") == "a\ufffdb"
    assert _storable("plain ascii") == "plain ascii"
    assert _storable(None) == ""
