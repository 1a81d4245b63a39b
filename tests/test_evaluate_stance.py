"""Stance evaluation on NewsMTSC and BASIL (read from ../shared at run time)."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest

from framing.errors import InputError
from framing.evaluate._basil_stance import evaluate_basil_stance, read_basil
from framing.evaluate._newsmtsc import evaluate_newsmtsc
from framing.stance import TargetStanceClassifier, evaluate_stance, read_stance_data

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


def _pretrained() -> TargetStanceClassifier:
    try:
        return TargetStanceClassifier.pretrained()
    except InputError:
        pytest.skip("pretrained stance model not built")


def test_unknown_dataset() -> None:
    with pytest.raises(InputError, match="newsmtsc or basil"):
        evaluate_stance("semeval", "x")


def test_read_csv_and_label_aliases(tmp_path: Path) -> None:
    path = tmp_path / "d.csv"
    path.write_text("text,start,end,label\nAcme won.,0,4,positive\nAcme lost.,0,4,-1\n")
    data = read_stance_data(path)
    assert data.label.tolist() == ["favor", "against"]


def test_read_csv_error_names_line(tmp_path: Path) -> None:
    path = tmp_path / "d.csv"
    path.write_text("text,start,end,label\nAcme won.,0,4,great\n")
    with pytest.raises(InputError, match=r"d.csv, line 2"):
        read_stance_data(path)


def test_read_jsonl_error_names_line(tmp_path: Path) -> None:
    path = tmp_path / "d.jsonl"
    path.write_text('{"sentence_normalized": "A b.", "targets": []}\n{"broken": 1}\n')
    with pytest.raises(InputError, match=r"d.jsonl, line 2"):
        read_stance_data(path)


def test_newsmtsc_dev_scores() -> None:
    folder = DATA / "newsmtsc"
    if not (folder / "dev_rw.jsonl").exists():
        pytest.skip("../shared/data/newsmtsc not present")
    clf = _pretrained()
    res = evaluate_newsmtsc(folder / "dev_mt.jsonl", clf)
    row = res.iloc[0]
    assert row["split"] == "dev_mt" and row["n"] > 400
    assert row["macro_f1"] > row["majority_macro_f1"] + 0.3
    assert 0.0 <= row["accuracy"] <= 1.0


def test_newsmtsc_scores_the_scorers_labels_too() -> None:
    folder = DATA / "newsmtsc"
    if not (folder / "dev_mt.jsonl").exists():
        pytest.skip("../shared/data/newsmtsc not present")
    row = evaluate_newsmtsc(folder / "dev_mt.jsonl", _pretrained()).iloc[0]
    # The scorer decides with the classifier's probabilities, so its labels are about
    # as good; the former average-and-threshold rule was 0.11 below.
    assert abs(row["scorer_macro_f1"] - row["macro_f1"]) < 0.03


def test_basil_agreement_table() -> None:
    folder = DATA / "basil"
    if not (folder / "annotations").is_dir():
        pytest.skip("../shared/data/basil not present")
    arts = read_basil(folder, limit=3)
    assert arts and all("\n" in a["text"] for a in arts)
    res = evaluate_basil_stance(folder, classifier=None, limit=12)
    assert isinstance(res, pd.DataFrame)
    assert set(res["level"]) == {"document", "paragraph"}
    para = res.set_index("level").loc["paragraph"]
    assert para["n"] > 0 and 0 < para["coverage"] <= 1 and not math.isnan(para["accuracy"])
