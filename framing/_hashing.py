"""The one string hash behind every hashed feature (numeric, so no vocabulary ships)."""

from __future__ import annotations

from sklearn.utils import murmurhash3_32

__all__ = ["string_hash"]


def string_hash(s: str) -> int:
    """Non-negative 32-bit MurmurHash3 (seed 0) of ``s``.

    Examples
    --------
    >>> string_hash("sham") == string_hash("sham") >= 0
    True
    """
    return int(murmurhash3_32(s, seed=0, positive=True))
