"""Shared estimator plumbing: code-free model persistence (JSON + npz) and model cards.

A model file is a ``.npz`` archive of plain numeric arrays plus one JSON string of
metadata. It is loaded with ``allow_pickle=False``, so loading never executes code.

Examples
--------
>>> import numpy as np, tempfile, os
>>> path = os.path.join(tempfile.mkdtemp(), "m.npz")
>>> save_arrays(path, {"kind": "demo", "version": 1}, {"coef": np.ones((1, 3))})
>>> meta, arrays = load_arrays(path)
>>> meta["kind"], arrays["coef"].shape
('demo', (1, 3))
"""

from ._persist import load_arrays, save_arrays

__all__ = ["load_arrays", "save_arrays"]
