from framing.segment import normalize


def test_same_length_view_keeps_offsets():
    view = normalize("the \u201cpeace\u201d talks \u2014 a\u00a0deal")
    assert view.text == 'the "peace" talks - a deal'
    assert view.index is None
    assert view.span(4, 11) == (4, 11)


def test_ligature_expands_and_maps_back():
    text = "a \ufb01ne \ufb02ag"
    view = normalize(text)
    assert view.text == "a fine flag"
    s, e = view.span(2, 6)
    assert text[s:e] == "\ufb01ne"
    s, e = view.span(7, 11)
    assert text[s:e] == "\ufb02ag"


def test_soft_hyphen_and_zero_width_removed():
    text = "inter\u00adnational\u200b news"
    view = normalize(text)
    assert view.text == "international news"
    s, e = view.span(0, 13)
    assert text[s:e] == "inter\u00adnational"
    s, e = view.span(14, 18)
    assert text[s:e] == "news"


def test_empty_text():
    view = normalize("")
    assert view.text == "" and view.span(0, 0) == (0, 0)
