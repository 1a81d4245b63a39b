"""Offsets of given characters in a text, found with NumPy (no per-character regex test)."""

from __future__ import annotations

import numpy as np

__all__ = ["char_codes", "char_positions", "codepoints"]


def char_positions(text: str, chars: str) -> list[int]:
    """Sorted offsets in ``text`` of every character in ``chars``.

    A regular expression that looks for a character class tests every character of the
    text against the class; here the text's code points are compared in NumPy, so a
    search can then start only where a match can.

    Examples
    --------
    >>> char_positions("A. B? C\\u2026", ".?\\u2026")
    [1, 4, 7]
    """
    codes = char_codes(text)
    wanted = [ord(c) for c in chars if c.isascii() or codes.dtype != np.uint8]
    if not wanted:
        return []
    hit = codes == wanted[0]
    for code in wanted[1:]:
        hit |= codes == code
    return np.flatnonzero(hit).tolist()  # type: ignore[no-any-return]


def char_codes(text: str) -> np.ndarray:
    """The code points of ``text``: ``uint8`` for ASCII text (its bytes, no copy to four
    bytes a character), else :func:`codepoints`.

    Examples
    --------
    >>> char_codes("ab").dtype.name, char_codes("a\u2026").dtype.name
    ('uint8', 'uint32')
    """
    if text.isascii():
        return np.frombuffer(text.encode("ascii"), dtype=np.uint8)
    return codepoints(text)


def codepoints(text: str) -> np.ndarray:
    """The code points of ``text`` (lone surrogates included) as a uint32 array.

    NumPy copies a string into its fixed-width UCS-4 form directly, without the codec
    machinery that ``text.encode("utf-32-le")`` goes through.

    Examples
    --------
    >>> codepoints("a\u2026").tolist()
    [97, 8230]
    """
    if not text:
        return np.zeros(0, dtype=np.uint32)
    return np.array(text).reshape(1).view(np.uint32)
