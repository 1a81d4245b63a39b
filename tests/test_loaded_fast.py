"""The fast per-type scoring path gives the same probabilities as the models' own methods."""

from __future__ import annotations

import pickle

import numpy as np
import pytest

from framing.lexicon import Entry, Lexicon
from framing.loaded import BiasClassifier, LoadedScorer, token_table
from framing.loaded._fast import FastScorer, fast_paragraph
from framing.segment import segment

# Texts never seen in training: new words, repeats, case, negation, quotes, an empty text.
TEXTS = [
    "",
    "Hello",
    "It is not a sham, said the \u201cexperts\u201d!",
    "So-called reform -- really? Not at all. The radical thugs' plan isn't fair.",
    'THE MOB, the mob, the Mob: a so-called "peace" deal, 3.5% of 2024\'s budget!!',
    "Officials said the bridge opens in May. Voters went to the polls.",
    "Critics say the con man is not a con man; it is unclear who is a thug.",
]


@pytest.fixture
def with_tagger(bias_with_tagger: BiasClassifier) -> BiasClassifier:
    return bias_with_tagger


def fast_scores(fast: FastScorer, texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
    res = fast.score([fast_paragraph(t) for t in texts])
    return (np.concatenate(res.word_probs) if res.word_probs else np.zeros(0)), res.bias


def test_bias_and_word_probabilities_equal_the_slow_path(with_tagger: BiasClassifier) -> None:
    words, bias = fast_scores(FastScorer(with_tagger.to_weights()), TEXTS)
    assert np.allclose(bias, with_tagger.predict_proba(TEXTS)[:, 1], atol=1e-12)
    assert with_tagger.tagger_ is not None
    slow_words = with_tagger.tagger_.predict_proba(token_table(TEXTS))[:, 1]
    assert np.allclose(words, slow_words, atol=1e-12)


def test_cached_terms_give_the_same_result_again(with_tagger: BiasClassifier) -> None:
    fast = FastScorer(with_tagger.to_weights())
    first = fast_scores(fast, TEXTS)
    again = fast_scores(fast, TEXTS[::-1])
    assert np.allclose(first[1], again[1][::-1], atol=1e-12)


def test_cache_is_emptied_past_its_limit(with_tagger: BiasClassifier) -> None:
    fast = FastScorer(with_tagger.to_weights(), max_types=3)
    fast_scores(fast, TEXTS)
    _, bias = fast_scores(fast, TEXTS)
    assert len(fast._types) < 60
    assert np.allclose(bias, with_tagger.predict_proba(TEXTS)[:, 1], atol=1e-12)


@pytest.mark.parametrize("char_ngrams", [True, False])
def test_classifier_without_tagger(char_ngrams: bool, bias_set) -> None:
    texts, labels, _ = bias_set
    clf = BiasClassifier(n_features=2**10, char_ngrams=char_ngrams).fit(texts, labels)
    words, bias = fast_scores(FastScorer(clf.to_weights()), TEXTS)
    assert words.size == 0
    assert np.allclose(bias, clf.predict_proba(TEXTS)[:, 1], atol=1e-12)


def test_tagger_alone(with_tagger: BiasClassifier) -> None:
    tagger = with_tagger.tagger_
    assert tagger is not None
    words, bias = fast_scores(FastScorer(tagger=tagger.to_weights()), TEXTS)
    assert bias.size == 0
    assert np.allclose(words, tagger.predict_proba(token_table(TEXTS))[:, 1], atol=1e-12)


def test_needs_a_model() -> None:
    with pytest.raises(ValueError, match="bias classifier or a tagger"):
        FastScorer()


def test_pickles_without_its_caches(with_tagger: BiasClassifier) -> None:
    fast = FastScorer(with_tagger.to_weights())
    fast_scores(fast, TEXTS)
    again = pickle.loads(pickle.dumps(fast))
    assert len(again._types) == 2  # only the padding types
    assert np.allclose(fast_scores(again, TEXTS)[1], with_tagger.predict_proba(TEXTS)[:, 1])


@pytest.mark.parametrize("extra_lexicon", [False, True])
def test_scorer_bias_score_equals_predict_proba(
    with_tagger: BiasClassifier, extra_lexicon: bool
) -> None:
    lex = Lexicon([Entry("bridge", "hyperbole", 2.0)], {"name": "m"}) if extra_lexicon else None
    scorer = LoadedScorer(lexicons=lex, bias_model=with_tagger, tagger=with_tagger.tagger_)
    docs = [segment("\n\n".join(TEXTS[1:4]), "a"), segment("\n\n".join(TEXTS[4:]), "b")]
    scorer.annotate(docs)
    for doc in docs:
        paras = [doc.text[p.start : p.end] for p in doc.paragraphs]
        expected = with_tagger.predict_proba(paras)[:, 1]
        assert np.allclose(doc.columns["bias_score"], expected, atol=1e-12)


def test_scorer_subjectivity_equals_the_lexicon_path(with_tagger: BiasClassifier) -> None:
    text = "An outrageous, absurd plan.\n\n123 456.\n\nA fair and calm vote."
    plain, fast = segment(text, "a"), segment(text, "a")
    LoadedScorer(bias_model=None).annotate([plain])
    LoadedScorer(bias_model=with_tagger).annotate([fast])
    a, b = plain.columns["loaded_subjectivity"], fast.columns["loaded_subjectivity"]
    assert np.isnan(a[1]) and np.isnan(b[1])
    assert np.allclose([a[0], a[2]], [b[0], b[2]], atol=1e-12)


def test_word_probabilities_only_on_request(with_tagger: BiasClassifier) -> None:
    fast = FastScorer(with_tagger.to_weights(), chunk=2)
    paras = [fast_paragraph(t) for t in TEXTS]
    assert fast.score(paras, words=False).word_probs == []
    assert [len(w) for w in fast.score(paras).word_probs] == [len(p.words) for p in paras]


def test_new_words_need_their_lower_case_forms(with_tagger: BiasClassifier) -> None:
    from framing.loaded._fast import FastParagraph

    fast = FastScorer(with_tagger.to_weights())
    with pytest.raises(ValueError, match="lower-case"):
        fast.score([FastParagraph(["Sham", "vote"], ["sham"], [], "Sham vote")])


def test_a_new_type_takes_its_lower_case_form_from_its_first_occurrence(
    with_tagger: BiasClassifier,
) -> None:
    from framing.loaded._fast import FastParagraph

    first = FastParagraph(["Sham", "Vote"], ["sham", "vote"], [], "Sham Vote")
    second = FastParagraph(["Vote", "Sham"], ["table", "chair"], [], "Vote Sham")
    weights = with_tagger.to_weights()
    one_by_one = FastScorer(weights)
    expected = [one_by_one.score([p]).bias[0] for p in (first, second)]
    together = FastScorer(weights).score([first, second]).bias
    assert together.tolist() == expected
