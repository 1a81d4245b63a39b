"""Quotation spans: pairing, nesting, apostrophes, paragraphs, stray marks."""

from __future__ import annotations

import pytest

from framing.attribution import find_quotes


def _texts(s: str, paras: list[tuple[int, int]] | None = None) -> list[str]:
    return [s[q.start : q.end] for q in find_quotes(s, paras or [(0, len(s))])]


def test_curly_double_quotes_pair():
    assert _texts("“The bridge is safe,” the engineer said.") == ["The bridge is safe,"]


def test_nested_single_quote_inside_double():
    s = "“He told me ‘never again,’ and I believed him,” she said."
    quotes = find_quotes(s, [(0, len(s))])
    assert [(s[q.start : q.end], q.depth) for q in quotes] == [
        ("He told me ‘never again,’ and I believed him,", 0),
        ("never again,", 1),
    ]


def test_apostrophes_are_not_marks():
    s = "The workers’ union said it won’t strike. ‘We don’t know yet,’ she said."
    assert _texts(s) == ["We don’t know yet,"]


def test_decade_elision_is_not_a_quote():
    assert _texts("Back in the ’90s and the '80s it was calm.") == []


def test_every_mark_style_in_one_text():
    s = "“Curly” and \"straight\" and ''typewriter'' and ``tex'' and «guillemets» and „German“."
    assert _texts(s) == ["Curly", "straight", "typewriter", "tex", "guillemets", "German"]


def test_straight_quotes_decided_from_context():
    s = 'He said "yes" and then "no." Later "maybe'
    quotes = find_quotes(s, [(0, len(s))])
    assert [s[q.start : q.end] for q in quotes] == ["yes", "no.", "maybe"]
    assert [q.closed for q in quotes] == [True, True, False]


def test_interrupted_quote_gives_two_fragments():
    s = "“We will win,” he said, “and we will win soon.”"
    assert _texts(s) == ["We will win,", "and we will win soon."]


def test_quote_continues_into_reopening_paragraph():
    s = "“The first part runs on, the mayor said\n“and the second part ends here.”\nNext."
    paras = [(0, 39), (40, 72), (73, 78)]
    quotes = find_quotes(s, paras)
    assert len(quotes) == 2
    assert quotes[0].qid == quotes[1].qid
    assert quotes[1].continued and quotes[1].para_id == 1


def test_unclosed_quote_stops_at_paragraph_end():
    s = "“This never closes\nA plain paragraph."
    quotes = find_quotes(s, [(0, 18), (19, len(s))])
    assert [(s[q.start : q.end], q.closed) for q in quotes] == [("This never closes", False)]


@pytest.mark.parametrize(
    "s",
    ["", "»", "“", "” stray close", "odd “ count » here \" and '", "''", "«««", "’’’‘‘"],
)
def test_odd_and_stray_marks_never_raise(s):
    quotes = find_quotes(s, [(0, len(s))] if s else [])
    assert all(0 <= q.start <= q.end <= len(s) for q in quotes)


def test_long_text_is_handled():
    s = "“Quote,” he said. " * 2000
    assert len(find_quotes(s, [(0, len(s))])) == 2000
