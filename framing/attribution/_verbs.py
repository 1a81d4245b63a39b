"""The reporting-cue lexicon: loading, inflection and lookup.

The lexicon (``lexicons/reporting_verbs.tsv``, shipped as ``framing.lexicons``) lists
lemmas and multi-word cues with a framing class and a mode (speech, writing,
cognition, evidence, fixed). Verb cues are inflected here: the first word gets its
past, participle, third-person and ``-ing`` forms, by rule unless the ``forms``
column lists them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from ..errors import InputError

__all__ = ["CLASSES", "MODES", "CueEntry", "ReportingLexicon", "inflect", "load_reporting_verbs"]

CLASSES = (
    "neutral",
    "assertive",
    "distancing",
    "admission",
    "endorsing",
    "negative",
    "directive",
    "denial",
    "question",
    "non_comment",
    "belief",
    "other",
)
MODES = ("speech", "writing", "cognition", "evidence", "fixed", "learned")
_VOWELS = set("aeiou")


@dataclass(frozen=True, slots=True)
class CueEntry:
    """One lexicon entry: ``lemma`` as listed, its framing ``cls`` and ``mode``."""

    lemma: str
    cls: str
    mode: str


def inflect(lemma: str) -> list[str]:
    """Regular inflections of a verb: ``[base, past, 3sg, ing]`` (past = participle).

    Examples
    --------
    >>> inflect("deny")
    ['deny', 'denied', 'denies', 'denying']
    >>> inflect("argue")
    ['argue', 'argued', 'argues', 'arguing']
    """
    w = lemma
    if w.endswith("e"):
        past, ing = w + "d", (w if w.endswith(("ee", "ye", "oe")) else w[:-1]) + "ing"
    elif w.endswith("y") and len(w) > 1 and w[-2] not in _VOWELS:
        past, ing = w[:-1] + "ied", w + "ing"
    else:
        past, ing = w + "ed", w + "ing"
    if w.endswith(("s", "sh", "ch", "x", "z", "o")):
        third = w + "es"
    elif w.endswith("y") and len(w) > 1 and w[-2] not in _VOWELS:
        third = w[:-1] + "ies"
    else:
        third = w + "s"
    return [w, past, third, ing]


def _forms(lemma: str, mode: str, listed: str, where: str) -> list[str]:
    if mode == "fixed":
        extra = [f.strip() for f in listed.split(",") if f.strip()]
        return [lemma, *extra]
    head, _, tail = lemma.partition(" ")
    if listed:
        parts = [f.strip() for f in listed.split(",")]
        if len(parts) != 4 or not all(parts):
            raise InputError(f"{where}: forms must be past,participle,3sg,ing (got {listed!r})")
        if " " in parts[0]:
            return [lemma, *parts]
        words = [head, *parts]
    else:
        words = inflect(head)
    return [w + (" " + tail if tail else "") for w in words]


class ReportingLexicon:
    """Surface forms of reporting cues mapped to their entries.

    Parameters
    ----------
    entries : list of (surface form, CueEntry)
        Every inflected form; multi-word forms are matched with one compiled regex.

    Examples
    --------
    >>> lex = load_reporting_verbs()
    >>> lex.lookup("claimed").cls
    'distancing'
    """

    def __init__(self, entries: list[tuple[str, CueEntry]]) -> None:
        self.single: dict[str, CueEntry] = {}
        self.multi: dict[str, CueEntry] = {}
        for form, entry in entries:
            key = form.lower().replace("\u2019", "'")
            target = self.multi if " " in key else self.single
            target.setdefault(key, entry)
        alts = sorted(self.multi, key=len, reverse=True)
        pattern = "|".join(
            re.escape(a).replace("'", "['\u2019]").replace(r"\ ", r"\s+") for a in alts
        )
        self.multi_re = re.compile(rf"(?<![\w'\u2019])(?:{pattern})(?![\w'\u2019])", re.IGNORECASE)
        # Multi-word forms grouped by first word, matched only where that word occurs.
        groups: dict[str, list[str]] = {}
        for a in alts:
            groups.setdefault(a.split(" ", 1)[0], []).append(a)
        self.first: dict[str, re.Pattern[str]] = {}
        self.next_initials: dict[str, frozenset[str] | None] = {}
        for head, forms in groups.items():
            pat = "|".join(
                re.escape(a).replace("'", "['\u2019]").replace(r"\ ", r"\s+") for a in forms
            )
            rx = re.compile(rf"(?:{pat})(?![\w'\u2019])", re.IGNORECASE)
            self.first[head] = rx
            self.first[head.replace("'", "\u2019")] = rx
            # The letters the next word can start with (lower case): where the next
            # token starts with another ASCII character, the regex cannot match.
            initials = {f.split(None, 1)[1][:1] for f in forms}
            ok = all(c.isascii() and c.isalnum() for c in initials)
            self.next_initials[head] = self.next_initials[head.replace("'", "\u2019")] = (
                frozenset(initials) if ok else None
            )
        # One dict lookup per token: word -> (single-word entry, multi-word regex).
        self.lookup_table: dict[str, tuple[CueEntry | None, re.Pattern[str] | None]] = {}
        for w in set(self.single) | set(self.first):
            self.lookup_table[w] = (self.single.get(w), self.first.get(w))
            if "'" in w:
                alt = w.replace("'", "\u2019")
                self.lookup_table[alt] = (self.single.get(w), self.first.get(alt))
        self.lemmas = sorted({e.lemma for _, e in entries})

    def lookup(self, form: str) -> CueEntry | None:
        """The entry of a surface form (case-insensitive), or None."""
        key = " ".join(form.lower().replace("\u2019", "'").split())
        return self.single.get(key) or self.multi.get(key)

    def __len__(self) -> int:
        return len(self.lemmas)


def load_reporting_verbs(path: str | Path | None = None) -> ReportingLexicon:
    """Load the reporting-cue lexicon (the shipped one by default).

    Raises
    ------
    InputError
        On a malformed line (the message names file and line).
    """
    if path is None:
        ref = resources.files("framing.lexicons").joinpath("reporting_verbs.tsv")
        text, name = ref.read_text(encoding="utf-8"), "reporting_verbs.tsv"
    else:
        try:
            text, name = Path(path).read_text(encoding="utf-8"), str(path)
        except OSError as exc:
            raise InputError(f"{path}: cannot read lexicon ({exc})") from None
    entries: list[tuple[str, CueEntry]] = []
    header_seen = False
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        where = f"{name}:{lineno}"
        if not header_seen:
            if cols[:3] != ["cue", "class", "mode"]:
                raise InputError(f"{where}: header must start with cue, class, mode")
            header_seen = True
            continue
        if len(cols) < 3 or len(cols) > 4:
            raise InputError(f"{where}: expected 3 or 4 tab-separated columns, got {len(cols)}")
        lemma, cls, mode = (c.strip() for c in cols[:3])
        listed = cols[3].strip() if len(cols) == 4 else ""
        if not lemma:
            raise InputError(f"{where}: empty cue")
        if cls not in CLASSES:
            raise InputError(
                f"{where}: unknown class {cls!r} (expected one of {', '.join(CLASSES)})"
            )
        if mode not in MODES:
            raise InputError(f"{where}: unknown mode {mode!r} (expected one of {', '.join(MODES)})")
        entry = CueEntry(lemma, cls, mode)
        entries.extend((form, entry) for form in _forms(lemma, mode, listed, where))
    if not header_seen:
        raise InputError(f"{name}: empty lexicon")
    return ReportingLexicon(entries)
