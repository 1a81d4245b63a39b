"""Matcher.clause_scope gives what a second match with token offsets gives."""

from hypothesis import given, settings
from hypothesis import strategies as st

from framing.lexicon import Entry, Lexicon, Matcher
from framing.segment import TOKEN_PATTERN

LEX = Lexicon(
    [Entry("attack*", "hostility"), Entry("deep state", "conspiracy"), Entry("sham", "delegit")],
    {"name": "demo"},
)
PIECES = ["not", "never", "didn't", "attack", "attacks", "deep", "state", "sham", "the", "but"]
SEPARATORS = [" ", ", ", ". ", "; ", " - "]


@given(st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from(SEPARATORS)), max_size=14))
@settings(max_examples=400, deadline=None)
def test_equals_matching_with_offsets(parts):
    text = "".join(w + sep for w, sep in parts)
    spans = [m.span() for m in TOKEN_PATTERN.finditer(text)]
    words = [text[a:b] for a, b in spans]
    lower = [w.lower() for w in words]
    matcher = Matcher(LEX)
    plain = matcher.match(words, lower=lower)
    assert matcher.clause_scope(plain, lower, spans, text) == matcher.match(
        words, spans, text, lower
    )


def test_negator_behind_a_full_stop_is_dropped():
    text = "We did not. Attack them."
    spans = [m.span() for m in TOKEN_PATTERN.finditer(text)]
    words = [text[a:b] for a, b in spans]
    matcher = Matcher(LEX)
    plain = matcher.match(words)
    assert [m.negated for m in plain] == [True]
    lower = [w.lower() for w in words]
    assert [m.negated for m in matcher.clause_scope(plain, lower, spans, text)] == [False]
