"""``framing evaluate loaded``: one entry point for the BABE, PTC and BASIL evaluations."""

from __future__ import annotations

import os
from typing import Any

import pandas as pd

__all__ = ["evaluate_loaded"]


def evaluate_loaded(dataset: str, path: str | os.PathLike[str], **options: Any) -> pd.DataFrame:
    """Evaluate loaded-language detection on a public dataset read from ``path``.

    Parameters
    ----------
    dataset : {"babe", "ptc", "basil"}
    path : path
        BABE CSV or folder; PTC folder (``articles/``, ``labels.tsv``); BASIL folder.
    **options
        For BABE: ``mode="pretrained"`` (default; the shipped models on the given
        sentences) or ``mode="cv"`` (k-fold cross-validation, ``folds``, ``seed``).

    Returns
    -------
    DataFrame
        ``dataset``, ``system``, ``metric``, ``value``: the framing models and the
        baselines (VADER lexicon words, the project's lexicons, majority class).
    """
    name = dataset.lower()
    if name == "babe":
        from ..evaluate._babe import evaluate_babe

        return evaluate_babe(path, **options)
    if name == "ptc":
        from ..evaluate._ptc import evaluate_ptc

        return evaluate_ptc(path, **options)
    if name == "basil":
        from ..evaluate._basil_loaded import evaluate_basil_loaded

        return evaluate_basil_loaded(path, **options)
    raise ValueError(f"dataset must be 'babe', 'ptc' or 'basil', not {dataset!r}")
