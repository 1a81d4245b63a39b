"""Tokens of one sentence, with what the stance rules and features read from them.

:func:`tokenize_sentence` splits a sentence into words and punctuation, marks the
tokens in quoted ranges and looks every word up once (polarity, predicate class,
negator, clause boundary); :class:`SentenceTokens` holds the result and makes the views
of one voice (:meth:`SentenceTokens.subset`, :meth:`SentenceTokens.span`).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import compress
from operator import itemgetter
from typing import Any

from ._lexicon import NEGATORS, TOKEN_RE, fold, polarity_lexicon, predicate_class
from ._token_bounds import TokenBounds

__all__ = ["SentenceTokens", "tokenize_sentence"]

_BOUNDARY_WORDS = frozenset(
    "but while although though whereas yet however because unless despite whilst".split()
)
_BOUNDARY_PUNCT = frozenset(';:()"[]-')
_RELATIVE = frozenset("which who whom whose where".split())


@dataclass(slots=True)
class SentenceTokens:
    """Tokens of one sentence with what every mention in it needs, computed once.

    ``starts``/``ends`` are offsets into the document text, ``words`` lower case,
    ``caps`` whether a token starts with a capital, ``quoted`` whether it lies in a
    quoted range (the voice), ``inq`` the quote state also counting straight quote
    marks, ``pol`` the lexicon polarity, ``pred`` the predicate class, ``neg`` whether a
    negator precedes within three tokens, ``bound`` clause boundaries, ``polar`` the
    indices of tokens with a polarity or predicate class and ``marks`` those of the
    straight quote marks (ascending).
    """

    starts: list[int]
    ends: list[int]
    words: list[str]
    caps: list[bool]
    quoted: list[bool]
    inq: list[bool]
    pol: list[float]
    pred: list[int]
    neg: list[bool]
    bound: list[bool]
    commas: list[int]
    polar: list[int]
    marks: list[int]
    cache: dict[str, Any]

    def boundaries(self) -> list[int]:
        """Indices of the clause boundaries (``bound``), computed once."""
        out = self.cache.get("bounds")
        if out is None:
            out = self.cache["bounds"] = list(compress(range(len(self.bound)), self.bound))
        return out

    def subset(self, keep: list[int], lexicon: dict[str, float]) -> SentenceTokens:
        """The sentence restricted to the tokens ``keep`` (e.g. one voice)."""
        if len(keep) < 2:  # (itemgetter of one index gives the item, not a tuple)
            at = keep.__iter__
            return _finish(
                list(map(self.starts.__getitem__, at())),
                list(map(self.ends.__getitem__, at())),
                list(map(self.words.__getitem__, at())),
                list(map(self.caps.__getitem__, at())),
                list(map(self.quoted.__getitem__, at())),
                lexicon,
            )
        get = itemgetter(*keep)
        return _finish(
            list(get(self.starts)),
            list(get(self.ends)),
            list(get(self.words)),
            list(get(self.caps)),
            list(get(self.quoted)),
            lexicon,
        )

    def span(self, i0: int, i1: int, lexicon: dict[str, float]) -> SentenceTokens:
        """The tokens ``i0 .. i1 - 1``: equal to ``subset(list(range(i0, i1)))``, by slicing.

        Only what depends on tokens outside the run is recomputed: the quote state
        when a straight quote opened before the run, negation of its first three tokens,
        a final comma's clause boundary and the comma counts.
        """
        words = self.words[i0:i1]
        quoted = self.quoted[i0:i1]
        n = len(words)
        marks = self.marks
        inq = self.inq[i0:i1]
        if marks:
            k0 = bisect.bisect_left(marks, i0)
            marks = marks[k0 : bisect.bisect_left(marks, i1, lo=k0)]
            if i0 and marks:
                marks = [i - i0 for i in marks]
            # The run pairs its quote marks from its first one: as the sentence does
            # when an even number of marks precede the run, else anew.
            if k0 % 2:
                inq = _quote_runs(quoted, marks)
        neg = self.neg[i0:i1]
        if i0 and True in neg[:3]:  # a negator before the run no longer counts
            memo = _word_info(lexicon)
            for j in range(min(n, 3)):
                if neg[j]:
                    neg[j] = any(_flags(lexicon, memo, w)[2] for w in words[:j])
        bound = self.bound[i0:i1]
        if n and i1 < len(self.words) and words[-1] == ",":
            bound[-1] = False  # (no relative pronoun follows; a comma is no boundary)
        commas = self.commas[i0 : i1 + 1]
        c0 = commas[0] if commas else 0
        if c0:
            commas = [c - c0 for c in commas]
        polar = self.polar
        k0 = bisect.bisect_left(polar, i0)
        k1 = bisect.bisect_left(polar, i1, lo=k0)
        return SentenceTokens(
            self.starts[i0:i1],
            self.ends[i0:i1],
            words,
            self.caps[i0:i1],
            quoted,
            inq,
            self.pol[i0:i1],
            self.pred[i0:i1],
            neg,
            bound,
            commas,
            [i - i0 for i in polar[k0:k1]] if i0 else polar[k0:k1],
            marks,
            {},
        )


def tokenize_sentence(
    text: str,
    start: int,
    end: int,
    quoted_ranges: Sequence[tuple[int, int]] = (),
    lexicon: dict[str, float] | None = None,
    bounds: TokenBounds | None = None,
) -> SentenceTokens:
    """Tokenise ``text[start:end]`` (words and punctuation) and mark quoted tokens.

    ``bounds``: the :class:`~framing.stance._token_bounds.TokenBounds` of ``text``, when
    the caller tokenises several sentences of it (their offsets are then sliced from the
    document's, not found token by token).

    Examples
    --------
    >>> t = tokenize_sentence('He said: "Good."', 0, 16, [(9, 16)])
    >>> list(zip(t.words, t.quoted))[-3:]
    [('good', True), ('.', True), ('"', True)]
    """
    got = None if bounds is None else bounds.sentence(start, end)
    starts, ends, words = _split(text, start, end) if got is None else got
    # fold() keeps offsets and folds no capital: the capitals of ``text`` at the starts.
    caps = list(map(str.isupper, _chars_at(text, starts)))
    quoted = [False] * len(words)
    # Ranges are sorted and disjoint, so are the tokens: the tokens inside a range
    # are one run, found by bisection.
    for qa, qb in quoted_ranges:
        i0 = bisect.bisect_left(starts, qa)
        i1 = bisect.bisect_right(ends, qb)
        if i1 > i0:
            quoted[i0:i1] = [True] * (i1 - i0)
    return _finish(
        starts, ends, words, caps, quoted, polarity_lexicon() if lexicon is None else lexicon
    )


def _split(text: str, start: int, end: int) -> tuple[list[int], list[int], list[str]]:
    """Starts, ends and lower-case words of the ``TOKEN_RE`` tokens of ``text[start:end]``
    (the sentence alone)."""
    sub = fold(text[start:end])
    low = sub.lower()
    if len(low) == len(sub):  # lower-casing keeps \w and \s: the same tokens
        # No token spans white space: a chunk of letters and digits is one token,
        # only chunks with punctuation need the regex.
        chunks = low.split()
        words: list[str] = []
        add, grow = words.append, words.extend
        body = low.strip()
        if body == " ".join(chunks):
            # Single spaces between chunks: a token starts where the previous one
            # ended, plus one for the space when it opens a chunk (positions kept in
            # Python: cheaper than accumulating steps and subtracting lengths).
            starts = []
            ends = []
            put_s, put_e = starts.append, ends.append
            get = _CHUNKS.get
            pos = start + (low.find(body[:1]) if body else 0)
            for chunk in chunks:
                if chunk.isalnum():
                    add(chunk)
                    put_s(pos)
                    pos += len(chunk)
                    put_e(pos)
                else:
                    pieces, spans, size = get(chunk) or _chunk(chunk)
                    grow(pieces)
                    for a, b in spans:
                        put_s(pos + a)
                        put_e(pos + b)
                    pos += size
                pos += 1
        else:
            get = _CHUNKS.get
            for chunk in chunks:
                if chunk.isalnum():
                    add(chunk)
                else:
                    grow((get(chunk) or _chunk(chunk))[0])
            # Tokens cover every character but white space: each is found where the
            # previous one ended, after white space.
            rel = []
            put = rel.append
            find = low.find
            pos = 0
            for w in words:
                pos = find(w, pos)
                put(pos)
                pos += len(w)
            starts = [start + a for a in rel]
            ends = [a + len(w) for a, w in zip(starts, words, strict=True)]
    else:  # a few characters lengthen when lower-cased
        spans = [m.span() for m in TOKEN_RE.finditer(sub)]
        rel = [a for a, _ in spans]
        words = [sub[a:b].lower() for a, b in spans]
        starts = [start + a for a in rel]
        ends = [start + b for _, b in spans]
    return starts, ends, words


#: Chunk (a run of non-space characters holding punctuation) -> its tokens, their
#: (start, end) in the chunk and its length: a memo of a pure function of one word,
#: emptied when it grows large.
_CHUNKS: dict[str, tuple[list[str], list[tuple[int, int]], int]] = {}


def _chunk(chunk: str) -> tuple[list[str], list[tuple[int, int]], int]:
    if len(_CHUNKS) > 1 << 16:
        _CHUNKS.clear()
    spans = [m.span() for m in TOKEN_RE.finditer(chunk)]
    out = _CHUNKS[chunk] = ([chunk[a:b] for a, b in spans], spans, len(chunk))
    return out


def _chars_at(text: str, positions: list[int]) -> Sequence[str]:
    """The characters of ``text`` at ``positions``, in one call (``str.__getitem__``
    mapped over the positions is a slow wrapper call per character)."""
    if len(positions) > 1:
        return itemgetter(*positions)(text)
    return [text[i] for i in positions]


#: A word's (polarity, predicate class, negator, clause boundary, mark) with mark 1 for
#: a comma, 2 for a straight quote mark, else 0.
_Info = tuple[float, int, bool, bool, int]
#: The info of the words that are none of those (most words), stored as None in the
#: memo so that :func:`_finish` skips them by truth value.
_PLAIN: _Info = (0.0, 0, False, False, 0)
_MARKS = {",": 1, '"': 2}
_TRUE3 = (True, True, True)
_MEMOS: dict[int, tuple[dict[str, float], dict[str, _Info | None]]] = {}


def _word_info(lex: dict[str, float]) -> dict[str, _Info | None]:
    """Memo of word -> its :data:`_Info` under the polarity lexicon ``lex`` (None for
    :data:`_PLAIN`)."""
    entry = _MEMOS.get(id(lex))
    if entry is None or entry[0] is not lex or len(entry[1]) > 1 << 18:
        if len(_MEMOS) > 8:
            _MEMOS.clear()
        entry = _MEMOS[id(lex)] = (lex, {})
    return entry[1]


def _info(lex: dict[str, float], memo: dict[str, _Info | None], w: str) -> _Info | None:
    pol = lex.get(w, 0.0)
    out: _Info | None = (
        pol,
        predicate_class(w) if w[0].isalpha() else 0,
        w in NEGATORS or w.endswith("n't"),
        w in _BOUNDARY_WORDS or w in _BOUNDARY_PUNCT,
        _MARKS.get(w, 0),
    )
    if out == _PLAIN and str(pol) == "0.0":  # (not -0.0: the lists keep it)
        out = None
    memo[w] = out
    return out


def _flags(lex: dict[str, float], memo: dict[str, _Info | None], w: str) -> _Info:
    """The :data:`_Info` of one word (memoised)."""
    x = memo[w] if w in memo else _info(lex, memo, w)
    return _PLAIN if x is None else x


def _quote_runs(quoted: list[bool], marks: list[int]) -> list[bool]:
    """``quoted``, plus the tokens from each odd straight quote mark (at ``marks``) to
    the next one (the marks included); an unclosed quote runs to the end."""
    inq = list(quoted)
    n = len(inq)
    for k in range(0, len(marks), 2):
        i = marks[k]
        j = marks[k + 1] + 1 if k + 1 < len(marks) else n
        inq[i:j] = [True] * (j - i)
    return inq


def _finish(
    starts: list[int],
    ends: list[int],
    words: list[str],
    caps: list[bool],
    quoted: list[bool],
    lex: dict[str, float],
) -> SentenceTokens:
    """The tokens with what the rules and features read (polarity, predicate class,
    negation, clause boundaries, comma counts, quote state).

    Most words are none of polar, negator, boundary, comma or quote mark: their info
    is None in the memo, the lists start with :data:`_PLAIN`'s values and only the
    other words (a sixth of the tokens in news) are visited in Python.
    """
    n = len(words)
    memo = _word_info(lex)
    if n > 1:
        try:  # (all words seen before, the common case: one C call)
            info: Sequence[_Info | None] = itemgetter(*words)(memo)
        except KeyError:
            info = [memo[w] if w in memo else _info(lex, memo, w) for w in words]
    else:
        info = [memo[w] if w in memo else _info(lex, memo, w) for w in words]
    pol = [0.0] * n
    pred = [0] * n
    neg = [False] * n
    bound = [False] * n
    polar: list[int] = []
    marks: tuple[list[int], list[int], list[int]] = ([], [], [])  # negators, commas, quotes
    for i in compress(range(n), info):
        p, c, isneg, isbound, mark = info[i]  # type: ignore[misc]
        pol[i] = p  # (0.0 or -0.0 for a word that is not polar)
        if p or c:
            pred[i] = c
            polar.append(i)
        if isbound:
            bound[i] = True
        if isneg:
            marks[0].append(i)
        if mark:
            marks[mark].append(i)
    negators, commas_at, quotes_at = marks
    for j in negators:  # a negator negates the three tokens after it
        neg[j + 1 : j + 4] = _TRUE3[: n - j - 1]
    if commas_at:
        # Commas before each token (a running count), and a comma before a relative
        # pronoun closes a clause.
        commas: list[int] = []
        prev = 0
        for c, i in enumerate(commas_at):
            commas += [c] * (i + 1 - prev)
            prev = i + 1
            if i + 1 < n and words[i + 1] in _RELATIVE:
                bound[i] = True
        commas += [len(commas_at)] * (n + 1 - prev)
    else:
        commas = [0] * (n + 1)
    inq = _quote_runs(quoted, quotes_at) if quotes_at else list(quoted)
    return SentenceTokens(
        starts, ends, words, caps, quoted, inq, pol, pred, neg, bound, commas, polar, quotes_at, {}
    )
