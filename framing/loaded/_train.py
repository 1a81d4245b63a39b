"""Train a bias classifier on a user's own labelled CSV (``framing train bias``)."""

from __future__ import annotations

import csv
import os
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from sklearn.base import clone
from sklearn.metrics import f1_score, roc_auc_score
from sklearn.model_selection import StratifiedKFold

from ..errors import InputError
from ._bias import BiasClassifier

__all__ = ["read_labelled_csv", "train_bias"]

_POSITIVE = {"1", "biased", "true", "yes", "loaded"}
_NEGATIVE = {"0", "non-biased", "non biased", "not biased", "unbiased", "false", "no", "neutral"}


def read_labelled_csv(path: str | os.PathLike[str]) -> tuple[list[str], np.ndarray]:
    """Texts and 0/1 labels from a CSV with ``text`` and ``label`` columns.

    The separator (``,`` ``;`` or tab) is detected. Labels may be 0/1, true/false or
    Biased/Non-biased (any case).
    """
    p = Path(path)
    if not p.is_file():
        raise InputError(f"{p}: training file not found")
    try:
        df = pd.read_csv(p, sep=None, engine="python", dtype=str, keep_default_na=False)
    except (pd.errors.ParserError, UnicodeDecodeError, csv.Error) as exc:
        raise InputError(f"{p}: cannot read as CSV ({exc})") from None
    cols = {c.strip().lower(): c for c in df.columns}
    if "text" not in cols or "label" not in cols:
        raise InputError(f"{p}: needs columns 'text' and 'label' (found {list(df.columns)})")
    texts, labels = [], []
    for row, (text, label) in enumerate(zip(df[cols["text"]], df[cols["label"]], strict=True)):
        key = str(label).strip().lower()
        if key in _POSITIVE:
            labels.append(1)
        elif key in _NEGATIVE:
            labels.append(0)
        else:
            raise InputError(f"{p}: row {row + 2}: label {label!r} is not 0/1 or Biased/Non-biased")
        texts.append(str(text))
    if len(set(labels)) != 2:
        raise InputError(f"{p}: needs examples of both classes")
    return texts, np.asarray(labels)


def train_bias(
    data_csv: str | os.PathLike[str],
    out_path: str | os.PathLike[str],
    folds: int = 5,
    base: BiasClassifier | None = None,
) -> dict[str, Any]:
    """Train a :class:`BiasClassifier` on a labelled CSV and save it (code-free ``.npz``).

    The pretrained word tagger's probabilities are used as features when it ships
    with the package. Before the final fit on all rows, ``folds``-fold cross-
    validation on the same file estimates how well the model does on unseen rows.

    Parameters
    ----------
    data_csv : path
        CSV with ``text`` and ``label`` columns.
    out_path : path
        Where to write the model (load it with ``BiasClassifier.load``).
    folds : int
        Cross-validation folds (skipped when a class has fewer examples).
    base : BiasClassifier, optional
        Unfitted prototype (default ``BiasClassifier(tagger="pretrained")``).

    Returns
    -------
    dict
        ``n``, ``n_biased``, ``cv_macro_f1``, ``cv_roc_auc`` (None when skipped),
        ``model`` (the path written).
    """
    texts, y = read_labelled_csv(data_csv)
    if base is None:
        try:
            from ._tagger import LoadedTermTagger

            LoadedTermTagger.pretrained()
            base = BiasClassifier(tagger="pretrained")
        except InputError:
            base = BiasClassifier()
    report: dict[str, Any] = {"n": len(y), "n_biased": int(y.sum())}
    if min(np.bincount(y)) >= folds:
        probs = np.zeros(len(y))
        for tr, te in StratifiedKFold(folds, shuffle=True, random_state=0).split(texts, y):
            m = clone(base).fit([texts[i] for i in tr], y[tr])
            probs[te] = m.predict_proba([texts[i] for i in te])[:, 1]
        report["cv_macro_f1"] = float(f1_score(y, probs >= 0.5, average="macro"))
        report["cv_roc_auc"] = float(roc_auc_score(y, probs))
    else:
        report["cv_macro_f1"] = report["cv_roc_auc"] = None
    model = clone(base).fit(texts, y)
    card = {
        "data": Path(data_csv).name,
        "n_train": len(y),
        "cv_macro_f1": report["cv_macro_f1"],
        "cv_roc_auc": report["cv_roc_auc"],
    }
    model.save(out_path, card=card)
    report["model"] = os.fspath(out_path)
    return report
