"""Word tokens with offsets, found on the normalised view."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

import numpy as np

from ._chars import char_codes

__all__ = [
    "TOKEN_PATTERN",
    "TokenOffsets",
    "paragraph_words",
    "split_words",
    "token_spans",
    "tokenize",
    "word_tokens",
]

# Words with inner apostrophes, hyphens, dots (U.S), ampersands (AT&T) and numbers
# with separators (1,200.50). Punctuation is not a token.
TOKEN_PATTERN = re.compile(r"\w+(?:['\-.,&/]\w+)*")
_findall = TOKEN_PATTERN.findall
#: The characters that join word characters into one token (``U.S``, ``it's``, ``1,200``).
JOINERS = "'-.,&/"
_JOINER_TUPLE = tuple(JOINERS)
# Byte classes of UTF-8 text: separator, word character, joiner, first byte of a non-ASCII
# character, continuation byte.
_SEP, _WORD, _JOIN, _LEAD, _CONT = range(5)
_CLASS = np.array(
    [
        _WORD if c.isalnum() or c == "_" else _JOIN if c in JOINERS else _SEP
        for c in map(chr, range(128))
    ]
    + [_CONT] * 64
    + [_LEAD] * 64,
    dtype=np.uint8,
)


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


def paragraph_words(text: str, spans: Sequence[tuple[int, int]]) -> list[list[str]]:
    """``word_tokens(text, start, end)`` for each ``(start, end)`` of ``spans``, found at once.

    Each range is split on white space in :func:`separate_words` ``(text)``; a range that
    starts or ends with a joiner (a joiner between word characters across its bounds,
    which the range alone would not join) goes through :func:`word_tokens`.

    Examples
    --------
    >>> s = "The U.S. plan's cost: $1,200.50.\\nA 'peace' deal..."
    >>> paragraph_words(s, [(0, 32), (33, 51)])
    [['The', 'U.S', "plan's", 'cost', '1,200.50'], ['A', 'peace', 'deal']]
    """
    return split_words(text, spans)[0]


def split_words(
    text: str, spans: Sequence[tuple[int, int]]
) -> tuple[list[list[str]], TokenOffsets]:
    """:func:`paragraph_words` and the :class:`TokenOffsets` that give their offsets."""
    sep = separate_words(text)
    out: list[list[str]] = []
    exact: list[bool] = []
    for start, end in spans:
        chunk = sep[start:end]
        if chunk.startswith(_JOINER_TUPLE) or chunk.endswith(_JOINER_TUPLE):
            out.append(word_tokens(text, start, end))
            exact.append(False)
        else:
            out.append(chunk.split())
            exact.append(True)
    return out, TokenOffsets(sep, exact)


class TokenOffsets:
    """Offsets of the tokens of :func:`split_words`: the space-free runs of the separated
    text, found for the whole text at once (NumPy) when a paragraph first asks.

    Parameters
    ----------
    sep : str
        ``separate_words(text)``.
    exact : list of bool
        Per range, whether its tokens are the runs of ``sep`` inside it (not when a run
        crosses its bounds).

    Examples
    --------
    >>> words, offsets = split_words("The U.S. plan", [(0, 13)])
    >>> offsets.spans(0, 0, 13, len(words[0]))
    [(0, 3), (4, 7), (9, 13)]
    """

    __slots__ = ("_sep", "_exact", "_starts", "_ends")

    def __init__(self, sep: str, exact: list[bool]) -> None:
        self._sep = sep
        self._exact = exact
        self._starts: list[int] | None = None
        self._ends: list[int] = []

    def spans(
        self, i: int, start: int, end: int, n: int, limit: int | None = None
    ) -> list[tuple[int, int]] | None:
        """Offsets of range ``i``'s (``start, end``) ``n`` tokens, the first ``limit`` of
        them when given; None when its tokens are not the ``n`` runs inside it."""
        if not self._exact[i]:
            return None
        if self._starts is None:
            self._find_runs()
        starts = self._starts
        assert starts is not None
        lo, hi = bisect_left(starts, start), bisect_left(starts, end)
        if hi - lo != n or (n and self._ends[hi - 1] > end):
            return None
        if limit is not None:
            hi = min(hi, lo + limit)
        return list(zip(starts[lo:hi], self._ends[lo:hi], strict=True))

    def _find_runs(self) -> None:
        codes = char_codes(self._sep)
        inside = np.zeros(len(codes) + 2, dtype=np.int8)
        inside[1:-1] = codes != 32
        edges = np.flatnonzero(np.diff(inside)).tolist()  # run starts and ends, alternating
        self._starts = edges[0::2]
        self._ends = edges[1::2]


def separate_words(text: str) -> str:
    """``text`` with every character that no token holds replaced by a space.

    A token is a run of word characters (``\\w``) and of joiners that have a word
    character on either side, so ``separate_words(text).split()`` equals
    ``TOKEN_PATTERN.findall(text)``. The characters are classified with NumPy over the
    text's UTF-8 bytes (non-ASCII characters, few in news, one by one with ``str.isalnum``);
    the result has the length of ``text``.

    Examples
    --------
    >>> separate_words("'Peace' deal (U.S.-led)...")
    ' Peace  deal  U.S  led    '
    """
    raw = text.encode("utf-8", "surrogatepass")
    b = np.frombuffer(raw, dtype=np.uint8)
    cls = _CLASS[b]
    ascii_only = len(raw) == len(text)
    if ascii_only:
        kind = cls
    else:
        first = cls != _CONT  # the first byte of each character
        kind = cls[first]  # one class per character
        at = np.flatnonzero(kind == _LEAD)
        chars = [text[i] for i in at.tolist()]
        word = np.fromiter(map(str.isalnum, chars), dtype=bool, count=len(chars))
        kind[at] = np.where(word, _WORD, _SEP)
    word = kind == _WORD
    keep = word.copy()
    keep[1:-1] |= (kind[1:-1] == _JOIN) & word[:-2] & word[2:]
    if ascii_only:
        out = np.where(keep, b, 32)
    else:  # a dropped character becomes one space: its first byte, without the others
        keep_byte = keep[np.cumsum(first) - 1]
        out = np.where(keep_byte, b, 32)[first | keep_byte]
    return out.astype(np.uint8).tobytes().decode("utf-8", "surrogatepass")
