"""NewsMTSC (Hamborg & Donnay 2021) evaluation of the target stance classifier.

The dataset is read at run time from the user's copy (MIT); nothing of it ships.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from sklearn.metrics import accuracy_score, f1_score

from ..errors import InputError

__all__ = ["NEWSMTSC_SPLITS", "evaluate_newsmtsc", "newsmtsc_files"]

NEWSMTSC_SPLITS = ("dev_rw", "dev_mt", "devtest_rw", "devtest_mt", "test_rw", "test_mt")
_LABELS = ["against", "neutral", "favor"]


def newsmtsc_files(path: str | os.PathLike[str]) -> dict[str, Path]:
    """Evaluation splits found at ``path`` (a directory of ``*.jsonl`` or one file)."""
    p = Path(path)
    if p.is_file():
        return {p.stem: p}
    if not p.is_dir():
        raise InputError(f"{p}: no such file or directory")
    found = {s: p / f"{s}.jsonl" for s in NEWSMTSC_SPLITS if (p / f"{s}.jsonl").exists()}
    if not found:
        raise InputError(f"{p}: no NewsMTSC evaluation split ({', '.join(NEWSMTSC_SPLITS)})")
    return found


def evaluate_newsmtsc(path: str | os.PathLike[str], classifier: Any = None) -> pd.DataFrame:
    """Macro-F1 over against/neutral/favor and accuracy on each NewsMTSC split.

    Parameters
    ----------
    path : path
        The NewsMTSC folder (``dev_rw.jsonl``, ``dev_mt.jsonl``, ...) or one split file.
    classifier : TargetStanceClassifier, optional
        Defaults to the pretrained model.

    Returns
    -------
    pandas.DataFrame
        One row per split: ``dataset, split, n, macro_f1, accuracy, f1_against,
        f1_neutral, f1_favor`` of the classifier, ``scorer_macro_f1`` and
        ``scorer_accuracy`` of the labels the stance scorer gives (the classifier with
        the rules' evidence, :meth:`~framing.stance.StanceScorer.label_mentions`), and
        ``majority_macro_f1``.
    """
    from ..stance import StanceScorer, TargetStanceClassifier, read_stance_data

    clf = TargetStanceClassifier.pretrained() if classifier is None else classifier
    scorer = StanceScorer({"target": []}, classifier=clf)
    rows: list[dict[str, Any]] = []
    for split, file in newsmtsc_files(path).items():
        data = read_stance_data(file, dedupe=False)
        y = data["label"].to_numpy(dtype=str)
        X = data[["text", "start", "end"]]
        pred = np.asarray(clf.predict(X), dtype=str)
        labelled = scorer.label_mentions(X)
        per = f1_score(y, pred, labels=_LABELS, average=None, zero_division=0)
        majority = np.full(len(y), pd.Series(y).mode().iloc[0])
        rows.append(
            {
                "dataset": "newsmtsc",
                "split": split,
                "n": len(y),
                "macro_f1": float(f1_score(y, pred, labels=_LABELS, average="macro")),
                "accuracy": float(accuracy_score(y, pred)),
                **{f"f1_{lab}": float(v) for lab, v in zip(_LABELS, per, strict=True)},
                "scorer_macro_f1": float(f1_score(y, labelled, labels=_LABELS, average="macro")),
                "scorer_accuracy": float(accuracy_score(y, labelled)),
                "majority_macro_f1": float(
                    f1_score(y, majority, labels=_LABELS, average="macro", zero_division=0)
                ),
            }
        )
    return pd.DataFrame(rows)
