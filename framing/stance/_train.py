"""Read labelled stance data (NewsMTSC JSONL or CSV) and train a classifier on it."""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path
from typing import Any

import pandas as pd

from ..errors import InputError
from ._classifier import LABELS, TargetStanceClassifier

__all__ = ["read_stance_data", "train_stance"]

_POLARITY = {2.0: "against", 4.0: "neutral", 6.0: "favor"}
_ALIASES = {
    "negative": "against",
    "neg": "against",
    "positive": "favor",
    "pos": "favor",
    "neu": "neutral",
    "-1": "against",
    "0": "neutral",
    "1": "favor",
}


def read_stance_data(path: str | os.PathLike[str], *, dedupe: bool = True) -> pd.DataFrame:
    """Mentions with labels from a NewsMTSC ``.jsonl`` file or a CSV ``text,start,end,label``.

    NewsMTSC polarities 2/4/6 become against/neutral/favor; CSV labels may also be
    negative/neutral/positive or -1/0/1. With ``dedupe`` a target listed twice with the
    same offsets in one NewsMTSC sentence is kept once.

    Returns
    -------
    pandas.DataFrame
        Columns ``text, start, end, label``.

    Raises
    ------
    InputError
        Naming the file and line of the first bad record.

    Examples
    --------
    >>> import tempfile, os
    >>> p = os.path.join(tempfile.mkdtemp(), "d.csv")
    >>> with open(p, "w") as fh:
    ...     _ = fh.write("text,start,end,label\\nAcme won.,0,4,positive\\n")
    >>> read_stance_data(p).label.tolist()
    ['favor']
    """
    p = Path(path)
    if not p.exists():
        raise InputError(f"{p}: file not found")
    rows: list[dict[str, Any]] = []
    if p.suffix.lower() in (".jsonl", ".json"):
        with p.open(encoding="utf-8") as fh:
            for ln, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    rec = json.loads(line)
                    text = rec["sentence_normalized"]
                    seen: set[tuple[int, int]] = set()
                    for t in rec["targets"]:
                        key = (int(t["from"]), int(t["to"]))
                        if dedupe and key in seen:
                            continue
                        seen.add(key)
                        rows.append(
                            {
                                "text": text,
                                "start": key[0],
                                "end": key[1],
                                "label": _POLARITY[float(t["polarity"])],
                            }
                        )
                except (ValueError, KeyError, TypeError) as exc:
                    raise InputError(f"{p}, line {ln}: not a NewsMTSC record ({exc!r})") from None
    else:
        with p.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            need = {"text", "start", "end", "label"}
            if reader.fieldnames is None or not need <= set(reader.fieldnames):
                raise InputError(f"{p}, line 1: the header must name text,start,end,label")
            for ln, rec in enumerate(reader, 2):
                label = str(rec["label"]).strip().lower()
                label = _ALIASES.get(label, label)
                try:
                    start, end = int(rec["start"]), int(rec["end"])
                except (TypeError, ValueError):
                    raise InputError(f"{p}, line {ln}: start/end must be integers") from None
                if label not in LABELS:
                    raise InputError(f"{p}, line {ln}: unknown label {rec['label']!r}")
                rows.append({"text": rec["text"], "start": start, "end": end, "label": label})
    for i, r in enumerate(rows):
        if not 0 <= r["start"] < r["end"] <= len(r["text"]):
            raise InputError(f"{p}: record {i + 1} has offsets outside its text")
    if not rows:
        raise InputError(f"{p}: no labelled mentions")
    return pd.DataFrame(rows, columns=["text", "start", "end", "label"])


def train_stance(
    data_path: str | os.PathLike[str], out_path: str | os.PathLike[str], **params: Any
) -> dict[str, Any]:
    """Train a :class:`TargetStanceClassifier` on a labelled file and save it.

    Parameters
    ----------
    data_path : path
        NewsMTSC JSONL or CSV ``text,start,end,label``.
    out_path : path
        Where the model (``.npz``) is written.
    **params
        Estimator parameters (e.g. ``C``).

    Returns
    -------
    dict
        ``n_train``, label counts, parameters and the output path.
    """
    data = read_stance_data(data_path)
    clf = TargetStanceClassifier(**params).fit(data[["text", "start", "end"]], data["label"])
    clf.save(out_path, data=os.path.basename(os.fspath(data_path)), n_train=len(data))
    return {
        "n_train": len(data),
        "labels": {k: int(v) for k, v in data["label"].value_counts().items()},
        "params": clf.get_params(),
        "model": os.fspath(out_path),
    }
