"""Rule-based sentence boundaries for news text, with offsets into the original text.

The splitter needs no data download and no model. It finds candidate boundaries (``.``, ``!``,
``?``, ``...`` or ``…``, optionally followed by closing quotes or brackets, then white space) and
keeps or rejects each with a few rules on the word before and the word after:

* a lower-case next word never starts a sentence (``“Why now?” she asked.``, ``e.g. Denver``);
* titles (``Mr.``, ``Sen.``, ``Lt. Gen.``, ``St.`` before a name), ``vs.``, ``e.g.``, ``i.e.`` and
  single initials (``J. R. Smith``) do not end a sentence;
* ``No.``, ``pp.``, ``Jan.`` and the like do not end a sentence before a number, nor does a
  list number (``1.``) at the start of a sentence;
* abbreviations that often end a sentence (``Inc.``, ``Jr.``, ``U.S.``, ``Ph.D.``, street ``St.``)
  end one only before a word that typically opens a sentence (``The``, ``He``, ``But``...);
  ``a.m.``/``p.m.`` end one unless a day, month or time zone follows; ``etc.`` before any
  capital;
* after ``?`` or ``!`` and a closing quote, a capitalised attribution (``“Why?” Smith asked.``)
  stays in the sentence.

The word classes are in :mod:`framing.segment._abbreviations`.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence

from ._abbreviations import (
    BEFORE_NUMBER,
    MAY_END,
    NEVER_END,
    REPORTING_VERBS,
    STARTERS,
    TIME_FOLLOWERS,
    TITLES,
)
from ._chars import char_positions

__all__ = ["paragraph_sentences", "split_sentences"]

_OPENERS = "\"'\u201c\u2018([{\u00ab"
_CLOSERS = "\"'\u201d\u2019)]}\u00bb"
# end punctuation | closing quotes/brackets | followed by white space or the end (the word
# before is read off the text: a regex that starts at each word is twice as slow)
# (``[.!?…][.!?…]*`` rather than ``[.!?…]+``: a pattern that opens with a character class
# lets the regex engine skip to the next candidate character instead of trying every one)
_CANDIDATE = re.compile(r"([.!?\u2026][.!?\u2026]*)([\"'\u201d\u2019)\]}\u00bb]*)(?=\s|\Z)")
_MARKS = ".!?\u2026"  # the characters a candidate starts with
#: Longest word looked at before a candidate (abbreviations are far shorter).
_WORD_WINDOW = 64
# white space | opening quotes/brackets | next token
_NEXT = re.compile(r"\s+([\"'\u201c\u2018(\[{\u00ab]*)(\S*)")
_INITIALISM = re.compile(r"(?:[A-Za-z]{1,3}\.)+[A-Za-z]{1,3}\Z")
_TRAIL = ".,;:!?\u2026" + _CLOSERS
_AM_PM = frozenset({"a.m", "p.m", "A.M", "P.M"})
_NOT_INITIAL_STARTERS = frozenset({"A", "I"})


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Split ``text[start:end]`` into sentences.

    Parameters
    ----------
    text : str
        The original text (curly or straight quotes, any white space); it is not modified.
    start, end : int
        The range to split, as Python string offsets; ``end=None`` means the end of ``text``.

    Returns
    -------
    list of tuple of int
        ``(start, end)`` offsets into ``text``, in order, not overlapping, each trimmed of
        surrounding white space; together they cover all non-space text of the range. An empty or
        blank range gives an empty list.

    Examples
    --------
    >>> text = "Sen. Ann Lee (D-Mass.) spoke at 5 p.m. She left. “Why?” he asked."
    >>> [text[s:e] for s, e in split_sentences(text)]
    ['Sen. Ann Lee (D-Mass.) spoke at 5 p.m.', 'She left.', '“Why?” he asked.']
    >>> split_sentences("  A. B. Cole left.  ", 0)
    [(2, 18)]
    """
    n = len(text)
    end = n if end is None else max(0, min(end, n))
    start = max(0, min(start, end))
    return _split(text, start, end, _CANDIDATE.finditer(text, start, end))


def paragraph_sentences(text: str, spans: Sequence[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """``split_sentences(text, start, end)`` for each ``(start, end)`` of ``spans``.

    The end marks of the whole text are found at once (:func:`char_positions`) and the
    candidate pattern is tried only there, as ``finditer`` would find it.

    Examples
    --------
    >>> paragraph_sentences("Mr. Lee left. He won.\\nYes! No.", [(0, 21), (22, 30)])
    [[(0, 13), (14, 21)], [(22, 26), (27, 30)]]
    """
    marks = char_positions(text, _MARKS)
    out: list[list[tuple[int, int]]] = []
    for start, end in spans:
        lo, hi = bisect_left(marks, start), bisect_left(marks, end)
        out.append(_split(text, start, end, _candidates(text, marks[lo:hi], end)))
    return out


def _candidates(text: str, marks: list[int], end: int) -> Iterator[re.Match[str]]:
    """The matches of ``_CANDIDATE.finditer`` that start at one of ``marks`` (before ``end``)."""
    match = _CANDIDATE.match
    after = -1  # where the previous match ended: finditer goes on from there
    for pos in marks:
        if pos >= after and (m := match(text, pos, end)) is not None:
            after = m.end()
            yield m


def _split(
    text: str, start: int, end: int, candidates: Iterable[re.Match[str]]
) -> list[tuple[int, int]]:
    """Sentences of ``text[start:end]`` given the candidate boundaries in it."""
    out: list[tuple[int, int]] = []
    sent_start = start
    for m in candidates:
        boundary = m.end()
        if boundary >= end:
            break
        if _is_boundary(text, m, _word_before(text, m.start(), start), sent_start, end):
            _append(out, text, sent_start, boundary)
            sent_start = boundary
    _append(out, text, sent_start, end)
    return out


def _append(out: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    """Append ``(start, end)`` trimmed of white space, unless it is blank."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        out.append((start, end))


def _word_before(text: str, pos: int, start: int) -> str:
    """The non-space characters just before ``pos`` (at most ``_WORD_WINDOW`` of them)."""
    if pos <= start or text[pos - 1].isspace():
        return ""
    return text[max(start, pos - _WORD_WINDOW) : pos].split()[-1]


def _is_boundary(text: str, m: re.Match[str], word: str, sent_start: int, end: int) -> bool:
    """Whether the candidate ``m`` (after ``word``) ends a sentence."""
    nxt = _NEXT.match(text, m.end(), end)
    if nxt is None:  # pragma: no cover - the candidate is always followed by white space
        return True
    opening, token = nxt.group(1), nxt.group(2)
    first = token[:1]
    if first.islower() or (token and not token.strip(".\u2026")):
        return False  # lower case next, or a spaced ellipsis ". . ."
    punct, close = m.group(1, 2)
    word_start = m.start() - len(word)
    if "?" in punct or "!" in punct:
        if close and not opening and first.isupper():
            return not _attribution(text, nxt.start(2), end)
        return True
    if len(punct) > 1 or "\u2026" in punct or close:
        return True  # ellipsis, or a period inside quotes/brackets
    word = word.lstrip(_OPENERS)
    if "-" in word:
        word = word.rsplit("-", 1)[1]
    if first.isdigit():
        if word in BEFORE_NUMBER or word in TITLES or word in NEVER_END:
            return False
        return not (len(word) == 1 and word.isalpha())
    if word.isdigit() and len(word) <= 2 and not text[sent_start:word_start].strip():
        return False  # a list number: "1. Hire more inspectors."
    if word in NEVER_END:
        return False
    next_word = token.rstrip(_TRAIL)
    if word == "St":
        return _after_street(text, word_start, sent_start) and (
            bool(opening) or next_word in STARTERS
        )
    if word in TITLES:
        return False
    if len(word) == 1 and word.isupper():
        return next_word in STARTERS and next_word not in _NOT_INITIAL_STARTERS
    if word in _AM_PM:
        return next_word not in TIME_FOLLOWERS
    if word == "etc":
        return True
    if word in MAY_END or _INITIALISM.match(word):
        return bool(opening) or next_word in STARTERS
    return True


def _after_street(text: str, word_start: int, sent_start: int) -> bool:
    """Whether "St." at ``word_start`` follows a name or number (a street, not a saint)."""
    before = text[max(sent_start, word_start - 40) : word_start].split()
    if not before:
        return False
    prev = before[-1][:1]
    return prev.isupper() or prev.isdigit()


def _attribution(text: str, pos: int, end: int) -> bool:
    """Whether the words at ``pos`` are a short attribution ("Smith asked.")."""
    verb_at = -1
    for i, tok in enumerate(text[pos : min(end, pos + 160)].split()[:12]):
        core = tok.rstrip(_TRAIL)
        if verb_at < 0 and i < 5 and core in REPORTING_VERBS:
            verb_at = i
        if core != tok and not (
            tok.endswith(".") and (core in TITLES or (len(core) == 1 and core.isupper()))
        ):
            return verb_at >= 0 and i - verb_at <= 3
    return False
