"""Reproducible training of the shipped stance model ``framing/models/stance_newsmtsc.npz``.

Reads NewsMTSC (Hamborg & Donnay 2021, MIT) from ``../shared/data/newsmtsc`` beside
the repository (or ``--data DIR``), reports 5-fold grouped cross-validation on the
training split (and chooses the favour bias on its out-of-fold scores), fits on all of
``train.jsonl``, reports the dev splits (never used for
fitting or choosing), compares with a plain baseline (logistic regression over hashed
uni/bigrams of the sentence with the target masked) and writes the model.

Usage::

    python scripts/train_stance.py [--data DIR] [--out framing/models/stance_newsmtsc.npz]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import numpy as np
from sklearn.base import clone
from sklearn.feature_extraction.text import HashingVectorizer, TfidfTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import GroupKFold
from sklearn.pipeline import make_pipeline

from framing.evaluate._newsmtsc import evaluate_newsmtsc
from framing.stance import TargetStanceClassifier, read_stance_data

ROOT = Path(__file__).resolve().parents[1]
LABELS = ["against", "neutral", "favor"]


def _masked(df):  # type: ignore[no-untyped-def]
    return [t[:s] + " TARGET " + t[e:] for t, s, e in zip(df.text, df.start, df.end, strict=True)]


def baseline(train, dev):  # type: ignore[no-untyped-def]
    """Hashed uni/bigram logistic regression on the masked sentence."""
    pipe = make_pipeline(
        HashingVectorizer(ngram_range=(1, 2), n_features=2**20, alternate_sign=False, norm=None),
        TfidfTransformer(sublinear_tf=True),
        LogisticRegression(C=3.0, max_iter=2000, class_weight="balanced"),
    )
    pipe.fit(_masked(train), train.label.to_numpy(dtype=str))
    out = {}
    for name, d in dev.items():
        pred = pipe.predict(_masked(d))
        y = d.label.to_numpy(dtype=str)
        out[name] = {
            "macro_f1": round(float(f1_score(y, pred, labels=LABELS, average="macro")), 4),
            "accuracy": round(float(accuracy_score(y, pred)), 4),
        }
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "data" / "newsmtsc"))
    ap.add_argument("--out", default=str(ROOT / "framing" / "models" / "stance_newsmtsc.npz"))
    ap.add_argument("--C", type=float, default=None)
    ap.add_argument("--no-cv", action="store_true")
    ap.add_argument("--favor-bias", type=float, default=None, help="skip choosing it by CV")
    args = ap.parse_args()
    data = Path(args.data)
    train = read_stance_data(data / "train.jsonl")
    dev = {s: read_stance_data(data / f"{s}.jsonl", dedupe=False) for s in ("dev_rw", "dev_mt")}
    params = {} if args.C is None else {"C": args.C}
    clf = TargetStanceClassifier(**params)
    report: dict = {"n_train": len(train), "params": clf.get_params()}
    X, y = train[["text", "start", "end"]], train.label.to_numpy(dtype=str)
    if not args.no_cv:
        t0 = time.time()
        groups = train.text.factorize()[0]
        z = np.zeros((len(y), 3))
        for tr, te in GroupKFold(5).split(X, y, groups):
            fold_clf = clone(clf).fit(X.iloc[tr], y[tr])
            z[te] = fold_clf.decision_function(X.iloc[te])
        classes = fold_clf.classes_
        cv = classes[z.argmax(axis=1)]
        report["cv5_train_macro_f1"] = round(float(f1_score(y, cv, average="macro")), 4)
        report["cv5_train_accuracy"] = round(float(accuracy_score(y, cv)), 4)
        # The favour bias: the value that maximises out-of-fold macro-F1.
        fi = list(classes).index("favor")
        best = (float(f1_score(y, cv, average="macro")), 0.0)
        for bias in np.round(np.arange(-0.5, 1.01, 0.1), 2):
            zb = z.copy()
            zb[:, fi] += bias
            f = float(f1_score(y, classes[zb.argmax(axis=1)], average="macro"))
            if f > best[0] + 1e-9:
                best = (f, float(bias))
        report["cv5_train_macro_f1_with_bias"] = round(best[0], 4)
        if args.favor_bias is None:
            clf.set_params(favor_bias=best[1])
        report["cv_seconds"] = round(time.time() - t0, 1)
        print(json.dumps(report), flush=True)
    if args.favor_bias is not None:
        clf.set_params(favor_bias=args.favor_bias)
    report["params"] = clf.get_params()
    t0 = time.time()
    clf.fit(X, y)
    report["fit_seconds"] = round(time.time() - t0, 1)
    clf.save(
        args.out,
        data="NewsMTSC train.jsonl (Hamborg & Donnay 2021)",
        licence="MIT (NewsMTSC repository)",
        n_train=len(train),
        script="scripts/train_stance.py",
    )
    model = TargetStanceClassifier.load(args.out)
    ev = evaluate_newsmtsc(data / "dev_rw.jsonl", model)
    ev = [ev, evaluate_newsmtsc(data / "dev_mt.jsonl", model)]
    report["dev"] = {
        r["split"]: {"macro_f1": round(r["macro_f1"], 4), "accuracy": round(r["accuracy"], 4)}
        for e in ev
        for r in e.to_dict("records")
    }
    report["baseline_dev"] = baseline(train, dev)
    report["model_bytes"] = Path(args.out).stat().st_size
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    np.random.seed(0)
    main()
