import pytest

from framing.segment import split_paragraphs


def texts(text, mode="auto"):
    return [text[s:e] for s, e in split_paragraphs(text, mode)]


def test_one_paragraph_per_line():
    assert texts("First para.\nSecond para.\r\nThird.") == ["First para.", "Second para.", "Third."]


def test_blank_lines_and_surrounding_space_are_dropped():
    assert texts("\n\n  Alpha.  \n\n\n Beta.\n") == ["Alpha.", "Beta."]


def test_hard_wrapped_block_is_one_paragraph():
    block = (
        "The ministry said on Tuesday that the negotiations\n"
        "would resume next week in the capital, despite the\n"
        "objections of the opposition.\n\nA second paragraph."
    )
    out = texts(block)
    assert len(out) == 2
    assert out[0].startswith("The ministry") and out[0].endswith("opposition.")


def test_blank_mode_joins_lines():
    assert texts("a\nb\n\nc", "blank") == ["a\nb", "c"]


def test_line_mode_splits_wrapped_block():
    block = "x" * 50 + "\n" + "y" * 50
    assert len(texts(block, "line")) == 2
    assert len(texts(block, "auto")) == 1


def test_unknown_mode_raises():
    with pytest.raises(ValueError, match="mode"):
        split_paragraphs("a", "words")  # type: ignore[arg-type]


def test_only_whitespace_gives_nothing():
    assert split_paragraphs(" \n\t\n ") == []


def test_short_one_line_paragraphs_are_not_joined():
    text = "The minister said the plan was dead.\nCritics called it a farce. Mr. Lee disagreed."
    assert len(texts(text)) == 2


def test_lines_with_room_for_the_next_word_are_not_wrapped():
    text = (
        "A short first line that ends early\n"
        "and a much longer second line that goes on and on to the end\nlast"
    )
    assert len(texts(text)) == 3
