"""A name's gender from the pronouns after it (own sentences)."""

from framing.attribution._gender_votes import pronoun_gender


def test_a_subject_followed_by_she_is_female():
    t = "Dana Kell ran the lab. Kell said she would stay."
    assert pronoun_gender(t, "Kell") == "f"


def test_a_possessive_his_after_the_subject_votes_male():
    t = "Omar Vance spoke first. Vance said his plan works."
    assert pronoun_gender(t, "Vance") == "m"


def test_no_pronoun_gives_no_answer():
    assert pronoun_gender("Omar Vance spoke. Vance left early.", "Vance") is None


def test_a_pronoun_past_another_name_does_not_vote():
    assert pronoun_gender("Vance told Ann Roe she was right.", "Vance") is None


def test_a_pronoun_in_another_clause_does_not_vote():
    assert pronoun_gender("Vance knew that she was right.", "Vance") is None


def test_an_object_pronoun_does_not_vote():
    assert pronoun_gender("Vance thanked her.", "Vance") is None


def test_a_name_that_is_no_subject_does_not_vote():
    assert pronoun_gender("The board hired Vance because he was cheap.", "Vance") is None


def test_mixed_votes_give_no_answer():
    t = "Lee said she would go. Lee said he would stay."
    assert pronoun_gender(t, "Lee") is None


def test_a_surname_inside_a_longer_word_is_no_mention():
    assert pronoun_gender("Leeds said she would go.", "Lee") is None


def test_the_pronoun_opening_the_next_sentence_votes():
    t = "Court records show that the man, Kevin Ash, was charged with arson. He is held."
    assert pronoun_gender(t, "Ash") == "m"
    t = "Kevin Ash was charged with arson by Judge Lee. She set bail."
    assert pronoun_gender(t, "Ash") is None  # (another name stands between)
