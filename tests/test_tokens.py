from framing.segment import tokenize


def words(text):
    return [text[s:e] for s, e in tokenize(text)]


def test_words_numbers_and_inner_punctuation():
    assert words("The U.S. plan's cost: $1,200.50 for AT&T, well-known.") == [
        "The",
        "U.S",
        "plan's",
        "cost",
        "1,200.50",
        "for",
        "AT&T",
        "well-known",
    ]


def test_punctuation_is_not_a_token():
    assert words("\u201c\u2014 ! ? ...\u201d") == []


def test_offsets_respect_range():
    text = "one two three"
    assert [text[s:e] for s, e in tokenize(text, 4, 13)] == ["two", "three"]
