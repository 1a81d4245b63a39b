"""The input unit: one news document with its metadata.

A :class:`Document` is what readers in :mod:`framing.io` produce and what
:func:`framing.analyze` consumes. Its ``text`` is never rewritten: every offset
in every result table indexes into it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["Document"]


@dataclass
class Document:
    """One input document.

    Parameters
    ----------
    text : str
        The original text. Paragraphs are separated by line breaks.
    id : str or None
        Identifier; the pipeline assigns ``doc-<n>`` when it is missing.
    meta : dict
        Any metadata (``outlet``, ``date``, ``title``, ``url`` ...); it becomes
        columns of the ``documents`` table.
    error : str or None
        Why the document could not be read (set by readers for bad records).
        A document with an error is kept and reported, never dropped.
    origin : str or None
        Where the document came from (``file`` or ``file:line``), for messages.

    Examples
    --------
    >>> doc = Document("Officials said the talks failed.", id="a1", meta={"outlet": "Daily"})
    >>> doc.meta["outlet"]
    'Daily'
    """

    text: str
    id: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    error: str | None = None
    origin: str | None = None
