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

import functools
import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import chain
from typing import NamedTuple

import numpy as np

from ..errors import InputError
from ..segment import Doc
from ._target_pronouns import Found, resolve_pronouns, spaced_text, to_view

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

_WORD_RE = re.compile(r"\w+")
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
    return _word_pattern(al.words[0], al.modes[0]) + _alias_rest(al)


def _alias_rest(al: _Alias, first: int = 1) -> str:
    """The part of :func:`_alias_pattern` after the alias's word ``first - 1``."""
    out = []
    for j in range(first, len(al.words)):
        sep = al.seps[j - 1]
        out.append(r"\s+" if sep.isspace() else re.escape(sep))
        out.append(_word_pattern(al.words[j], al.modes[j]))
    out.append(r"(?!\w)")
    if al.tail:
        out.append("(?:" + re.escape(al.tail) + ")?")
    return "".join(out)


#: A frequent first word (lower case) of aliases that the regex of
#: :meth:`TargetMatcher._one_regex` matches from their second word on, its match then
#: moved back over the first word (:meth:`TargetMatcher._behind`): ``the Kremlin`` is
#: then looked for at each K, not at each t of the text.
_MOVED = "the"

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


@functools.cache
def _lower_preimage(ch: str) -> str:
    """The characters that lower-case to ``ch`` and that ``(?i:ch)`` matches: where the
    lower-cased text shows ``ch``, the text shows one of them (for an ASCII letter, its
    capital, and the Kelvin sign for k; for other characters, the regex finds them in a
    string of every code point, a scan in C)."""
    rx = re.compile("(?i:" + re.escape(ch) + ")")
    chars = {ch, ch.upper(), "\u212a"} if ch.isascii() else set(rx.findall(_every_char()))
    return "".join(sorted(c for c in chars if c.lower() == ch and rx.fullmatch(c)))


@functools.cache
def _every_char() -> str:
    """Every Unicode code point, in order (4 MB, made once per process when an alias
    starts with a character outside ASCII; decoded from an array, a C loop)."""
    codes = np.arange(0x110000, dtype="<u4").tobytes()
    return codes.decode("utf-32-le", "surrogatepass")


def _split_first(word: str, mode: int) -> tuple[str, str]:
    """The characters a match of ``word`` (in ``mode``, see :func:`_word_pattern`) can
    start with where the lower-cased text shows its lower case, and the pattern of the
    rest of the word."""
    low = word.lower()
    if mode == 1:
        return word[0], re.escape(word[1:])
    rest = "(?i:" + re.escape(low[1:]) + ")" if len(low) > 1 else ""
    if mode == 2:
        first = low[0].upper()
        return (first if len(first) == 1 and first.isupper() else ""), rest
    return _lower_preimage(low[0]), rest


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


#: What a group of the regex of :meth:`TargetMatcher._one_regex` finds: the lower-case
#: text that vouches for it (None: :meth:`TargetMatcher._check_at` decides), the alias or
#: short name (None: an alias moved to its second word) and whether aliases moved to
#: their second word start with the group's first character too.
_Hit = tuple[str | None, "_Alias | str | None", bool]

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
        self._search, self._hits = self._one_regex()

    def _one_regex(self) -> tuple[re.Pattern[str], list[_Hit]]:
        """One regex for every check of every first word, and what each of its groups
        finds (see :data:`_Hit`).

        Its alternatives are the checks, key by key in the order they are tried, each
        once per character it can start with, grouped by that character (outside the
        groups, so that the regex engine skips ahead to those characters); each group
        opens after the first word, so that the regex parser moves a first word that all
        alternatives of a character share out of them (``the`` is then tried once at
        each t, not once per alias). This finds in one search what the search for first words in the
        lower-cased text, then their checks, find (a match is vouched for by the key's
        text at it, see :meth:`find`). The key's text is None when the first word's
        match may not be as long as that text (an acronym whose lower case is longer):
        :meth:`_check_at` then decides. The aliases of the first word :data:`_MOVED`
        (when it starts nothing else) are matched from their second word on, after the
        other checks of its first character; :meth:`find` then looks behind a match
        there for the first word (:meth:`_behind`).
        """
        # first character -> the checks that can start with it, in the order tried
        by_first: dict[str, list[tuple[str, tuple[str | None, _Alias | str | None]]]] = {}
        moved: dict[str, list[tuple[str, tuple[None, None]]]] = {}
        for lit, whole, checks in self._keys:
            if lit == _MOVED and all(
                not isinstance(g, str) and all(len(a.words) > 1 and a.seps[0].isspace() for a in g)
                for _, g in checks
            ):
                for _, g in checks:
                    for a in g:  # type: ignore[union-attr]
                        firsts, rest = _split_first(a.words[1], a.modes[1])
                        for c in firsts:
                            pattern = rest + "(" + _alias_rest(a, 2) + ")"
                            moved.setdefault(c, []).append((pattern, (None, None)))
                continue
            for _, g in checks:
                if isinstance(g, str):
                    items = [(g, 0, r"(?!\w)", g)]
                else:
                    items = [(a.words[0], a.modes[0], _alias_rest(a), a) for a in g]
                for word, mode, after, hit in items:
                    sure = not whole or len(word.lower()) == len(lit)
                    firsts, rest = _split_first(word, mode)
                    if isinstance(hit, str):  # (a short name counts only when capitalised)
                        firsts = "".join(c for c in firsts if c.isupper())
                    for c in firsts:
                        by_first.setdefault(c, []).append(
                            (rest + "(" + after + ")", (lit if sure else None, hit))
                        )
        for c, group in moved.items():
            by_first.setdefault(c, []).extend(group)
        hits: list[_Hit] = [("", "", False)]  # (group 0: unused)
        alts = []
        for c, group in by_first.items():
            alts.append(re.escape(c) + "(?:" + "|".join(p for p, _ in group) + ")")
            hits += [(lit, hit, c in moved) for _, (lit, hit) in group]
        return re.compile("|".join(alts) or "(?!)"), hits

    def find(self, doc: Doc) -> list[Mention]:
        """All mentions in ``doc``, sorted by start offset."""
        if not self._index:
            return []
        vt = doc.view.text
        low = vt.lower()
        if len(low) != len(vt):  # a few characters lengthen when lower-cased
            low = "".join(c if len(c.lower()) != 1 else c.lower() for c in vt)
        out: list[Mention] = []
        first_pos: dict[str, int] = {}
        carry: Found | None = None
        spaced: bytes | None = None  # (made for the first paragraph with pronouns to resolve)
        same = doc.view.index is None  # view offsets are text offsets
        search, hits, shorts = self._search.search, self._hits, self._shorts
        for para in doc.paragraphs:
            if same:
                vs, ve = para.start, para.end
            else:
                vs, ve = to_view(doc, para.start), to_view(doc, para.end)
            found: list[Found] = []
            pos = vs
            while (m := search(vt, pos, ve)) is not None:
                start = m.start()
                lit, hit, back = hits[m.lastindex]  # type: ignore[index]
                if back and (behind := self._behind(vt, low, start, pos, vs, ve)):
                    start, hit, end = behind
                    pos = start + 1
                else:
                    pos = start + 1
                    if hit is None:  # (a moved alias without its first word)
                        continue
                    if start > vs:
                        c = vt[start - 1]
                        if c.isalnum() or c == "_":  # inside a word
                            continue
                    end = m.end()
                    # (the key's text must be there, and its end inside the paragraph, as
                    # the search for it in the lower-cased text checks)
                    if lit is None or end == ve or not low.startswith(lit, start):
                        checked = self._check_at(vt, low, start, ve)
                        if checked is None:
                            continue
                        hit, end = checked
                if isinstance(hit, str):
                    if vt[start].isupper():
                        name, full = shorts[hit]
                        if first_pos.get(full, ve) < start:
                            found.append((start, end, name, "short", True))
                    continue
                found.append((start, end, hit.target, "alias", hit.person))
                first_pos.setdefault(hit.alias, start)
                pos = end
            if self.pronouns and (found or carry is not None):
                if spaced is None:
                    spaced = spaced_text(low)
                found = resolve_pronouns(vt, low, spaced, vs, ve, (para, same, doc), found, carry)
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

    def _behind(
        self, vt: str, low: str, start: int, pos: int, vs: int, ve: int
    ) -> tuple[int, _Alias | str, int] | None:
        """The start, alias and end of the match of an alias of the first word
        :data:`_MOVED` that white space and that word before ``start`` begin, as the
        search from ``pos`` finds it there, or None (see :meth:`_one_regex`)."""
        k = start
        while k > pos and vt[k - 1].isspace():
            k -= 1
        q = k - len(_MOVED)
        if k == start or q < pos or q > vs and _is_word(vt[q - 1]):
            return None
        checked = self._check_at(vt, low, q, ve)
        return None if checked is None else (q, *checked)

    def _check_at(self, vt: str, low: str, start: int, ve: int) -> tuple[_Alias | str, int] | None:
        """The alias or short name found at ``start`` and the end of its match, or None,
        as the search for first words in the lower-cased text, then their checks, find
        it (the exact, slow way, for the rare matches :meth:`find` cannot vouch for)."""
        for lit, whole, checks in reversed(self._keys):  # (the last key found wins)
            end = start + len(lit)
            if not low.startswith(lit, start) or whole and end < len(low) and _is_word(low[end]):
                continue
            for rx, g in checks:
                m = rx.match(vt, start, ve)
                if m is not None:
                    return (g if isinstance(g, str) else g[m.lastindex - 1]), m.end()  # type: ignore[operator]
            return None
        return None


def _is_word(c: str) -> bool:
    """Whether ``c`` is a regex word character (``\\w``)."""
    return c.isalnum() or c == "_"
