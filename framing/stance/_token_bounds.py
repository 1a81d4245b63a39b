"""Offsets of the stance tokens of many sentences of a document, found at once with NumPy.

:func:`~framing.stance._sentence_tokens.tokenize_sentence` splits one sentence into the
tokens of :data:`~framing.stance._lexicon.TOKEN_RE` (runs of word characters joined by
``' - . &``, and single punctuation marks). Done sentence by sentence in Python, finding
each token's offsets is most of the stance scorer's tokenising cost. :class:`TokenBounds`
finds the offsets of every token of the sentences a document needs in one NumPy pass over
their characters; each sentence then takes its words from one ``str.split`` and its
offsets by slicing (:meth:`TokenBounds.sentence`), with no Python step per token. The
NumPy pass has a fixed cost, so it pays for documents with several such sentences.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable

import numpy as np

from ..segment._chars import char_codes
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


#: ``bytes.translate`` table of the ASCII classes.
_TABLE = bytes(_ASCII.tolist()) + bytes([_OTHER]) * 128


def _codes(text: str) -> tuple[np.ndarray, np.ndarray]:
    """The characters of ``text`` as code points (:func:`~framing.segment._chars.char_codes`)
    and the class of each (``\\w`` and ``\\s`` as :mod:`re` reads them in ``str``
    patterns: ``str.isalnum() or "_"`` and ``str.isspace()``)."""
    codes = char_codes(text)
    if codes.dtype == np.uint8:  # ASCII: its bytes' classes in one translate (C)
        return codes, np.frombuffer(codes.tobytes().translate(_TABLE), dtype=np.int8)
    wide = codes >= 128
    cls = _ASCII[np.where(wide, 0, codes)]
    for i in np.flatnonzero(wide).tolist():  # (few characters in news: one by one)
        c = text[i]
        cls[i] = _WORD if c.isalnum() else _SPACE if c.isspace() else _OTHER
    return codes, cls


class TokenBounds:
    """Start and end offsets and words of the ``TOKEN_RE`` tokens of some sentences of a
    text, found for all of them at once.

    The sentences are joined by spaces (so each is tokenised as on its own) and the
    joined text is classified character by character with NumPy.

    Parameters
    ----------
    text : str
        The document text.
    sentences : iterable of (start, end)
        The sentences to tokenise; in ascending order, a sentence that overlaps an
        earlier one is left out (it is tokenised on its own).

    Examples
    --------
    >>> text = "He said: \u201cIt\u2019s U.S.-made.\u201d Then he left."
    >>> tb = TokenBounds(text, [(0, 26), (27, 41)])
    >>> tb.sentence(0, 26)[2]
    ['he', 'said', ':', '"', "it's", 'u.s', '.', '-', 'made', '.', '"']
    >>> starts, ends, words = tb.sentence(27, 41)
    >>> words, starts
    (['then', 'he', 'left', '.'], [27, 32, 35, 39])
    """

    __slots__ = ("at", "sep", "starts", "ends", "gaps")

    def __init__(self, text: str, sentences: Iterable[tuple[int, int]]) -> None:
        # Each sentence's offset in the joined text.
        self.at: dict[tuple[int, int], int] = {}
        pos = last = 0
        for s, e in sorted(sentences):
            if s >= last:
                self.at[s, e] = pos
                pos += e - s + 1
                last = e
        joined = " ".join([text[s:e] for s, e in self.at])
        low = fold(joined).lower()
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.gaps: list[int] = []
        # (a few characters lengthen when lower-cased: then no sentence takes this path)
        self.sep: str | None = None
        if len(low) != len(joined) or not self.at:
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
        self.gaps = gaps.tolist()
        # Offsets in the document: each token moves by its sentence's shift (tokens never
        # cross the joining spaces, so a token's sentence is the last one starting before).
        first = np.asarray([s for s, _ in self.at])
        joined_at = np.asarray(list(self.at.values()))
        shift = (first - joined_at)[np.searchsorted(joined_at, starts, side="right") - 1]
        self.starts = (starts + shift).tolist()
        self.ends = (ends + shift).tolist()

    def sentence(self, start: int, end: int) -> tuple[list[int], list[int], list[str]] | None:
        """Starts, ends and lower-case words of the tokens of the sentence
        ``text[start:end]``, as ``TOKEN_RE`` finds them in it; None when it is not one
        of the sentences, or the joined text lengthens when lower-cased."""
        sep = self.sep
        j0 = self.at.get((start, end))
        if sep is None or j0 is None:
            return None
        j1 = j0 + end - start
        gaps = self.gaps
        g0 = bisect_left(gaps, j0)
        words = sep[j0 + g0 : j1 + bisect_left(gaps, j1, g0)].split()
        i0 = bisect_left(self.starts, start)
        i1 = i0 + len(words)
        return self.starts[i0:i1], self.ends[i0:i1], words
