"""Offsets of the stance tokens of a whole document, found at once with NumPy.

:func:`~framing.stance._sentence_tokens.tokenize_sentence` splits one sentence into the
tokens of :data:`~framing.stance._lexicon.TOKEN_RE` (runs of word characters joined by
``' - . &``, and single punctuation marks). Done per sentence in Python, finding each
token's offsets is most of the stance scorer's tokenising cost. :class:`TokenBounds` finds
the offsets of every token of a document in one NumPy pass over its characters; a sentence
then takes its tokens' words from one ``TOKEN_RE.findall`` (C) and their offsets by
slicing (:meth:`TokenBounds.sentence`), with no Python step per token.
"""

from __future__ import annotations

from bisect import bisect_left

import numpy as np

from ._lexicon import fold

__all__ = ["TokenBounds"]

# Character classes of the ASCII range: word (``\w``), joiner, white space, other.
_WORD, _JOIN, _SPACE, _OTHER = 0, 1, 2, 3
_ASCII = np.full(128, _OTHER, dtype=np.int8)
for _c in range(128):
    _ch = chr(_c)
    if _ch.isalnum() or _ch == "_":
        _ASCII[_c] = _WORD
    elif _ch.isspace():
        _ASCII[_c] = _SPACE
for _ch in "'-.&":
    _ASCII[ord(_ch)] = _JOIN


#: ``bytes.translate`` table of the ASCII classes (non-ASCII bytes: class "other").
_TABLE = bytes(_ASCII.tolist()) + bytes([_OTHER]) * 128


def _codes(text: str) -> tuple[np.ndarray, np.ndarray]:
    """The characters of ``text`` as code points (``uint8`` when all are ASCII, else
    ``uint32``) and the class of each (``\\w`` and ``\\s`` as :mod:`re` reads them in
    ``str`` patterns: ``str.isalnum() or "_"`` and ``str.isspace()``)."""
    if text.isascii():
        raw = text.encode("ascii")
        return np.frombuffer(raw, dtype=np.uint8), np.frombuffer(
            raw.translate(_TABLE), dtype=np.int8
        )
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    wide = codes >= 128
    cls = _ASCII[np.where(wide, 0, codes)]
    for i in np.flatnonzero(wide).tolist():  # (few characters in news: one by one)
        c = text[i]
        cls[i] = _WORD if c.isalnum() else _SPACE if c.isspace() else _OTHER
    return codes, cls


class TokenBounds:
    """Start and end offsets of the ``TOKEN_RE`` tokens of a text (its folded form).

    Parameters
    ----------
    text : str
        The document text.

    Examples
    --------
    >>> tb = TokenBounds("He said: \\u201cIt\\u2019s U.S.-made.\\u201d")
    >>> tb.sentence(0, 29)[2]
    ['he', 'said', ':', '"', "it's", 'u.s', '.', '-', 'made', '.', '"']
    """

    __slots__ = ("text", "sep", "starts", "ends", "gaps")

    def __init__(self, text: str) -> None:
        self.text = text
        low = fold(text).lower()
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.gaps: list[int] = []
        # (a few characters lengthen when lower-cased: then no sentence takes this path)
        self.sep: str | None = None
        if len(low) != len(text):
            return
        codes, cls = _codes(low)
        word = np.zeros(len(cls) + 2, dtype=bool)
        word[1:-1] = cls == _WORD
        # A joiner between two word characters is inside the word ("it's", "U.S-led").
        inside = word.copy()
        inside[1:-1] |= (cls == _JOIN) & word[:-2] & word[2:]
        mark = ~inside[1:-1] & (cls != _SPACE)  # a punctuation mark: its own token
        edge = np.diff(inside.view(np.int8))  # +1 where a word starts, -1 after it ends
        starts = np.flatnonzero((edge[:-1] == 1) | mark)
        ends = np.flatnonzero((edge[1:] == -1) | mark) + 1
        # The lower-case text with a space between every two tokens that touch: a
        # sentence's words are then one ``str.split`` of its part.
        gaps = ends[:-1][ends[:-1] == starts[1:]]
        sep = np.insert(codes, gaps, 32)
        self.sep = sep.tobytes().decode("ascii" if sep.dtype == np.uint8 else "utf-32-le")
        self.starts, self.ends, self.gaps = starts.tolist(), ends.tolist(), gaps.tolist()

    def sentence(self, start: int, end: int) -> tuple[list[int], list[int], list[str]] | None:
        """Starts, ends and lower-case words of the tokens of ``text[start:end]``, as
        ``TOKEN_RE`` finds them in that sentence alone; None when the document's tokens
        may differ there (no white space at an edge of the sentence, or no lower-case
        text of the same length) and the sentence must be tokenised on its own."""
        sep, text = self.sep, self.text
        if sep is None:
            return None
        if start > 0 and not text[start - 1].isspace():
            return None
        if end < len(text) and not text[end].isspace():
            return None
        gaps = self.gaps
        g0 = bisect_left(gaps, start)
        words = sep[start + g0 : end + bisect_left(gaps, end, g0)].split()
        starts = self.starts
        i0 = bisect_left(starts, start)
        i1 = i0 + len(words)
        if i1 > len(starts) or i1 < len(starts) and starts[i1] < end:
            return None  # (not expected: the document's tokens and the sentence's differ)
        if i1 > i0 and self.ends[i1 - 1] > end:
            return None
        return starts[i0:i1], self.ends[i0:i1], words
