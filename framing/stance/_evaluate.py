"""``framing evaluate stance``: one entry point for the NewsMTSC and BASIL evaluations."""

from __future__ import annotations

import os
from typing import Any

import pandas as pd

from ..errors import InputError

__all__ = ["evaluate_stance"]


def evaluate_stance(
    dataset: str, path: str | os.PathLike[str], classifier: Any = None
) -> pd.DataFrame:
    """Evaluate stance on ``dataset`` (``newsmtsc`` or ``basil``) found at ``path``.

    Parameters
    ----------
    dataset : {"newsmtsc", "basil"}
    path : path
        The dataset folder (NewsMTSC: a folder of split files or one ``.jsonl``).
    classifier : TargetStanceClassifier, optional
        Defaults to the pretrained model.

    Returns
    -------
    pandas.DataFrame
        NewsMTSC: macro-F1 and accuracy per split. BASIL: document- and
        paragraph-level agreement (see :func:`framing.evaluate._basil_stance`).
    """
    name = dataset.strip().lower()
    if name == "newsmtsc":
        from ..evaluate._newsmtsc import evaluate_newsmtsc

        return evaluate_newsmtsc(path, classifier)
    if name == "basil":
        from ..evaluate._basil_stance import evaluate_basil_stance

        return evaluate_basil_stance(path, "pretrained" if classifier is None else classifier)
    raise InputError(f"unknown stance dataset {dataset!r}; use newsmtsc or basil")
