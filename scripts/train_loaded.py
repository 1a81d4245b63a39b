"""Train the shipped loaded-language models reproducibly.

Trains, on every Biased / Non-biased sentence of BABE's expert-labelled file
(``babe_sg2.csv``, Spinde et al. 2021, AGPL-3.0, read from ../shared/data/babe at run
time):

* ``framing/models/loaded_tagger.npz``: ``LoadedTermTagger`` on the word labels
  (``biased_words``);
* ``framing/models/bias_classifier.npz``: ``BiasClassifier`` on the sentence labels,
  with the tagger's word probabilities as features (cross-fitted, 3 folds).

Both hold only numeric arrays (hashed features, no vocabulary) and JSON metadata. With
``--cv`` the script first runs 5-fold cross-validation with the same settings and
prints the figures (the model cards quote them).

Run: ``python scripts/train_loaded.py [--data PATH] [--cv [--cv-out FILE]]``
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import time
from pathlib import Path

import numpy as np

from framing.evaluate._babe import evaluate_babe, read_babe
from framing.loaded import BiasClassifier, LoadedTermTagger

ROOT = Path(__file__).resolve().parents[1]
MODELS = ROOT / "framing" / "models"
DATA = ROOT.parent / "shared" / "data" / "babe"
N_FEATURES = 2**18


def prototype() -> BiasClassifier:
    return BiasClassifier(
        n_features=N_FEATURES, C=4.0, tagger=LoadedTermTagger(n_features=N_FEATURES, C=0.5), cv=3
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", default=str(DATA))
    ap.add_argument("--cv", action="store_true")
    ap.add_argument("--cv-out", default=None, help="write the CV figures here as JSON")
    args = ap.parse_args()
    figures = None
    if args.cv:
        t0 = time.time()
        figures = evaluate_babe(args.data, mode="cv", folds=5, seed=0, classifier=prototype())
        print(figures.to_string(), f"\n({time.time() - t0:.0f} s)", flush=True)
        if args.cv_out:
            Path(args.cv_out).write_text(
                json.dumps(figures.to_dict(orient="records"), indent=1), encoding="utf-8"
            )
    df = read_babe(args.data)
    texts = df["text"].tolist()
    y = df["label"].to_numpy()
    clf = prototype().fit(texts, y, token_labels=df["biased_words"].tolist())
    today = dt.date.today().isoformat()
    data_card = {
        "data": "BABE expert labels (babe_sg2.csv), Spinde et al. 2021, licence AGPL-3.0",
        "n_sentences": len(y),
        "n_biased": int(np.sum(y)),
        "trained": today,
        "features": "hashed (no vocabulary) + numeric",
    }
    clf.save(MODELS / "bias_classifier.npz", card=data_card)
    assert clf.tagger_ is not None
    clf.tagger_.save(MODELS / "loaded_tagger.npz", card=data_card)
    print("saved", MODELS / "bias_classifier.npz", MODELS / "loaded_tagger.npz")


if __name__ == "__main__":
    main()
