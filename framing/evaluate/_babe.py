"""BABE (Spinde et al. 2021): sentence-level bias labels and word-level biased words.

The data (AGPL-3.0) is read at run time from a path the user gives; nothing of it is
copied into the project.

Word-level scores compare, sentence by sentence, the set of distinct lower-cased word
tokens predicted loaded with the set of annotated ``biased_words`` that occur in the
sentence (micro-averaged precision, recall, F1 over all Biased and Non-biased
sentences). Sentence-level scores are macro-F1 over the two classes and ROC AUC.
"""

from __future__ import annotations

import ast
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from sklearn.metrics import f1_score, roc_auc_score
from sklearn.model_selection import StratifiedKFold

from ..errors import InputError
from ..lexicon import EPISTEMIC_CATEGORIES, vader_lexicon
from ..loaded._features import analyse_text
from ._metrics import prf

__all__ = ["babe_scores", "evaluate_babe", "read_babe", "word_prf"]


def read_babe(path: str | os.PathLike[str]) -> pd.DataFrame:
    """Read a BABE CSV (``;``-separated) or a folder holding ``babe_sg2.csv``.

    Returns a DataFrame with ``text``, ``label`` (1 Biased, 0 Non-biased),
    ``biased_words`` (list of str) and the file's other columns; rows labelled
    "No agreement" are dropped.
    """
    p = Path(path)
    if p.is_dir():
        p = p / "babe_sg2.csv"
    if not p.is_file():
        raise InputError(f"{p}: BABE file not found")
    df = pd.read_csv(p, sep=";")
    missing = {"text", "label_bias", "biased_words"} - set(df.columns)
    if missing:
        raise InputError(f"{p}: not a BABE file (missing columns {sorted(missing)})")
    df = df[df["label_bias"].isin(["Biased", "Non-biased"])].reset_index(drop=True)
    df["label"] = (df["label_bias"] == "Biased").astype(int)
    df["biased_words"] = [_words(v, p, i) for i, v in enumerate(df["biased_words"])]
    return df


def _words(value: Any, path: Path, row: int) -> list[str]:
    if not isinstance(value, str) or not value.strip():
        return []
    try:
        out = ast.literal_eval(value)
    except (ValueError, SyntaxError):
        raise InputError(f"{path}: row {row + 2}: biased_words is not a list literal") from None
    return [str(w) for w in out]


def gold_word_sets(texts: Sequence[str], biased: Sequence[Sequence[str]]) -> list[set[str]]:
    """Per sentence, the annotated biased words that occur among its tokens (lower case)."""
    out = []
    for text, words in zip(texts, biased, strict=True):
        toks = set(analyse_text(text).lower)
        out.append({w.lower() for w in words} & toks)
    return out


def word_prf(gold: Sequence[set[str]], pred: Sequence[set[str]]) -> tuple[float, float, float]:
    """Micro precision, recall, F1 over per-sentence word sets.

    Examples
    --------
    >>> word_prf([{"sham"}, set()], [{"sham", "vote"}, {"rally"}])
    (0.3333333333333333, 1.0, 0.5)
    """
    tp = sum(len(g & p) for g, p in zip(gold, pred, strict=True))
    return prf(tp, sum(len(g) for g in gold), sum(len(p) for p in pred))


def babe_scores(
    gold_words: Sequence[set[str]],
    pred_words: Sequence[set[str]],
    labels: Sequence[int],
    probs: Sequence[float],
) -> dict[str, float]:
    """Word-level P/R/F1 and sentence-level macro-F1 and ROC AUC."""
    wp, wr, wf = word_prf(gold_words, pred_words)
    y = np.asarray(labels)
    pr = np.asarray(probs, dtype=float)
    return {
        "word_precision": wp,
        "word_recall": wr,
        "word_f1": wf,
        "sentence_macro_f1": float(f1_score(y, pr >= 0.5, average="macro")),
        "sentence_roc_auc": float(roc_auc_score(y, pr)) if len(set(y)) == 2 else float("nan"),
    }


def _baselines(df: pd.DataFrame, gold: list[set[str]]) -> dict[str, dict[str, float]]:
    vader = vader_lexicon()
    vad_words, vad_prob, lex_words, lex_prob = [], [], [], []
    for text in df["text"]:
        t = analyse_text(text)
        vad_words.append({w for w in t.lower if vader.get(w, 0.0) != 0.0})
        vad_prob.append(max((abs(vader.get(w, 0.0)) for w in t.lower), default=0.0) / 4)
        lw = {
            w
            for w, c in zip(t.lower, t.category, strict=True)
            if c and c not in EPISTEMIC_CATEGORIES
        }
        lex_words.append(lw)
        lex_prob.append(1.0 if lw else 0.0)
    y = df["label"].to_numpy()
    majority = np.full(len(y), float(np.mean(y) >= 0.5))
    return {
        "VADER lexicon words": babe_scores(gold, vad_words, y, vad_prob),
        "framing lexicons (loaded categories)": babe_scores(gold, lex_words, y, lex_prob),
        "majority class": babe_scores(gold, [set() for _ in gold], y, majority),
    }


def evaluate_babe(
    path: str | os.PathLike[str],
    mode: str = "pretrained",
    folds: int = 5,
    seed: int = 0,
    tagger: Any = None,
    classifier: Any = None,
) -> pd.DataFrame:
    """Evaluate loaded-language detection on BABE.

    Parameters
    ----------
    path : path
        A BABE CSV or folder.
    mode : {"pretrained", "cv"}
        ``pretrained``: score the shipped models on the file (use it on data they
        were not trained on). ``cv``: stratified k-fold cross-validation, training a
        fresh tagger and classifier on each training part.
    folds, seed : int
        Cross-validation folds and shuffling seed.
    tagger, classifier : estimators, optional
        Unfitted prototypes for ``cv`` mode (default: ``BiasClassifier`` with a
        ``LoadedTermTagger`` trained on the training part's biased words).

    Returns
    -------
    DataFrame
        One row per (system, metric): ``system``, ``metric``, ``value``.
    """
    from ..loaded import BiasClassifier, LoadedTermTagger, token_table

    df = read_babe(path)
    texts = df["text"].tolist()
    y = df["label"].to_numpy()
    gold = gold_word_sets(texts, df["biased_words"])
    pred_words: list[set[str]] = [set() for _ in texts]
    probs = np.zeros(len(texts))

    def tag(model: Any, idx: Sequence[int]) -> None:
        sub = [texts[i] for i in idx]
        table = token_table(sub)
        if table.empty:
            return
        hit = model.predict(table) == 1
        for tid, w in zip(table["text_id"][hit], table["word"][hit], strict=True):
            pred_words[idx[tid]].add(w.lower())

    if mode == "pretrained":
        clf = BiasClassifier.pretrained()
        probs[:] = clf.predict_proba(texts)[:, 1]
        tagger_model = clf.tagger_ if clf.tagger_ is not None else LoadedTermTagger.pretrained()
        tag(tagger_model, list(range(len(texts))))
        system = "framing pretrained"
    elif mode == "cv":
        proto = classifier or BiasClassifier(tagger=tagger or LoadedTermTagger())
        split = StratifiedKFold(folds, shuffle=True, random_state=seed)
        for tr, te in split.split(np.zeros(len(y)), y):
            from sklearn.base import clone

            model = clone(proto).fit(
                [texts[i] for i in tr], y[tr], token_labels=[df["biased_words"][i] for i in tr]
            )
            probs[te] = model.predict_proba([texts[i] for i in te])[:, 1]
            if model.tagger_ is not None:
                tag(model.tagger_, list(te))
        system = f"framing {folds}-fold CV"
    else:
        raise ValueError("mode must be 'pretrained' or 'cv'")
    results = {system: babe_scores(gold, pred_words, y, probs), **_baselines(df, gold)}
    rows = [
        {"dataset": "babe", "system": s, "metric": m, "value": v}
        for s, scores in results.items()
        for m, v in scores.items()
    ]
    return pd.DataFrame(rows)
