"""Reproducible training of the shipped stance model ``framing/models/stance_newsmtsc.npz``.

Reads NewsMTSC (Hamborg & Donnay 2021, MIT) from ``../shared/data/newsmtsc`` beside
the repository (or ``--data DIR``), reports 5-fold grouped cross-validation on the
training split (and chooses C, the naive Bayes weight, the weight of the NB-weighted
logistic regression and the favour bias on its out-of-fold scores), fits on all of
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
#: Grids searched by cross-validation on train (out-of-fold macro-F1).
C_GRID = [3.0, 10.0]
NB_GRID = [0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6]
NBLR_GRID = [0.0, 0.1, 0.2, 0.3, 0.4]


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
    ap.add_argument("--nb-weight", type=float, default=None, help="skip choosing it by CV")
    ap.add_argument("--nblr-weight", type=float, default=None, help="skip choosing it by CV")
    args = ap.parse_args()
    data = Path(args.data)
    train = read_stance_data(data / "train.jsonl")
    dev = {s: read_stance_data(data / f"{s}.jsonl", dedupe=False) for s in ("dev_rw", "dev_mt")}
    params = {} if args.C is None else {"C": args.C}
    if args.nb_weight is not None:
        params["nb_weight"] = args.nb_weight
    if args.nblr_weight is not None:
        params["nblr_weight"] = args.nblr_weight
    clf = TargetStanceClassifier(**params)
    report: dict = {"n_train": len(train), "params": clf.get_params()}
    X, y = train[["text", "start", "end"]], train.label.to_numpy(dtype=str)
    if not args.no_cv:
        t0 = time.time()
        groups = train.text.factorize()[0]
        folds = list(GroupKFold(5).split(X, y, groups))
        # Out-of-fold scores of the three models for each C of the grid (or the given C).
        grid_c = [clf.C] if args.C is not None else C_GRID
        v_grid = [clf.nblr_weight] if args.nblr_weight is not None else NBLR_GRID
        fit_nblr = max(v_grid) > 0  # the third model is fitted only when needed
        scores = {}
        for c in grid_c:
            z = np.zeros((3 if fit_nblr else 2, len(y), 3))
            for tr, te in folds:
                fold_clf = clone(clf).set_params(C=c, nblr_weight=max(v_grid))
                fold_clf.fit(X.iloc[tr], y[tr])
                z[:, te] = fold_clf._component_scores(X.iloc[te])
            scores[c] = z
        classes = fold_clf.classes_
        fi = list(classes).index("favor")

        def oof(c: float, w: float, v: float = 0.0, bias: float = 0.0) -> tuple[float, float]:
            z = (1.0 - w) * scores[c][0] + w * scores[c][1]
            if v:
                z = (1.0 - v) * z + v * scores[c][2]
            z[:, fi] += bias
            pred = classes[z.argmax(axis=1)]
            return float(f1_score(y, pred, average="macro")), float(accuracy_score(y, pred))

        # C and the two weights, then the favour bias: the values that maximise
        # out-of-fold macro-F1 (grids fixed in advance; dev is never looked at).
        nb_grid = [clf.nb_weight] if args.nb_weight is not None else NB_GRID
        table = {(c, w, v): oof(c, w, v)[0] for c in grid_c for w in nb_grid for v in v_grid}
        report["cv5_train_macro_f1_by_C_nb_weight_nblr_weight"] = {
            f"C={c} nb_weight={w} nblr_weight={v}": round(f, 4) for (c, w, v), f in table.items()
        }
        report["cv5_train_alone"] = {
            f"C={c}": {
                "lr": [round(f, 4) for f in oof(c, 0.0)],
                **({"nblr": [round(f, 4) for f in oof(c, 0.0, 1.0)]} if fit_nblr else {}),
            }
            for c in grid_c
        }
        c_best, w_best, v_best = max(table, key=table.get)
        f_w, a_w = oof(c_best, w_best, v_best)
        report["cv5_train_macro_f1"] = round(f_w, 4)
        report["cv5_train_accuracy"] = round(a_w, 4)
        best = (f_w, 0.0)
        for bias in np.round(np.arange(-0.5, 0.51, 0.05), 2):
            f = oof(c_best, w_best, v_best, float(bias))[0]
            if f > best[0] + 1e-9:
                best = (f, float(bias))
        report["cv5_train_macro_f1_with_bias"] = round(best[0], 4)
        report["cv5_train_accuracy_with_bias"] = round(oof(c_best, w_best, v_best, best[1])[1], 4)
        clf.set_params(C=c_best, nb_weight=w_best, nblr_weight=v_best)
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
