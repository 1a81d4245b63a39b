"""Paragraph tokens for the attribution frames: words, punctuation, sentences, quotes.

Also the closed word classes the frames use (auxiliaries, stop words before a source,
addressees, temporal words), defined here once.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from functools import reduce
from itertools import accumulate, compress
from operator import iadd
from typing import Any

from ._quotes import Quote

__all__ = ["paragraph_tokens"]

_TOKEN = re.compile(r"\w+(?:['\u2019\-&.]\w+)*|\S")
_END = frozenset(".!?")
# A mark followed by one of these ends no sentence (an abbreviation, "Why?," he asked).
_NO_END_AFTER = frozenset(",;")
_ABBREV = frozenset(
    "mr mrs ms dr gov sen rep gen lt col sgt st jr sr prof rev inc corp co ltd no vs jan feb "
    "mar apr aug sept sep oct nov dec pres gov. u.s u.k e.g i.e est cmdr adm capt maj ft".split()
)
_MARK_CHARS = frozenset("\u201c\u201d\u201e\u00ab\u00bb\u2039\u203a\u2018\u2019\u201a\"'`")
_CLAUSE = frozenset(",;:()[]{}\u2014\u2013") | _MARK_CHARS | {"''", "``", "--"}
_STOP_LEFT = frozenset(
    "that and but because which where when while as if so who whom whose after before since "
    "although though or than until unless whether what how why nor yet whereas".split()
)
_AUX = frozenset(
    "has have had was were is are am be been also later previously repeatedly then recently once "
    "again would will did does do not never often frequently just simply already earlier still "
    "further first finally initially privately openly even could can may might should must "
    "always both all n't reportedly has't hasn't haven't didn't doesn't don't won't wouldn't "
    "did't now long since can't cannot couldn't shouldn't isn't aren't wasn't weren't "
    "hadn't".split()
)
_AUX = _AUX | {w.replace("'", "\u2019") for w in _AUX}
_APPOS_START = frozenset("a an the who whose his her their its".split())
_TEMPORAL = frozenset(
    "on in at last this next monday tuesday wednesday thursday friday saturday sunday week "
    "weekend month year today yesterday tonight night morning evening afternoon earlier later "
    "again also repeatedly previously recently publicly privately".split()
)
_ADJUNCT_BREAK = frozenset([",", "\u2014", "\u2013", "--", ";"])
_SUBORDINATORS = frozenset(
    "after before when while although though because since even despite unless whereas "
    "amid as".split()
)
_DAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_VERBISH = frozenset(
    "is was are were has have had will would could should can may might must do does did "
    "be been being not".split()
)
_NOUN_BEFORE = frozenset(
    "the a an his her their its our my your this these those of to for in on with by from "
    "at into about whose no any some every each such".split()
)
_ADDRESSEE = frozenset(
    "reporters me him her them us you journalists supporters crowd audience viewers listeners "
    "voters lawmakers congress jurors analysts investors clients shareholders employees "
    "workers staff students colleagues".split()
)
_BE = frozenset("be been being is are was were".split())
_ADDRESSING = frozenset("tell told tells telling inform assure warn urge remind ask advise".split())
_RIGHT_EXT = re.compile(
    r"\s+(?:in\s+(?:a|an|her|his|their|its)\s+(?:statement|tweet|post|email|letter|"
    r"speech|op-ed|memo|note|release)|on\s+(?:twitter|facebook|instagram|television|tv|"
    r"telegram|linkedin|youtube|tiktok|weibo|social\s+media))\b",
    re.IGNORECASE,
)


def paragraph_tokens(
    text: str, start: int, end: int, low: str | None = None
) -> tuple[list[int], list[int], list[str]]:
    """Word and punctuation tokens of ``text[start:end]``: starts, ends, lower-cased text.

    ``low`` is ``text.lower()`` when it has the same length (computed once per document).
    """
    if low is None or len(low) != len(text):
        low = text[start:end].lower()
        if len(low) != end - start:
            starts, ends, words = [], [], []
            for m in _TOKEN.finditer(text, start, end):
                starts.append(m.start())
                ends.append(m.end())
                words.append(m.group().lower())
            return starts, ends, words
        offset = start
        start, end = 0, len(low)
    else:
        offset = 0
    found = list(_TOKEN.finditer(low, start, end))
    words = [m.group() for m in found]
    starts = [m.start() + offset for m in found]
    return starts, [s + len(w) for s, w in zip(starts, words, strict=True)], words


_SUBJECT_PRONOUNS = frozenset("he she they we".split())
_CLOSERS = frozenset(_MARK_CHARS | {"''", ")"})
# The token pattern with possessive quantifiers (same tokens: nothing follows a token in
# the pattern, so giving characters back never made a match; the engine skips the
# bookkeeping), as one group for ``split``.
_TOKEN_SPLIT = re.compile(r"(\w++(?:['\u2019\-&.]\w++)*+|\S)")
# The same pattern for ASCII text, where ``\w`` and ``\S`` are plain table look-ups (no
# Unicode database): the same tokens, except that Unicode also counts the ASCII controls
# \x1c-\x1f as white space (a paragraph holding one takes the Unicode pattern).
_TOKEN_SPLIT_ASCII = re.compile(_TOKEN_SPLIT.pattern, re.ASCII)


class _ChunkTokens(dict[str, tuple[Any, ...]]):
    """Memo: a blank-free chunk of text -> the tokens of its lower case, each with its step,
    flags and lexicon entry.

    The step of a token is the distance from its start to the next token's start when the
    chunk is followed by one blank: the token's length, plus one for the chunk's last token.
    The flags say whether the token is a word (its first character is alphanumeric; the
    scorer counts these) and whether it is a sentence-end mark (``.``, ``!``, ``?``); the
    entry is ``look(token)``, what the cue lexicon holds for it (None for most tokens):
    ``"Said."`` -> ``("said", 4, True, False, <said>, ".", 2, False, True, None)``. Chunks
    repeat across news text (words with their punctuation), so a paragraph's tokens, flags
    and lexicon entries are mostly one dictionary look-up per chunk, and the token strings
    are the memo's own, whose hashes are computed once. The chunks are the keys as
    written: text is lowered chunk by chunk, once per new chunk, not document by document
    (the same lower case: lowering keeps white space, and what a character lowers to never
    depends on what lies beyond a blank).
    """

    __slots__ = ("look",)

    def __init__(self, look: Callable[[str], Any]) -> None:
        super().__init__()
        self.look = look

    def __missing__(self, chunk: str) -> tuple[Any, ...]:
        if len(self) >= _CHUNK_MEMO_CAP:
            self.clear()
        low = chunk.lower()
        n = len(low)
        look = self.look
        if not n:  # (between two blanks of a wider gap: no token, one step)
            value: tuple[Any, ...] = ("", 1, False, False, None)
        elif low.isalnum():  # (all ``\\w``, no joiner: one word)
            value = (low, n + 1, True, False, look(low))
        elif n > 1 and low[:-1].isalnum() and not _word_char(last := low[-1]):
            w = low[:-1]  # "said,"
            value = (w, n - 1, True, False, look(w), last, 2, False, last in _END, look(last))
        elif n > 1 and low[1:].isalnum() and not _word_char(first := low[0]):
            w = low[1:]  # '"we'
            value = (first, 1, False, first in _END, look(first), w, n, True, False, look(w))
        else:  # (no blank inside: every gap of the split is empty)
            flat: list[Any] = []
            for w in _TOKEN_SPLIT.split(low)[1::2]:
                flat += (w, len(w), w[0].isalnum(), w in _END, look(w))
            flat[-4] += 1
            value = tuple(flat)
        self[chunk] = value
        return value


_CHUNK_MEMO_CAP = 100_000
#: The chunk memo without a lexicon (every entry None), and the memo of each look-up table.
_PLAIN_CHUNKS = _ChunkTokens({}.get)
_CHUNK_MEMOS: dict[int, tuple[object, _ChunkTokens]] = {}


def chunk_memo(table: object, look: Callable[[str], Any]) -> _ChunkTokens:
    """The chunk memo whose tokens carry ``look(token)``, their entry in ``table`` (one
    memo per table, which must not change; ``look`` is the same for every call)."""
    held = _CHUNK_MEMOS.get(id(table))
    if held is None or held[0] is not table:
        if len(_CHUNK_MEMOS) >= 8:  # (a process that makes many lexicons keeps a few)
            _CHUNK_MEMOS.clear()
        held = _CHUNK_MEMOS[id(table)] = (table, _ChunkTokens(look))
    return held[1]


def _word_char(c: str) -> bool:
    """``\\w`` (Unicode) for one character."""
    return c.isalnum() or c == "_"


def _tokens(low: str, start: int, end: int) -> tuple[list[int], list[str], list[bool], list[bool]]:
    """Starts, strings and flags of the tokens of ``low[start:end]`` (those of
    :func:`_tokens_and_entries`, without the lexicon)."""
    return _tokens_and_entries(low, start, end, _PLAIN_CHUNKS)[:4]  # type: ignore[return-value]


def lowers_in_place(text: str) -> bool:
    """Whether ``text.lower()`` keeps every offset (one character for one).

    So it does unless ``text`` holds U+0130 (``İ``), the one character whose lower case is
    two characters (``tests/test_attribution_tokens.py`` checks this Python's tables).
    """
    return "\u0130" not in text


def _tokens_and_entries(
    text: str, start: int, end: int, chunks: _ChunkTokens
) -> tuple[list[int], list[str], list[bool], list[bool], list[Any]]:
    """Starts, strings, flags and lexicon entries of the tokens of ``text[start:end]``
    lowered (``text`` as written or lowered already, when :func:`lowers_in_place`).

    The tokens are those of ``_TOKEN.finditer`` on the lowered text; the flags say
    whether a token is a word (its first character is alphanumeric), which the scorer's
    word counts need, and whether it is a sentence-end mark, which :func:`_sentence_ids`
    needs; the entries are ``chunks.look(token)`` (the cue candidates' look-ups, see
    :func:`chunk_memo`).

    A token never holds white space, so the tokens are those of each blank-separated
    chunk (:class:`_ChunkTokens`, memoised lowered with their flags and entries). When
    one white-space character separates the chunks and none is at either end (the usual
    case), the steps of the chunks' tokens add up to the starts, and their total to
    ``end + 1``. Every step is a C-level pass: ``split``, a memo look-up per chunk, list
    concatenation, ``accumulate``, slices.

    Else (a wider gap: the total falls short), when the blank is the only white space,
    the chunks between single blanks are taken, the empty ones (a blank more) as an
    empty token one character wide, dropped at the end; other paragraphs go through
    the pattern (:func:`_split_tokens`).
    """
    seg = text[start:end]
    flat: list[Any] = reduce(iadd, map(chunks.__getitem__, seg.split()), [])
    starts: list[int] = list(accumulate(flat[1::5], initial=start))
    if starts.pop() == end + 1:
        return starts, flat[::5], flat[2::5], flat[3::5], flat[4::5]
    if not seg.isprintable():  # (white space other than the blank; or a control)
        starts, words = _split_tokens(seg.lower(), start)
        return starts, words, *_token_flags(words), list(map(chunks.look, words))
    flat = reduce(iadd, map(chunks.__getitem__, seg.split(" ")), [])
    starts = list(accumulate(flat[1::5], initial=start))
    words: list[str] = flat[::5]
    return (
        list(compress(starts, words)),
        list(filter(None, words)),
        list(compress(flat[2::5], words)),
        list(compress(flat[3::5], words)),
        list(compress(flat[4::5], words)),
    )


def _token_flags(words: list[str]) -> tuple[list[bool], list[bool]]:
    """Whether each token is a word (alphanumeric first), and whether it ends a sentence."""
    return [w[0].isalnum() for w in words], [w in _END for w in words]


def _split_tokens(seg: str, start: int) -> tuple[list[int], list[str]]:
    """Starts and strings of the tokens of ``seg``, text from offset ``start`` (as
    ``_TOKEN.finditer``).

    Every character is in a token or in the white space between two: ``split`` on
    the token pattern gives ``[gap, token, gap, token, ..., gap]`` as plain strings (no
    match objects, no tuples); the starts are running sums of the part lengths.
    """
    if (
        seg.isascii()
        and "\x1c" not in seg
        and "\x1d" not in seg
        and "\x1e" not in seg
        and "\x1f" not in seg
    ):
        parts = _TOKEN_SPLIT_ASCII.split(seg)
    else:
        parts = _TOKEN_SPLIT.split(seg)
    # Offsets of every part; token i is part 2i + 1 (the last offset is the end).
    return list(accumulate(map(len, parts), initial=start))[1:-1:2], parts[1::2]


def _sentence_ids(words: list[str], is_end: list[bool] | None = None) -> list[int]:
    """Sentence index of each token (abbreviations and initials do not end a sentence).

    ``is_end`` flags the sentence-end marks among ``words`` (``_tokens`` gives them from
    the chunk memo); without it they are looked up here.
    """
    n = len(words)
    out: list[int] = []
    prev = 0
    sid = 0
    ends = is_end if is_end is not None else map(_END.__contains__, words)
    for i in compress(range(n), ends):
        j = i + 1
        if j < n and words[j] in _NO_END_AFTER:
            continue  # "Ann Lee, 29, of Selma, Ala., says": a comma follows no sentence end
        if i > 0:
            w = words[i - 1]
            if (w in _ABBREV or (len(w) == 1 and w.isalpha())) and not (
                j < n and (words[j] in _SUBJECT_PRONOUNS or w == "no" and not words[j][0].isdigit())
            ):
                continue  # (but "in the U.S. He said", "he said no. But": sentence ends)
        if j < n and words[j] == ")" and "(" in words[max(0, i - 4) : i]:
            continue  # "Sen. Ann Lee (D-Del.) said": an abbreviation in parentheses
        while j < n and words[j] in _CLOSERS:
            j += 1
        if j <= prev:
            continue
        out.extend([sid] * (j - prev))
        prev = j
        sid += 1
    out.extend([sid] * (n - prev))
    return out


def _move_opening_marks(sent: list[int], starts: list[int], quotes: list[Quote]) -> None:
    """Give each quotation's opening mark to the sentence it opens, in place.

    :func:`_sentence_ids` joins the marks after a sentence end to that sentence (they
    close it: 'she said."'); a mark there that opens a quotation ('failed. "It was')
    belongs to the next sentence instead.
    """
    n = len(starts)
    for q in quotes:
        if q.depth or q.mark_start == q.start:
            continue
        t = bisect.bisect_left(starts, q.mark_start)
        u = bisect.bisect_left(starts, q.start, t)  # (the first token inside; "''" is two)
        if 0 < t < u < n and starts[t] == q.mark_start and sent[t] != sent[u]:
            sent[t:u] = [sent[u]] * (u - t)


class _Para:
    """Token view of one paragraph with quotation membership."""

    __slots__ = ("pid", "starts", "_ends", "words", "sent", "inq", "quotes", "text")

    def __init__(
        self,
        text: str,
        pid: int,
        start: int,
        end: int,
        quotes: list[Quote],
        low: str | None,
        sentences: bool = True,
        tokens: tuple[list[int], list[str]] | None = None,
    ) -> None:
        self.text = text
        self.pid = pid
        is_end = None
        if tokens is not None:  # (``_tokens(low, start, end)``, already computed)
            self.starts, self.words = tokens
            self._ends = None
        elif low is not None and len(low) == len(text):
            self.starts, self.words, _, is_end = _tokens(low, start, end)
            self._ends: list[int] | None = None
        else:
            self.starts, self._ends, self.words = paragraph_tokens(text, start, end)
        self.quotes = quotes
        if sentences:  # (else the caller calls ``set_sentences`` when it needs them)
            self.set_sentences(is_end)
        inq = [-1] * len(self.starts)
        for qi, q in enumerate(quotes):
            if q.depth:
                continue
            a = bisect.bisect_left(self.starts, q.start)
            b = bisect.bisect_left(self.starts, q.end, a)
            inq[a:b] = [qi] * (b - a)
        self.inq = inq

    def set_sentences(self, is_end: list[bool] | None = None) -> None:
        """Fill ``sent``: :func:`_sentence_ids`, each quotation's opening mark given to
        the sentence it opens (:func:`_move_opening_marks`)."""
        self.sent = _sentence_ids(self.words, is_end)
        if self.quotes:
            _move_opening_marks(self.sent, self.starts, self.quotes)

    @property
    def ends(self) -> list[int]:
        if self._ends is None:
            self._ends = [s + len(w) for s, w in zip(self.starts, self.words, strict=True)]
        return self._ends

    def end(self, i: int) -> int:
        """End offset of token ``i``."""
        if self._ends is not None:
            return self._ends[i]
        return self.starts[i] + len(self.words[i])

    def is_cap(self, i: int) -> bool:
        return self.text[self.starts[i]].isupper()

    def is_mark(self, i: int) -> bool:
        return self.words[i] in _MARK_CHARS or self.words[i] in ("''", "``")
