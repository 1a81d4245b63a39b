"""Passive cues: the subject is no source; the ``by`` agent is."""

import pytest

from framing.attribution import load_reporting_verbs
from framing.attribution._frames import Attribution
from framing.attribution._passive import passive_sources


def _att(text: str, cue: str, source: str) -> Attribution:
    c = text.index(cue)
    s = text.index(source)
    return Attribution(0, (c, c + len(cue)), "neutral", "speech", (s, s + len(source)))


def test_passive_without_agent_has_no_source() -> None:
    s = "The senator is expected to announce a run next week."
    att = _att(s, "is expected", "The senator")
    passive_sources(s, [att])
    assert att.source is None


def test_passive_with_agent_takes_the_agent() -> None:
    s = "The bill was endorsed by the state's largest union on Friday."
    att = _att(s, "was endorsed", "The bill")
    passive_sources(s, [att])
    assert att.source is not None
    assert s[att.source[0] : att.source[1]] == "the state's largest union"
    assert [s[a:b] for a, b in att.content] == ["The bill"]
    assert s[att.cue[0] : att.cue[1]] == "was endorsed"


def test_active_cue_keeps_its_source() -> None:
    s = "The senator has argued that the plan fails."
    att = _att(s, "has argued", "The senator")
    passive_sources(s, [att])
    assert att.source is not None and s[att.source[0] : att.source[1]] == "The senator"


def test_agent_stops_at_a_clause_word() -> None:
    s = "She was asked by host John Dickerson whether she would run."
    att = _att(s, "was asked", "She")
    passive_sources(s, [att])
    assert att.source is not None
    assert s[att.source[0] : att.source[1]] == "host John Dickerson"


def test_mental_state_participle_keeps_its_source() -> None:
    s = "The senator is convinced that the plan fails."
    att = _att(s, "is convinced", "The senator")
    passive_sources(s, [att])
    assert att.source is not None and s[att.source[0] : att.source[1]] == "The senator"


def test_passive_without_agent_puts_the_subject_first_in_the_content() -> None:
    s = "The ferry vote is expected to slip to May."
    att = _att(s, "is expected", "The ferry vote")
    att.content = [(s.index("to slip"), len(s) - 1)]
    passive_sources(s, [att])
    assert [s[a:b] for a, b in att.content] == ["The ferry vote", "to slip to May"]


def test_subject_joins_a_content_before_it_in_text_order() -> None:
    # The rules may take the words before the subject as content; the subject is added
    # after them, so that the content's first fragment starts first and the quotes row
    # never ends before it starts.
    s = "On Friday, the closure of the ferry line was announced."
    att = _att(s, "was announced", "the closure of the ferry line")
    att.content = [(0, len("On Friday"))]
    passive_sources(s, [att])
    assert [s[a:b] for a, b in att.content] == ["On Friday", "the closure of the ferry line"]


def test_quotes_rows_never_end_before_they_start() -> None:
    import framing

    text = "Critics met on Monday.\n\nOn Friday, the closure of the ferry line was announced."
    quotes = framing.analyze(text).quotes
    assert len(quotes) > 0
    ok = quotes.content_start.isna() | (quotes.content_start <= quotes.content_end)
    assert ok.all()


@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        ("The court seemed to side with the city.", "seemed", "The court"),
        ("The deal may appear generous at first.", "may appear", "The deal"),
        ("The mayor has reportedly told aides she will run.", "has reportedly", "The mayor"),
        ("The pact known as the Harbor Accord ends in May.", "known as", "The pact"),
    ],
)
def test_the_subject_of_seem_appear_reportedly_is_no_source(text, cue, source) -> None:
    att = _att(text, cue, source)
    passive_sources(text, [att])
    assert att.source is None
    assert [text[a:b] for a, b in att.content] == [source]


def test_a_speech_cue_keeps_its_subject_as_source() -> None:
    s = "The court said it would side with the city."
    att = _att(s, "said", "The court")
    passive_sources(s, [att])
    assert att.source is not None


def test_seem_before_a_speech_verb_keeps_the_subject_as_source() -> None:
    s = "Mr. Roe seemed to mock the plan in his speech."
    att = _att(s, "seemed", "Mr. Roe")
    passive_sources(s, [att], load_reporting_verbs())
    assert att.source is not None and s[att.source[0] : att.source[1]] == "Mr. Roe"


def test_first_reported_by_takes_the_agent() -> None:
    s = "The meeting was first reported by The Harbor Times."
    att = _att(s, "was first reported", "The meeting")
    passive_sources(s, [att])
    assert att.source is not None and s[att.source[0] : att.source[1]] == "The Harbor Times"
