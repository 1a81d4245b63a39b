"""Word tokens with offsets, found on the normalised view."""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["TOKEN_PATTERN", "token_spans", "tokenize", "word_tokens"]

# Words with inner apostrophes, hyphens, dots (U.S), ampersands (AT&T) and numbers
# with separators (1,200.50). Punctuation is not a token.
TOKEN_PATTERN = re.compile(r"\w+(?:['\-.,&/]\w+)*")
_findall = TOKEN_PATTERN.findall


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


def word_tokens(text: str, start: int = 0, end: int | None = None) -> list[str]:
    """The strings of ``TOKEN_PATTERN.findall(text, start, end)``, found faster.

    A token never spans white space (white space is neither a word character nor one of
    the joiners ``' - . , & /``), so the tokens of a text are those of its white-space
    separated chunks in turn. A chunk of word characters (``str.isalnum``, the test behind
    the regular expression's ``\\w``, but for ``_``), alone or followed by one other
    character (``said,``), is one token; only the other chunks (``U.S.``, ``"peace"``) go
    through the regular expression, whose cost per character is several times that of
    ``str.split``.

    Examples
    --------
    >>> word_tokens("The U.S. plan's cost: $1,200.50.")
    ['The', 'U.S', "plan's", 'cost', '1,200.50']
    """
    out: list[str] = []
    append = out.append
    for c in text[start:end].split() if start or end is not None else text.split():
        if c.isalnum():
            append(c)
        elif (head := c[:-1]).isalnum() and not ((last := c[-1]).isalnum() or last == "_"):
            append(head)  # a word and one mark: "said," "end."
        else:
            out += _findall(c)
    return out


def token_spans(text: str, words: Sequence[str], start: int = 0) -> list[tuple[int, int]]:
    """``(start, end)`` offsets in ``text`` of the tokens ``words`` found from ``start``.

    ``words`` must be the first tokens of ``text`` from ``start``, in order (as
    :func:`word_tokens` gives them): only non-word characters lie between two tokens, so
    each token is the first occurrence of its string after the previous one.

    Examples
    --------
    >>> s = "a cat, a hat"
    >>> token_spans(s, word_tokens(s))
    [(0, 1), (2, 5), (7, 8), (9, 12)]
    """
    out: list[tuple[int, int]] = []
    append = out.append
    find = text.find
    pos = start
    for w in words:
        a = find(w, pos)
        pos = a + len(w)
        append((a, pos))
    return out
