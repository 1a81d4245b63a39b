"""Word tokens with offsets, found on the normalised view."""

from __future__ import annotations

import re

__all__ = ["TOKEN_PATTERN", "tokenize"]

# Words with inner apostrophes, hyphens, dots (U.S), ampersands (AT&T) and numbers
# with separators (1,200.50). Punctuation is not a token.
TOKEN_PATTERN = re.compile(r"\w+(?:['\-.,&/]\w+)*")


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Word tokens of ``text[start:end]`` as ``(start, end)`` offsets into ``text``.

    Examples
    --------
    >>> s = "The U.S. plan's cost: $1,200.50."
    >>> [s[a:b] for a, b in tokenize(s)]
    ['The', 'U.S', "plan's", 'cost', '1,200.50']
    """
    if end is None:
        end = len(text)
    return [m.span() for m in TOKEN_PATTERN.finditer(text, start, end)]
