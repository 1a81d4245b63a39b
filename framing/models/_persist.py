"""Save and load models as numeric arrays plus JSON metadata; never pickle."""

from __future__ import annotations

import json
import os
from typing import Any

import numpy as np

from ..errors import InputError

__all__ = ["load_arrays", "save_arrays"]

_META_KEY = "__meta__"


def save_arrays(
    path: str | os.PathLike[str], meta: dict[str, Any], arrays: dict[str, np.ndarray]
) -> None:
    """Write ``arrays`` (numeric only) and JSON-serialisable ``meta`` to one ``.npz`` file.

    Parameters
    ----------
    path : str or path-like
        Destination file.
    meta : dict
        JSON-serialisable metadata (estimator parameters, classes, provenance).
    arrays : dict of str to ndarray
        Numeric arrays; object arrays are refused so loading never needs pickle.
    """
    if _META_KEY in arrays:
        raise ValueError(f"array name {_META_KEY!r} is reserved")
    for name, arr in arrays.items():
        arr = np.asarray(arr)
        if arr.dtype.kind not in "biuf":
            raise ValueError(
                f"array {name!r} has dtype {arr.dtype}; only numeric arrays are stored"
            )
    payload = {name: np.asarray(arr) for name, arr in arrays.items()}
    blob = json.dumps(meta, sort_keys=True).encode("utf-8")
    payload[_META_KEY] = np.frombuffer(blob, dtype=np.uint8)
    with open(path, "wb") as fh:
        np.savez_compressed(fh, **payload)


def load_arrays(path: str | os.PathLike[str]) -> tuple[dict[str, Any], dict[str, np.ndarray]]:
    """Read a file written by :func:`save_arrays` without executing any code.

    Raises
    ------
    InputError
        When the file is missing, not an npz archive, or holds object arrays.
    """
    try:
        with np.load(path, allow_pickle=False) as data:
            arrays = {name: data[name] for name in data.files}
    except FileNotFoundError:
        raise InputError(f"{os.fspath(path)}: model file not found") from None
    except (ValueError, OSError) as exc:
        raise InputError(f"{os.fspath(path)}: not a framing model file ({exc})") from None
    if _META_KEY not in arrays:
        raise InputError(f"{os.fspath(path)}: not a framing model file (no metadata)")
    meta = json.loads(arrays.pop(_META_KEY).tobytes().decode("utf-8"))
    return meta, arrays
