"""The PDF report (fpdf2, DejaVu Sans from matplotlib: no system fonts or libraries)."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..compare._compare import Comparison, compare
from ..compare._tables import get_tables
from ..errors import InputError
from ._appendix import appendix, collect_model_cards
from ._pdfdoc import ReportPDF
from ._sections import article_pages, figures_for, summary_section, tables_section, title_page

__all__ = ["write_report"]

_FIXED_DATE = datetime(2000, 1, 1, tzinfo=UTC)


def write_report(
    analysis: Any,
    path: str | os.PathLike[str],
    *,
    by: Any = "outlet",
    comparison: Comparison | None = None,
    max_article_pages: int = 30,
    articles: Sequence[Any] | None = None,
    pages_per_article: int = 2,
    model_cards: Mapping[str, str] | None = None,
    title: str = "Framing report",
    figures: bool = True,
    n_boot: int = 2000,
    seed: int = 0,
    created: datetime | None = None,
) -> Path:
    """Write the PDF report of an analysis.

    Sections: title page; summary in plain sentences (each number with its 95%
    interval); comparison tables; figures; one page per article (text with loaded terms,
    quotations coloured by side and target mentions highlighted); appendix with the
    method, lexicon and model versions and licences (``analysis.provenance``), model cards
    and the documents that could not be analysed.

    Parameters
    ----------
    analysis : Analysis
        From ``framing.analyze``; needs ``text(doc_id)`` for the article pages.
    path : str or Path
        Where to write the PDF.
    by : str, Series or dict
        The grouping (a ``documents`` column or ``doc_id -> group``). Without such a
        column, all documents form one group.
    comparison : Comparison, optional
        A precomputed :func:`framing.compare.compare` result (else computed here).
    max_article_pages : int
        Articles shown (first in input order); 0 for none. Several hundred documents
        give a report of summaries plus this many articles.
    articles : list of doc_id, optional
        Exactly these articles instead.
    pages_per_article : int
        Longer texts are shortened, with a note.
    model_cards : dict, optional
        ``name -> markdown text``; cards named in the provenance (``model_card``) are added.
    title : str
    figures : bool
        Include the figures section (the per-article strips are always drawn).
    n_boot, seed : int
        Bootstrap settings when the comparison is computed here.
    created : datetime, optional
        PDF creation date. Default: ``SOURCE_DATE_EPOCH`` if set, else 2000-01-01, so
        the same analysis gives a byte-identical file.

    Returns
    -------
    pathlib.Path

    Examples
    --------
    >>> write_report(analysis, "report.pdf", by="outlet")  # doctest: +SKIP
    PosixPath('report.pdf')
    """
    tables = get_tables(analysis)
    docs = tables["documents"]
    ok = docs[docs["error"].isna()] if "error" in docs else docs
    has_by = isinstance(by, str) and by in docs.columns and docs[by].notna().any()
    note = ""
    grouping = by
    if isinstance(by, str) and not has_by:
        grouping = {d: "all documents" for d in ok["doc_id"]}
        note = f"There is no {by!r} column, so all documents form one group."
    doc_ids = list(articles) if articles is not None else list(ok["doc_id"])[:max_article_pages]
    unknown = [d for d in doc_ids if d not in set(ok["doc_id"])]
    if unknown:
        shown = ", ".join(repr(d) for d in unknown[:5])
        raise InputError(f"articles not among the analysed documents: {shown}")
    if comparison is None:
        comparison = compare(analysis, grouping, n_boot=n_boot, seed=seed) if len(ok) else None
    if created is None:
        epoch = os.environ.get("SOURCE_DATE_EPOCH")
        created = datetime.fromtimestamp(int(epoch), UTC) if epoch else _FIXED_DATE
    pdf = ReportPDF(title)
    try:
        pdf.set_creation_date(created)
        title_page(pdf, title, docs, comparison, one_group=bool(note))
        if comparison is not None:
            summary_section(pdf, comparison, docs, note)
            tables_section(pdf, comparison)
            figs = figures_for(analysis, comparison, grouping) if figures else []
            if figs:
                pdf.h1("Figures")
                for fig in figs:
                    pdf.figure(fig)
        if doc_ids and hasattr(analysis, "text"):
            article_pages(pdf, analysis, tables, doc_ids, len(ok), pages_per_article)
        provenance = getattr(analysis, "provenance", None) or {}
        appendix(pdf, provenance, collect_model_cards(provenance, model_cards), docs)
        out = Path(path)
        pdf.output(str(out))
    finally:
        for font in pdf.fonts.values():  # fpdf2 keeps the TTF files open until output()
            close = getattr(font, "close", None)
            if close is not None:
                close()
    return out
