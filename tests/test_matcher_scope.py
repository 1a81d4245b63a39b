"""Matcher.clause_scope gives what a second match with token offsets gives."""

import pytest
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


MANY_LEX = [
    Entry("deep state", "conspiracy"),
    Entry("deep state actors", "conspiracy"),
    Entry("state", "polity"),
    Entry("sham", "delegit"),
    Entry("the elite", "populist"),
    Entry("the radical left", "label"),
    Entry("so called*", "delegit"),
    Entry("not", "hedge"),
]
MANY_PIECES = [
    "not", "never", "didn't", "the", "The", "deep", "state", "actors", "sham", "elite",
    "radical", "left", "so", "called", "calledx", "but", "yet", "a",
]  # fmt: skip
SEQUENCES = st.lists(st.lists(st.sampled_from(MANY_PIECES), max_size=12), max_size=6)


@given(SEQUENCES, st.integers(0, 4))
@settings(max_examples=400, deadline=None)
def test_match_many_equals_matching_each_sequence(seqs, window):
    # the reference matches with a prefix entry that never matches: the per-word cache path
    reference = Matcher(
        Lexicon([*MANY_LEX, Entry("zzzq*", "never")], {"name": "demo"}), negation_window=window
    )
    matcher = Matcher(Lexicon(MANY_LEX, {"name": "demo"}), negation_window=window)
    lower = [[w.lower() for w in s] for s in seqs]
    expected = [reference.match(s, lower=lw) for s, lw in zip(seqs, lower, strict=True)]
    assert matcher.match_many(seqs, lower) == expected
    assert [matcher.match(s, lower=lw) for s, lw in zip(seqs, lower, strict=True)] == expected


@given(SEQUENCES)
@settings(max_examples=100, deadline=None)
def test_match_many_with_wildcards_and_case_matches_each_sequence(seqs):
    lex = Lexicon(
        [*MANY_LEX, Entry("sha*", "short"), Entry("State", "named", case_sensitive=True)],
        {"name": "demo"},
    )
    matcher = Matcher(lex)
    lower = [[w.lower() for w in s] for s in seqs]
    expected = [matcher.match(s, lower=lw) for s, lw in zip(seqs, lower, strict=True)]
    assert matcher.match_many(seqs, lower) == expected


def test_match_many_needs_one_lower_sequence_per_word_sequence():
    with pytest.raises(ValueError, match="as many"):
        Matcher(LEX).match_many([["a"]], [])
