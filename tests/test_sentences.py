"""Tests of the rule-based sentence splitter (framing.segment._sentences)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.segment import segment, split_sentences

GOLD = Path(__file__).resolve().parent / "data" / "sentences_gold.jsonl"


def _load_gold() -> list[dict]:
    with GOLD.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _split(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


# --- hard cases, one family per test (our own sentences, not the gold set) -------------------

TITLES = [
    ["Mr. Ortiz and Mrs. Ortiz met Ms. Lane.", "They talked."],
    ["Dr. Yu and Prof. Kahn disagreed.", "Nobody was surprised."],
    ["The call came from Mr. Bell.", "He was angry."],
]
POLITICIANS = [
    ["Sen. Ava Cho (D-Mass.) voted no.", "Rep. Li Wen (R-Texas) voted yes."],
    ["Gov. Ruth Ames vetoed it.", "The Legislature may override her."],
    ["The bill came from Sen. Tom Hale (D-Mass.).", "It failed."],
]
MILITARY = [
    ["Lt. Gen. Ida Moss took command.", "Col. Ray Dunn is her deputy."],
    ["Gen. Osei retired in May.", "Maj. Ford replaced him."],
]
COUNTRIES = [
    ["The U.S. and the U.K. agreed.", "The U.N. did not."],
    ["Troops left the U.S.", "They flew east."],
    ["U.S. officials met U.N. envoys in Paris.", "The talks ran late."],
]
MONTHS = [
    ["The law took effect Jan. 15 in most states.", "Some delayed it to Feb. 1."],
    ["The Sept. 12 vote was close.", "A recount followed."],
]
TIMES = [
    ["The store opens at 8 a.m. and closes at noon.", "It is shut on Sundays."],
    ["The vote ended at 5 p.m.", "She left."],
    ["Polls open at 7 a.m. Tuesday across the state.", "Lines are expected."],
    ["The blast was heard at 9:40 p.m.", "Residents called the police."],
]
COMPANIES = [
    ["Pellan Inc. and Vorr Corp. merged.", "Shares of Brask Co. Ltd. fell."],
    ["He sold the shop to Pellan Inc.", "The price was not disclosed."],
]
SAINT_STREET = [
    ["They prayed at St. Anne’s Church.", "It was full."],
    ["The office is on Canal St.", "It opens at nine."],
]
NUMBERS = [
    ["He lives at No. 10 and works at No. 12.", "Both are on the square."],
    ["Prices rose 3.5% and wages 2.75%.", "That was in 2024."],
]
LATIN = [
    ["It was Smith vs. Jones in court.", "Smith won."],
    ["Some towns, e.g. Ely, and some cities, i.e. big ones, agreed.", "Others waited."],
]
ETC = [
    ["He bought pens, ink, paper, etc. and went home.", "It rained."],
    ["He bought pens, ink, paper, etc.", "Then he left."],
]
DEGREES_INITIALS = [
    ["She earned a Ph.D. in physics.", "Then she taught."],
    ["J. R. Fenn Jr. owns the team.", "His son runs it."],
    ["The author, A. B. Carr, spoke.", "The crowd listened."],
]
QUOTES = [
    ["“Why now?” she asked.", "He shrugged."],
    ["“Stop!” he shouted.", "She ran."],
    ["“Why now?” Ms. Reed asked.", "He shrugged."],
    ["“Is it over?”", "Nobody answered the question for an hour."],
    ["“It is over.”", "The mayor left the room."],
    ["He said, “We’re done.”", "Then he walked out."],
    ["‘Not again.’", "She sighed."],
]
ELLIPSES = [
    ["It was ... fine, he said.", "He left."],
    ["It was … fine, he said.", "He left."],
    ["We waited...", "Nobody came."],
    ["We waited…", "Nobody came."],
]
LISTS = [
    ["The plan has two steps.", "1. Cut costs.", "2. Hire staff."],
    ["It lists: 1. roads; 2. schools.", "Funding is unclear."],
]
BRACKETS = [
    ["The vote (held at night) passed.", "(A recount is planned.)", "Critics objected."],
    ["He said the funds [from donors] were spent.", "The audit disagreed."],
]
NO_FINAL_PUNCT = [
    ["The first sentence ends here.", "The second does not"],
]
QUESTIONS = [
    ["Will it pass?", "Few think so!", "The vote is today."],
]

FAMILIES = {
    "titles": TITLES,
    "politicians": POLITICIANS,
    "military": MILITARY,
    "countries": COUNTRIES,
    "months": MONTHS,
    "times": TIMES,
    "companies": COMPANIES,
    "saint_street": SAINT_STREET,
    "numbers": NUMBERS,
    "latin": LATIN,
    "etc": ETC,
    "degrees_initials": DEGREES_INITIALS,
    "quotes": QUOTES,
    "ellipses": ELLIPSES,
    "lists": LISTS,
    "brackets": BRACKETS,
    "no_final_punct": NO_FINAL_PUNCT,
    "questions": QUESTIONS,
}


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_hard_case_family(family: str) -> None:
    for sentences in FAMILIES[family]:
        text = " ".join(sentences)
        assert _split(text) == sentences, text


def test_straight_quotes_behave_like_curly_ones() -> None:
    assert _split('"Why now?" she asked. He shrugged.') == ['"Why now?" she asked.', "He shrugged."]
    assert _split('"It is over." The mayor left.') == ['"It is over."', "The mayor left."]


def test_line_breaks_inside_a_paragraph_are_white_space() -> None:
    text = "Mr. Cole said\nno. He left\nearly."
    assert _split(text) == ["Mr. Cole said\nno.", "He left\nearly."]


# --- gold set ------------------------------------------------------------------------------------


def test_gold_file_is_well_formed() -> None:
    rows = _load_gold()
    assert len(rows) >= 60
    assert len({r["id"] for r in rows}) == len(rows)
    assert sum(r["id"].startswith("held-") for r in rows) >= 20
    for r in rows:
        assert " ".join(r["sentences"]) == r["text"], r["id"]


def test_gold_accuracy() -> None:
    rows = _load_gold()
    right = sum(_split(r["text"]) == r["sentences"] for r in rows)
    assert right / len(rows) >= 0.95


# --- offsets and edge cases ----------------------------------------------------------------------


def _check_spans(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    prev = start
    for s, e in spans:
        assert prev <= s < e <= end
        assert text[s:e] == text[s:e].strip()
        prev = e
    covered = set()
    for s, e in spans:
        covered.update(range(s, e))
    for i in range(start, end):
        if not text[i].isspace():
            assert i in covered


@pytest.mark.parametrize("row", _load_gold()[:10], ids=lambda r: r["id"])
def test_offsets_invariant_on_gold_subranges(row: dict) -> None:
    text = "  \n" + row["text"] + " \t "
    n = len(text)
    for start, end in [(0, n), (3, n - 3), (10, n // 2), (n // 2, n), (5, 5)]:
        _check_spans(text, start, end, split_sentences(text, start, end))


_PIECES = st.sampled_from(
    ["Mr.", "U.S.", "a.m.", "etc.", "No.", "He", "she", "said", "1.", "3.5%", "...", "…", "?", "!"]
    + ["“", "”", "‘", "’", '"', "(", ")", "[", "]", ".", " ", "\n", "\u00a0", "J.", "St.", "x"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=40), st.integers(0, 200), st.integers(0, 200))
def test_offsets_invariant_random(pieces: list[str], a: int, b: int) -> None:
    text = "".join(pieces)
    start, end = min(a, b, len(text)), min(max(a, b), len(text))
    _check_spans(text, start, end, split_sentences(text, start, end))


def test_end_none_means_end_of_text() -> None:
    text = "One. Two."
    assert split_sentences(text, 5) == split_sentences(text, 5, None) == [(5, 9)]


@pytest.mark.parametrize("text", ["", " ", "\n\t \u00a0 "])
def test_empty_or_blank_input(text: str) -> None:
    assert split_sentences(text) == []


def test_long_input_without_sentence_ends() -> None:
    text = " ".join(["word"] * 50_000)
    assert split_sentences(text) == [(0, len(text))]
    blob = "x" * 100_000
    assert split_sentences(blob) == [(0, len(blob))]


def test_no_final_punctuation_single_sentence() -> None:
    assert _split("  breaking news from the capital  ") == ["breaking news from the capital"]


def test_segment_uses_the_splitter() -> None:
    doc = segment("Mr. Lee left at 5 p.m. She stayed.\n\nSen. Ray (D-Mass.) spoke.", doc_id="d")
    got = [[doc.text[s:e] for s, e in p.sentences] for p in doc.paragraphs]
    assert got == [["Mr. Lee left at 5 p.m.", "She stayed."], ["Sen. Ray (D-Mass.) spoke."]]
