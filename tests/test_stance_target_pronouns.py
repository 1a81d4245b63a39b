"""Pronoun resolution of the target matcher: rival names between a pronoun and its antecedent."""

from __future__ import annotations

from framing.segment import segment
from framing.stance import TargetMatcher

_TARGETS = {"China": ["Xi Jinping"], "Russia": ["Putin"]}


def _pronouns(text: str) -> list[tuple[str, str]]:
    doc = segment(text)
    found = TargetMatcher(_TARGETS, expand=False).find(doc)
    return [(doc.text[m.start : m.end], m.target) for m in found if m.kind == "pronoun"]


def test_capitalised_words_inside_a_mention_are_no_rival() -> None:
    # "Jinping" lies inside the mention "Xi Jinping", after its start.
    assert _pronouns("China, led by Xi Jinping, raised its tariffs.") == [("its", "China")]


def test_capitalised_word_outside_any_mention_blocks_the_pronoun() -> None:
    assert _pronouns("China, led by Li Qiang, raised its tariffs.") == []


def test_title_before_a_pronoun_is_no_rival() -> None:
    assert _pronouns("Putin, the President, said he would go.") == [("he", "Russia")]


def test_person_pronoun_takes_the_latest_person_mention() -> None:
    got = _pronouns("Putin met Xi Jinping. He smiled.")
    assert got == [("He", "China")]


def test_pronoun_before_the_paragraphs_first_mention_refers_to_the_previous_paragraph() -> None:
    assert _pronouns("Putin arrived.\nThen he met Xi Jinping.") == [("he", "Russia")]
