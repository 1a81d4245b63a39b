"""Attribution frames: cue, source and content spans from quotation marks and cue rules.

No parser: a paragraph is cut into word and punctuation tokens; reporting cues come from
the lexicon; the source is the short noun phrase next to the cue (before it, or after it
in an inversion such as ``“…,” said Jane Doe``); the content is the adjacent quotation
(direct), the clause after the cue or before ``, X said`` (indirect), or both (mixed).
Quotations left without a frame are joined to a neighbouring one (``“A,” he said, “B.”``),
attributed by ``X: “…”`` or ``“…” —X``, or left for the speaker step (floating quotes).
"""

from __future__ import annotations

import bisect
import re
import zlib
from dataclasses import dataclass, field

from ._quotes import Quote
from ._verbs import CueEntry, ReportingLexicon

__all__ = [
    "Attribution",
    "Candidate",
    "LearnedCues",
    "cue_bucket",
    "find_frames",
    "paragraph_tokens",
]

_TOKEN = re.compile(r"\w+(?:['\u2019\-&.]\w+)*|\S")
_END = frozenset(".!?")
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
    "has have had was were is are be been also later previously repeatedly then recently once "
    "again would will did does do not never often frequently just simply already earlier still "
    "further first finally initially privately openly even could can may might should must "
    "always both all n't reportedly has't hasn't haven't didn't doesn't don't won't wouldn't "
    "did't".replace("'", "'").split()
)
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
    "voters lawmakers congress".split()
)
_ADDRESSING = frozenset("tell told tells telling inform assure warn urge remind ask advise".split())
_RIGHT_EXT = re.compile(
    r"\s+(?:in\s+(?:a|an|her|his|their|its)\s+(?:statement|interview|tweet|post|email|letter|"
    r"speech|op-ed|memo|note|release)|on\s+(?:twitter|facebook|instagram|television|tv))\b",
    re.IGNORECASE,
)
_TITLE_WORDS = frozenset(
    "mr mrs ms dr president senator sen rep gov governor minister secretary chairman chairwoman "
    "mayor judge general commissioner".split()
)


@dataclass(slots=True)
class Candidate:
    """A reporting cue found by the lexicon, before it is accepted as an attribution."""

    para_id: int
    start: int
    end: int
    entry: CueEntry
    tok: int
    tok_end: int


@dataclass(slots=True)
class Attribution:
    """One attribution: offsets into the document text (``None`` where absent)."""

    para_id: int
    cue: tuple[int, int] | None
    cue_class: str | None
    mode: str | None
    source: tuple[int, int] | None
    content: list[tuple[int, int]] = field(default_factory=list)
    direct: bool = False
    kind: str = "indirect"
    appositive: tuple[int, int] | None = None
    speaker: str | None = None
    speaker_type: str = "unknown"
    side: str | None = None
    score: float = 1.0
    qids: tuple[int, ...] = ()
    head: Attribution | None = None


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


_CLOSERS = frozenset(_MARK_CHARS | {"''", ")"})


def _sentence_ids(words: list[str]) -> list[int]:
    """Sentence index of each token (abbreviations and initials do not end a sentence)."""
    n = len(words)
    out: list[int] = []
    prev = 0
    sid = 0
    for i in [i for i, w in enumerate(words) if w in _END]:
        if i > 0:
            w = words[i - 1]
            if w in _ABBREV or (len(w) == 1 and w.isalpha()):
                continue
        j = i + 1
        while j < n and words[j] in _CLOSERS:
            j += 1
        if j <= prev:
            continue
        out.extend([sid] * (j - prev))
        prev = j
        sid += 1
    out.extend([sid] * (n - prev))
    return out


class _Para:
    """Token view of one paragraph with quotation membership."""

    __slots__ = ("pid", "starts", "_ends", "words", "sent", "inq", "quotes", "text")

    def __init__(
        self, text: str, pid: int, start: int, end: int, quotes: list[Quote], low: str | None
    ) -> None:
        self.text = text
        self.pid = pid
        if low is not None and len(low) == len(text):
            found = list(_TOKEN.finditer(low, start, end))
            self.words = [m.group() for m in found]
            self.starts = [m.start() for m in found]
            self._ends: list[int] | None = None
        else:
            self.starts, self._ends, self.words = paragraph_tokens(text, start, end)
        self.sent = _sentence_ids(self.words)
        self.quotes = quotes
        n = len(self.starts)
        inq = [-1] * n
        for qi, q in enumerate(quotes):
            if q.depth:
                continue
            a = bisect.bisect_left(self.starts, q.start)
            b = bisect.bisect_left(self.starts, q.end)
            for t in range(a, b):
                inq[t] = qi
        self.inq = inq

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


_MISSING: object = object()


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
        if len(memo) < 500_000:
            memo[w] = entry
        return entry

    def table_for(self, lex: ReportingLexicon) -> dict:
        """The lexicon's lookup table, extended on the fly with learned words."""
        cached = self._tables.get(id(lex))
        if cached is None or cached[0] is not lex:
            cached = self._tables[id(lex)] = (lex, dict(lex.lookup_table))
        return cached[1]

    def lookup(self, table: dict, w: str) -> tuple[CueEntry, None] | None:
        """Look ``w`` up as a learned cue and remember the answer in ``table``."""
        entry = self.get(w)
        hit = (entry, None) if entry is not None else None
        if len(table) < 500_000:
            table[w] = hit
        return hit

    def __len__(self) -> int:
        return len(self.buckets)


def _candidates(
    p: _Para, lex: ReportingLexicon, prior: LearnedCues | None = None
) -> list[Candidate]:
    out: list[Candidate] = []
    lookup = lex.lookup_table if prior is None else prior.table_for(lex)
    starts, words, inq = p.starts, p.words, p.inq
    skip_to = 0
    for i, w in enumerate(words):
        hit = lookup.get(w, _MISSING)
        if hit is _MISSING and prior is not None:
            hit = prior.lookup(lookup, w)
        if hit is None or hit is _MISSING or i < skip_to or inq[i] >= 0:
            continue
        entry, rx = hit
        if rx is not None:
            m = rx.match(p.text, starts[i])
            if m is not None:
                multi = lex.multi.get(" ".join(m.group().lower().replace("\u2019", "'").split()))
                if multi is not None:
                    b = bisect.bisect_left(starts, m.end(), i)
                    out.append(Candidate(p.pid, m.start(), m.end(), multi, i, b))
                    skip_to = b
                    continue
        if entry is not None:
            out.append(Candidate(p.pid, starts[i], starts[i] + len(w), entry, i, i + 1))
    return out


def _left_np(p: _Para, i: int, sid: int, strict: bool = True) -> tuple[int, int] | None:
    """Token range [a, i) of the noun phrase ending before token ``i`` in sentence ``sid``."""
    j = i
    words = p.words
    while j > 0 and p.sent[j - 1] == sid and p.inq[j - 1] < 0:
        w = words[j - 1]
        if w == "." and j > 1 and words[j - 2] in _ABBREV and p.sent[j - 2] == sid:
            j -= 1
            continue
        if w in _CLAUSE or w in _END:
            break
        if w in _STOP_LEFT and not (
            w == "and"
            and j - 1 > 0
            and j < i
            and p.is_cap(j)
            and (p.is_cap(j - 2) or words[j - 2] in _PRONOUNS)
        ):
            break
        j -= 1
    if j == i or i - j > 12:
        return None
    if words[i - 1] in _NOUN_BEFORE or strict and any(words[t] in _VERBISH for t in range(j, i)):
        return None
    return (j, i)


def _right_np(p: _Para, i: int, sid: int, limit: int = 8) -> tuple[int, int] | None:
    """Token range of the noun phrase starting at token ``i`` (an inverted source)."""
    j = i
    words = p.words
    n = len(words)
    while j < n and p.sent[j] == sid and p.inq[j] < 0:
        w = words[j]
        if w in _CLAUSE or w in _END or (w in _STOP_LEFT and j > i):
            break
        j += 1
    if j == i or j - i > limit:
        return None
    return (i, j)


_PRONOUNS = frozenset("he she they it we i".split())
_SUBJ_DET = frozenset("the a an his her their its our this these those".split())


def _subject(p: _Para, s0: int, limit: int) -> tuple[int, int] | None:
    """The subject at a sentence start: a pronoun, or capitalised words after a determiner."""
    words = p.words
    if s0 >= limit:
        return None
    if words[s0] in _PRONOUNS:
        return (s0, s0 + 1)
    j = s0
    if words[j] in _SUBJ_DET:
        j += 1
        if j < limit and not p.is_cap(j) and words[j].isalpha():
            j += 1
    while j < limit and j - s0 < 6 and p.is_cap(j) and words[j][0].isalnum():
        j += 1
    if j == s0 or (j == s0 + 1 and words[s0] in _SUBJ_DET):
        return None
    return (s0, j)


def _is_name(p: _Para, a: int, b: int) -> bool:
    """Capitalised words only (titles with their dots allowed): a name."""
    return all(p.is_cap(t) or p.words[t] in (".", "and") for t in range(a, b)) and p.is_cap(a)


def _span(p: _Para, a: int, b: int) -> tuple[int, int]:
    return (p.starts[a], p.end(b - 1))


def _sentence_bounds(p: _Para, i: int) -> tuple[int, int]:
    sid = p.sent[i]
    a = i
    while a > 0 and p.sent[a - 1] == sid:
        a -= 1
    b = i
    n = len(p.words)
    while b < n and p.sent[b] == sid:
        b += 1
    return a, b


def _trim(p: _Para, a: int, b: int) -> tuple[int, int]:
    """Drop punctuation (not quotation marks) at both ends of a token range."""
    while a < b and (p.words[a] in _CLAUSE or p.words[a] in _END) and not p.is_mark(a):
        a += 1
    while b > a and (p.words[b - 1] in _CLAUSE or p.words[b - 1] in _END) and not p.is_mark(b - 1):
        b -= 1
    return a, b


def _quote_tokens(p: _Para, qi: int) -> tuple[int, int]:
    q = p.quotes[qi]
    a = bisect.bisect_left(p.starts, q.mark_start)
    b = bisect.bisect_left(p.starts, q.mark_end if q.mark_end > q.end else q.end)
    return a, b


def _frame_cue(
    p: _Para,
    c: Candidate,
    used: list[bool],
    last: Attribution | None = None,
    permissive: bool = False,
) -> Attribution | None:
    """Attribution for one cue candidate, or None when no frame fits."""
    words, n = p.words, len(p.words)
    a, b = c.tok, c.tok_end
    sid = p.sent[a]
    lemma = c.entry.lemma
    if a > 0 and p.is_cap(a) and p.sent[a - 1] == sid and not p.is_mark(a - 1):
        return None  # "the United States", "Support Group": a name, not a cue
    if lemma == "according to":
        return _frame_according(p, c)
    # Auxiliaries, negation and adverbs before the verb belong to the cue.
    ca = a
    while (
        ca > 0
        and p.sent[ca - 1] == sid
        and p.inq[ca - 1] < 0
        and ca > a - 3
        and (
            words[ca - 1] in _AUX
            or (words[ca - 1].endswith("ly") and len(words[ca - 1]) > 4 and not p.is_cap(ca - 1))
        )
    ):
        ca -= 1
    cb = b
    cue_end = p.end(b - 1)
    m = _RIGHT_EXT.match(p.text, cue_end)
    if m is not None:
        cue_end = m.end()
        cb = bisect.bisect_left(p.starts, cue_end)
    if cb < n and words[cb] in _DAYS and p.sent[cb] == sid:
        cue_end = p.end(cb)  # "said Tuesday"
        cb += 1
    if cb < n and words[cb] == ":" and p.inq[cb] < 0:
        cue_end = p.end(cb)  # "said:" (the colon belongs to the cue)
        cb += 1
    prev = words[ca - 1] if ca > 0 else ""
    source: tuple[int, int] | None = None
    apposition: tuple[int, int] | None = None
    if ca > 0 and p.sent[ca - 1] == sid and prev not in _CLAUSE and prev not in _STOP_LEFT:
        source = _left_np(p, ca, sid)
        if source is None:
            # "Katie Roe, who is chair of the group said": the antecedent of "who"
            raw = _left_np(p, ca, sid, strict=False)
            if raw is None or raw[0] < 2 or words[raw[0] - 1] not in ("who", "whose"):
                if not permissive or words[ca - 1] in _NOUN_BEFORE:
                    return None
            else:
                k = raw[0] - 2 if words[raw[0] - 2] == "," else raw[0] - 1
                source = _left_np(p, k, sid)
                if source is None and not permissive:
                    return None
                if source is not None:
                    apposition = (raw[0] - 1, raw[1])
    elif prev == "," and ca > 1 and c.entry.mode != "fixed":
        # "Jane Doe, a spokeswoman for the ministry, said" or "..., saying"
        inner = _left_np(p, ca - 1, sid, strict=False)
        if inner is not None and inner[0] > 0 and words[inner[0] - 1] in ("who", "whose"):
            inner = (inner[0] - 1, inner[1])
        if inner is not None and inner[0] > 1 and words[inner[0] - 1] == ",":
            head = _left_np(p, inner[0] - 1, sid)
            if head is not None and _is_name(p, *inner) and not _is_name(p, *head):
                source, apposition = inner, head  # "the party's chair, Ann Lee, said"
            elif head is not None and (words[inner[0]] in _APPOS_START or _is_name(p, *head)):
                source, apposition = head, inner  # "Ann Lee, the party's chair, said"
    if source is None and (ca == 0 or prev in _CLAUSE or p.sent[ca - 1] != sid):
        if cb < n and p.sent[cb] == sid and p.inq[cb] < 0:
            right = _right_np(p, cb, sid)
            if (
                right is not None
                and ca > 0
                and (prev == "," or p.is_mark(ca - 1))
                and not any(words[t] in _VERBISH for t in range(*right))
                and (right[1] >= n or words[right[1]] in _END or words[right[1]] == ",")
            ):
                source, _inverted = right, True
                rb = right[1]
                if rb + 1 < n and words[rb] == "," and p.inq[rb + 1] < 0:
                    app = _right_np(p, rb + 1, sid)
                    if app is not None and words[app[0]] in ("a", "an", "the", "who"):
                        apposition = app
    loose = False  # accepted without a source of its own
    lead_clause: tuple[int, int] | None = None  # "Pointing to X, Putin added": X
    if source is None and prev in ("who", "which") and ca > 1:
        # "the senator, who said ..." / "the report, which notes ...": the antecedent
        k = ca - 2 if words[ca - 2] != "," else ca - 2
        ante = _left_np(p, k + 1 if words[k] != "," else k, sid)
        source = ante if ante is not None else (ca - 1, ca)
    head = None
    if (
        source is None
        and prev in ("and", "but", ",")
        and last is not None
        and (last.source is not None or last.head is not None)
        and last.cue is not None
        and last.cue[1] <= p.starts[ca]
        and p.sent[bisect.bisect_left(p.starts, last.cue[0])] == sid
    ):
        head = last.head or last  # "X emphasized ... and said that ..."
    if source is None and head is None and words[a].endswith("ing") and prev == ",":
        # ", saying ...": the subject of the main clause, when it is short
        s0, _ = _sentence_bounds(p, a)
        while s0 < a and (p.inq[s0] >= 0 or p.is_mark(s0) or words[s0] in _CLAUSE):
            s0 += 1
        source = _subject(p, s0, a)
        loose = True
    if (
        source is None
        and head is None
        and c.entry.cls == "question"
        and (ca == 0 or p.sent[ca - 1] != sid or prev in ("when", "after", "before", "if", ","))
    ):
        loose = True  # "Asked about the plan, ..." / "when asked about ..."
    if source is None and head is None and not loose and c.entry.mode not in ("fixed",):
        if not permissive or c.entry.mode == "learned":
            return None
        loose = True  # no source: left for the cue classifier to decide
        s0, _ = _sentence_bounds(p, ca)
        while s0 < ca and (p.inq[s0] >= 0 or p.is_mark(s0) or words[s0] in _CLAUSE):
            s0 += 1
        source = _subject(p, s0, ca) if s0 < ca else None
        if source is None and s0 >= ca and words[a].endswith("ing"):
            # "Pointing to the trade war, Putin added ...": the main clause's subject
            _, s1 = _sentence_bounds(p, a)
            comma = next((t for t in range(cb, s1) if words[t] == "," and p.inq[t] < 0), None)
            if comma is not None:
                source = _subject(p, comma + 1, s1)
                if source is not None:
                    lead_clause = (cb, comma)
    att = Attribution(
        p.pid,
        (p.starts[ca], cue_end),
        c.entry.cls,
        c.entry.mode,
        _span(p, *source) if source else None,
    )
    att.head = head
    if apposition:
        att.appositive = _span(p, *apposition)
    if lead_clause is not None:
        ra, rb = _trim(p, *lead_clause)
        if rb > ra:
            att.content.append(_span(p, ra, rb))
        return att
    if c.entry.cls == "non_comment":
        att.kind = "non_comment"
        return att
    # Content: an adjacent quotation first.
    src_lo = source[0] if source else ca
    src_hi = source[1] if source else cb
    lo, hi = min(src_lo, ca), max(src_hi, cb)
    if apposition:
        hi = max(hi, apposition[1])
        lo = min(lo, apposition[0])
    j = lo - 1
    while j >= 0 and words[j] in (",", "\u2014", "\u2013", "-") and p.inq[j] < 0:
        j -= 1
    k = hi
    if c.entry.lemma.split()[0] in _ADDRESSING:
        while k < n and p.inq[k] < 0 and (words[k] in _ADDRESSEE or p.is_cap(k)) and k < hi + 4:
            k += 1
    while k < n and words[k] in (",", ":", "that") and p.inq[k] < 0:
        k += 1
    before_q = -1
    jj = j
    while jj > 0 and p.is_mark(jj) and p.inq[jj] < 0 and j - jj < 3:
        jj -= 1
    if jj < j and p.inq[jj] >= 0:
        before_q = p.inq[jj]
    after_q = -1
    kk = k
    while kk < n - 1 and p.is_mark(kk) and p.inq[kk] < 0 and kk - k < 3:
        kk += 1
    if kk > k and p.inq[kk] >= 0 and k - hi <= 6:
        after_q = p.inq[kk]
    if before_q >= 0 and not used[before_q]:
        qa, qb = _quote_tokens(p, before_q)
        att.content.append((p.quotes[before_q].start, p.quotes[before_q].end))
        att.qids += (before_q,)
        used[before_q] = True
        att.direct, att.kind = True, "direct"
        if after_q >= 0 and not used[after_q] and words[k - 1] == ",":
            att.content.append((p.quotes[after_q].start, p.quotes[after_q].end))
            att.qids += (after_q,)
            used[after_q] = True
        return att
    if after_q >= 0 and not used[after_q] and (k - hi <= 1 or words[k - 1] in (",", ":")):
        att.content.append((p.quotes[after_q].start, p.quotes[after_q].end))
        att.qids += (after_q,)
        used[after_q] = True
        att.direct, att.kind = True, "direct"
        return att
    # Indirect: the clause before ", X said." or the clause after the cue.
    s0, s1 = _sentence_bounds(p, a)
    tail = hi
    while tail < s1 and (words[tail] in _END or words[tail] in _CLAUSE and not p.is_mark(tail)):
        tail += 1
    if tail >= s1 and j > s0 and words[j + 1] in (",", "\u2014", "\u2013", "-"):
        ra, rb = _trim(p, s0, j + 1)
    else:
        start = hi
        if c.entry.lemma.split()[0] in _ADDRESSING and start < s1 and p.inq[start] < 0:
            that = [t for t in range(start, min(start + 8, s1)) if words[t] == "that"]
            if that:
                start = that[0] + 1
            elif (
                words[start] in _ADDRESSEE
                or p.words[start][:1].isalpha()
                and p.text[p.starts[start]].isupper()
            ):
                while (
                    start < s1
                    and words[start] not in _CLAUSE
                    and words[start] != "that"
                    and (words[start] in _ADDRESSEE or p.text[p.starts[start]].isupper())
                ):
                    start += 1
        t = start
        while t < s1 and t < start + 5 and words[t] in _TEMPORAL:
            t += 1
        if t > start and t < s1 and words[t] == "that":
            start = t
        if c.entry.mode == "learned" and not (
            start < s1 and (words[start] in (",", ":", "that") or p.is_mark(start))
        ):
            return None  # a verb outside the lexicon reports only a clause or a quotation
        while start < s1 and words[start] in (",", ":", "that") and not p.is_mark(start):
            start += 1
        stop = min(start + 1, s1)
        while stop < s1 and not (
            words[stop] in _ADJUNCT_BREAK
            and stop + 1 < s1
            and words[stop + 1] in _SUBORDINATORS
            and p.inq[stop] < 0
        ):
            stop += 1
        ra, rb = _trim(p, start, stop)
    if rb <= ra:
        return att if c.entry.mode == "fixed" else None
    if words[ra] in ("whether", "if") and any(
        words[t] in ("not", "n't", "never") or words[t].endswith("n't") for t in range(ca, a)
    ):
        att.kind = "negated"  # "did not say whether ...": nothing was reported
        return att
    att.content.append(_span(p, ra, rb))
    return att


def _frame_according(p: _Para, c: Candidate) -> Attribution | None:
    words = p.words
    a, b = c.tok, c.tok_end
    sid = p.sent[a]
    src = _right_np(p, b, sid, limit=16)
    if src is None:
        return None
    # Extend over "a report released Tuesday by the agency" (stops at a comma anyway).
    att = Attribution(
        p.pid,
        (p.starts[a], p.end(b - 1)),
        c.entry.cls,
        c.entry.mode,
        _span(p, *src),
        kind="according",
    )
    s0, s1 = _sentence_bounds(p, a)
    lead = s0
    while (
        lead < a
        and (words[lead] in _CLAUSE or words[lead] in ("and", "but"))
        and not p.is_mark(lead)
    ):
        lead += 1
    if lead == a:
        ra, rb = _trim(p, src[1], s1)
    else:
        ra, rb = _trim(p, s0, a)
    if rb > ra:
        att.content.append(_span(p, ra, rb))
    return att


def _frame_marks(p: _Para, qi: int) -> Attribution | None:
    """``X: “…”`` and ``“…” —X`` frames for an unattributed quotation."""
    words, n = p.words, len(p.words)
    qa, qb = _quote_tokens(p, qi)
    q = p.quotes[qi]
    if qa >= 2 and words[qa - 1] == ":" and p.inq[qa - 2] < 0:
        np_ = _left_np(p, qa - 1, p.sent[qa - 2])
        if np_ is not None and np_[1] - np_[0] <= 6:
            return Attribution(
                p.pid,
                _span(p, qa - 1, qa),
                "neutral",
                "speech",
                _span(p, *np_),
                [(q.start, q.end)],
                True,
                "direct",
            )
    if qb + 1 < n and words[qb] in ("\u2014", "\u2013", "-", "--"):
        np_ = _right_np(p, qb + 1, p.sent[qb + 1])
        if np_ is not None and p.text[p.starts[np_[0]]].isupper():
            return Attribution(
                p.pid,
                _span(p, qb, qb + 1),
                "neutral",
                "speech",
                _span(p, *np_),
                [(q.start, q.end)],
                True,
                "direct",
            )
    return None


def _nested(p: _Para, c: Candidate, atts: list[Attribution]) -> bool:
    """True when a cue lies inside an earlier attribution's reported clause."""
    for att in atts:
        if att.direct or not att.content or att.cue is None:
            continue
        s, e = att.content[0]
        if not (s <= c.start < e) or s < att.cue[0]:
            continue
        a = c.tok
        if a > 0 and p.words[a - 1] in ("and", "but"):
            return False
        lo = bisect.bisect_left(p.starts, att.cue[1])
        if any(p.words[t] in (",", ";") for t in range(lo, a)):
            return False
        return True
    return False


def find_frames(
    text: str,
    pid: int,
    start: int,
    end: int,
    quotes: list[Quote],
    lex: ReportingLexicon,
    low: str | None = None,
    prior: LearnedCues | None = None,
    word_starts: dict[int, list[int]] | None = None,
    permissive: bool = False,
) -> tuple[list[Attribution], list[Quote]]:
    """Attributions of one paragraph, and its top-level quotations left unattributed.

    Parameters
    ----------
    text : str
        The document text.
    pid, start, end : int
        The paragraph's id and offsets.
    quotes : list of Quote
        The quotations whose fragment lies in this paragraph.
    lex : ReportingLexicon
        The cue lexicon.
    """
    p = _Para(text, pid, start, end, quotes, low)
    if word_starts is not None:
        word_starts[pid] = [st for st, w in zip(p.starts, p.words, strict=True) if w[0].isalnum()]
    used = [q.depth > 0 for q in quotes]
    atts: list[Attribution] = []
    taken: set[int] = set()
    for c in _candidates(p, lex, prior):
        if c.tok in taken or _nested(p, c, atts):
            continue
        att = _frame_cue(p, c, used, atts[-1] if atts else None, permissive)
        if att is None:
            continue
        atts.append(att)
        taken.update(range(c.tok, c.tok_end))
    for qi, _q in enumerate(quotes):
        if used[qi]:
            continue
        att = _frame_marks(p, qi)
        if att is not None:
            used[qi] = True
            att.qids = (qi,)
            atts.append(att)
    _resolve_overlaps(text, atts)
    for att in atts:
        if att.direct or not att.content:
            continue
        s, e = att.content[0]
        inside = tuple(
            qi for qi, q in enumerate(quotes) if not used[qi] and s <= q.mark_start and q.end <= e
        )
        if inside:
            att.kind = "mixed"
            att.qids += inside
            for qi in inside:
                used[qi] = True
    free = [q for qi, q in enumerate(quotes) if not used[qi]]
    return atts, free


_TAIL_WORDS = ("and", "but", "while", "as", "who")
_TAIL_CHARS = " \t\n,;:\u2014\u2013-"


def _strip_tail(text: str, s: int, e: int) -> int:
    """End offset with trailing punctuation and dangling connectives removed."""
    while e > s:
        while e > s and text[e - 1] in _TAIL_CHARS:
            e -= 1
        for w in _TAIL_WORDS:
            k = e - len(w)
            if k >= s and text[k:e].lower() == w and (k == s or not text[k - 1].isalnum()):
                e = k
                break
        else:
            return e
    return e


def _resolve_overlaps(text: str, atts: list[Attribution]) -> None:
    """Cut indirect contents at another attribution's cue or source (spans stay univocal)."""
    marks = sorted(x for a in atts for x in (a.cue, a.source) if x is not None)
    for att in atts:
        if att.direct or not att.content:
            continue
        s, e = att.content[0]
        own = (att.cue, att.source)
        for m in marks:
            if m in own or m[1] <= s:
                continue
            if m[0] <= s:
                s = m[1]
                continue
            if m[0] < e:
                e = m[0]
            break
        e = _strip_tail(text, s, e)
        while s < e and text[s] in " ,;:":
            s += 1
        if e > s:
            att.content[0] = (s, e)
        else:
            att.content.clear()
