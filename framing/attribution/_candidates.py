"""Cue candidates: lexicon look-up and learned (hashed) cues outside the lexicon."""

from __future__ import annotations

import bisect
import re
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from itertools import compress

from ._tokens import _AUX, _STOP_LEFT
from ._verbs import CueEntry, ReportingLexicon

__all__ = ["Candidate", "LearnedCues", "cue_bucket", "cue_lookup"]


@dataclass(slots=True)
class Candidate:
    """A reporting cue found by the lexicon, before it is accepted as an attribution."""

    para_id: int
    start: int
    end: int
    entry: CueEntry
    tok: int
    tok_end: int


def cue_bucket(word: str) -> int:
    """Hash bucket of a lower-cased word (CRC32, 2**18 buckets) for the learned cue prior."""
    return zlib.crc32(word.encode("utf-8")) & 0x3FFFF


def _priorable(w: str) -> bool:
    """Words that may be learned cues: content words, not auxiliaries or adverbs."""
    return (
        len(w) > 3
        and w.isalpha()
        and w not in _AUX
        and w not in _STOP_LEFT
        and not w.endswith("ly")
    )


_TABLE_CAP = 200_000
_Hit = tuple[CueEntry | None, re.Pattern[str] | None]


class _LearnedTable(dict[str, _Hit | None]):
    """A lexicon's lookup table that answers a word it has not seen with the learned cues.

    ``table[w]`` is the lexicon's ``(entry, regex)`` for ``w``; for a word outside the
    lexicon, :meth:`LearnedCues.lookup` decides on first sight (``(entry, None)`` or None)
    and the answer is kept, so a paragraph's words are looked up in one C-level ``map``.
    """

    __slots__ = ("prior",)

    def __init__(self, table: dict[str, _Hit], prior: LearnedCues) -> None:
        super().__init__(table)
        self.prior = prior

    def __missing__(self, w: str) -> _Hit | None:
        return self.prior.lookup(self, w)


class LearnedCues:
    """Words outside the lexicon proposed as cues: hash buckets learned from data.

    Parameters
    ----------
    buckets : iterable of int
        :func:`cue_bucket` values of the words to propose.
    """

    def __init__(self, buckets: frozenset[int]) -> None:
        self.buckets = frozenset(buckets)
        self._memo: dict[str, CueEntry | None] = {}
        self._tables: dict[int, tuple[ReportingLexicon, dict]] = {}

    def get(self, w: str) -> CueEntry | None:
        """The (class ``other``) entry for ``w``, or None."""
        memo = self._memo
        if w in memo:
            return memo[w]
        entry = None
        if _priorable(w) and cue_bucket(w) in self.buckets:
            entry = CueEntry(w, "other", "learned")
        if len(memo) < 200_000:
            memo[w] = entry
        return entry

    def table_for(self, lex: ReportingLexicon) -> dict:
        """The lexicon's lookup table, extended on the fly with learned words.

        Looking a word up (``table[w]``, no ``get``) decides whether it is a learned cue
        on first sight (:meth:`lookup`).
        """
        cached = self._tables.get(id(lex))
        if cached is None or cached[0] is not lex:
            cached = self._tables[id(lex)] = (lex, _LearnedTable(lex.lookup_table, self))
        return cached[1]

    def lookup(self, table: dict, w: str) -> tuple[CueEntry, None] | None:
        """Look ``w`` up as a learned cue and remember the answer in ``table``."""
        # (not through :meth:`get`: the table is the memo here)
        hit = None
        if _priorable(w) and cue_bucket(w) in self.buckets:
            hit = (CueEntry(w, "other", "learned"), None)
        if len(table) < _TABLE_CAP:
            table[w] = hit
        return hit

    def __len__(self) -> int:
        return len(self.buckets)


def cue_lookup(lex: ReportingLexicon, prior: LearnedCues | None) -> tuple[dict, Callable]:
    """The table a paragraph's words are looked up in, and the look-up: the lexicon's
    (``get``: None outside it) or, with learned cues, the table that decides a word it has
    not seen (``table[w]``)."""
    if prior is None:
        return lex.lookup_table, lex.lookup_table.get
    table = prior.table_for(lex)
    return table, table.__getitem__


def _candidates(
    text: str,
    pid: int,
    starts: list[int],
    words: list[str],
    inq: list[int] | None,
    lex: ReportingLexicon,
    prior: LearnedCues | None = None,
    hits: list[_Hit | None] | None = None,
) -> list[Candidate]:
    """Cue candidates of one paragraph's tokens (``inq`` as :class:`_Para`'s, or None
    when the paragraph has no quotation), so that a paragraph with neither a cue nor a
    quotation needs no :class:`_Para`. ``hits`` are the words' look-ups
    (:func:`cue_lookup`), when the tokens came with them."""
    out: list[Candidate] = []
    # One C-level pass: hits are (entry, regex) tuples or None (no cue); a word the
    # learned table has not seen is decided as it is looked up. ``compress`` keeps the hits.
    if hits is None:
        hits = list(map(cue_lookup(lex, prior)[1], words))
    skip_to = 0
    n = len(words)
    nexts = lex.next_initials
    for i in compress(range(n), hits):
        if i < skip_to or (inq is not None and inq[i] >= 0):
            continue
        entry, rx = hits[i]
        w = words[i]
        # (the regex needs the next word to start with one of a few letters: a next
        # token in the paragraph that starts with another ASCII character rules it out
        # without a match call)
        if rx is not None and (
            (initials := nexts.get(w)) is None
            or i + 1 >= n
            or not (c := words[i + 1][0]).isascii()
            or c in initials
        ):
            m = rx.match(text, starts[i])
            if m is not None:
                multi = lex.multi.get(" ".join(m.group().lower().replace("\u2019", "'").split()))
                if multi is not None:
                    b = bisect.bisect_left(starts, m.end(), i)
                    out.append(Candidate(pid, m.start(), m.end(), multi, i, b))
                    skip_to = b
                    continue
        if entry is not None:
            out.append(Candidate(pid, starts[i], starts[i] + len(w), entry, i, i + 1))
    return out
