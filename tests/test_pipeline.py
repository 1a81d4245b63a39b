import subprocess
import sys
from collections.abc import Sequence

import pandas as pd
import pytest

import framing
from framing import Document
from framing.scorers import Scorer, ValenceScorer
from framing.segment import Doc, Span

ARTICLES = [
    "The minister said the \u201cpeace\u201d plan was dead.\nCritics called it a farce. Mr. Lee "
    "disagreed.",
    "Dr. J. R. Smith Jr. arrived at 5 p.m. He spoke briefly.\n\nThe U.S. team left on Jan. 15.",
    "\ufb01nal o\ufb00er \u2014 \u2018brutal\u2019 talks\u00a0ended.\nSecond line here.",
    "One paragraph only, with no final stop",
]


def assert_offsets_exact(analysis: framing.Analysis) -> None:
    for name in ("paragraphs", "sentences", "spans"):
        df = analysis.tables[name]
        for row in df.itertuples():
            assert analysis.text(row.doc_id)[row.start : row.end] == row.text, (name, row)


def test_string_is_one_document():
    a = framing.analyze("A calm day.\nA second paragraph.")
    assert len(a.documents) == 1
    assert a.paragraphs.para_id.tolist() == [0, 1]


def test_offsets_are_exact_in_every_table():
    a = framing.analyze(ARTICLES)
    assert len(a.paragraphs) == 7
    assert_offsets_exact(a)


def test_dicts_keep_metadata_columns():
    a = framing.analyze([{"id": "x", "text": "Fine.", "outlet": "Ledger", "date": "2026-01-02"}])
    assert a.documents.columns.tolist() == [
        "doc_id",
        "outlet",
        "date",
        "n_paragraphs",
        "n_tokens",
        "error",
    ]
    assert a.documents.outlet[0] == "Ledger"


def test_dataframe_input():
    df = pd.DataFrame({"text": ["Good news.", "Bad news."], "outlet": ["A", "B"]})
    a = framing.analyze(df)
    assert len(a.documents) == 2 and set(a.documents.outlet) == {"A", "B"}


def test_missing_ids_are_numbered_and_duplicates_renamed():
    docs = [Document("One."), Document("Two.", id="a"), Document("Three.", id="a")]
    a = framing.analyze(docs)
    assert a.documents.doc_id.tolist() == ["doc-1", "a", "a#2"]
    assert a.text("a#2") == "Three."


def test_empty_and_failed_documents_are_kept_with_error():
    docs = [
        Document("   \n "),
        Document("Fine text."),
        Document("", id="bad", error="x.csv:3: bad row"),
    ]
    a = framing.analyze(docs)
    assert len(a.documents) == 3
    errors = a.documents.error.tolist()
    assert errors[0] == "empty or whitespace-only text"
    assert errors[1] is None
    assert errors[2] == "x.csv:3: bad row"
    assert set(a.paragraphs.doc_id) == {"doc-2"}


def test_nul_bytes_are_reported_not_dropped():
    a = framing.analyze(["Before\x00after the talks.\nNext.", "Clean text."])
    assert len(a.documents) == 2
    assert "NUL" in a.documents.error[0]
    assert a.text(a.documents.doc_id[0]) == "Before\x00after the talks.\nNext."
    assert a.documents.error[1] is None


def test_five_megabyte_paragraph_is_segmented_and_scored():
    text = ("The council met again and argued about the budget. " * 100_000).strip()
    assert len(text) > 5_000_000
    a = framing.analyze([text], scorers=[ValenceScorer()])
    assert a.documents.error[0] is None
    assert len(a.paragraphs) == 1 and a.paragraphs.n_tokens[0] == 900_000
    assert len(a.sentences) == 100_000


def test_long_paragraph_goes_through_every_scorer():
    # Every scorer must stay about linear in the paragraph's length (no per-pair loops).
    unit = "The council met again. \u201cWe will win,\u201d he said. Critics slammed the plan. "
    text = (unit * 3000).strip()
    a = framing.analyze([text], targets={"Council": ["council"]})
    assert a.documents.error[0] is None
    assert len(a.quotes) >= 3000 and len(a.stance) == 1


class _Exploding(Scorer):
    name = "exploding"
    columns = ("boom",)

    def annotate(self, docs: Sequence[Doc]) -> None:
        for doc in docs:
            if "explode" in doc.text:
                raise RuntimeError("kaboom")
            doc.columns["boom"] = [1.0] * len(doc.paragraphs)
            doc.spans.append(Span(0, 0, 3, "loaded", label="test"))


def test_failing_scorer_only_fails_its_document():
    a = framing.analyze(["All fine.", "Please explode.", "Also fine."], scorers=[_Exploding()])
    assert a.documents.error.notna().tolist() == [False, True, False]
    assert "kaboom" in a.documents.error[1]
    assert a.paragraphs.boom.tolist() == [1.0, 1.0]
    assert_offsets_exact(a)


class _Lazy(Scorer):
    name = "lazy"
    columns = ("never",)

    def annotate(self, docs: Sequence[Doc]) -> None:
        return None


def test_scorer_that_skips_its_column_is_reported():
    a = framing.analyze(["Text."], scorers=[_Lazy()])
    assert "did not fill column 'never'" in a.documents.error[0]


def test_columns_of_missing_scorers_are_absent():
    a = framing.analyze(["Text."], scorers=[_Exploding()])
    assert "valence" not in a.paragraphs.columns


def test_seed_article_has_13_paragraphs(seed_article):
    a = framing.analyze(seed_article)
    assert len(a.documents) == 1 and a.documents.error[0] is None
    assert len(a.paragraphs) == 13
    assert_offsets_exact(a)


def test_requirements_order_scorers():
    class First(_Exploding):
        name = "first"

    class Second(_Lazy):
        name = "second"
        requires = ("first",)

    order = framing.pipeline.build_scorers(scorers=[Second(), First()])
    assert [s.name for s in order] == ["first", "second"]


def test_missing_requirement_raises():
    class Needy(_Lazy):
        requires = ("ghost",)

    with pytest.raises(ValueError, match="ghost"):
        framing.analyze(["x"], scorers=[Needy()])


def test_scoring_with_the_default_models_imports_no_training_libraries():
    # scikit-learn (and through it scipy.stats) and nltk serve training and evaluation
    # only; importing them costs seconds of every start.
    code = (
        "import sys, framing\n"
        "framing.analyze('Moscow said the plan was \\u201ca disaster,\\u201d officials said.', "
        "targets={'Russia': ['Moscow']}, actors={'Russia': ['Moscow']}, progress=False)\n"
        "heavy = [m for m in sys.modules if m.split('.')[0] in ('sklearn', 'nltk', 'textblob')"
        " or m.startswith('scipy.stats')]\n"
        "assert not heavy, sorted(heavy)[:5]\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
