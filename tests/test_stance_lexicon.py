"""Rule-and-lexicon stance toward a mention: evaluative words, negation, predicates."""

from __future__ import annotations

from framing.stance import LexiconStance
from framing.stance._lexicon import polarity_lexicon, predicate_class
from framing.stance._lexicon_scorer import tokenize_sentence


def _score(sentence: str, mention: str, quoted: list[tuple[int, int]] | None = None) -> float:
    toks = tokenize_sentence(sentence, 0, len(sentence), quoted or [])
    start = sentence.index(mention)
    a = next(i for i, s in enumerate(toks.starts) if s >= start)
    b = a + len(mention.split())
    return LexiconStance().score(toks, a, b)


def test_polarity_lexicon_merges_sources() -> None:
    lex = polarity_lexicon()
    assert lex["excellent"] > 0.3 and lex["terrible"] < -0.3 and lex["sanctions"] < 0


def test_evaluative_word_next_to_target() -> None:
    assert _score("The brutal regime of Assad fell.", "Assad") < -0.2


def test_negation_flips_praise() -> None:
    assert _score("Smith is a good leader.", "Smith") > 0.2
    assert _score("Smith is not a good leader.", "Smith") < 0


def test_accusation_is_against_the_accused_not_the_accuser() -> None:
    assert _score("Critics accused Russia of lying.", "Russia") < -0.3
    assert abs(_score("Russia accused the critics.", "Russia")) < 0.2


def test_praise_is_for_the_object() -> None:
    assert _score("Senators praised Biden.", "Biden") > 0.3
    assert abs(_score("Biden praised the senators.", "Biden")) < 0.2


def test_passive_predicate_applies_to_subject() -> None:
    assert _score("Biden was praised by senators.", "Biden") > 0.3
    assert _score("Russia was sanctioned again.", "Russia") < -0.3


def test_condemn_versus_support_in_two_clauses() -> None:
    s = "The EU condemned Russia, but China backed the plan."
    assert _score(s, "Russia") < -0.3
    assert _score(s, "China") > -0.1


def test_words_in_another_voice_do_not_count() -> None:
    s = 'Lee said: "a wonderful day."'
    quote = (s.index('"'), len(s))
    assert _score(s, "Lee", [quote]) == 0.0


def test_coordinated_targets_share_the_predicate() -> None:
    s = "Russia and China are a stable and positive force."
    assert _score(s, "Russia") > 0.3 and _score(s, "China") > 0.3


def test_predicate_classes() -> None:
    assert predicate_class("backed") == 1
    assert predicate_class("condemns") == -1
    assert predicate_class("warning") == 0


def test_evidence_and_raw_match_the_separate_passes() -> None:
    rules = LexiconStance()
    cases = [
        ("In a bold move, Russia is a reliable and good partner, critics said.", (5, 6), []),
        ("Critics accused Russia of brutal aggression, not of good faith.", (2, 3), [(8, 9)]),
        ("Russia and China are a stable and positive force.", (0, 1), [(2, 3)]),
    ]
    for sentence, (a, b), others in cases:
        toks = tokenize_sentence(sentence, 0, len(sentence))
        score, direct, raw = rules.evidence_and_raw(toks, a, b, others, {4: -0.5})
        assert (score, direct) == rules.evidence(toks, a, b, others, {4: -0.5})
        assert raw is None if others == [(2, 3)] else raw == rules.raw(toks, a, b)


def test_tokens_and_offsets_of_punctuated_words_stay_the_same_when_memoised() -> None:
    from framing.stance._lexicon import TOKEN_RE, fold
    from framing.stance._sentence_tokens import _CHUNKS

    texts = [
        "Russia\u2019s \u201cplan\u201d, said U.S. officials (again).",
        "x  Russia's,  (again).",
    ]
    for text in texts * 2:  # the second time from the memo of chunks
        toks = tokenize_sentence(text, 0, len(text))
        folded = fold(text)
        spans = [m.span() for m in TOKEN_RE.finditer(folded)]
        assert list(zip(toks.starts, toks.ends, strict=True)) == spans
        assert toks.words == [folded[a:b].lower() for a, b in spans]
    assert "russia's," in _CHUNKS and "officials" not in _CHUNKS  # punctuated chunks only
