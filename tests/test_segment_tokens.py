"""The fast word tokenizer gives exactly what the token regular expression gives."""

from hypothesis import given, settings
from hypothesis import strategies as st

from framing.segment import TOKEN_PATTERN, segment
from framing.segment._tokens import paragraph_words, separate_words, token_spans, word_tokens

# Letters, digits, "_", joiners, other punctuation, white space and a few non-ASCII
# word and non-word characters (Greek, accented, ideographs, combining marks, dashes).
ALPHABET = "aZ9_'-.,&/\"()!?;: \n\t\u00a0\u00e9\u03a3\u4e2d\u0301\u2014\u2026$_"
# ... and for the byte-level tokenizer also astral, surrogate, control and numeric characters
WIDE = ALPHABET + "\U0001f600\ud800\x01\x85\u2028\u0660\u00b2"
texts = st.text(alphabet=ALPHABET, max_size=60)


@given(texts)
@settings(max_examples=400, deadline=None)
def test_word_tokens_equal_the_regex(text):
    assert word_tokens(text) == TOKEN_PATTERN.findall(text)


@given(texts, st.integers(0, 60), st.integers(0, 60))
@settings(max_examples=300, deadline=None)
def test_word_tokens_in_a_range_equal_the_regex(text, a, b):
    assert word_tokens(text, a, b) == TOKEN_PATTERN.findall(text, a, b)


@given(st.text(alphabet=WIDE, max_size=60))
@settings(max_examples=400, deadline=None)
def test_separated_words_equal_the_regex(text):
    sep = separate_words(text)
    assert len(sep) == len(text)
    assert sep.split() == TOKEN_PATTERN.findall(text)


@given(
    st.text(alphabet=WIDE, max_size=60), st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60)))
)
@settings(max_examples=300, deadline=None)
def test_paragraph_words_equal_the_regex_in_each_range(text, ranges):
    spans = [(min(a, b), max(a, b)) for a, b in ranges]
    assert paragraph_words(text, spans) == [TOKEN_PATTERN.findall(text, a, b) for a, b in spans]


def test_paragraph_words_at_a_joiner_between_ranges():
    text = "U.S.A and it's"
    assert paragraph_words(text, [(0, 1), (1, 5), (12, 14)]) == [["U"], ["S.A"], ["s"]]


@given(texts)
@settings(max_examples=300, deadline=None)
def test_token_spans_equal_the_regex_offsets(text):
    assert token_spans(text, word_tokens(text)) == [m.span() for m in TOKEN_PATTERN.finditer(text)]


def test_word_and_trailing_mark():
    assert word_tokens('said, "peace" end. U.S. x_ y_, it\'s') == [
        "said",
        "peace",
        "end",
        "U.S",
        "x_",
        "y_",
        "it's",
    ]


def test_token_spans_from_a_start():
    text = "ab cd, ab cd"
    assert token_spans(text, ["ab", "cd"], 7) == [(7, 9), (10, 12)]


def test_paragraph_tokens_map_back_through_a_resized_view():
    text = "The of\ufb01cial \u201cre\u00adform\u201d failed.\nNext line"
    doc = segment(text)
    p = doc.paragraphs[0]
    assert [text[a:b] for a, b in p.tokens] == ["The", "of\ufb01cial", "re\u00adform", "failed"]
    assert p.words == ["The", "official", "reform", "failed"]
    view = doc.view
    expected = [view.span(*m.span()) for m in TOKEN_PATTERN.finditer(view.text, 0, 29)]
    assert p.tokens == expected


@given(st.lists(st.text(alphabet="aA\u03a3\u03c3\u0130I'\u0301.-_9\u00c9", min_size=1, max_size=6)))
@settings(max_examples=400, deadline=None)
def test_paragraph_lower_equals_lowering_each_word(words):
    words = [w for w in words if " " not in w]
    doc = segment("x")
    p = doc.paragraphs[0]
    p.words = words
    p._lower = None
    assert p.lower == [w.lower() for w in words]


def test_lower_keeps_final_sigma_per_word():
    doc = segment("\u039f\u0394\u039f\u03a3 \u03a3\u0391\u03a3'")
    assert doc.paragraphs[0].lower == [w.lower() for w in doc.paragraphs[0].words]


@given(texts, st.integers(0, 60), st.integers(0, 60))
@settings(max_examples=300, deadline=None)
def test_token_spans_in_a_range_equal_the_regex_offsets(text, a, b):
    spans = token_spans(text, word_tokens(text, a, b), a)
    assert spans == [m.span() for m in TOKEN_PATTERN.finditer(text, a, b)]


def test_first_tokens_is_a_prefix_of_tokens():
    text = "The of\ufb01cial \u201cre\u00adform\u201d failed badly.\nNext"
    p = segment(text).paragraphs[0]
    first = p.first_tokens(2)  # at least the first two (all, once known)
    assert len(first) >= 2
    assert first == segment(text).paragraphs[0].tokens[: len(first)]
    assert p.first_tokens(99) == p.tokens


PIECES = ["a", "b c", ".", "'", "-", "\n", "\n\n", " ", "\u00e9", "\ufb01", "\u00ad", "\u201c"]
PIECES += ["U.S.", "x" * 35, "word " * 8, "\u2026", "\u200b", "it's"]


@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=25))
@settings(max_examples=300, deadline=None)
def test_paragraph_tokens_are_the_regex_spans_mapped_back(pieces):
    doc = segment("".join(pieces))
    for p in doc.paragraphs:
        a, b = p._vspan
        found = TOKEN_PATTERN.finditer(doc.view.text, a, b)
        assert p.tokens == [doc.view.span(*m.span()) for m in found]
        assert p.first_tokens(1) == p.tokens[: len(p.first_tokens(1))]
