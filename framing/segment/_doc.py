"""The segmented document that scorers annotate."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ._normalize import NormalizedText

__all__ = ["Doc", "Paragraph", "Span"]


@dataclass(slots=True)
class Paragraph:
    """One paragraph: offsets into the original text, its sentences and word tokens.

    Attributes
    ----------
    para_id : int
        0-based position in the document.
    start, end : int
        Offsets into the document's original text.
    sentences : list of (start, end)
        Sentence offsets (original text).
    tokens : list of (start, end)
        Word-token offsets (original text).
    words : list of str
        The tokens as they read in the normalised view (curly quotes, dashes and
        ligatures folded), original case.
    """

    para_id: int
    start: int
    end: int
    sentences: list[tuple[int, int]]
    tokens: list[tuple[int, int]]
    words: list[str]


@dataclass(slots=True)
class Span:
    """A detected span; becomes a row of the ``spans`` table.

    ``kind`` is one of ``loaded``, ``target``, ``quote``, ``cue``, ``source``,
    ``scare_quote``; ``voice`` is ``author`` or ``quoted``.
    """

    para_id: int
    start: int
    end: int
    kind: str
    label: str | None = None
    score: float | None = None
    voice: str | None = None
    extra: dict[str, Any] | None = None


@dataclass
class Doc:
    """A segmented document and everything scorers add to it.

    Scorers write to four places only:

    * ``columns[name]``: one value per paragraph (a paragraph-table column);
    * ``spans``: :class:`Span` rows;
    * ``rows[table]``: rows (dicts) of further tables such as ``quotes`` or ``stance``,
      each with at least ``para_id``;
    * ``annotations[key]``: anything later scorers need (e.g. the quoted-voice mask).
    """

    doc_id: str
    text: str
    meta: dict[str, Any]
    view: NormalizedText
    paragraphs: list[Paragraph]
    columns: dict[str, list[Any]] = field(default_factory=dict)
    spans: list[Span] = field(default_factory=list)
    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    annotations: dict[str, Any] = field(default_factory=dict)

    @property
    def n_tokens(self) -> int:
        """Number of word tokens in the document."""
        return sum(len(p.tokens) for p in self.paragraphs)

    def paragraph_of(self, offset: int) -> int:
        """``para_id`` of the paragraph holding ``offset`` (the nearest before it otherwise)."""
        lo, hi = 0, len(self.paragraphs) - 1
        best = 0
        while lo <= hi:
            mid = (lo + hi) // 2
            if self.paragraphs[mid].start <= offset:
                best = mid
                lo = mid + 1
            else:
                hi = mid - 1
        return best

    def add_rows(self, table: str, rows: list[dict[str, Any]]) -> None:
        """Append rows to the further table ``table``."""
        self.rows.setdefault(table, []).extend(rows)
