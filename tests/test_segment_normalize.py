"""normalize: the fast paths give the view and offset map of the plain per-character rule."""

from hypothesis import given, settings
from hypothesis import strategies as st

from framing.segment import normalize
from framing.segment._normalize import _ONE_TO_ONE, _ONE_TO_ONE_RE, _RESIZING, _fold


def reference(text):
    """One character at a time: fold, expand or drop it; an index when any resizes."""
    pieces, index = [], []
    for i, ch in enumerate(text):
        rep = _RESIZING.get(ch, _ONE_TO_ONE.get(ch, ch))
        pieces.append(rep)
        index.extend([i] * len(rep))
    has_resizing = any(ch in _RESIZING for ch in text)
    return "".join(pieces), (index if has_resizing else None)


ALPHABET = "ab .\t\n\u201c\u201d\u2019\u2014\u00a0\ufb01\ufb03\u00ad\u200b\ufeff\u00e9"


@given(st.text(alphabet=ALPHABET, max_size=40))
@settings(max_examples=500, deadline=None)
def test_equals_the_per_character_rule(text):
    view = normalize(text)
    expected, index = reference(text)
    assert view.text == expected
    assert view.index == index


def test_ascii_text_folds_only_tabs():
    assert normalize("a\tb c").text == "a b c"
    assert normalize("plain").index is None


def test_resizing_text_at_both_ends():
    view = normalize("\ufeffof\ufb01ce\u00ad")
    assert view.text == "office"
    assert view.index == [1, 2, 3, 3, 4, 5]


@given(
    st.text(
        alphabet="ab \t\u2018\u2019\u201c\u2014\u00a0\u3000\u00e9\U0001f600\ud800\u2026",
        max_size=40,
    )
)
@settings(max_examples=300, deadline=None)
def test_fold_by_replace_equals_the_regex_fold(text):
    view = normalize(text)
    assert view.index is None
    assert view.text == _ONE_TO_ONE_RE.sub(_fold, text)
