"""The lexicon model: entries, provenance and merging."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any, Literal

from ..errors import InputError
from ..segment import TOKEN_PATTERN

__all__ = [
    "Entry",
    "Lexicon",
    "LexiconError",
    "MergeMode",
    "Provenance",
    "merge_lexicons",
    "term_words",
]

MergeMode = Literal["over", "replace", "add"]

_FOLD = str.maketrans({"\u2019": "'", "\u2018": "'", "\u2010": "-", "\u2011": "-", "\u2013": "-"})


class LexiconError(InputError):
    """A lexicon file or entry is malformed; the message starts with ``file:line:``.

    Examples
    --------
    >>> str(LexiconError("bad weight", path="my.tsv", line=3))
    'my.tsv:3: bad weight'
    """

    def __init__(
        self, reason: str, path: str | os.PathLike[str] | None = None, line: int | None = None
    ):
        self.path = None if path is None else os.fspath(path)
        self.line = line
        self.reason = reason
        where = self.path or "<lexicon>"
        if line is not None:
            where = f"{where}:{line}"
        super().__init__(f"{where}: {reason}")


def term_words(term: str, case_sensitive: bool = False) -> tuple[tuple[str, ...], bool]:
    """Split a lexicon term into the word tokens the segmenter would produce.

    Returns the words (lower-cased unless ``case_sensitive``) and whether the
    last word is a prefix wildcard (``attack*``).

    Raises
    ------
    ValueError
        When the term holds no word, or ``*`` appears anywhere but at its end.

    Examples
    --------
    >>> term_words("So-called")
    (('so-called',), False)
    >>> term_words("attack*")
    (('attack',), True)
    >>> term_words("the U.S. government")
    (('the', 'u.s', 'government'), False)
    """
    t = " ".join(term.translate(_FOLD).split())
    wildcard = t.endswith("*")
    core = t[:-1] if wildcard else t
    if "*" in core:
        raise ValueError(f"wildcard '*' is only allowed at the end of a term: {term!r}")
    if wildcard and core and not (core[-1].isalnum() or core[-1] == "_"):
        raise ValueError(f"a wildcard must follow a word character: {term!r}")
    words = TOKEN_PATTERN.findall(core)
    if not words:
        raise ValueError(f"term has no word characters: {term!r}")
    if not case_sensitive:
        words = [w.lower() for w in words]
    return tuple(words), wildcard


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where a lexicon comes from: name, version, licence and source."""

    name: str
    version: str = "unversioned"
    licence: str = "unknown"
    source: str = "unknown"

    def to_dict(self) -> dict[str, str]:
        """The record as a plain dict (for reports and model cards)."""
        return {
            "name": self.name,
            "version": self.version,
            "licence": self.licence,
            "source": self.source,
        }


@dataclass(frozen=True, slots=True)
class Entry:
    """One lexicon entry.

    Attributes
    ----------
    term : str
        As written: a word, a multi-word phrase, or a prefix with a final ``*``.
    category : str
        The category the term signals (e.g. ``pejorative``).
    intensity : float
        Strength or weight of the term, 0..1 for the project's lexicons (any
        non-negative number for weighted user dictionaries).
    polarity : float
        -1 (negative) .. 1 (positive); 0 when neutral or unknown.
    case_sensitive : bool
        Match the exact case (``Trump`` but not ``trump``).
    pos : str or None
        Part of speech where the source gives one (informative only).
    lexicon : str
        Name of the lexicon the entry belongs to.
    line : int or None
        Line of the source file.
    """

    term: str
    category: str
    intensity: float = 1.0
    polarity: float = 0.0
    case_sensitive: bool = False
    pos: str | None = None
    lexicon: str = ""
    line: int | None = None

    @property
    def key(self) -> tuple[tuple[str, ...], bool]:
        """The matching key: the term's words and its wildcard flag."""
        return term_words(self.term, self.case_sensitive)


class Lexicon:
    """A named set of entries with provenance.

    Parameters
    ----------
    entries : iterable of Entry
    provenance : Provenance or dict
    categories : dict of str to str, optional
        Category name -> definition.
    skipped : list of (line, reason), optional
        Lines a reader skipped (only with ``errors="skip"``, or unsupported
        constructs such as LIWC conditional entries).

    Examples
    --------
    >>> lex = Lexicon([Entry("thug", "pejorative", 0.8, -1.0)], {"name": "mine"})
    >>> len(lex), lex.name, lex.category_names()
    (1, 'mine', ['pejorative'])
    """

    def __init__(
        self,
        entries: Iterable[Entry],
        provenance: Provenance | dict[str, Any],
        categories: dict[str, str] | None = None,
        skipped: list[tuple[int, str]] | None = None,
    ) -> None:
        if isinstance(provenance, dict):
            provenance = Provenance(**{k: str(v) for k, v in provenance.items()})
        self.provenance = provenance
        self.entries = [e if e.lexicon else replace(e, lexicon=provenance.name) for e in entries]
        for e in self.entries:
            try:
                term_words(e.term, e.case_sensitive)
            except ValueError as exc:
                raise LexiconError(str(exc), provenance.name, e.line) from None
        self.categories = dict(categories or {})
        self.skipped = list(skipped or [])

    @property
    def name(self) -> str:
        """The lexicon's name."""
        return self.provenance.name

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries)

    def __repr__(self) -> str:
        return f"Lexicon({self.name!r}, {len(self.entries)} entries)"

    def category_names(self) -> list[str]:
        """Sorted names of the categories that have entries."""
        return sorted({e.category for e in self.entries})


def merge_lexicons(
    base: Sequence[Lexicon], extra: Sequence[Lexicon], mode: MergeMode = "over"
) -> list[Lexicon]:
    """Combine built-in and user lexicons.

    ``over``: a user term replaces every built-in entry with the same term (same
    words and wildcard flag); other built-in entries stay. ``replace``: only the
    user lexicons are used. ``add``: both are kept side by side.

    Examples
    --------
    >>> a = Lexicon([Entry("regime", "pejorative"), Entry("thug", "pejorative")], {"name": "a"})
    >>> b = Lexicon([Entry("Regime", "neutral_gov")], {"name": "b"})
    >>> [(e.term, e.category) for lex in merge_lexicons([a], [b]) for e in lex]
    [('thug', 'pejorative'), ('Regime', 'neutral_gov')]
    """
    if mode == "replace":
        return list(extra)
    if mode == "add":
        return [*base, *extra]
    if mode != "over":
        raise ValueError(f"mode must be 'over', 'replace' or 'add', not {mode!r}")
    taken = {_fold_key(e) for lex in extra for e in lex}
    out = []
    for lex in base:
        kept = [e for e in lex if _fold_key(e) not in taken]
        out.append(Lexicon(kept, lex.provenance, lex.categories, lex.skipped))
    return [*out, *extra]


def _fold_key(e: Entry) -> tuple[tuple[str, ...], bool]:
    words, wild = term_words(e.term, False)
    return words, wild
