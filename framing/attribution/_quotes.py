"""Quotation spans: deterministic, character-level pairing of quotation marks.

Directed marks (“ ” ‘ ’ « » ‹ › „ ‚) pair by kind; the ambiguous straight ``"`` and the
typewriter ``''`` / ````` marks are opened or closed from the characters around them;
an apostrophe inside a word (``don’t``) is never a mark, and a closing single mark after
a word (``the workers’ union``) is an apostrophe unless a single quotation is open.
Quotations nest (a stack, depth 3 at most). A paragraph that ends inside a quotation
continues it when the next paragraph opens with a mark of the same kind; otherwise the
quotation is closed at the paragraph end and flagged ``closed=False``. Nothing here
raises on odd counts or stray marks.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from operator import attrgetter, itemgetter

__all__ = ["Quote", "find_quotes"]

# Candidate marks. Single marks between two word characters are apostrophes and are
# excluded by the pattern itself, so the Python loop only sees real candidates.
# One character class (fast in C); doubled typewriter marks and in-word apostrophes are
# sorted out in Python, where only real candidates are looked at.
_MARK_CHAR = re.compile("[\u201c\u201d\u201e\u00ab\u00bb\u2039\u203a\u201a\"'\u2018\u2019`]")
_MARK_CHARS = "\u201c\u201d\u201e\u00ab\u00bb\u2039\u203a\u201a\"'\u2018\u2019`"
_ASCII_MARKS = "".join(c for c in _MARK_CHARS if c.isascii())
# A single mark's pattern that leaves it out between two alphanumeric characters
# (``[^\W_]``: ``\w`` but the underscore, what ``str.isalnum`` accepts); it starts with a
# literal, so the regex engine skips the marks inside words (most) without Python steps.
_FREE_MARK_AT = {
    c: re.compile(re.escape(c) + r"(?:(?<![^\W_]" + re.escape(c) + r")|(?![^\W_]))")
    for c in "'\u2018\u2019"
}
_START_OF = re.Match.start


def _mark_positions(text: str, in_words: bool = True) -> list[int]:
    """Offsets of every character of ``_MARK_CHAR``'s class in ``text``, in order.

    One ``find`` scan per mark character (C, no per-character pattern test); the same
    offsets as ``_MARK_CHAR.finditer``. With ``in_words=False``, a single mark between two
    alphanumeric characters (``don't``, ``Trump’s``: never a quotation mark) is left out
    here, by the scan's pattern (:data:`_FREE_MARK_AT`), rather than in the pairing loop.
    """
    out: list[int] = []
    find = text.find
    # (an ASCII text holds only the ASCII marks: the other scans would find nothing)
    for c in _ASCII_MARKS if text.isascii() else _MARK_CHARS:
        i = find(c)
        if i < 0:
            continue
        if in_words or c not in _SINGLE:
            while i >= 0:
                out.append(i)
                i = find(c, i + 1)
        else:
            out.extend(map(_START_OF, _FREE_MARK_AT[c].finditer(text, i)))
    out.sort()
    return out


_SINGLE = frozenset("'\u2018\u2019")
_OPENERS = {
    "\u201c": "D",
    "\u201e": "D",
    "``": "D",
    "\u00ab": "G",
    "\u2039": "g",
    "\u2018": "S",
    "\u201a": "S",
}
_CLOSERS = {"\u201d": "D", "\u00bb": "G", "\u203a": "g", "\u2019": "S"}
_AMBIGUOUS = {'"': "D", "''": "D", "'": "S"}
_OPEN_BEFORE = " \t\n\r([{\u2014\u2013-/\u00a0" + "\u201c\u2018\u00ab\u201e\"'"
_MAX_DEPTH = 3
_PARA_OPEN = re.compile(r"\s*(\u201c|\u201e|\u00ab|``|''|\"|\u2018|')")
_KIND_OF = {
    "\u201c": "D",
    "\u201e": "D",
    "\u00ab": "G",
    "``": "D",
    "''": "D",
    '"': "D",
    "\u2018": "S",
    "'": "S",
}
_DIGIT_ELISION = re.compile(r"\d\d?s?\b")
_START = itemgetter(0)


@dataclass(slots=True)
class Quote:
    """One quotation (or one paragraph's fragment of a quotation over paragraphs).

    Attributes
    ----------
    start, end : int
        Offsets of the quoted text, marks excluded.
    mark_start, mark_end : int
        Offsets including the marks (``mark_end == end`` when unclosed).
    para_id : int
        Paragraph of this fragment.
    depth : int
        0 for an outer quotation, 1 for one nested in it, and so on.
    closed : bool
        False when the paragraph (or text) ended before a closing mark.
    qid : int
        Identifier shared by the fragments of one quotation over several paragraphs.
    continued : bool
        True when this fragment continues a quotation from the previous paragraph.
    kind : str
        ``D`` double, ``S`` single, ``G``/``g`` guillemets.
    """

    start: int
    end: int
    mark_start: int
    mark_end: int
    para_id: int
    depth: int
    closed: bool
    qid: int
    continued: bool = False
    kind: str = "D"


def _role(text: str, mark: str, i: int, stack: list[list]) -> tuple[str, str] | None:
    """('open'|'close', kind) for the mark at ``i``, or None when it is no mark."""
    j = i + len(mark)
    prev = text[i - 1] if i > 0 else " "
    nxt = text[j] if j < len(text) else " "
    if mark == "\u201c" and stack and any(text[e[1]] == "\u201e" for e in stack):
        return ("close", "D")  # German „…“
    if mark in _OPENERS:
        kind = _OPENERS[mark]
        if mark == "\u2018" and _DIGIT_ELISION.match(text, j):
            return None  # ‘90s
        return ("open", kind)
    open_kinds = [entry[0] for entry in stack] if stack else ()
    if mark in _CLOSERS:
        kind = _CLOSERS[mark]
        if kind == "S":
            if "S" in open_kinds and not prev.isspace():
                return ("close", "S")
            return None  # an apostrophe: workers’ union, ’em, ’90s
        if kind in open_kinds:
            return ("close", kind)
        if kind == "D" and prev in _OPEN_BEFORE and not nxt.isspace():
            return ("open", "D")  # a reversed mark used as an opener
        return None
    kind = _AMBIGUOUS[mark]
    prev_open = prev in _OPEN_BEFORE or prev.isspace()
    nxt_space = nxt.isspace() or j >= len(text)
    if kind == "S":
        if prev_open and not nxt_space:
            if _DIGIT_ELISION.match(text, j):
                return None
            return ("open", "S")
        if "S" in open_kinds and not prev.isspace():
            return ("close", "S")
        return None
    if kind in open_kinds:
        if prev_open and not nxt_space and stack[-1][0] != "D":
            return ("open", kind)  # a new, nested double quotation
        return ("close", kind)
    if nxt_space and not prev_open:
        return None  # a stray closing mark
    return ("open", kind)


def find_quotes(text: str, paragraphs: list[tuple[int, int]]) -> list[Quote]:
    """Find the quotations of ``text``.

    Parameters
    ----------
    text : str
        The original text (curly marks are read as written).
    paragraphs : list of (start, end)
        Paragraph offsets, in text order and disjoint (as ``segment`` gives them); a
        quotation never runs past a paragraph end unless the next paragraph reopens it.

    Returns
    -------
    list of Quote
        Sorted by ``mark_start``; nested quotations have ``depth > 0``.

    Examples
    --------
    >>> s = "\u201cWe will win,\u201d he said, \u201cand soon.\u201d"
    >>> [s[q.start:q.end] for q in find_quotes(s, [(0, len(s))])]
    ['We will win,', 'and soon.']
    """
    marks = _mark_positions(text, in_words=False)  # (no apostrophe in a word: don't)
    if not marks:
        return []
    out: list[Quote] = []
    stack: list[list] = []  # [kind, mark_start, content_start, qid, continued]
    qid = 0
    skip = -1  # (marks before this offset are no part of a quotation: looked at already)
    # One pass over the marks, paragraph by paragraph: a paragraph without marks costs
    # nothing unless a quotation is open at its start (paragraphs come in text order).
    pidx, pend = -1, -1
    for i in marks:
        if i >= pend:
            while stack:  # the quotations open at the end of paragraph pidx
                after = _close_paragraph(text, paragraphs, pidx, pend, stack, out)
                if after < 0:
                    break
                pidx += 1  # (continued in the next paragraph)
                pend, skip = paragraphs[pidx][1], after
                if i < pend:
                    break
            if i >= pend:
                pidx = bisect.bisect_right(paragraphs, i, key=_START) - 1
                if pidx < 0 or i >= paragraphs[pidx][1]:
                    pend = i  # a mark outside every paragraph: skipped
                    continue
                pend = paragraphs[pidx][1]
        if i < skip:
            continue
        mark = text[i]
        if mark in "'`" and i + 1 < pend and text[i + 1] == mark:
            mark = mark * 2  # '' or ``
            skip = i + 2
        elif mark == "`":
            continue
        mend = i + len(mark)
        role = _role(text, mark, i, stack)
        if role is None:
            continue
        action, kind = role
        if action == "open":
            if len(stack) < _MAX_DEPTH:
                qid += 1
                stack.append([kind, i, mend, qid, False])
            continue
        # Close the innermost open quotation of this kind; inner ones end here too.
        while stack:
            k, ms, cs, q, cont = stack.pop()
            if k == kind:
                out.append(Quote(cs, i, ms, mend, pidx, len(stack), True, q, cont, k))
                break
            out.append(Quote(cs, i, ms, i, pidx, len(stack), False, q, cont, k))
    while stack:  # the quotations open at the end of the last paragraph with a mark
        if _close_paragraph(text, paragraphs, pidx, pend, stack, out) < 0:
            break
        pidx += 1
        pend = paragraphs[pidx][1]
    out.sort(key=attrgetter("mark_start", "depth"))
    return [q for q in out if q.end > q.start]


def _close_paragraph(
    text: str,
    paragraphs: list[tuple[int, int]],
    pidx: int,
    pend: int,
    stack: list[list],
    out: list[Quote],
) -> int:
    """Close the quotations of ``stack`` at the end of paragraph ``pidx`` (into ``out``).

    When the next paragraph opens with a mark of the outermost one's kind, the quotation
    continues there: its continuation goes on ``stack`` and the offset after that mark is
    returned (marks before it are looked at no more); otherwise -1.
    """
    reopen = None
    if pidx + 1 < len(paragraphs):
        reopen = _PARA_OPEN.match(text, paragraphs[pidx + 1][0])
    end = _rstrip(text, stack[0][2], pend)
    while len(stack) > 1:
        k, ms, cs, q, cont = stack.pop()
        out.append(Quote(cs, end, ms, end, pidx, len(stack), False, q, cont, k))
    k, ms, cs, q, cont = stack.pop()
    out.append(Quote(cs, end, ms, end, pidx, 0, False, q, cont, k))
    if reopen is not None and _KIND_OF.get(reopen.group(1)) == k:
        # The next paragraph reopens the quotation: it continues there.
        stack.append([k, reopen.start(1), reopen.end(), q, True])
        return reopen.end()
    return -1


def _rstrip(text: str, lo: int, hi: int) -> int:
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    return hi
