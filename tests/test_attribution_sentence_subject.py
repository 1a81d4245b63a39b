"""The name opening the sentence before a pronoun (own sentences)."""

from framing.attribution._sentence_subject import previous_subject_name


def _before(text: str, pronoun: str = "She"):
    return previous_subject_name(text, text.rindex(pronoun))


def test_the_name_opening_the_sentence_before_is_found():
    assert _before("Tom left. Ann Roe stayed. She spoke.") == ("Ann Roe", 10)


def test_a_title_dot_is_no_sentence_end():
    t = "Tom left. Ann Roe met Mr. Lee today. She spoke."
    assert _before(t) == ("Ann Roe", 10)


def test_a_pronoun_inside_a_sentence_has_no_previous_subject():
    assert _before("Ann Roe stayed and she spoke.", "she") is None


def test_a_line_break_ends_a_sentence():
    assert _before("Ann Roe stayed\nShe spoke.") == ("Ann Roe", 0)


def test_a_quotation_before_the_pronoun_is_stepped_over():
    t = "Lee arrived. Ann Roe said “it is over.” She left."
    assert _before(t) == ("Ann Roe", 13)


def test_a_subject_followed_by_an_appositive_or_who_clause_is_found():
    t = "Tom left. Judge Ann Roe, who led the hearing, set a date. She spoke."
    assert _before(t) == ("Judge Ann Roe", 10)
    t = "Tom left. Ann Roe, a nurse, stayed. She spoke."
    assert _before(t) == ("Ann Roe", 10)
    t = "Tom left. Ann Roe, 51, stayed. She spoke."
    assert _before(t) == ("Ann Roe", 10)


def test_a_capitalised_phrase_before_a_comma_and_a_clause_is_no_subject():
    assert _before("Tom left. In Selma, it rained. She spoke.") is None


def test_the_plural_subject_of_the_sentence_before_is_found():
    from framing.attribution._sentence_subject import previous_group_subject

    t = "The researchers, led by Ann Roe, pooled data. They wrote that it helps."
    assert previous_group_subject(t, t.index("They")) == ("researchers", 0)
    t = "Those are numbers anyone knows. They tell nothing."
    assert previous_group_subject(t, t.index("They")) is None


def test_a_name_in_commas_after_an_opening_description_is_the_subject():
    t = "Tom left. The club's coach, Ellen Marsh, was angry. She spoke."
    assert _before(t) == ("Ellen Marsh", 10)


def test_a_pronoun_after_an_opening_adverbial_looks_at_the_sentence_before():
    t = "Tom left. Ann Roe rarely spoke. In a 1998 interview with the Gazette, she said no."
    assert _before(t, "she") == ("Ann Roe", 10)
    assert _before("Tom left. Ann Roe spoke. Tired, she left.", "she") is None


def test_a_pronoun_after_a_quotation_looks_at_the_sentence_before_it():
    t = 'Tom left. Mulvey, asked about the title, laughed. "Ask me in April," he said.'
    assert _before(t, "he") == ("Mulvey", 10)
    t = "Tom left. Ann Roe bristled. \u201cI am ready,\u201d she said."
    assert _before(t, "she") == ("Ann Roe", 10)


def test_two_apostrophes_count_as_quotation_marks():
    t = "Tom left. Ruth Jones said they would rebuild. ''We always do,'' she said."
    assert _before(t, "she") == ("Ruth Jones", 10)
