"""What a text tells about a capitalised word (own sentences)."""

from framing.attribution._word_kinds import follows_a_capital, written_in_lower_case


def test_a_surname_after_a_title_with_a_dot():
    assert follows_a_capital("Sen. Voss spoke. Voss left.", "Voss")


def test_a_word_after_a_sentence_end_is_no_surname():
    assert not follows_a_capital("They met in Ohio. Swedes said no.", "Swedes")


def test_a_word_at_the_text_start_is_no_surname():
    assert not follows_a_capital("Swedes said no, and nobody argued.", "Swedes")


def test_a_lower_case_use_makes_a_common_word():
    assert written_in_lower_case("Evidence grew. The evidence was clear.", "evidence")
    assert not written_in_lower_case("Voss spoke. Voss left.", "voss")
