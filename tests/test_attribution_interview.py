"""Interview transcripts: turn labels and whose voice "I" and "you" are (own texts)."""

from framing.attribution import extract_attributions
from framing.attribution._interview import interview_turns, turn_at
from framing.segment import split_paragraphs

_QA = (
    "Marit Solheim runs the Nordvik lifeboat station.\n"
    "Q: You said the winter was hard. How hard?\n"
    "A: I said it was the worst I have seen.\n"
    "Q: What would you tell the council?\n"
    "A: Come out with us once.\n"
)


def _speakers(text: str) -> list[tuple[str | None, str]]:
    atts, _ = extract_attributions(text, split_paragraphs(text, "line"), cue_filter=None)
    return [(a.speaker, a.speaker_type) for a in atts]


def test_turns_need_two_questions_and_two_answers():
    assert [kind for _, kind in interview_turns(_QA)] == ["q", "a", "q", "a"]
    assert interview_turns("Q: Why?\nA: Because.\n") == []


def test_turn_at_gives_the_turn_an_offset_lies_in():
    turns = interview_turns(_QA)
    assert turn_at(turns, _QA.index("worst")) == "a"
    assert turn_at(turns, _QA.index("council")) == "q"
    assert turn_at(turns, 0) is None


def test_i_answering_and_you_asked_are_the_interviewee():
    assert _speakers(_QA) == [("Marit Solheim", "person")] * 2


def test_i_outside_an_interview_is_the_author():
    assert _speakers("I said the winter was hard.") == [("author", "author")]
