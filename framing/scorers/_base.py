"""The one scorer interface every scorer implements."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from typing import Any, ClassVar

from ..segment import Doc

__all__ = ["Scorer"]


class Scorer(ABC):
    """Annotates a batch of :class:`~framing.segment.Doc` objects.

    A scorer has a ``name``, the names of the scorers it ``requires`` (they run
    before it and their ``doc.annotations`` are available), and one method,
    :meth:`annotate`. It writes only to the Doc: paragraph columns
    (``doc.columns[col]``, one value per paragraph, for every column in ``columns``),
    spans (``doc.spans``), rows of further tables (``doc.add_rows(table, rows)``) and
    annotations for later scorers (``doc.annotations``).

    ``annotate`` must be free of I/O and global state, so batches can run in worker
    processes or Dask partitions unchanged; load lexicons and models in ``__init__``.

    Examples
    --------
    >>> class LengthScorer(Scorer):
    ...     name = "length"
    ...     columns = ("n_chars",)
    ...     def annotate(self, docs):
    ...         for doc in docs:
    ...             doc.columns["n_chars"] = [p.end - p.start for p in doc.paragraphs]
    """

    name: ClassVar[str]
    requires: ClassVar[tuple[str, ...]] = ()
    columns: ClassVar[tuple[str, ...]] = ()
    tables: ClassVar[tuple[str, ...]] = ()
    #: Columns of each further table (beyond ``doc_id``), so empty tables keep them.
    table_columns: ClassVar[dict[str, tuple[str, ...]]] = {}

    @abstractmethod
    def annotate(self, docs: Sequence[Doc]) -> None:
        """Add this scorer's columns, spans and rows to each Doc."""

    def provenance(self) -> dict[str, Any]:
        """What produced the scores (lexicon and model versions, licences), for reports."""
        return {"scorer": self.name}

    def dynamic_columns(self) -> tuple[str, ...]:
        """Paragraph columns that depend on the scorer's configuration (e.g. targets)."""
        return ()
