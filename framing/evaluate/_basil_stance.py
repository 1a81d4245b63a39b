"""BASIL (Fan et al. 2019) evaluation of the stance scorer.

Two comparisons, on the user's copy of BASIL read at run time (no licence stated:
evaluation only; nothing of it ships):

* document level: the mean author-voice stance toward each annotated entity against
  the article's ``author_feeling_<entity>`` (pos / neu / neg);
* paragraph level: the stance toward an entity in a paragraph (author voice for
  unquoted spans, quoted voice for quoted ones) against the polarity (pos / neg) of the
  annotated spans that target the entity there.

Entities become targets named as in BASIL (``Donald_Trump`` -> ``Donald Trump``) with
the full name and, for names of two or more words, the last word as aliases.
"""

from __future__ import annotations

import json
import math
import os
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from sklearn.metrics import accuracy_score, f1_score

from ..errors import InputError
from ..segment import segment

__all__ = ["evaluate_basil_stance", "read_basil"]

_FEELING = {"pos": "favor", "neu": "neutral", "neg": "against"}


def read_basil(path: str | os.PathLike[str], limit: int | None = None) -> list[dict[str, Any]]:
    """Articles with annotations: ``text`` (one paragraph a line), ``feelings``, ``spans``."""
    root = Path(path)
    ann_dir, art_dir = root / "annotations", root / "articles"
    if not ann_dir.is_dir() or not art_dir.is_dir():
        raise InputError(f"{root}: expected BASIL folders annotations/ and articles/")
    out: list[dict[str, Any]] = []
    for ann_file in sorted(ann_dir.glob("*/*_ann.json"))[:limit]:
        art_file = art_dir / ann_file.parent.name / ann_file.name.replace("_ann.json", ".json")
        if not art_file.exists():
            continue
        try:
            ann = json.loads(ann_file.read_text(encoding="utf-8"))
            art = json.loads(art_file.read_text(encoding="utf-8"))
            paras = [" ".join(s.strip() for s in p) for p in art["body-paragraphs"]]
            level = ann["article-level-annotations"]
            phrases = ann["phrase-level-annotations"]
        except (ValueError, KeyError, TypeError) as exc:
            raise InputError(f"{ann_file}: not a BASIL annotation/article pair ({exc!r})") from None
        paras = [p.replace("\n", " ") for p in paras if p.strip()]
        feelings = {
            k[len("author_feeling_") :]: v
            for k, v in level.items()
            if k.startswith("author_feeling_")
            and k != "author_feeling_main_event"
            and v in _FEELING
        }
        spans = []
        for ph in phrases:
            txt = (ph.get("txt") or "").strip()
            pid = next((i for i, p in enumerate(paras) if txt and txt in p), None)
            if pid is None or ph.get("polarity") not in ("pos", "neg"):
                continue
            spans.append(
                {
                    "para_id": pid,
                    "target": ph.get("target") or "",
                    "polarity": ph["polarity"],
                    "quoted": ph.get("quote") == "yes",
                }
            )
        out.append(
            {
                "doc_id": ann_file.stem.replace("_ann", ""),
                "text": "\n".join(paras),
                "feelings": feelings,
                "spans": spans,
            }
        )
    if not out:
        raise InputError(f"{root}: no BASIL articles found")
    return out


def _targets(entities: set[str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for ent in sorted(entities):
        name = ent.replace("_", " ").strip()
        if not name:
            continue
        words = name.split()
        aliases = [name]
        if len(words) >= 2 and words[0][:1].isupper() and words[-1][:1].isupper():
            aliases.append(words[-1])
        out[ent] = aliases
    return out


def evaluate_basil_stance(
    path: str | os.PathLike[str],
    classifier: Any = "pretrained",
    attribution: bool = True,
    limit: int | None = None,
) -> pd.DataFrame:
    """Agreement of the stance scorer with BASIL's document and span annotations.

    Parameters
    ----------
    path : path
        The BASIL folder (``annotations/``, ``articles/``).
    classifier : "pretrained", TargetStanceClassifier or None
        Passed to :class:`~framing.stance.StanceScorer`.
    attribution : bool, default True
        Run the attribution scorer first so quoted and author voices are separated.
    limit : int, optional
        Only the first ``limit`` annotated articles (for quick checks).

    Returns
    -------
    pandas.DataFrame
        Rows ``level`` = ``document`` / ``paragraph`` with ``n`` (pairs compared),
        ``coverage`` (share of annotated pairs where the entity was found), ``accuracy``,
        ``macro_f1`` and ``majority_accuracy`` (always the most frequent gold label).
    """
    from ..stance import StanceScorer

    articles = read_basil(path, limit)
    clf: Any = classifier
    if classifier == "pretrained":
        from ..stance import TargetStanceClassifier

        clf = TargetStanceClassifier.pretrained()
    attr = None
    if attribution:
        try:
            from ..attribution import AttributionScorer

            attr = AttributionScorer()
        except ImportError:  # pragma: no cover - attribution is part of the package
            attr = None
    doc_gold: list[str] = []
    doc_pred: list[str] = []
    doc_total = 0
    par_gold: list[str] = []
    par_pred: list[str] = []
    par_total = 0
    for art in articles:
        entities = set(art["feelings"]) | {s["target"] for s in art["spans"]}
        targets = _targets(entities)
        if not targets:
            continue
        doc = segment(art["text"], art["doc_id"], paragraphs="line")
        if attr is not None:
            attr.annotate([doc])
        scorer = StanceScorer(targets, classifier=clf, expand=False)
        scorer.annotate([doc])
        rows = doc.rows.get("stance", [])
        for ent, feeling in art["feelings"].items():
            doc_total += 1
            vals = [r["author_score"] for r in rows if r["target"] == ent]
            vals = [v for v in vals if not math.isnan(v)]
            if not vals:
                continue
            doc_gold.append(_FEELING[feeling])
            doc_pred.append(_label(float(np.mean(vals)), scorer.threshold))
        gold_pairs: dict[tuple[int, str, bool], list[str]] = {}
        for s in art["spans"]:
            gold_pairs.setdefault((s["para_id"], s["target"], s["quoted"]), []).append(
                s["polarity"]
            )
        by_key = {(r["para_id"], r["target"]): r for r in rows}
        for (pid, ent, quoted), pols in gold_pairs.items():
            par_total += 1
            r = by_key.get((pid, ent))
            score = (r["quoted_score"] if quoted else r["author_score"]) if r else math.nan
            if r is not None and math.isnan(score):
                score = r["score"]
            if math.isnan(score):
                continue
            neg = pols.count("neg")
            par_gold.append("against" if neg * 2 >= len(pols) else "favor")
            par_pred.append(_label(score, scorer.threshold))
    return pd.DataFrame(
        [
            _summary("document", doc_gold, doc_pred, doc_total),
            _summary("paragraph", par_gold, par_pred, par_total),
        ]
    )


def _label(score: float, threshold: float) -> str:
    return "favor" if score >= threshold else "against" if score <= -threshold else "neutral"


def _summary(level: str, gold: list[str], pred: list[str], total: int) -> dict[str, Any]:
    if not gold:
        return {
            "dataset": "basil",
            "level": level,
            "n": 0,
            "coverage": 0.0,
            "accuracy": math.nan,
            "macro_f1": math.nan,
            "majority_accuracy": math.nan,
            "sign_agreement": math.nan,
        }
    labels = sorted(set(gold))
    majority = pd.Series(gold).mode().iloc[0]
    polar = [(g, p) for g, p in zip(gold, pred, strict=True) if g != "neutral" and p != "neutral"]
    return {
        "dataset": "basil",
        "level": level,
        "n": len(gold),
        "coverage": len(gold) / total if total else math.nan,
        "accuracy": float(accuracy_score(gold, pred)),
        "macro_f1": float(f1_score(gold, pred, labels=labels, average="macro", zero_division=0)),
        "majority_accuracy": float(np.mean([g == majority for g in gold])),
        "sign_agreement": float(np.mean([g == p for g, p in polar])) if polar else math.nan,
    }
