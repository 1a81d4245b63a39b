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


def _direct_fields(words: list[str], quoted: list[bool], lex: dict[str, float]) -> dict:
    """The per-token fields of a sentence, computed token by token (the reference)."""
    from framing.stance._lexicon import NEGATORS, predicate_class
    from framing.stance._sentence_tokens import _BOUNDARY_PUNCT, _BOUNDARY_WORDS, _RELATIVE

    n = len(words)
    pol = [lex.get(w, 0.0) for w in words]
    pred = [predicate_class(w) if w[0].isalpha() else 0 for w in words]
    isneg = [w in NEGATORS or w.endswith("n't") for w in words]
    neg = [any(isneg[j] for j in range(max(0, i - 3), i)) for i in range(n)]
    bound = [w in _BOUNDARY_WORDS or w in _BOUNDARY_PUNCT for w in words]
    for i in range(n - 1):
        if words[i] == "," and words[i + 1] in _RELATIVE:
            bound[i] = True
    inq = list(quoted)
    marks = [i for i, w in enumerate(words) if w == '"']
    for k in range(0, len(marks), 2):
        end = marks[k + 1] + 1 if k + 1 < len(marks) else n
        for i in range(marks[k], end):
            inq[i] = True
    return {
        "pol": pol,
        "pred": pred,
        "neg": neg,
        "bound": bound,
        "commas": [words[:i].count(",") for i in range(n + 1)],
        "inq": inq,
        "polar": [i for i in range(n) if pol[i] or pred[i]],
    }


def test_sentence_fields_equal_a_token_by_token_computation() -> None:
    # Only the words that are polar, negators, boundaries, commas or quote marks are
    # visited when the fields are made: the others must keep the plain values.
    from framing.stance._lexicon import polarity_lexicon

    lex = polarity_lexicon()
    sentences = [
        'Critics, who never praised Russia, said "it is not good" and "bad',
        "He didn't condemn China; nor did they, but the plan was a disaster, sadly.",
        'A "quote" then another "one" , which ends',
        "",
        ",",
        "not",
    ]
    for text in sentences:
        toks = tokenize_sentence(text, 0, len(text), [(0, 3)] if text else [], lex)
        expected = _direct_fields(toks.words, toks.quoted, lex)
        got = {k: getattr(toks, k) for k in expected}
        assert got == expected, text
        # A view made from some tokens is made the same way.
        keep = list(range(0, len(toks.words), 2))
        view = toks.subset(keep, lex)
        expected = _direct_fields(view.words, view.quoted, lex)
        assert {k: getattr(view, k) for k in expected} == expected, text
