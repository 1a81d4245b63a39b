"""TokenBounds: sentences' stance tokens found at once equal each sentence's own."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from framing.stance._sentence_tokens import _split, tokenize_sentence
from framing.stance._token_bounds import TokenBounds

# Word characters, the joiners of TOKEN_RE, punctuation, curly quotes and dashes (folded
# to ASCII), white space, and letters that are not ASCII or lengthen when lower-cased.
_ALPHABET = "abZ9_'-.&,;:!?\"()\u2019\u201c\u201d\u2014 \n\u00e9\u00df\u0130\u03a3"


def test_words_and_offsets_of_a_sentence():
    text = "He said: \u201cIt\u2019s U.S.-made.\u201d Then he left."
    starts, ends, words = TokenBounds(text, [(0, 26)]).sentence(0, 26)
    assert words == ["he", "said", ":", '"', "it's", "u.s", ".", "-", "made", ".", '"']
    assert [text[a:b] for a, b in zip(starts, ends, strict=True)][4] == "It\u2019s"


def test_second_sentence_takes_only_its_own_tokens():
    text = "We won. They lost (badly)."
    starts, ends, words = TokenBounds(text, [(0, 7), (8, 26)]).sentence(8, 26)
    assert words == ["they", "lost", "(", "badly", ")", "."]
    assert (starts[0], ends[-1]) == (8, 26)


def test_sentences_that_touch_are_each_tokenised_alone():
    text = "It's U.S.-made."  # "It'" | "s U.S.-made.": no space between them
    bounds = TokenBounds(text, [(0, 3), (3, 15)])
    assert bounds.sentence(0, 3)[2] == ["it", "'"]
    assert bounds.sentence(3, 15)[2] == ["s", "u.s", ".", "-", "made", "."]


def test_a_sentence_overlapping_an_earlier_one_is_left_to_the_sentence_alone():
    text = "We won. They lost."
    bounds = TokenBounds(text, [(0, 7), (0, 18)])
    assert bounds.sentence(0, 7) is not None
    assert bounds.sentence(0, 18) is None
    assert bounds.sentence(8, 18) is None  # (not asked for)


def test_text_that_lengthens_when_lower_cased_takes_the_sentence_path():
    text = "\u0130stanbul said no."
    bounds = TokenBounds(text, [(0, len(text))])
    assert bounds.sentence(0, len(text)) is None
    toks = tokenize_sentence(text, 0, len(text), (), None, bounds)
    assert toks.words[1:] == ["said", "no", "."]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=60), st.data())
def test_equals_tokenising_each_sentence_alone(text, data):
    cuts = sorted(set(data.draw(st.lists(st.integers(0, len(text)), max_size=3)) + [0, len(text)]))
    spans = list(zip(cuts, cuts[1:], strict=False))
    bounds = TokenBounds(text, spans)
    for start, end in spans:
        got = bounds.sentence(start, end)
        if got is not None:
            assert got == _split(text, start, end)
