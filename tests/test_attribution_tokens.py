"""Tokens of the attribution frames: the memoised chunk path gives the pattern's tokens."""

import random

import pytest

from framing.attribution import _tokens as tokens_module
from framing.attribution._tokens import _TOKEN, _sentence_ids, _tokens


def _pattern_tokens(s: str, start: int = 0, end: int | None = None) -> tuple[list, ...]:
    """Starts, strings, word flags and sentence-end flags of the pattern's tokens of ``s``
    lowered (the frames' tokens are lowered)."""
    found = list(_TOKEN.finditer(s.lower(), start, len(s) if end is None else end))
    words = [m.group() for m in found]
    ends = [w in (".", "!", "?") for w in words]
    return [m.start() for m in found], words, [w[0].isalnum() for w in words], ends


def test_repeated_chunks_give_the_same_tokens_at_other_offsets() -> None:
    s = '"we said," he said. "we said," u.s. it\u2019s co-op'
    first = _tokens(s, 0, len(s))
    again = _tokens(s, 0, len(s))  # (every chunk is in the memo now)
    assert first == again == _pattern_tokens(s)
    assert _tokens(s, 20, len(s)) == _pattern_tokens(s, 20)


def test_tokens_are_right_when_the_chunk_memo_is_cleared(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tokens_module, "_CHUNK_MEMO_CAP", 3)
    s = "one two, three. four (five) six! seven eight"
    assert _tokens(s, 0, len(s)) == _pattern_tokens(s)
    assert _tokens(s, 4, len(s) - 2) == _pattern_tokens(s, 4, len(s) - 2)


def test_wider_gaps_and_other_blanks_give_the_pattern_tokens() -> None:
    rng = random.Random(5)
    words = ["said,", "u.s.", '"we', "it's", "a&b", "-", "x", "\u00e9t\u00e9.", "(d-wash.)"]
    gaps = [" ", " ", " ", "  ", "\t", "\u00a0", "\n", "\x1c"]
    for _ in range(2_000):
        parts = [rng.choice(words) for _ in range(rng.randint(0, 6))]
        s = "".join(w + rng.choice(gaps) for w in parts)
        s = rng.choice(["", " "]) + s
        assert _tokens(s, 0, len(s)) == _pattern_tokens(s), repr(s)


def test_two_blanks_after_a_sentence_give_the_pattern_tokens() -> None:
    s = "  He said so.  She agreed,   too.  "
    assert _tokens(s, 0, len(s)) == _pattern_tokens(s)
    assert _tokens(s, 3, len(s) - 1) == _pattern_tokens(s, 3, len(s) - 1)


def test_word_flags_follow_the_first_character_beyond_ascii() -> None:
    s = "\u00e9t\u00e9, _x \u00b2 \u0663. \u0301a (2020) \u00ab\u03b1\u00bb -"
    starts, words, flags, ends = _tokens(s, 0, len(s))
    assert dict(zip(words, flags, strict=True)) == {
        "\u00e9t\u00e9": True,  # a letter beyond ASCII
        ",": False,
        "_x": False,  # a word-pattern token, but not alphanumeric first
        "\u00b2": True,  # superscript two: a digit
        "\u0663": True,  # Arabic-Indic three
        ".": False,
        "\u0301": False,  # a combining mark: punctuation to the pattern
        "a": True,
        "(": False,
        "2020": True,
        ")": False,
        "\u00ab": False,
        "\u03b1": True,
        "\u00bb": False,
        "-": False,
    }
    assert (starts, words, flags, ends) == _pattern_tokens(s)
    assert _tokens(s.replace(" ", "\t"), 0, len(s)) == _pattern_tokens(s.replace(" ", "\t"))


def test_sentence_end_flags_mark_only_the_end_marks() -> None:
    s = 'he said. "no!" u.s. why? ...a 3.5 end.'
    starts, words, _, ends = _tokens(s, 0, len(s))
    assert [w for w, e in zip(words, ends, strict=True) if e] == [
        ".",
        "!",
        ".",
        "?",
        ".",
        ".",
        ".",
        ".",
    ]
    assert "u.s" in words and "3.5" in words  # (inner dots belong to their token)


def test_sentence_ids_from_the_flags_are_those_looked_up() -> None:
    rng = random.Random(9)
    vocab = ["said", ".", "!", "?", "mr", "no", "he", ")", "(", '"', "x", "u.s", "But"]
    for _ in range(3_000):
        s = " ".join(rng.choice(vocab) for _ in range(rng.randint(0, 12))).lower()
        starts, words, _, ends = _tokens(s, 0, len(s))
        assert _sentence_ids(words, ends) == _sentence_ids(words), s


def test_a_mark_before_a_comma_ends_no_sentence() -> None:
    # "Ala.," and "R-Va.," are abbreviations inside an appositive, not sentence ends.
    s = "ann lee, 29, of selma, ala., says no. tom poe, r-va., said yes."
    _, words, _, ends = _tokens(s, 0, len(s))
    sent = _sentence_ids(words, ends)
    assert sent[words.index("says")] == sent[0]
    assert sent[words.index("said")] == sent[words.index("tom")] == sent[0] + 1


def test_tokens_carry_their_lexicon_look_ups() -> None:
    from framing.attribution._candidates import LearnedCues, cue_bucket, cue_lookup
    from framing.attribution._tokens import _tokens_and_entries, chunk_memo
    from framing.attribution._verbs import load_reporting_verbs

    lex = load_reporting_verbs()
    prior = LearnedCues(frozenset({cue_bucket("zorbled")}))
    rng = random.Random(7)
    words = ["said,", "zorbled", '"told', "according", "to", "in", "u.s.", "it\u2019s", "."]
    gaps = [" ", " ", " ", "  ", "\t", "\x1c"]
    for learned in (None, prior):
        table, look = cue_lookup(lex, learned)
        chunks = chunk_memo(table, look)
        assert chunk_memo(table, look) is chunks  # (one memo per table)
        for _ in range(500):
            s = "".join(rng.choice(words) + rng.choice(gaps) for _ in range(rng.randint(0, 6)))
            got = _tokens_and_entries(s, 0, len(s), chunks)
            assert got[:4] == _pattern_tokens(s), repr(s)
            assert got[4] == [look(w) for w in got[1]], repr(s)


def test_only_dotted_capital_i_lowers_to_two_characters() -> None:
    import sys

    from framing.attribution._tokens import lowers_in_place

    longer = [c for c in map(chr, range(sys.maxunicode + 1)) if len(c.lower()) != 1]
    assert longer == ["\u0130"]
    assert lowers_in_place("Said \u00c9T\u00c9 \u03a3") and not lowers_in_place("\u0130stanbul")


def test_text_as_written_gives_the_tokens_of_its_lower_case() -> None:
    from framing.attribution._tokens import _PLAIN_CHUNKS, _tokens_and_entries

    rng = random.Random(8)
    words = ["Said,", "U.S.", '"We', "IT\u2019S", "A&B", "\u00c9T\u00c9.", "(D-Wash.)", "O\u03a3"]
    gaps = [" ", " ", "  ", "\t", "\x1c"]
    for _ in range(2_000):
        s = "".join(rng.choice(words) + rng.choice(gaps) for _ in range(rng.randint(0, 6)))
        assert _tokens_and_entries(s, 0, len(s), _PLAIN_CHUNKS)[:4] == _pattern_tokens(s)
