"""Property-based and regression fuzzing of the whole pipeline.

Properties, for any input: no exception escapes ``analyze``; every document is
accounted for; every offset is valid and ``text[start:end]`` is the span text; scores
stay in their ranges; results are deterministic. ``tests/data/nasty_inputs.jsonl``
keeps inputs that once caused trouble (or might) as regression cases.
"""

import json
import math
from pathlib import Path

import pandas as pd
import pandas.testing as pdt
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import framing

NASTY = Path(__file__).parent / "data" / "nasty_inputs.jsonl"
TARGETS = {"Valdoria": ["Valdoria", "Valdorian", "Vask"], "Ostrenia": ["Ostrenia", "Sokol"]}
ACTORS = {"Valdorian government": ["Vask"], "Ostrenian government": ["Sokol"]}

QUOTE_SOUP = st.sampled_from(
    list("\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e\u2026.,;:!?-\u2014")
)
WORDS = st.sampled_from(
    [
        "said",
        "claimed",
        "Vask",
        "Sokol",
        "Valdoria",
        "the",
        "brutal",
        "regime",
        "so-called",
        "Mr.",
        "U.S.",
        "according",
        "to",
        "he",
        "she",
        "not",
        "great",
        "\n",
        "\n\n",
        " ",
        "told",
        "reporters",
    ]
)
NEWSISH = st.lists(st.one_of(WORDS, QUOTE_SOUP, st.text(max_size=6)), max_size=60).map(" ".join)
ANY_TEXT = st.one_of(st.text(max_size=300), NEWSISH)

RANGES = {
    "valence": (-1, 1),
    "bias_score": (0, 1),
    "quoted_share": (0, 1),
    "balance": (0, 1),
    "loaded_per_100": (0, math.inf),
    "loaded_count": (0, math.inf),
}


def check_analysis(analysis: framing.Analysis, n_docs: int) -> None:
    assert len(analysis.documents) == n_docs
    for name in ("paragraphs", "sentences", "spans"):
        for row in analysis.tables[name].itertuples():
            text = analysis.text(row.doc_id)
            assert 0 <= row.start <= row.end <= len(text)
            assert text[row.start : row.end] == row.text
    quotes = analysis.quotes
    for part in ("source", "cue", "content"):  # each span of a quotes row, where present
        if f"{part}_start" not in quotes:
            continue
        starts, ends = quotes[f"{part}_start"], quotes[f"{part}_end"]
        for doc_id, a, b in zip(quotes.doc_id, starts, ends, strict=True):
            if pd.notna(a):
                assert 0 <= a <= b <= len(analysis.text(doc_id)), (part, a, b)
    paras = analysis.paragraphs
    for col in paras.columns:
        lo, hi = RANGES.get(col, (None, None))
        if col.startswith("stance__"):
            lo, hi = -1, 1
        if lo is None:
            continue
        values = pd.to_numeric(paras[col], errors="coerce").dropna()
        assert ((values >= lo - 1e-9) & (values <= hi + 1e-9)).all(), col
    if "stance" in analysis.tables:
        st_ = analysis.stance
        assert st_["score"].between(-1, 1).all()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(ANY_TEXT, min_size=1, max_size=4))
def test_any_text_is_analysed_safely(texts):
    analysis = framing.analyze(texts, targets=TARGETS, actors=ACTORS, progress=False)
    check_analysis(analysis, len(texts))


@settings(max_examples=15, deadline=None)
@given(st.lists(NEWSISH, min_size=1, max_size=3))
def test_results_are_deterministic(texts):
    a = framing.analyze(texts, targets=TARGETS, actors=ACTORS, progress=False)
    b = framing.analyze(texts, targets=TARGETS, actors=ACTORS, progress=False)
    for name in a.tables:
        pdt.assert_frame_equal(a.tables[name], b.tables[name])


def test_nasty_regression_corpus():
    records = [json.loads(line) for line in NASTY.read_text(encoding="utf-8").splitlines()]
    analysis = framing.analyze(records, targets=TARGETS, actors=ACTORS, progress=False)
    check_analysis(analysis, len(records))
    errors = analysis.documents.set_index("doc_id").error
    assert errors["nasty-00"] == "empty or whitespace-only text"
    assert errors["nasty-28"] is None


def test_nasty_corpus_survives_save_and_load(tmp_path):
    records = [json.loads(line) for line in NASTY.read_text(encoding="utf-8").splitlines()]
    analysis = framing.analyze(records, progress=False)
    analysis.save(tmp_path / "out")
    back = framing.load(tmp_path / "out")
    assert back.text("nasty-16") == analysis.text("nasty-16")


def test_lone_surrogates_are_reported_and_saved(tmp_path):
    analysis = framing.analyze(["bad \ud800 text", "good text"], progress=False)
    assert "surrogate" in analysis.documents.error[0]
    analysis.save(tmp_path / "out")
    assert framing.load(tmp_path / "out").text("doc-1") == "bad \ufffd text"
