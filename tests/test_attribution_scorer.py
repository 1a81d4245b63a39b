"""The attribution scorer: quotes table, spans, columns, voice mask, seed article."""

from __future__ import annotations

import math

import pytest

from framing.attribution import AttributionScorer
from framing.scorers import Scorer, voice_at
from framing.segment import segment

QUOTE_COLUMNS = [
    "para_id", "speaker", "speaker_type", "side", "cue", "cue_class", "direct",
    "source_start", "source_end", "cue_start", "cue_end", "content_start", "content_end",
]  # fmt: skip

ARTICLE = (
    "Lena Park, the mayor of Eastport, opened the new bridge on Monday.\n"
    "“This bridge joins two halves of one city,” Park said.\n"
    "Opposition leader Omar Fields claimed the project had cost twice the budget.\n"
    "The river is 300 metres wide at this point."
)


@pytest.fixture(scope="module")
def scorer() -> AttributionScorer:
    return AttributionScorer(actors={"council": ["Lena Park"], "opposition": ["Omar Fields"]})


@pytest.fixture(scope="module")
def doc(scorer):
    d = segment(ARTICLE, "a1")
    scorer.annotate([d])
    return d


def test_is_a_scorer_with_the_contract_names(scorer):
    assert isinstance(scorer, Scorer)
    assert scorer.name == "attribution"
    assert scorer.columns[:3] == ("n_quotes", "quoted_share", "balance")
    assert scorer.tables == ("quotes",)


def test_quote_rows_have_the_contract_columns(doc):
    rows = doc.rows["quotes"]
    assert len(rows) == 2
    for row in rows:
        assert list(row)[: len(QUOTE_COLUMNS)] == QUOTE_COLUMNS


def test_rows_resolve_speakers_sides_and_classes(doc):
    rows = doc.rows["quotes"]
    assert [(r["speaker"], r["side"], r["cue_class"], r["direct"]) for r in rows] == [
        ("Lena Park", "council", "neutral", True),
        ("Omar Fields", "opposition", "distancing", False),
    ]


def test_offsets_point_into_the_original_text(doc):
    row = doc.rows["quotes"][1]
    assert doc.text[row["cue_start"] : row["cue_end"]] == "claimed"
    assert doc.text[row["source_start"] : row["source_end"]] == "Opposition leader Omar Fields"


def test_paragraph_columns(doc):
    assert doc.columns["n_quotes"] == [0, 1, 1, 0]
    assert math.isnan(doc.columns["balance"][0])
    assert doc.columns["balance"][1] == 0.0
    assert doc.columns["quoted_share"][0] == 0.0
    assert 0.6 < doc.columns["quoted_share"][1] < 1.0


def test_spans_and_voice_mask(doc):
    kinds = sorted({s.kind for s in doc.spans})
    assert kinds == ["cue", "quote", "source"]
    quote = next(s for s in doc.spans if s.kind == "quote")
    assert voice_at(doc, quote.start, quote.end) == "quoted"
    ranges = doc.annotations["quoted_ranges"]
    assert ranges == sorted(ranges)
    assert all(a[1] <= b[0] for a, b in zip(ranges, ranges[1:], strict=False))


def test_document_balance_across_sides(doc):
    summary = doc.annotations["attribution_summary"]
    assert summary["n_quotes"] == 2
    assert 0.0 < summary["balance"] <= 1.0


def test_empty_and_odd_documents_do_not_raise(scorer):
    for text in ["", "“", "»»", "No quotes at all here."]:
        d = segment(text, "x")
        scorer.annotate([d])
        assert len(d.columns["n_quotes"]) == len(d.paragraphs)


def test_seed_article(seed_article):
    text = seed_article.read_text(encoding="utf-8")
    d = segment(text, "seed", paragraphs="line")
    AttributionScorer().annotate([d])
    rows = d.rows["quotes"]
    by_para: dict[int, list[dict]] = {}
    for r in rows:
        by_para.setdefault(r["para_id"], []).append(r)
    # Every attribution has a speaker resolved to a full name or an organisation.
    assert all(r["speaker"] for r in rows)
    # The direct quotations, with their speakers (pronoun included).
    direct = {(r["para_id"], r["speaker"]) for r in rows if r["direct"]}
    assert direct == {
        (2, "Vladimir Putin"),
        (3, "Vladimir Putin"),
        (4, "Xi Jinping"),
        (9, "Vladimir Putin"),
    }
    assert {r["speaker"] for r in by_para[8]} == {"Vladimir Putin"}
    assert {r["speaker"] for r in by_para[5]} == {"Xi Jinping"}
    assert any(r["speaker"] == "CNN" for r in by_para[1])
    # Paragraphs that report nobody's words have no attribution.
    assert not set(by_para) & {6, 7, 10, 11, 12}
    assert set(by_para) == {0, 1, 2, 3, 4, 5, 8, 9}


def test_a_pair_of_speakers_from_two_sides_splits_its_voice():
    text = "Anna Berg and Paul Grant said the deal was dead."
    d = segment(text, "g")
    AttributionScorer(actors={"left": ["Anna Berg"], "right": ["Paul Grant"]}).annotate([d])
    row = d.rows["quotes"][0]
    assert (row["side"], row["speaker_sides"]) == (None, ["left", "right"])
    assert d.columns["balance"] == [1.0]


def test_random_mark_soup_never_breaks_the_invariants(scorer):
    import random

    rng = random.Random(4)
    alphabet = list("“”‘’«»„\"'` ,.:—\n") + ["said", "Ann Lee", "he", "told", "that", "x"]
    for _ in range(200):
        text = " ".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        d = segment(text, "r")
        scorer.annotate([d])
        ranges = d.annotations["quoted_ranges"]
        assert all(0 <= s < e <= len(text) for s, e in ranges)
        assert all(a[1] <= b[0] for a, b in zip(ranges, ranges[1:], strict=False))
        for row in d.rows.get("quotes", []):
            for a, b in (("cue_start", "cue_end"), ("source_start", "source_end")):
                if row[a] is not None:
                    assert 0 <= row[a] < row[b] <= len(text)
        assert len(d.columns["balance"]) == len(d.paragraphs)


def test_discourse_marker_gives_no_quote_row_with_the_cue_model(scorer):
    text = "It's worth noting that the plan failed. It should be noted that it cost $5."
    doc = segment(text, "d")
    scorer.annotate([doc])
    assert doc.rows.get("quotes", []) == []
