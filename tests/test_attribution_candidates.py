"""Cue candidates: lexicon hits and learned cues decided on a word's first look-up."""

import pytest

from framing.attribution import _candidates as candidates_module
from framing.attribution._candidates import LearnedCues, _candidates, cue_bucket
from framing.attribution._tokens import _tokens
from framing.attribution._verbs import load_reporting_verbs


def _cands(text: str, prior: LearnedCues | None) -> list[tuple[str, str]]:
    low = text.lower()
    starts, words = _tokens(low, 0, len(text))[:2]
    found = _candidates(text, 0, starts, words, None, load_reporting_verbs(), prior)
    return [(text[c.start : c.end], c.entry.cls) for c in found]


def test_a_learned_word_is_a_candidate_only_with_the_prior() -> None:
    text = "The mayor zorbled that the plan failed, officials said."
    prior = LearnedCues(frozenset({cue_bucket("zorbled")}))
    said = [c for c in _cands(text, None) if c[0] == "said"]
    assert said and ("zorbled", "other") not in _cands(text, None)
    assert ("zorbled", "other") in _cands(text, prior)
    assert said[0] in _cands(text, prior)


def test_the_learned_table_keeps_its_first_answer() -> None:
    lex = load_reporting_verbs()
    prior = LearnedCues(frozenset({cue_bucket("zorbled")}))
    table = prior.table_for(lex)
    assert "zorbled" not in table and "plates" not in table
    _cands("He zorbled about plates.", prior)
    assert table["zorbled"][0].lemma == "zorbled" and table["plates"] is None
    assert prior.table_for(lex) is table


def test_a_full_learned_table_still_answers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(candidates_module, "_TABLE_CAP", 0)
    prior = LearnedCues(frozenset({cue_bucket("zorbled")}))
    table = prior.table_for(load_reporting_verbs())
    size = len(table)
    assert ("zorbled", "other") in _cands("Ann zorbled and zorbled again.", prior)
    assert len(table) == size
