"""Cues the frames used to miss (issue #4): own sentences, one behaviour per test."""

from __future__ import annotations

from framing.attribution import extract_attributions
from framing.segment import split_paragraphs


def _t(text: str, span):
    return text[span[0] : span[1]] if span else None


def _frames(text: str, cue_filter=None):
    atts, _ = extract_attributions(text, [(0, len(text))], cue_filter=cue_filter)
    return [(_t(text, a.cue), _t(text, a.source), [_t(text, c) for c in a.content]) for a in atts]


def _reject(*cues: str):
    return lambda text, att: _t(text, att.cue) not in cues


def test_cue_hidden_by_a_rejected_cue_is_proposed():
    s = "Figures reported last week suggest that the ferry will stop in May."
    assert [f[0] for f in _frames(s, lambda t, a: True)] == ["reported"]
    assert _frames(s, _reject("reported")) == [
        ("suggest", "Figures reported last week", ["the ferry will stop in May"])
    ]


def test_rejected_participle_in_the_subject_gives_way_to_the_verb():
    s = "A city survey published on Monday found that most residents back the park."
    got = _frames(s, _reject("published"))
    assert [(c, src) for c, src, _ in got] == [("found", "A city survey published on Monday")]


def test_markup_tag_name_is_no_cue():
    s = '<tweet id="7"><tweet/>. The mayor said the road will open soon.'
    assert [f[0] for f in _frames(s, lambda t, a: True)] == ["said"]


def test_middle_initial_stays_in_the_source_before_the_cue():
    s = "\u201cIt is a crime to be ignored,\u201d Maya D. Song wrote."
    assert _frames(s) == [("wrote", "Maya D. Song", ["It is a crime to be ignored,"])]


def test_middle_initial_stays_in_an_inverted_source():
    s = "\u201cWe are ready,\u201d said Chief Judge Ann K. Marsh. \u201cWe start today.\u201d"
    assert _frames(s)[0][:2] == ("said", "Chief Judge Ann K. Marsh")


def test_inverted_source_followed_by_a_parenthesis():
    s = "\u201cThe deal is weak,\u201d said Rep. Jim Hale (D-Ore.), the ranking member."
    assert _frames(s)[0][:2] == ("said", "Rep. Jim Hale")


def test_sentence_final_cue_takes_back_the_quotation_before_it():
    s = "The union, known as the Guild, \u201cwill keep fighting for fair pay,\u201d Ann Lee wrote."
    got = {f[0]: f for f in _frames(s)}
    assert got["wrote"] == ("wrote", "Ann Lee", ["will keep fighting for fair pay,"])
    assert got.get("known as", (None, None, []))[2] == []


def test_clause_before_cue_and_addressee_at_sentence_end():
    s = "The bridge will close in June, a city spokesman told The Harbor Times."
    assert _frames(s) == [("told", "a city spokesman", ["The bridge will close in June"])]


def _doc_frames(text: str):
    atts, _ = extract_attributions(text, split_paragraphs(text, "auto"), cue_filter=None)
    return [(a.para_id, _t(text, a.cue), a.speaker, [_t(text, c) for c in a.content]) for a in atts]


def test_cue_and_colon_ending_a_paragraph_take_the_quotation_opening_the_next():
    s = "The reporter Ann Lee says:\n\n\u201cThe hall is full and loud.\u201d\n\nThe doors closed."
    assert _doc_frames(s) == [(0, "says:", "Ann Lee", ["The hall is full and loud."])]


def test_cue_and_colon_ending_a_paragraph_without_a_quotation_next_is_no_attribution():
    s = "The reporter Ann Lee says:\n\nThe hall is full and loud.\n\nThe doors closed."
    assert [f[1] for f in _doc_frames(s)] == []


def test_declined_as_a_fall_is_no_refusal():
    s = "Ticket sales declined to $4 million. Visits declined in every region."
    assert _frames(s, lambda t, a: True) == []


def test_declined_with_an_object_or_alone_is_a_refusal():
    s = "Ann Lee declined an interview. The mayor declined."
    assert [f[:2] for f in _frames(s)] == [("declined", "Ann Lee"), ("declined", "The mayor")]


def test_closing_markup_tag_name_is_no_cue():
    s = "<note>The plan works.</tweet> The mayor said the road will open soon."
    assert [f[0] for f in _frames(s, lambda t, a: True)] == ["said"]


def test_name_before_a_chain_of_appositives_is_the_source():
    s = "\u201cI like her a lot,\u201d Ann Roe, 67, a retired nurse from Lyon, said on Monday."
    got = _frames(s)
    assert got[0][:2] == ("said", "Ann Roe")


def test_adverbial_opening_the_chain_is_no_source():
    s = "On Saturday, Ann Roe, the chair of the board, a lawyer, said the vote was fair."
    assert _frames(s)[0][:2] == ("said", "Ann Roe")


def test_contracted_auxiliary_opens_the_cue_and_the_pronoun_is_the_source():
    s = "He\u2019s not saying what he plans to do."
    assert _frames(s) == [("\u2019s not saying", "He", ["what he plans to do"])]


def test_cue_inside_a_later_reported_clause_is_nested_after_an_earlier_comma():
    s = "Ann Lee, who on Tuesday endorsed Roe, said Wednesday she agrees with the judge."
    got = _frames(s, lambda t, a: True)
    assert ("said Wednesday", "Ann Lee", ["she agrees with the judge"]) in got
    assert "agrees with" not in [f[0] for f in got]


def test_short_title_in_quotation_marks_before_the_cue_is_no_quotation_of_it():
    s = "On \u201cMorning Hour,\u201d Rep. Tom Lee said the ferry plan would fail."
    got = _frames(s)
    assert got[0][:2] == ("said", "Rep. Tom Lee")
    assert got[0][2][0].startswith("the ferry plan would fail")


def test_no_before_a_full_stop_ends_the_sentence():
    s = "Asked if he was bullied, the candidate said no. But he said bullying harms adults."
    assert ("said", "he", ["bullying harms adults"]) in _frames(s)


def test_abbreviation_before_a_pronoun_ends_the_sentence():
    s = "The talks were held in the U.S. He says the deal is close."
    assert _frames(s) == [("says", "He", ["the deal is close"])]


def test_paragraph_final_cue_and_colon_after_a_quotation_announces_the_next_one():
    s = (
        "Ann Lee: \u201cWe won the vote.\u201d The mayor then said:\n\n"
        "\u201cThe count is not over.\u201d\n\nThe doors closed."
    )
    assert [(f[1], f[3]) for f in _doc_frames(s)] == [
        (":", ["We won the vote."]),
        ("then said:", ["The count is not over."]),
    ]


def test_appositive_joined_by_and_before_the_cue():
    s = "Ann Lee, a club donor and president of the Harbor Trust, said the vote was fair."
    assert _frames(s) == [("said", "Ann Lee", ["the vote was fair"])]


def test_adverbial_opening_the_sentence_is_no_head_of_an_appositive():
    s = "Instead, the Vermont senator kept to his message, hoping voters will listen."
    sources = [src for cue, src, _ in _frames(s, lambda t, a: True) if cue == "hoping"]
    assert len(sources) == 1 and sources[0] != "Instead"


def test_a_noun_ending_in_ly_before_the_cue_is_the_subject_not_an_adverb():
    # "family" and "assembly" end in -ly but are nouns: the cue stays "said" and the
    # phrase before it is the source ("repeatedly said" keeps its adverb).
    for s, source in (
        ("A lawyer for the family said the ruling was unfair.", "A lawyer for the family"),
        ("The assembly said the vote was fair.", "The assembly"),
    ):
        atts, _ = extract_attributions(s, [(0, len(s))], cue_filter=None)
        assert [(s[a.cue[0] : a.cue[1]], s[a.source[0] : a.source[1]]) for a in atts] == [
            ("said", source)
        ]
