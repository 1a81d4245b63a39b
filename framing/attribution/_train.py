"""Train the cue classifier on PolNeAR (read at run time; the model keeps numbers only)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

from ..segment import split_paragraphs
from ._candidates import LearnedCues, _priorable, cue_bucket
from ._cue_features import cue_features
from ._extract import extract_attributions
from ._model import CueClassifier
from ._tokens import paragraph_tokens
from ._verbs import load_reporting_verbs

__all__ = ["cue_prior", "cue_training_data", "train_cue_model"]


def cue_prior(
    path: str | Path, split: str = "train", min_count: int = 3, min_rate: float = 0.3
) -> np.ndarray:
    """Hash buckets of words outside the lexicon that are often gold cues on a split."""
    from ..evaluate._polnear import read_polnear

    lex = load_reporting_verbs()
    pos: dict[int, int] = {}
    tot: dict[int, int] = {}
    for doc in read_polnear(path, split):
        cues = sorted(a["cue"] for a in doc.attributions if a["cue"] is not None)
        starts, ends, words = paragraph_tokens(doc.text, 0, len(doc.text))
        k = 0
        for s, e, w in zip(starts, ends, words, strict=True):
            if not _priorable(w) or w in lex.single:
                continue
            b = cue_bucket(w)
            tot[b] = tot.get(b, 0) + 1
            while k < len(cues) and cues[k][1] <= s:
                k += 1
            if k < len(cues) and cues[k][0] <= s and e <= cues[k][1]:
                pos[b] = pos.get(b, 0) + 1
    keep = [b for b, n in pos.items() if n >= min_count and n / tot[b] >= min_rate]
    return np.array(sorted(keep), dtype=np.int64)


def cue_training_data(
    path: str | Path, split: str = "train", prior: LearnedCues | None = None
) -> tuple[list[list[str]], np.ndarray]:
    """Features and labels of the rule attributions on a PolNeAR split.

    A rule attribution is positive when its cue overlaps a gold cue.
    """
    from ..evaluate._polnear import read_polnear

    lex = load_reporting_verbs()
    X: list[list[str]] = []
    y: list[int] = []
    for doc in read_polnear(path, split):
        gold = [a["cue"] for a in doc.attributions if a["cue"] is not None]
        paras = split_paragraphs(doc.text, "auto")
        atts, _ = extract_attributions(doc.text, paras, lex, cue_prior=prior, permissive=True)
        for a in atts:
            if a.cue is None or a.direct:
                continue
            X.append(cue_features(doc.text, a))
            y.append(int(any(a.cue[0] < g[1] and g[0] < a.cue[1] for g in gold)))
    return X, np.asarray(y)


def train_cue_model(
    path: str | Path,
    out: str | Path | None = None,
    C: float = 0.25,
    threshold: float | None = None,
    prior_min_count: int = 3,
    prior_min_rate: float = 0.3,
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
    prior_min_count, prior_min_rate : int, float
        Words outside the lexicon become learned cues when they are gold cues at least
        ``prior_min_count`` times and in at least ``prior_min_rate`` of their occurrences
        on train (:func:`cue_prior`).

    Returns
    -------
    model, report
    """
    prior = cue_prior(path, "train", prior_min_count, prior_min_rate)
    prior_set = LearnedCues(frozenset(int(b) for b in prior))
    X, y = cue_training_data(path, "train", prior_set)
    clf = CueClassifier(C=C).fit(X, y)
    clf.prior_ = prior
    Xd, yd = cue_training_data(path, "dev", prior_set)
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
        "n_prior_buckets": len(prior),
        "prior_min_count": prior_min_count,
        "prior_min_rate": prior_min_rate,
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
