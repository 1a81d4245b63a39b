"""PolNeAR reader and span metrics; the quote protocol on our own annotated articles."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from framing.attribution import AttributionScorer
from framing.evaluate import (
    evaluate_polnear,
    match_spans,
    prf,
    quote_protocol_scores,
    read_polnear,
    score_polnear,
)
from framing.evaluate._polnear import _parse_ann
from framing.segment import segment

FIXTURES = Path(__file__).parent / "fixtures" / "attribution"


def test_exact_matching_is_one_to_one():
    assert match_spans([(0, 4), (0, 4)], [(0, 4)], "exact") == 1


def test_overlap_matching_prefers_the_largest_overlap():
    gold = [(0, 10), (10, 20)]
    pred = [(8, 19)]
    assert match_spans(gold, pred, "overlap") == 1


def test_unknown_mode_is_an_error():
    with pytest.raises(ValueError, match="mode"):
        match_spans([], [], "fuzzy")


def test_prf_with_nothing_predicted():
    assert prf(0, 5, 0) == (0.0, 0.0, 0.0)


def test_brat_lines_with_fragments_are_parsed():
    ann = (
        "T1\tSource 0 4\tAnna\nT2\tCue 5 9\tsaid\nT3\tContent 10 20;25 30\tx y\n"
        "T4\tAttribution 5 9\tsaid\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
    )
    (att,) = _parse_ann(ann, "x.ann")
    assert att["source"] == (0, 4) and att["cue"] == (5, 9) and att["content"] == (10, 30)
    assert att["fragments"]["content"] == [(10, 20), (25, 30)]


def test_score_polnear_on_a_constructed_document():
    from framing.evaluate import PolnearDoc

    text = "Anna said the bridge is safe."
    gold = [{"cue": (5, 9), "source": (0, 4), "content": (10, 28), "fragments": {}}]

    def predict(t):
        return [{"cue": (5, 9), "source": (0, 4), "content": (10, 20), "speech": True}]

    df = score_polnear([PolnearDoc("d", text, gold)], predict, lambda cue: True)
    row = df[(df.subset == "all") & (df.element == "content") & (df.match == "overlap")]
    assert row.f1.iloc[0] == 1.0
    row = df[(df.subset == "all") & (df.element == "content") & (df.match == "exact")]
    assert row.f1.iloc[0] == 0.0


def test_evaluate_polnear_dev(shared):
    path = shared / "data" / "polnear"
    if not (path / "dev").is_dir():
        pytest.skip("PolNeAR not available")
    docs = list(read_polnear(path, "dev"))
    assert len(docs) == 84
    df = evaluate_polnear(path, "dev")
    assert set(df.subset) == {"all", "speech"}
    cue = df[(df.subset == "speech") & (df.element == "cue") & (df.match == "exact")]
    assert cue.f1.iloc[0] > 0.5


def _gold(path: Path) -> tuple[str, list[dict]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    text = data["text"]
    gold = []
    for q in data["quotes"]:
        start = -1
        for _ in range(q.get("occurrence", 1)):
            start = text.index(q["content"], start + 1)
        gold.append(
            {
                "doc_id": path.stem,
                "start": start,
                "end": start + len(q["content"]),
                "speaker": q["speaker"],
                "verb": q["verb"],
            }
        )
    return text, gold


def _predicted(doc_id: str, text: str, scorer: AttributionScorer) -> list[dict]:
    doc = segment(text, doc_id, paragraphs="line")
    scorer.annotate([doc])
    out = []
    for row in doc.rows["quotes"]:
        spans = (
            [
                s
                for s in doc.spans
                if s.kind == "quote"
                and row["content_start"] <= s.start < s.end <= row["content_end"]
            ]
            if (row["content_start"] is not None)
            else []
        )
        for s in spans:
            out.append(
                {
                    "doc_id": doc_id,
                    "start": s.start,
                    "end": s.end,
                    "speaker": row["speaker"],
                    "verb": row["cue"] or "",
                }
            )
    return out


def test_quote_protocol_on_our_annotated_articles():
    scorer = AttributionScorer()
    gold, pred = [], []
    for path in sorted(FIXTURES.glob("*.json")):
        text, g = _gold(path)
        gold += g
        pred += _predicted(path.stem, text, scorer)
    strict = quote_protocol_scores(gold, pred, coverage=0.8)
    lenient = quote_protocol_scores(gold, pred, coverage=0.3)
    assert lenient["f1"] >= strict["f1"]
    # (35 articles, 280 quotations at the end of session 13: 0.936 / 0.95 / 0.84; the
    # floors guard against regressions, a few points below)
    assert lenient["f1"] >= 0.90
    assert lenient["speaker_accuracy"] >= 0.90
    assert lenient["verb_accuracy"] >= 0.80


def test_quote_protocol_counts_each_prediction_once():
    gold = [{"start": 0, "end": 10, "verb": "said"}, {"start": 0, "end": 10, "verb": "said"}]
    pred = [{"start": 0, "end": 10, "verb": "said"}]
    s = quote_protocol_scores(gold, pred)
    assert (s["n_found"], s["recall"], s["precision"]) == (1, 0.5, 1.0)


def test_quote_protocol_speaker_by_span_overlap():
    gold = [{"start": 0, "end": 10, "speaker_start": 20, "speaker_end": 30}]
    pred = [{"start": 0, "end": 10, "speaker_start": 25, "speaker_end": 40}]
    assert quote_protocol_scores(gold, pred)["speaker_accuracy"] == 1.0


def test_quote_protocol_with_no_predictions():
    s = quote_protocol_scores([{"start": 0, "end": 5}], [])
    assert s["f1"] == 0.0 and math.isnan(s["speaker_accuracy"])
