"""Quotation marks and paragraph bounds: marks outside every paragraph, continuations."""

from __future__ import annotations

from framing.attribution import find_quotes


def _lines(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for line in text.split("\n"):
        out.append((start, start + len(line)))
        start += len(line) + 1
    return out


def test_a_quotation_continues_through_a_paragraph_that_only_reopens_it() -> None:
    text = '"One\n"Two\n"Three," she said.'
    quotes = find_quotes(text, _lines(text))
    got = [(text[q.start : q.end], q.para_id, q.closed, q.continued, q.qid) for q in quotes]
    assert got == [
        ("One", 0, False, False, 1),
        ("Two", 1, False, True, 1),
        ("Three,", 2, True, True, 1),
    ]


def test_a_mark_between_paragraphs_pairs_with_nothing() -> None:
    text = 'He said "yes."\n"\nShe said "no."'
    first, _, last = _lines(text)
    quotes = find_quotes(text, [first, last])
    assert [(text[q.start : q.end], q.para_id, q.closed) for q in quotes] == [
        ("yes.", 0, True),
        ("no.", 1, True),
    ]


def test_a_text_without_marks_has_no_quotation() -> None:
    text = "No quotation here.\nNor here."
    assert find_quotes(text, _lines(text)) == []
