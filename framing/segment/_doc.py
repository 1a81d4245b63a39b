"""The segmented document that scorers annotate."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ._normalize import NormalizedText
from ._tokens import TokenOffsets, token_spans

__all__ = ["Doc", "Paragraph", "Span"]


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
    words : list of str
        Word tokens as they read in the normalised view (curly quotes, dashes and
        ligatures folded), original case.
    tokens : list of (start, end)
        Word-token offsets into the original text, one per word (computed on first use).
    lower : list of str
        ``words`` in lower case (computed on first use).
    """

    __slots__ = (
        "para_id",
        "start",
        "end",
        "sentences",
        "words",
        "_view",
        "_vspan",
        "_tokens",
        "_lower",
        "_offsets",
    )

    def __init__(
        self,
        para_id: int,
        start: int,
        end: int,
        sentences: list[tuple[int, int]],
        words: list[str],
        view: NormalizedText,
        view_span: tuple[int, int],
        offsets: TokenOffsets | None = None,
    ) -> None:
        self.para_id = para_id
        self.start = start
        self.end = end
        self.sentences = sentences
        self.words = words
        self._view = view
        self._vspan = view_span
        self._tokens: list[tuple[int, int]] | None = None
        self._lower: list[str] | None = None
        self._offsets = offsets  # the document's token offsets, shared (see segment())

    @property
    def tokens(self) -> list[tuple[int, int]]:
        if self._tokens is None:
            spans = None
            if self._offsets is not None:
                spans = self._offsets.spans(self.para_id, *self._vspan, len(self.words))
            self._tokens = self._spans(self.words) if spans is None else self._original(spans)
        return self._tokens

    def first_tokens(self, n: int) -> list[tuple[int, int]]:
        """Offsets of at least the first ``n`` word tokens (all of them when known)."""
        if self._tokens is not None or n >= len(self.words):
            return self.tokens
        if self._offsets is not None:
            spans = self._offsets.spans(self.para_id, *self._vspan, len(self.words), n)
            if spans is not None:
                return self._original(spans)
        return self._spans(self.words[:n])

    def _original(self, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """View offsets to original ones, as ``view.span`` maps them."""
        index = self._view.index
        if index is None:
            return spans
        return [(index[a], index[b - 1] + 1) for a, b in spans]

    def _spans(self, words: list[str]) -> list[tuple[int, int]]:
        """Original-text offsets of the paragraph's first tokens ``words``."""
        view = self._view
        spans = token_spans(view.text, words, self._vspan[0])
        index = view.index
        if index is not None:  # view offsets to original ones, as view.span does
            spans = [(index[a], index[b - 1] + 1) for a, b in spans]
        return spans

    @property
    def lower(self) -> list[str]:
        if self._lower is None:
            # One str.lower over the words joined by spaces: a space is neither cased nor
            # case-ignorable, so each word lowers exactly as on its own (a final sigma too).
            words = self.words
            self._lower = " ".join(words).lower().split(" ") if words else []
        return self._lower

    @property
    def n_tokens(self) -> int:
        """Number of word tokens."""
        return len(self.words)

    def __repr__(self) -> str:
        return f"Paragraph(para_id={self.para_id}, start={self.start}, end={self.end})"


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
        return sum(len(p.words) for p in self.paragraphs)

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
