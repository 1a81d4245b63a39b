"""LoadedScorer: columns, spans, voice split, user lexicons, scare quotes."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from framing.lexicon import Entry, Lexicon
from framing.loaded import LoadedScorer, find_scare_quotes
from framing.scorers import QUOTED_RANGES, Scorer
from framing.segment import segment


@pytest.fixture(scope="module")
def scorer() -> LoadedScorer:
    return LoadedScorer(bias_model=None)


def run(scorer: LoadedScorer, text: str, quoted: list[tuple[int, int]] | None = None):
    doc = segment(text, "d")
    if quoted is not None:
        doc.annotations[QUOTED_RANGES] = quoted
    scorer.annotate([doc])
    return doc


def test_is_a_scorer_with_contract_columns(scorer: LoadedScorer) -> None:
    assert isinstance(scorer, Scorer) and scorer.name == "loaded"
    assert {"loaded_count", "loaded_per_100"} <= set(scorer.columns)
    assert "bias_score" not in scorer.columns  # no model asked for
    assert "loaded__pejorative" in scorer.dynamic_columns()


def test_counts_per_paragraph_and_rate(scorer: LoadedScorer) -> None:
    doc = run(scorer, "The thugs slammed the plan.\nThe committee met on Tuesday.")
    assert doc.columns["loaded_count"] == [2, 0]
    assert doc.columns["loaded_per_100"][0] == pytest.approx(100 * 2 / 5)
    assert doc.columns["loaded__pejorative"] == [1, 0]
    assert doc.columns["loaded__hyperbole"] == [1, 0]
    assert doc.columns["loaded_intensity"][1] == 0.0
    for col in (*scorer.columns, *scorer.dynamic_columns()):
        assert len(doc.columns[col]) == 2


def test_epistemic_categories_have_columns_but_are_not_loaded(scorer: LoadedScorer) -> None:
    doc = run(scorer, "He allegedly admitted it.")
    assert doc.columns["loaded_count"] == [0]
    assert doc.columns["loaded__hedge"] == [1]
    assert doc.columns["loaded__factive"] == [1]


def test_spans_have_offsets_label_score_voice(scorer: LoadedScorer) -> None:
    text = "Critics said the “so-called” reform was a disgrace."
    doc = run(scorer, text)
    loaded = [s for s in doc.spans if s.kind == "loaded"]
    assert [(text[s.start : s.end], s.label) for s in loaded] == [
        ("so-called", "delegitimising"),
        ("disgrace", "condemnation"),
    ]
    assert all(s.voice == "author" and 0 < s.score <= 1 for s in loaded)
    assert loaded[0].extra is not None and loaded[0].extra["lexicon"] == "framing-loaded"


def test_voice_split_uses_quoted_ranges(scorer: LoadedScorer) -> None:
    text = 'The senator said "this is a disgrace" after the shameful vote.'
    start = text.index('"') + 1
    doc = run(scorer, text, quoted=[(start, text.index('"', start))])
    assert doc.columns["loaded_quoted"] == [1]
    assert doc.columns["loaded_author"] == [1]
    voices = {text[s.start : s.end]: s.voice for s in doc.spans if s.kind == "loaded"}
    assert voices == {"disgrace": "quoted", "shameful": "author"}


def test_negated_match_is_flagged(scorer: LoadedScorer) -> None:
    doc = run(scorer, "It was not a disaster. It was a disaster.")
    negs = [s.extra["negated"] for s in doc.spans if s.kind == "loaded" and s.extra]
    assert negs == [True, False]


def test_user_lexicon_object_merges_over_builtin() -> None:
    mine = Lexicon([Entry("regime", "government", 0.1), Entry("widget", "jargon")], {"name": "m"})
    sc = LoadedScorer(lexicons=mine, bias_model=None)
    doc = run(sc, "The regime sold a widget.")
    labels = [s.label for s in doc.spans if s.kind == "loaded"]
    assert labels == ["government", "jargon"]
    assert "loaded__jargon" in sc.dynamic_columns()
    assert {"name": "m", "version": "unversioned", "licence": "unknown", "source": "unknown"} in (
        sc.provenance()["lexicons"]
    )


def test_user_lexicon_file_replaces_builtin(tmp_path: Path) -> None:
    p = tmp_path / "mine.tsv"
    p.write_text("term\tcategory\nwidget\tjargon\n", encoding="utf-8")
    sc = LoadedScorer(lexicons=p, merge="replace", bias_model=None)
    doc = run(sc, "The thugs sold a widget.")
    assert [s.label for s in doc.spans if s.kind == "loaded"] == ["jargon"]
    assert sc.dynamic_columns() == ("loaded__jargon",)


def test_subjectivity_column(scorer: LoadedScorer) -> None:
    doc = run(scorer, "An outrageous, absurd plan.\n123 456.")
    assert doc.columns["loaded_subjectivity"][0] > 0.5
    assert math.isnan(doc.columns["loaded_subjectivity"][1])


def test_empty_document(scorer: LoadedScorer) -> None:
    doc = run(scorer, "")
    assert doc.columns["loaded_count"] == []


def test_scare_quote_span_in_original_offsets(scorer: LoadedScorer) -> None:
    text = "The \u201cpeace\u201d talks ended. \u201cWe are done,\u201d she said."
    doc = run(scorer, text)
    scare = [s for s in doc.spans if s.kind == "scare_quote"]
    assert [text[s.start : s.end] for s in scare] == ["\u201cpeace\u201d"]
    assert doc.columns["scare_quotes"] == [1]


def test_scare_quote_inside_a_quotation_is_not_the_authors(scorer: LoadedScorer) -> None:
    text = 'She said the "peace" talks were over.'
    doc = run(scorer, text, quoted=[(9, len(text) - 1)])
    assert doc.columns["scare_quotes"] == [0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('the "peace" talks', ['"peace"']),
        ("their 'experts' said", ["'experts'"]),
        ('"We will win," he said.', []),
        ('He called it "a disgrace".', []),
        ('the film "Black Panther Returns" opened', []),
        ('a book titled "Hope"', []),
        ('the word "woke" is', []),
        ('He said: "Never".', []),
        ('"one two three four five" words', []),
        ('the "reform" and the "savings"', ['"reform"', '"savings"']),
        ("Biden's plan and the voters' mood", []),
        ('"Enough" she said', []),
        ('"Enough", the mayor said', []),
    ],
)
def test_find_scare_quotes_rules(text: str, expected: list[str]) -> None:
    assert [text[a:b] for a, b in find_scare_quotes(text)] == expected


def test_offsets_survive_a_resizing_normalisation(scorer: LoadedScorer) -> None:
    text = "The \ufb01nal \u201creform\u201d was a disgrace."
    doc = run(scorer, text)
    got = {s.kind: text[s.start : s.end] for s in doc.spans}
    assert got == {"scare_quote": "\u201creform\u201d", "loaded": "disgrace"}


def test_tagger_adds_unlisted_spans_and_probabilities() -> None:
    from framing.loaded import LoadedTermTagger, token_table

    texts = ["The zorgish plan was a sham.", "The plan was fine.", "A zorgish sham."] * 3
    table = token_table(texts)
    y = table["word"].str.lower().isin(["zorgish", "sham"]).astype(int)
    tagger = LoadedTermTagger(n_features=2**10, C=10).fit(table, y)
    sc = LoadedScorer(bias_model=None, tagger=tagger)
    text = "A zorgish sham."
    doc = run(sc, text)
    got = {(text[s.start : s.end], s.label) for s in doc.spans if s.kind == "loaded"}
    assert ("zorgish", "unlisted") in got and ("sham", "delegitimising") in got
    sham = next(s for s in doc.spans if s.label == "delegitimising")
    assert sham.extra is not None and sham.extra["tagger_prob"] >= 0.5
    assert doc.columns["loaded_count"] == [1]  # unlisted words are not counted
    assert "tagger" in sc.provenance()
