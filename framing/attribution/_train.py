"""Train the cue classifier on PolNeAR (read at run time; the model keeps numbers only)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

from ..segment import split_paragraphs
from ._extract import extract_attributions
from ._model import CueClassifier, cue_features
from ._verbs import load_reporting_verbs

__all__ = ["cue_training_data", "train_cue_model"]


def cue_training_data(path: str | Path, split: str = "train") -> tuple[list[list[str]], np.ndarray]:
    """Features and labels of the rule attributions on a PolNeAR split.

    A rule attribution is positive when its cue overlaps a gold cue.
    """
    from ..evaluate._polnear import read_polnear

    lex = load_reporting_verbs()
    X: list[list[str]] = []
    y: list[int] = []
    for doc in read_polnear(path, split):
        gold = [a["cue"] for a in doc.attributions if a["cue"] is not None]
        atts, _ = extract_attributions(doc.text, split_paragraphs(doc.text, "auto"), lex)
        for a in atts:
            if a.cue is None or a.direct:
                continue
            X.append(cue_features(doc.text, a))
            y.append(int(any(a.cue[0] < g[1] and g[0] < a.cue[1] for g in gold)))
    return X, np.asarray(y)


def train_cue_model(
    path: str | Path,
    out: str | Path | None = None,
    C: float = 0.5,
    threshold: float | None = None,
) -> tuple[CueClassifier, dict[str, Any]]:
    """Fit the cue classifier on PolNeAR train; pick the threshold on dev.

    Parameters
    ----------
    path : str or Path
        The PolNeAR folder.
    out : str or Path, optional
        Where to save the model (``.npz``).
    C : float
        Regularisation of the logistic regression.
    threshold : float, optional
        Fixed threshold; by default the one maximising F1 of kept cues on dev.

    Returns
    -------
    model, report
    """
    X, y = cue_training_data(path, "train")
    clf = CueClassifier(C=C).fit(X, y)
    Xd, yd = cue_training_data(path, "dev")
    proba = clf.predict_proba(Xd)[:, 1]
    n_pos = int(yd.sum())
    best = (0.0, 0.5)
    for t in np.linspace(0.1, 0.9, 33):
        keep = proba >= t
        tp = int((keep & (yd == 1)).sum())
        p = tp / max(int(keep.sum()), 1)
        r = tp / max(n_pos, 1)
        f = 2 * p * r / (p + r) if p + r else 0.0
        if f > best[0]:
            best = (f, float(t))
    clf.threshold = float(threshold) if threshold is not None else round(best[1], 3)
    report = {
        "n_train": len(y),
        "train_positive_rate": float(np.mean(y)),
        "n_dev": len(yd),
        "dev_candidate_f1": best[0],
        "threshold": clf.threshold,
    }
    if out is not None:
        clf.save(
            out,
            {
                "data": "PolNeAR v1.0.0 train split (Newell et al. 2018)",
                "threshold_tuned_on": "PolNeAR dev",
                **report,
            },
        )
    return clf, report
