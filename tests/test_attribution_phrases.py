"""Noun-phrase helpers of the attribution frames: the subject at a sentence start."""

from framing.attribution._phrases import _subject
from framing.attribution._tokens import _Para


def _subject_text(s: str, limit_word: str) -> str | None:
    p = _Para(s, 0, 0, len(s), [], s.lower())
    span = _subject(p, 0, p.words.index(limit_word))
    return None if span is None else s[p.starts[span[0]] : p.end(span[1] - 1)]


def test_subject_skips_a_leading_adverbial() -> None:
    s = "In New Hampshire, Rubio has railed against Christie."
    assert _subject_text(s, "has") == "Rubio"


def test_subject_skips_a_leading_participle_clause() -> None:
    s = "Facing a long night, Mr. Lee left the hall."
    assert _subject_text(s, "left") == "Mr. Lee"


def test_subject_skips_a_conjunction() -> None:
    s = "But she left the hall."
    assert _subject_text(s, "left") == "she"


def test_no_subject_after_an_adverbial_without_comma() -> None:
    s = "Here are some ways his campaign hopes to win."
    assert _subject_text(s, "hopes") is None


def test_near_subject_is_the_pronoun_or_name_right_before_the_verb() -> None:
    from framing.attribution._phrases import _near_subject

    s = "Inside the box was a gift he knew she would love."
    p = _Para(s, 0, 0, len(s), [], s.lower())
    k = p.words.index("knew")
    assert _near_subject(p, k, 0) == (k - 1, k)
    s = "The bill did exactly what Senate Republicans wanted."
    p = _Para(s, 0, 0, len(s), [], s.lower())
    k = p.words.index("wanted")
    a, b = _near_subject(p, k, 0)
    assert s[p.starts[a] : p.end(b - 1)] == "Senate Republicans"
    assert _near_subject(p, p.words.index("exactly"), 0) is None


def test_subject_of_a_modifier_and_a_noun_before_a_comma_is_whole() -> None:
    s = "The tentative deal, announced Friday, would last four years."
    assert _subject_text(s, "would") == "The tentative deal"


def test_subject_with_an_of_phrase_runs_to_its_verb() -> None:
    s = "A group of former drivers has sued the firm."
    assert _subject_text(s, "sued") == "A group of former drivers"


def test_subject_not_every_is_the_quantified_phrase() -> None:
    s = "Not every speaker opposed the closure."
    assert _subject_text(s, "opposed") == "Not every speaker"
