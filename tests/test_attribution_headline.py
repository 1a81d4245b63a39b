"""Headline attributions: ``Name: claim`` opening a paragraph."""

from framing.attribution import extract_attributions
from framing.attribution._headline import headline_attributions


def _head(s: str):
    return headline_attributions(s, 0, 0, len(s), [])


def test_name_colon_claim_is_an_attribution() -> None:
    s = "Senator Ann Lee: The budget will not pass this year."
    att = _head(s)
    assert att is not None
    assert s[att.source[0] : att.source[1]] == "Senator Ann Lee"
    assert s[att.cue[0] : att.cue[1]] == ":"
    assert s[att.content[0][0] : att.content[0][1]] == "The budget will not pass this year."


def test_labels_are_not_sources() -> None:
    for s in (
        "The Latest: Voters head to the polls in three states.",
        "UPDATE: The vote was moved to Friday afternoon.",
        "Editor's Note: This article was corrected on Monday.",
        "Q: What will you do about the budget this year?",
    ):
        assert _head(s) is None, s


def test_kickers_and_topic_labels_are_not_sources() -> None:
    for s in (
        "Breaking: The council just voted to close the harbor.",
        "Wow: The mayor just said something nobody expected.",
        "Harbor Fever Outbreak: Nine towns now report cases of the illness.",
        "Budget Update: The council votes on the plan next week.",
    ):
        assert _head(s) is None, s


def test_a_quotation_after_the_colon_is_left_to_the_quote_frames() -> None:
    assert _head("Ann Lee: \u201cThe budget will not pass this year.\u201d") is None


def test_speaker_is_resolved_for_a_headline() -> None:
    s = "Ann Lee: The budget will not pass this year.\n\nLee spoke in Dover on Monday."
    atts, _ = extract_attributions(s, [(0, 44), (46, len(s))])
    assert [(a.speaker, s[a.cue[0] : a.cue[1]]) for a in atts][:1] == [("Ann Lee", ":")]


def test_poll_lead_in_is_an_attribution_to_the_poll() -> None:
    s = "Turnout was low. In a new county survey released Monday, most voters backed the plan."
    atts, _ = extract_attributions(s, [(0, len(s))])
    att = next(a for a in atts if s[a.cue[0] : a.cue[1]] == "In")
    assert s[att.source[0] : att.source[1]] == "a new county survey released Monday"
    assert s[att.content[0][0] : att.content[0][1]] == "most voters backed the plan"


def test_other_lead_ins_are_not_polls() -> None:
    from framing.attribution._headline import poll_attributions

    s = "In a statement on Monday, the mayor backed the plan."
    assert poll_attributions(s, 0, 0, len(s)) == []


def test_every_poll_lead_in_of_a_paragraph_is_found() -> None:
    from framing.attribution._headline import poll_attributions

    s = (
        "Indeed, turnout was low. In a new Independent poll, most voters backed the plan. "
        "In the state survey, 40 percent of them opposed it."
    )
    atts = poll_attributions(s, 0, 0, len(s))
    assert [s[a.source[0] : a.source[1]] for a in atts] == [
        "a new Independent poll",
        "the state survey",
    ]


def test_a_headline_is_found_in_a_later_paragraph_after_colons_elsewhere() -> None:
    s = "At 10:30 the vote began.\nAnn Lee: The budget will not pass this year."
    atts, _ = extract_attributions(s, [(0, 24), (25, len(s))])
    assert [(a.para_id, s[a.source[0] : a.source[1]]) for a in atts] == [(1, "Ann Lee")]
