"""Find the mentions of named targets in a segmented document.

A target is a name with aliases (``{"Russia": ["Russia", "Putin", "the Kremlin"]}``).
Mentions are found on the normalised view (curly apostrophes folded), so
possessives (``Russia's``, ``Russia’s``) match; capitalised words match in any case
of their later letters and in all capitals (headlines), lower-case words
(``the Kremlin``) in any case, and acronyms (``US``, ``U.S.``) exactly. Countries in a
small built-in table also bring their demonyms and their capital / seat of government
as metonyms (``Moscow``, ``the Kremlin``), unless ``expand=False``.

Within a document, the last word of a multi-word person name (``Trump`` after
``Donald Trump``) refers back to its target once the full name has appeared; within a
paragraph, ``he/him/his/she/her/hers`` refer to the most recent person mention and
``it/its`` to the most recent country or organisation mention of the same or the
previous sentence.
"""

from __future__ import annotations

import bisect
import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import chain
from typing import NamedTuple

from ..errors import InputError
from ..segment import Doc, Paragraph

__all__ = ["GEO_ALIASES", "Mention", "TargetMatcher"]

# Facts (country -> demonyms, metonyms); written for this project.
GEO_ALIASES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "Russia": (("Russian", "Russians"), ("Moscow", "the Kremlin", "Kremlin")),
    "China": (("Chinese",), ("Beijing", "Zhongnanhai")),
    "United States": (
        ("American", "Americans"),
        ("Washington", "the White House", "White House"),
    ),
    "United Kingdom": (("British", "Briton", "Britons"), ("London", "Downing Street", "Whitehall")),
    "France": (("French",), ("Paris", "the Elysee", "Elysee")),
    "Germany": (("German", "Germans"), ("Berlin",)),
    "Ukraine": (("Ukrainian", "Ukrainians"), ("Kyiv", "Kiev")),
    "Israel": (("Israeli", "Israelis"), ("Jerusalem",)),
    "Iran": (("Iranian", "Iranians"), ("Tehran",)),
    "India": (("Indian", "Indians"), ("New Delhi",)),
    "Japan": (("Japanese",), ("Tokyo",)),
    "North Korea": (("North Korean", "North Koreans"), ("Pyongyang",)),
    "South Korea": (("South Korean", "South Koreans"), ("Seoul",)),
    "Turkey": (("Turkish", "Turks"), ("Ankara",)),
    "Saudi Arabia": (("Saudi", "Saudis"), ("Riyadh",)),
    "Syria": (("Syrian", "Syrians"), ("Damascus",)),
    "Canada": (("Canadian", "Canadians"), ("Ottawa",)),
    "Mexico": (("Mexican", "Mexicans"), ("Mexico City",)),
    "Brazil": (("Brazilian", "Brazilians"), ("Brasilia",)),
    "Taiwan": (("Taiwanese",), ("Taipei",)),
    "Pakistan": (("Pakistani", "Pakistanis"), ("Islamabad",)),
    "European Union": (("EU",), ("Brussels",)),
}
_COUNTRY_KEYS = {k.lower(): k for k in GEO_ALIASES}
_COUNTRY_SYNONYMS = {
    "us": "United States",
    "u.s.": "United States",
    "usa": "United States",
    "america": "United States",
    "uk": "United Kingdom",
    "britain": "United Kingdom",
    "eu": "European Union",
}
_GEO_WORDS = {
    w.lower() for name, (dem, met) in GEO_ALIASES.items() for w in (name, *dem, *met)
} | set(_COUNTRY_SYNONYMS)

_PERSON_PRONOUNS = {"he", "him", "his", "she", "her", "hers", "himself", "herself"}
_THING_PRONOUNS = {"it", "its", "itself"}
_WORD_RE = re.compile(r"\w+")
# Matched on the lower-cased text (case-insensitive matching is several times slower);
# every pronoun starts and ends with a word character, so ``\b`` is a word boundary.
# ``\b(?:he|him|...)\b`` with the boundary before checked after the first letter, so
# that the regex engine skips ahead to h, s and i (half the instructions).
_PRONOUN_RE = re.compile(
    r"(?:h(?<!\wh)(?:imself|erself|ers|im|is|er|e)|s(?<!\ws)he|i(?<!\wi)(?:tself|ts|t))\b"
)
# A capitalised word: ``\b[A-Z][\w'-]*`` with the boundary checked after the capital,
# so that the regex engine can skip ahead to capitals (twice as fast).
_CAP_RE = re.compile(r"[A-Z](?<!\w[A-Z])[\w'-]*")
_TITLES = {
    "president",
    "prime",
    "minister",
    "mr",
    "mrs",
    "ms",
    "dr",
    "sen",
    "senator",
    "rep",
    "governor",
    "gov",
    "king",
    "queen",
    "chancellor",
    "secretary",
    "general",
    "gen",
    "chairman",
    "leader",
    "foreign",
    "vice",
    "state",
    "premier",
    "i",
}
_LOWER_WORDS = {"the", "of", "and", "for", "de", "von", "van", "al", "bin"}


@dataclass(slots=True)
class _Alias:
    """An alias split into words, the separators between them and its case rules."""

    alias: str
    target: str
    person: bool
    words: list[str]
    lows: list[str]
    seps: list[str]
    modes: list[int]  # 0 any case, 1 exact (acronym), 2 capitalised or all capitals
    tail: str


def _parse_alias(alias: str, target: str, person: bool) -> _Alias | None:
    ms = list(_WORD_RE.finditer(alias))
    if not ms:
        return None
    words = [m.group() for m in ms]
    seps = [alias[ms[k].end() : ms[k + 1].start()] for k in range(len(ms) - 1)]
    modes = []
    for w in words:
        letters = [c for c in w if c.isalpha()]
        if w.islower() or w.lower() in _LOWER_WORDS or not letters:
            modes.append(0)
        elif len(letters) > 1 and all(c.isupper() for c in letters) or len(ms) > 1 and len(w) == 1:
            modes.append(1)
        else:
            modes.append(2)
    tail = alias[ms[-1].end() :].strip()
    return _Alias(alias, target, person, words, [w.lower() for w in words], seps, modes, tail)


def _word_pattern(word: str, mode: int) -> str:
    if mode == 1:
        return re.escape(word)
    low = word.lower()
    if mode == 2:
        first = low[0].upper()
        if len(first) != 1 or not first.isupper():
            return "(?!)"  # cannot start with a capital: never matches, as before
        return re.escape(first) + ("(?i:" + re.escape(low[1:]) + ")" if len(low) > 1 else "")
    return "(?i:" + re.escape(low) + ")"


def _alias_pattern(al: _Alias) -> str:
    """Regex for an alias on ``\\w+`` token boundaries.

    Modes: 0 any case, 1 exact (acronym), 2 capital first letter then any case.
    Separators: whitespace matches any run of whitespace, anything else itself.
    """
    out = [_word_pattern(al.words[0], al.modes[0])]
    for j in range(1, len(al.words)):
        sep = al.seps[j - 1]
        out.append(r"\s+" if sep.isspace() else re.escape(sep))
        out.append(_word_pattern(al.words[j], al.modes[j]))
    out.append(r"(?!\w)")
    if al.tail:
        out.append("(?:" + re.escape(al.tail) + ")?")
    return "".join(out)


#: The checks of one first word: a regex with a group per alias (the aliases, in
#: group order) or, for a short name, the regex of the short name (its lower case).
_Checks = list[tuple[re.Pattern[str], tuple[_Alias, ...] | str]]


def _literal(al: _Alias) -> str:
    """The lower-case text an alias's match always shows in the lower-cased text: its
    first word, then separators other than white space and the exact (acronym) words
    after them (``u.s`` for ``U.S.``)."""
    out = [al.lows[0]]
    for sep, low, mode in zip(al.seps, al.lows[1:], al.modes[1:], strict=True):
        if sep.isspace() or mode != 1:
            break
        out += [sep.lower(), low]
    return "".join(out)


class Mention(NamedTuple):
    """One mention of a target: offsets into ``doc.text`` (an immutable named tuple).

    ``kind`` is ``alias`` (a listed name, demonym or metonym), ``short`` (last word of
    a multi-word person name after the full name) or ``pronoun``.
    """

    para_id: int
    start: int
    end: int
    target: str
    kind: str
    person: bool


#: ``tuple.__new__``: a Mention from a tuple of its fields in one C call.
_new_mention = tuple.__new__


def _is_person_alias(alias: str) -> bool:
    low = alias.lower()
    if low in _GEO_WORDS or low.startswith("the ") or not alias[:1].isupper():
        return False
    letters = [c for c in alias if c.isalpha()]
    return not all(c.isupper() for c in letters)


class TargetMatcher:
    """Finds target mentions (aliases, short names, pronouns) in a :class:`Doc`.

    Parameters
    ----------
    targets : mapping of str to list of str
        Target name -> aliases. The name itself is always an alias.
    expand : bool, default True
        Add demonyms and metonyms from :data:`GEO_ALIASES` for targets that are countries.
    pronouns : bool, default True
        Resolve pronouns and short names within paragraphs.

    Examples
    --------
    >>> from framing.segment import segment
    >>> doc = segment("Putin spoke. He praised China's plan.")
    >>> m = TargetMatcher({"Russia": ["Putin"], "China": []}).find(doc)
    >>> [(doc.text[x.start:x.end], x.target, x.kind) for x in m]
    [('Putin', 'Russia', 'alias'), ('He', 'Russia', 'pronoun'), ('China', 'China', 'alias')]
    """

    def __init__(
        self, targets: Mapping[str, Sequence[str]], *, expand: bool = True, pronouns: bool = True
    ) -> None:
        if not isinstance(targets, Mapping):
            raise InputError("targets must be a mapping of target name -> list of aliases")
        self.targets = {str(k): [str(a) for a in v] for k, v in targets.items()}
        self.expand = expand
        self.pronouns = pronouns
        entries: list[tuple[str, str, bool]] = []  # alias, target, person
        seen: set[tuple[str, str]] = set()
        for name, aliases in self.targets.items():
            names = [name, *aliases]
            if expand:
                for a in list(names):
                    key = _COUNTRY_KEYS.get(a.lower()) or _COUNTRY_SYNONYMS.get(a.lower())
                    if key:
                        dem, met = GEO_ALIASES[key]
                        names += [key, *dem, *met]
            for a in names:
                a = " ".join(a.split())
                if not a or (a, name) in seen:
                    continue
                seen.add((a, name))
                entries.append((a, name, _is_person_alias(a)))
        entries.sort(key=lambda e: -len(e[0]))
        self._entries = entries
        # First word (lower case) -> candidate aliases, longest first.
        index: dict[str, list[_Alias]] = {}
        for alias, name, person in entries:
            parsed = _parse_alias(alias, name, person)
            if parsed is not None:
                index.setdefault(parsed.words[0].lower(), []).append(parsed)
        for cands in index.values():
            cands.sort(key=lambda c: -len(c.words))
        self._index = index
        shorts: dict[str, tuple[str, str]] = {}
        for alias, name, person in entries:
            words = alias.split()
            if person and len(words) > 1 and words[-1][:1].isupper() and words[-1].isalpha():
                shorts.setdefault(words[-1].lower(), (name, alias))
        self._shorts = shorts
        # Candidates are found with str.find on the lower-cased text (first words of
        # aliases and short names), then checked with each alias's regex, longest first.
        # The aliases of one first word are tried, longest first, by one regex with a
        # group per alias (the first that matches wins, as in a loop over them, in one
        # call: "the" starts both "the Kremlin" and "the White House").
        self._first: dict[str, _Checks] = {}
        for low, cands in index.items():
            rx = re.compile("|".join("(" + _alias_pattern(c) + ")" for c in cands))
            self._first[low] = [(rx, tuple(cands))]
        for w in shorts:
            self._first.setdefault(w, []).append(
                (re.compile(r"(?i:" + re.escape(w) + r")(?!\w)"), w)
            )
        # What is searched for each first word: the lower-case text every check of it
        # needs there, the first word extended by separators and exact words ("u.s"
        # for "U.S.": a lone "u" is in every other word), and whether the first word
        # must be checked to end there (when nothing extends it).
        self._keys: list[tuple[str, bool, _Checks]] = []
        for low, checks in self._first.items():
            texts = [[g] if isinstance(g, str) else [_literal(a) for a in g] for _, g in checks]
            lit = os.path.commonprefix(list(chain.from_iterable(texts)))
            self._keys.append((lit, len(lit) <= len(low), checks))

    def find(self, doc: Doc) -> list[Mention]:
        """All mentions in ``doc``, sorted by start offset."""
        if not self._index:
            return []
        vt = doc.view.text
        low = vt.lower()
        if len(low) != len(vt):  # a few characters lengthen when lower-cased
            low = "".join(c if len(c.lower()) != 1 else c.lower() for c in vt)
        cands_by_pos = self._candidates(low)
        positions = sorted(cands_by_pos)
        out: list[Mention] = []
        first_pos: dict[str, int] = {}
        carry: tuple[int, int, str, str, bool] | None = None
        k = 0
        same = doc.view.index is None  # view offsets are text offsets
        for para in doc.paragraphs:
            if same:
                vs, ve = para.start, para.end
            else:
                vs, ve = _to_view(doc, para.start), _to_view(doc, para.end)
            found: list[tuple[int, int, str, str, bool]] = []
            while k < len(positions) and positions[k] < vs:
                k += 1
            cur = vs
            while k < len(positions) and positions[k] < ve:
                start = positions[k]
                k += 1
                if start < cur:
                    continue
                if start > vs:
                    c = vt[start - 1]
                    if c.isalnum() or c == "_":  # inside a word
                        continue
                for rx, g in cands_by_pos[start]:
                    m = rx.match(vt, start, ve)
                    if m is None:
                        continue
                    if isinstance(g, str):
                        if vt[start].isupper():
                            name, full = self._shorts[g]
                            if first_pos.get(full, ve) < start:
                                found.append((start, m.end(), name, "short", True))
                        break
                    al = g[m.lastindex - 1]  # type: ignore[operator]
                    found.append((start, m.end(), al.target, "alias", al.person))
                    first_pos.setdefault(al.alias, start)
                    cur = m.end()
                    break
            if self.pronouns and (found or carry is not None):
                found = self._pronouns(vt, low, vs, ve, (para, same, doc), found, carry)
            carry = None  # the paragraph's last person mention
            for f in reversed(found):
                if f[4]:
                    carry = f
                    break
            pid = para.para_id
            for a, b, name, kind, person in found:
                oa, ob = (a, b) if same else doc.view.span(a, b)
                out.append(_new_mention(Mention, (pid, oa, ob, name, kind, person)))
        return out

    def _candidates(self, low: str) -> dict[int, _Checks]:
        """Offsets where a first word of an alias or a short name occurs -> its checks."""
        out: dict[int, _Checks] = {}
        find = low.find
        n = len(low)
        for lit, whole, checks in self._keys:
            i = find(lit)
            if not whole:  # (a separator follows the first word: it ends there)
                while i >= 0:
                    out[i] = checks
                    i = find(lit, i + 1)
                continue
            k = len(lit)
            while i >= 0:
                end = i + k
                if end >= n:
                    out[i] = checks
                else:
                    c = low[end]  # (_is_word inlined: this runs for every occurrence)
                    if not (c.isalnum() or c == "_"):
                        out[i] = checks  # one whole word starts at i: one key fits
                i = find(lit, i + 1)
        return out

    def _pronouns(
        self,
        vt: str,
        low: str,
        vs: int,
        ve: int,
        where: tuple[Paragraph, bool, Doc],
        found: list[tuple[int, int, str, str, bool]],
        carry: tuple[int, int, str, str, bool] | None,
    ) -> list[tuple[int, int, str, str, bool]]:
        """``found`` with the pronouns of the paragraph ``vt[vs:ve]`` that refer to them
        (``where``: the paragraph, whether view offsets are text offsets, the Doc)."""
        pronouns = _PRONOUN_RE.finditer(low, vs, ve)
        first = next(pronouns, None)
        if first is None:  # most paragraphs: nothing to resolve
            return sorted(found)
        out = list(found)
        cover = _Cover(found)
        # Pronouns come in text order: a pointer over the mentions sorted by end gives
        # the latest person / thing mention (in ``found`` order) ending before each one.
        by_end = sorted(range(len(found)), key=[f[1] for f in found].__getitem__)
        ptr, last_person, last_thing = 0, -1, -1
        sent_starts: list[int] | None = None
        for m in chain((first,), pronouns):  # (one scan of the paragraph)
            p = m.group()
            if p not in _PERSON_PRONOUNS and p not in _THING_PRONOUNS:
                continue
            while ptr < len(by_end) and found[by_end[ptr]][1] <= m.start():
                i = by_end[ptr]
                if found[i][4]:
                    last_person = max(last_person, i)
                else:
                    last_thing = max(last_thing, i)
                ptr += 1
            if p in _PERSON_PRONOUNS:
                last = found[last_person] if last_person >= 0 else carry
                if last is not None and not _names_between(vt, max(last[1], vs), m.start(), cover):
                    out.append((m.start(), m.end(), last[2], "pronoun", True))
            else:
                if last_thing < 0:
                    continue
                last = found[last_thing]
                if sent_starts is None:
                    sent_starts = _sentence_starts(*where) or [vs]
                near = _sent_index(sent_starts, m.start()) - _sent_index(sent_starts, last[0]) <= 1
                if near and not _names_between(vt, last[1], m.start(), cover):
                    out.append((m.start(), m.end(), last[2], "pronoun", False))
        out.sort()
        return out


def _sentence_starts(para: Paragraph, same: bool, doc: Doc) -> list[int]:
    """View offsets of the starts of the paragraph's sentences."""
    if same:
        return [a for a, _ in para.sentences]
    return [_to_view(doc, a) for a, _ in para.sentences]


class _Cover:
    """Which offsets fall inside a mention (bisect over mentions sorted by start),
    sorted at the first question (most pronouns meet no rival name to ask about)."""

    __slots__ = ("found", "longest", "spans", "starts")

    def __init__(self, found: list[tuple[int, int, str, str, bool]]) -> None:
        self.found = found
        self.spans: list[tuple[int, int]] | None = None

    def __contains__(self, pos: int) -> bool:
        if self.spans is None:
            self.spans = sorted((f[0], f[1]) for f in self.found)
            self.starts = [s for s, _ in self.spans]
            self.longest = max((e - s for s, e in self.spans), default=0)
        i = bisect.bisect_right(self.starts, pos) - 1
        while i >= 0 and self.spans[i][0] >= pos - self.longest:
            if self.spans[i][0] <= pos < self.spans[i][1]:
                return True
            i -= 1
        return False


def _is_word(c: str) -> bool:
    """Whether ``c`` is a regex word character (``\\w``)."""
    return c.isalnum() or c == "_"


def _names_between(vt: str, a: int, b: int, cover: _Cover) -> bool:
    """Whether a capitalised word outside any mention (a rival antecedent) lies in [a, b)."""
    for m in _CAP_RE.finditer(vt, a, b):
        if m.group().lower() in _TITLES or _sentence_initial(vt, m.start()):
            continue
        if m.start() in cover:
            continue
        return True
    return False


def _sentence_initial(vt: str, pos: int) -> bool:
    k = pos - 1
    while k >= 0 and vt[k] in " \t\"'(":
        k -= 1
    return k < 0 or vt[k] in ".!?:\n"


def _sent_index(starts: list[int], pos: int) -> int:
    """Index of the sentence holding ``pos`` (``starts`` ascending; 0 before the first)."""
    return max(bisect.bisect_right(starts, pos) - 1, 0)


def _to_view(doc: Doc, offset: int) -> int:
    if doc.view.index is None:
        return offset
    import bisect

    return bisect.bisect_left(doc.view.index, offset)
