"""How the stance scorer combines the classifier with the rules: chosen by cross-validation.

The stance scorer labels a mention with the classifier's most probable class after adding
the rules' evidence (``LexiconStance.evidence``, -1..1) to the log-odds of ``favor`` and
subtracting it from those of ``against``, with weight ``lexicon_weight`` (``direct_weight``
where the rules found direct predication). This script computes out-of-fold class
probabilities on NewsMTSC ``train.jsonl`` (5-fold cross-validation grouped by sentence,
the shipped model's parameters) and the rules' evidence of every mention, then prints
out-of-fold macro-F1 for a grid of the two weights, beside the scorer's former rule
(a weighted average of the rules' score and ``P(favor) - P(against)``, labelled with a
±0.2 threshold). The dev splits are not read.

Usage::

    python scripts/choose_stance_weights.py [--data DIR]
"""

from __future__ import annotations

import argparse
import itertools
from pathlib import Path

import numpy as np
from sklearn.metrics import f1_score
from sklearn.model_selection import GroupKFold

from framing.stance import TargetStanceClassifier, read_stance_data
from framing.stance._classifier import LABELS
from framing.stance._features import token_range
from framing.stance._lexicon_scorer import LexiconStance, tokenize_sentence

ROOT = Path(__file__).resolve().parents[1]
GRID = [0.0, 0.25, 0.5, 0.75, 1.0, 1.5, 2.0]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "data" / "newsmtsc"))
    args = ap.parse_args()
    train = read_stance_data(Path(args.data) / "train.jsonl")
    X, y = train[["text", "start", "end"]], train.label.to_numpy(dtype=str)
    params = TargetStanceClassifier.pretrained().get_params()
    P = np.zeros((len(y), len(LABELS)))
    for tr, te in GroupKFold(5).split(X, y, train.text.factorize()[0]):
        fold = TargetStanceClassifier(**params).fit(X.iloc[tr], y[tr])
        cols = [list(fold.classes_).index(c) for c in LABELS]
        P[te] = fold.predict_proba(X.iloc[te])[:, cols]
    rules = LexiconStance()
    lex, direct = np.zeros(len(y)), np.zeros(len(y))
    for i, (t, s, e) in enumerate(zip(train.text, train.start, train.end, strict=True)):
        toks = tokenize_sentence(t, 0, len(t), (), rules.lexicon)
        a, b = token_range(toks, s, e)
        if b > a:
            lex[i], direct[i] = rules.evidence(toks, a, b)
    is_direct = np.abs(direct) >= 0.3
    labels = np.asarray(LABELS)

    def f1(pred: np.ndarray) -> float:
        return float(f1_score(y, pred, average="macro"))

    w = np.where(is_direct, 0.75, 0.5)
    old = w * lex + (1 - w) * (P[:, 2] - P[:, 0])
    old_pred = np.where(old >= 0.2, "favor", np.where(old <= -0.2, "against", "neutral"))
    print(f"former rule (average 0.5 / 0.75, threshold 0.2): {f1(old_pred):.4f}")
    print(f"classifier alone (most probable class):           {f1(labels[P.argmax(1)]):.4f}")
    log_p = np.log(np.maximum(P, 1e-12))
    print("lexicon_weight direct_weight  out-of-fold macro-F1")
    for lw, dw in itertools.product(GRID, GRID):
        beta = np.where(is_direct, dw, lw)
        z = log_p.copy()
        z[:, 2] += beta * lex
        z[:, 0] -= beta * lex
        print(f"{lw:14.2f} {dw:13.2f}  {f1(labels[z.argmax(1)]):.4f}")


if __name__ == "__main__":
    main()
