"""Fast lexicon matching over word tokens: phrases first, wildcards, negation scope."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import compress, count, repeat
from operator import or_

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
_END = (" ",)  # ends each sequence in Matcher.match_many


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


# Match objects built without the dataclass __init__ (for the loops of Matcher.match_many):
# the slots' descriptors set the fields, as the generated __init__ does.
_new_object = object.__new__
_set_start = Match.start.__set__  # type: ignore[attr-defined]
_set_end = Match.end.__set__  # type: ignore[attr-defined]
_set_entries = Match.entries.__set__  # type: ignore[attr-defined]
_set_negated = Match.negated.__set__  # type: ignore[attr-defined]
#: Words that make :meth:`Matcher._negated` look closer (with those ending in ``n't``).
_NEG_OR_RESET = NEGATORS | _RESET

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
        # Without prefix entries every hit is known in advance: a small fixed table of the
        # words that match alone or start a phrase (no per-word cache to fill or look up)
        self._hits: dict[str, _Hit] = {}
        if not self._prefix:
            for w in self._single.keys() | self._phrases.keys():
                self._hits[w] = self._lookup(w)  # type: ignore[assignment]
        # For match_many: the words that match alone or start a phrase always tried, and the
        # first two words of the other phrases (a word that only starts those is a
        # candidate where the next word continues one of them).
        self._starts = frozenset(
            w for w, (single, _, seconds) in self._hits.items() if single or seconds is None
        )
        self._bigrams = frozenset(
            (w, x)
            for w, (_, _, seconds) in self._hits.items()
            if w not in self._starts
            for x in seconds or ()
        )

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
        if self._prefix:
            cache = self._cache
            if len(cache) > 200_000:
                cache.clear()
            get = cache.get
            # indices of words that may match: known hits and unseen words (a miss, 1, is
            # looked up below); one C-level pass, no Python loop per token
            cand = list(compress(count(), map(get, lower, repeat(1))))
        else:
            cache = self._hits  # type: ignore[assignment]
            get = cache.get
            cand = list(compress(count(), map(cache.__contains__, lower)))
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
            if hit is None:  # unseen (prefix entries) or a case-sensitive hit only
                hit = self._lookup(w)
                if self._prefix:
                    cache[w] = hit
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

    def match_many(
        self, words: Sequence[Sequence[str]], lower: Sequence[Sequence[str]]
    ) -> list[list[Match]]:
        """Match many token sequences: ``[self.match(w, lower=l) for w, l in zip(words,
        lower)]``, in one pass over all their tokens.

        Parameters
        ----------
        words : sequence of sequences of str
            Word tokens (original case) of each sequence, e.g. of each paragraph.
        lower : sequence of sequences of str
            The same words lower-cased.

        Returns
        -------
        list of list of Match
            One list per sequence, as :meth:`match` without ``spans`` returns it.

        Examples
        --------
        >>> from framing.lexicon import Entry, Lexicon
        >>> m = Matcher(Lexicon([Entry("deep state", "conspiracy")], {"name": "demo"}))
        >>> [[(x.start, x.end) for x in ms] for ms in m.match_many(
        ...     [["a", "deep", "state"], ["deep"]], [["a", "deep", "state"], ["deep"]])]
        [[(1, 3)], []]
        """
        if len(words) != len(lower):
            raise ValueError("match_many needs as many lower-case sequences as word sequences")
        if self._prefix or self._cs_single or self._cs_prefix:
            return [self.match(w, lower=lw) for w, lw in zip(words, lower, strict=True)]
        out: list[list[Match]] = [[] for _ in lower]
        # All sequences end to end, each followed by a space (no token holds one: it ends
        # every phrase); ``base`` holds where each sequence starts.
        flat: list[str] = []
        base = [0]
        for lw in lower:
            flat += lw
            flat += _END
            base.append(len(flat))
        hits = self._hits
        cand = list(compress(count(), map(hits.__contains__, flat)))
        if not cand:
            return out
        if self._bigrams:  # drop phrase starts not followed by a second word of theirs
            firsts = list(map(flat.__getitem__, cand))
            nexts = map(flat.__getitem__, map((1).__add__, cand))
            keep = map(
                or_,
                map(self._starts.__contains__, firsts),
                map(self._bigrams.__contains__, zip(firsts, nexts, strict=True)),
            )
            cand = list(compress(cand, keep))
        nw = self.negation_window
        k = -1
        end_k = 0  # end of sequence k in ``flat``
        covered = 0
        seq: Sequence[str] = ()
        wseq: Sequence[str] = ()
        found: list[Match] = []
        for g in cand:
            if g < covered:
                continue
            if g >= end_k:
                k = bisect_right(base, g) - 1
                end_k = base[k + 1] - 1
                seq, wseq, found = lower[k], words[k], out[k]
            i = g - base[k]
            single, phrases, seconds = hits[seq[i]]
            end = 0
            if phrases and i + 1 < len(seq) and (seconds is None or seq[i + 1] in seconds):
                end, ents = _phrase_at(i, wseq, seq, phrases)
                if end:
                    single = ents
            if not end:
                if not single:
                    continue
                end = i + 1
            neg = False
            if i:  # a negator or a reset word in the window, else not negated
                win = seq[i - nw if i > nw else 0 : i]
                if not _NEG_OR_RESET.isdisjoint(win) or "n't " in " ".join(win) + " ":
                    neg = self._negated(i, seq, None, None)
            m = _new_object(Match)
            _set_start(m, i)
            _set_end(m, end)
            _set_entries(m, single)
            _set_negated(m, neg)
            found.append(m)
            covered = g + end - i
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
