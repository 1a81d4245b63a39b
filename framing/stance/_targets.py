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

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..errors import InputError
from ..segment import Doc

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
_PRONOUN_RE = re.compile(r"\b(?:he|him|his|himself|she|her|hers|herself|it|its|itself)\b", re.I)
_CAP_RE = re.compile(r"\b[A-Z][\w'-]*")
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


@dataclass(frozen=True, slots=True)
class Mention:
    """One mention of a target: offsets into ``doc.text``.

    ``kind`` is ``alias`` (a listed name, demonym or metonym), ``short`` (last word of
    a multi-word person name after the full name) or ``pronoun``.
    """

    para_id: int
    start: int
    end: int
    target: str
    kind: str
    person: bool


def _word_pattern(word: str) -> str:
    """Regex for one alias word under the module's case rules."""
    if word.lower() in _LOWER_WORDS or word.islower():
        return "(?i:" + re.escape(word) + ")"
    letters = [c for c in word if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):  # acronym: exact
        return re.escape(word)
    first, rest = word[0], word[1:]
    return (
        "(?:" + re.escape(first) + "(?i:" + re.escape(rest) + ")|" + re.escape(word.upper()) + ")"
    )


def _alias_pattern(alias: str) -> str:
    words = alias.split()
    body = r"\s+".join(_word_pattern(w) for w in words)
    # Word boundaries that also work after a final dot (U.S.).
    return r"(?<![\w.])" + body + (r"(?!\w)" if alias[-1].isalnum() else "")


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
        self._alias_re = (
            re.compile(
                "|".join(f"(?P<a{i}>{_alias_pattern(a)})" for i, (a, _, _) in enumerate(entries))
            )
            if entries
            else None
        )
        shorts: dict[str, tuple[str, str]] = {}
        for alias, name, person in entries:
            words = alias.split()
            if person and len(words) > 1 and words[-1][:1].isupper():
                shorts.setdefault(words[-1].lower(), (name, alias))
        self._shorts = shorts
        self._short_re = (
            re.compile("|".join(_alias_pattern(full.split()[-1]) for _, full in shorts.values()))
            if shorts
            else None
        )

    def find(self, doc: Doc) -> list[Mention]:
        """All mentions in ``doc``, sorted by start offset."""
        if self._alias_re is None:
            return []
        vt = doc.view.text
        out: list[Mention] = []
        first_pos: dict[str, int] = {}
        carry: tuple[int, int, str, str, bool] | None = None
        for para in doc.paragraphs:
            vs, ve = _to_view(doc, para.start), _to_view(doc, para.end)
            found: list[tuple[int, int, str, str, bool]] = []
            for m in self._alias_re.finditer(vt, vs, ve):
                alias, name, person = self._entries[int(str(m.lastgroup)[1:])]
                found.append((m.start(), m.end(), name, "alias", person))
                first_pos.setdefault(alias, m.start())
            if self._short_re is not None:
                for m in self._short_re.finditer(vt, vs, ve):
                    name, full = self._shorts[m.group().lower()]
                    if first_pos.get(full, ve) >= m.start():
                        continue
                    if any(a < m.end() and m.start() < b for a, b, *_ in found):
                        continue
                    found.append((m.start(), m.end(), name, "short", True))
            found.sort()
            if self.pronouns and (found or carry is not None):
                starts = [_to_view(doc, a) for a, _ in para.sentences] or [vs]
                found = self._pronouns(vt, vs, ve, starts, found, carry)
            persons = [f for f in found if f[4]]
            carry = persons[-1] if persons else None
            for a, b, name, kind, person in found:
                oa, ob = (a, b) if doc.view.index is None else doc.view.span(a, b)
                out.append(Mention(para.para_id, oa, ob, name, kind, person))
        return out

    def _pronouns(
        self,
        vt: str,
        vs: int,
        ve: int,
        sent_starts: list[int],
        found: list[tuple[int, int, str, str, bool]],
        carry: tuple[int, int, str, str, bool] | None,
    ) -> list[tuple[int, int, str, str, bool]]:
        out = list(found)
        for m in _PRONOUN_RE.finditer(vt, vs, ve):
            p = m.group().lower()
            before = [f for f in found if f[1] <= m.start()]
            if p in _PERSON_PRONOUNS:
                persons = [f for f in before if f[4]]
                last = persons[-1] if persons else carry
                if last is not None and not _names_between(vt, max(last[1], vs), m.start(), found):
                    out.append((m.start(), m.end(), last[2], "pronoun", True))
            else:
                things = [f for f in before if not f[4]]
                if not things:
                    continue
                last = things[-1]
                near = _sent_index(sent_starts, m.start()) - _sent_index(sent_starts, last[0]) <= 1
                if near and not _names_between(vt, last[1], m.start(), found):
                    out.append((m.start(), m.end(), last[2], "pronoun", False))
        out.sort()
        return out


def _names_between(vt: str, a: int, b: int, found: list[tuple[int, int, str, str, bool]]) -> bool:
    """Whether a capitalised word outside any mention (a rival antecedent) lies in [a, b)."""
    for m in _CAP_RE.finditer(vt, a, b):
        if m.group().lower() in _TITLES or _sentence_initial(vt, m.start()):
            continue
        if any(x[0] <= m.start() < x[1] for x in found):
            continue
        return True
    return False


def _sentence_initial(vt: str, pos: int) -> bool:
    k = pos - 1
    while k >= 0 and vt[k] in " \t\"'(":
        k -= 1
    return k < 0 or vt[k] in ".!?:\n"


def _sent_index(starts: list[int], pos: int) -> int:
    i = 0
    for k, s in enumerate(starts):
        if s <= pos:
            i = k
    return i


def _to_view(doc: Doc, offset: int) -> int:
    if doc.view.index is None:
        return offset
    import bisect

    return bisect.bisect_left(doc.view.index, offset)
