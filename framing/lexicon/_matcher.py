"""Fast lexicon matching over word tokens: phrases first, wildcards, negation scope."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import compress, count, repeat

from ..segment import TOKEN_PATTERN
from ._model import Entry, Lexicon

__all__ = ["NEGATORS", "Match", "Matcher"]

#: Words that negate what follows within the negation window (plus any ``...n't``).
NEGATORS = frozenset(
    "not no never none nobody nothing neither nor without hardly barely scarcely cannot "
    "nowhere lack lacks lacked".split()
)
_CLAUSE_BREAK = frozenset(".;:!?")
_RESET = frozenset({"but", "although", "though", "however", "yet"})


@dataclass(frozen=True, slots=True)
class Match:
    """A lexicon match over word tokens ``[start, end)`` (token indices).

    ``entries`` holds every entry of the matched term (one per category);
    ``negated`` is true when a negator precedes it within the negation window.
    """

    start: int
    end: int
    entries: tuple[Entry, ...]
    negated: bool = False

    @property
    def categories(self) -> tuple[str, ...]:
        """Categories of the matched term."""
        return tuple(e.category for e in self.entries)

    @property
    def intensity(self) -> float:
        """Largest intensity among the term's entries."""
        return max(e.intensity for e in self.entries)

    @property
    def polarity(self) -> float:
        """Mean polarity of the entries, sign-flipped when negated."""
        p = sum(e.polarity for e in self.entries) / len(self.entries)
        return -p if self.negated else p


_Phrase = tuple[tuple[str, ...], bool, bool, tuple[Entry, ...]]  # words, wildcard, case, entries
# single-word entries, phrases starting with the word, and the phrases' second words
# (None when a second word is a wildcard or case-sensitive, so every phrase is tried)
_Hit = tuple[tuple[Entry, ...], list[_Phrase], frozenset[str] | None]


def _phrase_at(
    i: int, words: Sequence[str], lower: Sequence[str], phrases: list[_Phrase]
) -> tuple[int, tuple[Entry, ...]]:
    """End token of the longest phrase starting at ``i`` (0 when none) and its entries."""
    n = len(lower)
    second = lower[i + 1]
    for pw, wild, cs, ents in phrases:
        k = len(pw)
        if i + k > n:
            continue
        last = k - 1
        if last == 1 and wild:
            if not (words[i + 1] if cs else second).startswith(pw[1]):
                continue
        elif (words[i + 1] if cs else second) != pw[1]:
            continue
        seq = words if cs else lower
        if seq[i] != pw[0] or not all(seq[i + j] == pw[j] for j in range(2, last)):
            continue
        if seq[i + last].startswith(pw[last]) if wild else seq[i + last] == pw[last]:
            return i + k, ents
    return 0, ()


class Matcher:
    """Match one or more lexicons against token sequences in one pass.

    Multi-word phrases are tried before single words (longest first) and the
    tokens they cover are not matched again. A term ending in ``*`` matches any
    word starting with its prefix (an exact entry wins over a wildcard, a longer
    prefix over a shorter one). Matching ignores case unless an entry is
    case-sensitive.

    Parameters
    ----------
    lexicons : Lexicon or iterable of Lexicon
    negation_window : int
        How many tokens before a match are searched for a negator.

    Examples
    --------
    >>> from framing.lexicon import Entry, Lexicon
    >>> lex = Lexicon([Entry("attack*", "hostility"), Entry("deep state", "conspiracy"),
    ...                Entry("state", "polity")], {"name": "demo"})
    >>> found = Matcher(lex).match_text("The deep state did not attack.")
    >>> [(a, b, x.categories, x.negated) for a, b, x in found]
    [(4, 14, ('conspiracy',), False), (23, 29, ('hostility',), True)]
    """

    def __init__(self, lexicons: Lexicon | Iterable[Lexicon], negation_window: int = 3) -> None:
        if isinstance(lexicons, Lexicon):
            lexicons = [lexicons]
        self.lexicons = list(lexicons)
        self.negation_window = negation_window
        groups: dict[tuple[tuple[str, ...], bool, bool], dict[str, Entry]] = {}
        for lex in self.lexicons:
            for e in lex:
                words, wild = e.key
                cats = groups.setdefault((words, wild, e.case_sensitive), {})
                old = cats.get(e.category)
                if old is None or e.intensity > old.intensity:
                    cats[e.category] = e
        self._single: dict[str, tuple[Entry, ...]] = {}
        self._prefix: dict[str, tuple[Entry, ...]] = {}
        self._cs_single: dict[str, tuple[Entry, ...]] = {}
        self._cs_prefix: dict[str, tuple[Entry, ...]] = {}
        phrases: dict[str, list[_Phrase]] = {}
        for (words, wild, cs), cats in groups.items():
            ents = tuple(cats.values())
            if len(words) > 1:
                phrases.setdefault(words[0].lower(), []).append((words, wild, cs, ents))
            elif cs:
                (self._cs_prefix if wild else self._cs_single)[words[0]] = ents
            else:
                (self._prefix if wild else self._single)[words[0]] = ents
        self._phrases = {k: sorted(v, key=lambda p: -len(p[0])) for k, v in phrases.items()}
        self._seconds: dict[str, frozenset[str] | None] = {}
        for k, v in phrases.items():
            exact = all(not cs and not (wild and len(pw) == 2) for pw, wild, cs, _ in v)
            self._seconds[k] = frozenset(pw[1] for pw, *_ in v) if exact else None
        self._prefix_lens = sorted({len(p) for p in self._prefix}, reverse=True)
        self._cs_lens = sorted({len(p) for p in self._cs_prefix}, reverse=True)
        self._cache: dict[str, _Hit | tuple[()]] = {}

    def __len__(self) -> int:
        return sum(len(lex) for lex in self.lexicons)

    def _lookup(self, lw: str) -> _Hit | tuple[()]:
        single = self._single.get(lw)
        if single is None:
            for k in self._prefix_lens:
                if k <= len(lw) and (hit := self._prefix.get(lw[:k])) is not None:
                    single = hit
                    break
        phrases = self._phrases.get(lw)
        if single is None and phrases is None:
            return ()
        return (single or (), phrases or [], self._seconds.get(lw))

    def _cs_lookup(self, w: str) -> tuple[Entry, ...]:
        hit = self._cs_single.get(w)
        if hit is None:
            for k in self._cs_lens:
                if k <= len(w) and (hit := self._cs_prefix.get(w[:k])) is not None:
                    break
        return hit or ()

    def match(
        self,
        words: Sequence[str],
        spans: Sequence[tuple[int, int]] | None = None,
        text: str | None = None,
        lower: Sequence[str] | None = None,
    ) -> list[Match]:
        """Match the token sequence ``words``.

        Parameters
        ----------
        words : sequence of str
            Word tokens (original case).
        spans, text : optional
            Token offsets into ``text``; when given, negation scope stops at
            clause punctuation (``. ; : ! ?``) between tokens.
        lower : sequence of str, optional
            ``words`` lower-cased, when the caller has them already.

        Returns
        -------
        list of Match
            In token order, non-overlapping.
        """
        if lower is None:
            lower = [w.lower() for w in words]
        cache = self._cache
        if len(cache) > 200_000:
            cache.clear()
        get = cache.get
        # indices of words that may match: known hits and unseen words (a miss, 1, is looked
        # up below); one C-level pass, no Python loop per token
        cand = list(compress(count(), map(get, lower, repeat(1))))
        cs_hits: dict[int, tuple[Entry, ...]] = {}
        if self._cs_single or self._cs_prefix:
            for i, w in enumerate(words):
                if hit := self._cs_lookup(w):
                    cs_hits[i] = hit
            cand = sorted(set(cand) | set(cs_hits))
        out: list[Match] = []
        covered = 0
        n = len(lower)
        for i in cand:
            if i < covered:
                continue
            w = lower[i]
            hit = get(w)
            if hit is None:
                hit = cache[w] = self._lookup(w)
            single: tuple[Entry, ...] = ()
            end = 0
            if hit:
                single, phrases, seconds = hit  # type: ignore[misc]
                if phrases and i + 1 < n and (seconds is None or lower[i + 1] in seconds):
                    end, ents = _phrase_at(i, words, lower, phrases)
                    if end:
                        single = ents
            if not end:
                if i in cs_hits:
                    single = (*single, *cs_hits[i])
                if not single:
                    continue
                end = i + 1
            neg = self._negated(i, lower, spans, text) if i else False
            out.append(Match(i, end, single, neg))
            covered = end
        return out

    def clause_scope(
        self,
        matches: Sequence[Match],
        lower: Sequence[str],
        spans: Sequence[tuple[int, int]],
        text: str,
    ) -> list[Match]:
        """``matches`` of :meth:`match` without ``spans``, as :meth:`match` with ``spans``
        and ``text`` gives them: a negator behind clause punctuation no longer counts.

        The matched terms do not depend on the spans, only ``negated`` does, and it can
        only turn false; ``spans`` needs the offsets up to the last match's start.
        """
        return [
            Match(m.start, m.end, m.entries, self._negated(m.start, lower, spans, text))
            if m.negated
            else m
            for m in matches
        ]

    def _negated(
        self,
        i: int,
        lower: Sequence[str],
        spans: Sequence[tuple[int, int]] | None,
        text: str | None,
    ) -> bool:
        for k in range(i - 1, max(-1, i - 1 - self.negation_window), -1):
            if spans is not None and text is not None:
                gap = text[spans[k][1] : spans[k + 1][0]]
                if any(ch in _CLAUSE_BREAK for ch in gap):
                    return False
            w = lower[k]
            if w in _RESET:
                return False
            if w in NEGATORS or w.endswith("n't"):
                return True
        return False

    def match_text(self, text: str) -> list[tuple[int, int, Match]]:
        """Tokenise ``text`` and match it; returns ``(start, end, match)`` character spans."""
        spans = [m.span() for m in TOKEN_PATTERN.finditer(text)]
        words = [text[a:b] for a, b in spans]
        return [(spans[m.start][0], spans[m.end - 1][1], m) for m in self.match(words, spans, text)]
