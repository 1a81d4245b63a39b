"""Segmentation: paragraphs, sentences and word tokens with offsets into the original text.

Examples
--------
>>> from framing.segment import segment
>>> doc = segment("Mr. Smith said no. He left.\\nA new paragraph.", doc_id="d1")
>>> [doc.text[p.start:p.end] for p in doc.paragraphs]
['Mr. Smith said no. He left.', 'A new paragraph.']
>>> [doc.text[s:e] for s, e in doc.paragraphs[0].sentences]
['Mr. Smith said no.', 'He left.']
"""

from __future__ import annotations

from typing import Any

from ._doc import Doc, Paragraph, Span
from ._normalize import NormalizedText, normalize
from ._paragraphs import ParagraphMode, split_paragraphs
from ._sentences import paragraph_sentences, split_sentences
from ._tokens import TOKEN_PATTERN as TOKEN_PATTERN
from ._tokens import split_words, tokenize
from ._tokens import word_tokens as word_tokens

__all__ = [
    "Doc",
    "NormalizedText",
    "Paragraph",
    "ParagraphMode",
    "Span",
    "normalize",
    "segment",
    "split_paragraphs",
    "split_sentences",
    "tokenize",
]


def segment(
    text: str,
    doc_id: str = "doc",
    meta: dict[str, Any] | None = None,
    paragraphs: ParagraphMode = "auto",
) -> Doc:
    """Segment a text into a :class:`Doc` of paragraphs, sentences and tokens.

    Parameters
    ----------
    text : str
        The original text; it is never modified.
    doc_id : str
        Identifier of the document.
    meta : dict, optional
        Metadata carried along.
    paragraphs : {"auto", "line", "blank"}
        How paragraphs are delimited (see :func:`split_paragraphs`).

    Returns
    -------
    Doc
    """
    view = normalize(text)
    spans = split_paragraphs(text, paragraphs)
    if view.index is None:
        vspans = spans
    else:
        vspans = [(_view_offset(view, a), _view_offset(view, b)) for a, b in spans]
    words, offsets = split_words(view.text, vspans)  # all paragraphs' tokens at once
    sents = paragraph_sentences(text, spans)
    paras = [
        Paragraph(pid, start, end, s, w, view, vspan, offsets)
        for pid, ((start, end), vspan, w, s) in enumerate(
            zip(spans, vspans, words, sents, strict=True)
        )
    ]
    return Doc(doc_id=doc_id, text=text, meta=dict(meta or {}), view=view, paragraphs=paras)


def _view_offset(view: NormalizedText, original_offset: int) -> int:
    """First view offset whose original offset is >= ``original_offset``."""
    import bisect

    assert view.index is not None
    return bisect.bisect_left(view.index, original_offset)
