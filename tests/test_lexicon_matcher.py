"""The matcher: phrases before words, wildcards, case rules, negation scope."""

from __future__ import annotations

import pytest

from framing.lexicon import Entry, Lexicon, Matcher


def matcher(*entries: Entry, **kw: int) -> Matcher:
    return Matcher(Lexicon(list(entries), {"name": "t"}), **kw)


def found(m: Matcher, text: str) -> list[tuple[str, tuple[str, ...], bool]]:
    return [(text[a:b], x.categories, x.negated) for a, b, x in m.match_text(text)]


def test_phrase_wins_over_its_words() -> None:
    m = matcher(Entry("deep state", "conspiracy"), Entry("state", "polity"), Entry("deep", "depth"))
    assert found(m, "The deep state and the state.") == [
        ("deep state", ("conspiracy",), False),
        ("state", ("polity",), False),
    ]


def test_longest_phrase_first() -> None:
    m = matcher(Entry("radical left", "label"), Entry("radical left mob", "smear"))
    assert found(m, "a radical left mob") == [("radical left mob", ("smear",), False)]


def test_wildcard_prefix_and_exact_precedence() -> None:
    m = matcher(Entry("attack*", "fight"), Entry("attacker", "person"), Entry("att*", "short"))
    assert found(m, "attacks attack attacker attic") == [
        ("attacks", ("fight",), False),
        ("attack", ("fight",), False),
        ("attacker", ("person",), False),
        ("attic", ("short",), False),
    ]


def test_wildcard_at_end_of_phrase() -> None:
    m = matcher(Entry("witch hunt*", "smear"))
    assert [t for t, _, _ in found(m, "a witch hunting trip, a witch trial")] == ["witch hunting"]


def test_case_insensitive_by_default_and_exact_when_asked() -> None:
    m = matcher(Entry("thug", "smear"), Entry("Big Tech", "label", case_sensitive=True))
    assert [t for t, _, _ in found(m, "THUG big tech Big Tech")] == ["THUG", "Big Tech"]


def test_term_with_several_categories_is_one_match() -> None:
    m = matcher(Entry("slam", "hyperbole"), Entry("slam", "conflict"))
    (match,) = m.match(["They", "slam", "it"])
    assert sorted(match.categories) == ["conflict", "hyperbole"]


def test_duplicate_entries_keep_highest_intensity() -> None:
    m = matcher(Entry("slam", "hyperbole", 0.2), Entry("Slam", "hyperbole", 0.9))
    (match,) = m.match(["slam"])
    assert match.intensity == 0.9


@pytest.mark.parametrize(
    ("text", "negated"),
    [
        ("This is not a disaster", True),
        ("It wasn't a disaster", True),
        ("never ever a disaster", True),
        ("not at all, but a disaster", False),
        ("Not true. A disaster", False),
        ("not one two three a disaster", False),
        ("A disaster", False),
    ],
)
def test_negation_scope(text: str, negated: bool) -> None:
    m = matcher(Entry("disaster", "hyperbole", polarity=-1.0))
    ((_, _, match),) = m.match_text(text)
    assert match.negated is negated
    assert match.polarity == (1.0 if negated else -1.0)


def test_negation_window_is_a_parameter() -> None:
    m = matcher(Entry("disaster", "x"), negation_window=5)
    assert found(m, "not one two three a disaster")[0][2] is True


def test_curly_apostrophe_in_term_matches_normalised_token() -> None:
    m = matcher(Entry("can\u2019t-miss", "hype"))
    assert found(m, "a can't-miss deal")[0][0] == "can't-miss"


def test_no_match_gives_empty_list_and_cache_is_consistent() -> None:
    m = matcher(Entry("thug", "smear"))
    assert m.match(["nothing", "here"]) == []
    assert m.match(["nothing", "thug"])[0].start == 1
