"""write_stance: a document's stance rows, columns and target spans from scored units."""

from __future__ import annotations

import math
from typing import Any

import pytest

from framing.segment import segment
from framing.stance._stance_rows import write_stance
from framing.stance._targets import Mention

TEXT = "Acme grew. It hired. Bolt fell.\nAcme paid."


def _unit(pid: int, start: int, target: str, kind: str, voice: str, score: float, p=None):
    end = start + (2 if kind == "pronoun" else 4)
    unit: dict[str, Any] = {
        "ms": [Mention(pid, start, end, target, kind, False)],
        "voice": voice,
        "score": score,
    }
    if p is not None:
        unit["p"] = p
    return unit


def _write(units: list[dict[str, Any]], targets=("Bolt", "Acme"), threshold: float = 0.2):
    doc = segment(TEXT, "d", paragraphs="line")
    write_stance(doc, units, [round(u["score"], 4) for u in units], targets, threshold)
    return doc


def test_a_pronoun_counts_half_in_the_paragraph_mean() -> None:
    doc = _write(
        [
            _unit(0, 0, "Acme", "alias", "author", 0.6),
            _unit(0, 11, "Acme", "pronoun", "author", -0.3),
        ]
    )
    (row,) = doc.rows["stance"]
    assert row["score"] == pytest.approx((0.6 - 0.5 * 0.3) / 1.5)
    assert row["n_mentions"] == 2 and row["voice"] == "author"


def test_rows_sort_by_paragraph_then_target_and_columns_keep_target_order() -> None:
    doc = _write(
        [
            _unit(0, 0, "Acme", "alias", "author", 0.5),
            _unit(0, 21, "Bolt", "alias", "author", -0.5),
            _unit(1, 32, "Acme", "alias", "author", 0.0),
        ]
    )
    assert [(r["para_id"], r["target"]) for r in doc.rows["stance"]] == [
        (0, "Acme"),
        (0, "Bolt"),
        (1, "Acme"),
    ]
    assert list(doc.columns) == ["stance__Bolt", "stance__Acme"]
    assert doc.columns["stance__Acme"] == [0.5, 0.0]
    assert doc.columns["stance__Bolt"][0] == -0.5 and math.isnan(doc.columns["stance__Bolt"][1])


def test_mixed_voices_get_their_own_scores_and_labels() -> None:
    doc = _write(
        [
            _unit(0, 0, "Acme", "alias", "author", 0.05, p=[0.2, 0.7, 0.1]),
            _unit(0, 11, "Acme", "alias", "quoted", 0.6, p=[0.1, 0.2, 0.7]),
        ]
    )
    (row,) = doc.rows["stance"]
    assert row["voice"] == "mixed"
    assert (row["author_label"], row["quoted_label"]) == ("neutral", "favor")
    assert (row["author_score"], row["quoted_score"]) == (0.05, 0.6)
    # The paragraph's label is the top class of the mean probabilities (0.15, 0.45, 0.4).
    assert row["label"] == "neutral"


def test_units_without_probabilities_are_labelled_by_threshold() -> None:
    doc = _write([_unit(0, 0, "Acme", "alias", "quoted", 0.3)], threshold=0.4)
    (row,) = doc.rows["stance"]
    assert row["label"] == "neutral" and row["quoted_label"] == "neutral"
    assert row["author_label"] is None and math.isnan(row["author_score"])


def test_every_mention_gets_a_target_span_with_the_rounded_score() -> None:
    doc = segment(TEXT, "d", paragraphs="line")
    unit = _unit(0, 0, "Acme", "alias", "author", 0.123456)
    write_stance(doc, [unit], [0.1235], ["Acme"], 0.2)
    (span,) = doc.spans
    assert (span.start, span.end, span.kind, span.label) == (0, 4, "target", "Acme")
    assert span.score == 0.1235 and span.voice == "author" and span.extra == {"mention": "alias"}
