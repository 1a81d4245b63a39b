"""BASIL (Fan et al. 2019): lexical-bias spans (``bias == "lex"``) against loaded-term spans.

The corpus (no licence stated; evaluation only) is read at run time. Annotation
offsets are relative to a sentence that the file does not name: each span is
placed in the first sentence of its article whose text at those offsets equals the
annotated phrase. Scores: span-overlap precision/recall/F1 over the sentences of
annotated articles, and ROC AUC of the bias classifier for "the sentence holds a
lexical-bias span".
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from sklearn.metrics import roc_auc_score

from ..errors import InputError
from ._metrics import match_spans, prf
from ._ptc import merge_adjacent, systems

__all__ = ["evaluate_basil_loaded", "read_basil_sentences"]

Span = tuple[int, int]


def read_basil_sentences(path: str | os.PathLike[str]) -> pd.DataFrame:
    """One row per sentence of each annotated article: ``article``, ``source``,
    ``text``, ``lex_spans`` (list of (start, end)), ``n_unplaced`` (spans not found)."""
    root = Path(path)
    ann_root, art_root = root / "annotations", root / "articles"
    if not ann_root.is_dir() or not art_root.is_dir():
        raise InputError(f"{root}: not a BASIL folder (needs annotations/ and articles/)")
    rows = []
    for ann_path in sorted(ann_root.glob("*/*_ann.json")):
        art_path = art_root / ann_path.parent.name / ann_path.name.replace("_ann.json", ".json")
        if not art_path.is_file():
            continue
        ann = json.loads(ann_path.read_text(encoding="utf-8"))
        art = json.loads(art_path.read_text(encoding="utf-8"))
        sents = [s for para in art.get("body-paragraphs", []) for s in para]
        spans: list[list[Span]] = [[] for _ in sents]
        unplaced = 0
        for a in ann.get("phrase-level-annotations", []):
            if a.get("bias") != "lex":
                continue
            s, e, txt = int(a["start"]), int(a["end"]), a["txt"]
            for k, sent in enumerate(sents):
                if sent[s:e] == txt:
                    spans[k].append((s, e))
                    break
            else:
                unplaced += 1
        for k, sent in enumerate(sents):
            rows.append(
                {
                    "article": art_path.stem,
                    "source": art.get("source"),
                    "text": sent,
                    "lex_spans": spans[k],
                    "n_unplaced": unplaced if k == 0 else 0,
                }
            )
    return pd.DataFrame(rows)


def evaluate_basil_loaded(path: str | os.PathLike[str], **_: Any) -> pd.DataFrame:
    """Span-overlap P/R/F1 per system and sentence-level ROC AUC of the bias classifier."""
    from ..loaded import BiasClassifier

    df = read_basil_sentences(path)
    texts = df["text"].tolist()
    gold = df["lex_spans"].tolist()
    rows = []
    for name, system in systems().items():
        found = system(texts)
        n_match = n_gold = n_pred = 0
        for text, g, pred in zip(texts, gold, found, strict=True):
            pred = merge_adjacent(text, pred)
            n_match += match_spans(g, pred, "overlap")
            n_gold += len(g)
            n_pred += len(pred)
        p, r, f = prf(n_match, n_gold, n_pred)
        for metric, value in (("span_precision", p), ("span_recall", r), ("span_f1", f)):
            rows.append({"dataset": "basil", "system": name, "metric": metric, "value": value})
    y = np.array([bool(g) for g in gold])
    probs = BiasClassifier.pretrained().predict_proba(texts)[:, 1]
    rows.append(
        {
            "dataset": "basil",
            "system": "framing BiasClassifier (pretrained)",
            "metric": "sentence_roc_auc_has_lex_span",
            "value": float(roc_auc_score(y, probs)) if 0 < y.sum() < len(y) else float("nan"),
        }
    )
    rows.append(
        {
            "dataset": "basil",
            "system": "data",
            "metric": "lex_spans_placed",
            "value": float(sum(len(g) for g in gold)),
        }
    )
    rows.append(
        {
            "dataset": "basil",
            "system": "data",
            "metric": "lex_spans_unplaced",
            "value": float(df["n_unplaced"].sum()),
        }
    )
    return pd.DataFrame(rows)
