"""Reading the Analysis tables and the grouping of documents."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from ..errors import InputError

__all__ = ["TABLE_NAMES", "date_bucket", "doc_groups", "get_tables"]

TABLE_NAMES = ("documents", "paragraphs", "sentences", "spans", "quotes", "stance")


def get_tables(analysis: Any) -> dict[str, pd.DataFrame]:
    """The contract tables of ``analysis`` as a dict; absent tables are absent.

    Accepts an ``Analysis`` (its ``tables`` dict or its attributes) or a plain dict.

    Examples
    --------
    >>> get_tables({"documents": pd.DataFrame({"doc_id": ["a"]})}).keys()
    dict_keys(['documents'])
    """
    if isinstance(analysis, Mapping):
        source: Mapping[str, Any] = analysis
    elif isinstance(getattr(analysis, "tables", None), Mapping):
        source = analysis.tables
    else:
        source = {name: getattr(analysis, name, None) for name in TABLE_NAMES}
    tables = {k: v for k, v in source.items() if isinstance(v, pd.DataFrame)}
    if "documents" not in tables:
        raise InputError("the analysis has no documents table")
    return tables


def doc_groups(tables: Mapping[str, pd.DataFrame], by: Any) -> tuple[pd.Series, str]:
    """Map every analysed document to its group.

    Parameters
    ----------
    tables : dict
        From :func:`get_tables`.
    by : str, pandas.Series or dict
        A column of ``documents`` (``outlet``, ``leaning``, a date bucket you added, ...)
        or a mapping ``doc_id -> group``.

    Returns
    -------
    (groups, name)
        ``groups`` is a Series indexed by ``doc_id``; documents with an ``error`` or with
        no group are left out. ``name`` labels the grouping in result tables.

    Examples
    --------
    >>> docs = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["X", None]})
    >>> doc_groups({"documents": docs}, "outlet")[0].to_dict()
    {'a': 'X'}
    """
    docs = tables["documents"]
    if "error" in docs:
        docs = docs[docs["error"].isna()]
    ids = docs["doc_id"]
    if isinstance(by, str):
        if by not in docs.columns:
            have = ", ".join(str(c) for c in docs.columns)
            raise InputError(f"cannot group by {by!r}: documents has no such column (has {have})")
        groups = pd.Series(docs[by].to_numpy(), index=ids.to_numpy(), name=by)
        name = by
    elif isinstance(by, (pd.Series, Mapping)):
        mapping = pd.Series(by) if isinstance(by, Mapping) else by
        groups = pd.Series(ids.map(mapping).to_numpy(), index=ids.to_numpy())
        name = str(getattr(by, "name", None) or "group")
    else:
        raise InputError("by must be a documents column name or a mapping doc_id -> group")
    groups = groups.dropna()
    groups.index.name = "doc_id"
    return groups, name


def date_bucket(analysis: Any, freq: str = "M", column: str = "date") -> pd.Series:
    """Group documents by period of their date, for ``compare(analysis, by=date_bucket(...))``.

    Parameters
    ----------
    analysis : Analysis
    freq : str
        A pandas period alias: ``"D"``, ``"W"``, ``"M"``, ``"Q"``, ``"Y"``.
    column : str
        The date column of ``documents``.

    Returns
    -------
    pandas.Series
        ``doc_id -> period label`` (e.g. ``"2024-03"``); documents without a parsable date
        are left out.

    Examples
    --------
    >>> docs = pd.DataFrame({"doc_id": ["a", "b"], "date": ["2024-01-31", "2024-02-01"]})
    >>> date_bucket({"documents": docs}).to_dict()
    {'a': '2024-01', 'b': '2024-02'}
    """
    docs = get_tables(analysis)["documents"]
    if column not in docs:
        raise InputError(f"documents has no {column!r} column to bucket by")
    dates = pd.to_datetime(docs[column], errors="coerce", utc=True).dt.tz_localize(None)
    periods = dates.dt.to_period(freq).astype(str).where(dates.notna())
    out = pd.Series(periods.to_numpy(), index=docs["doc_id"].to_numpy(), name=f"{column} ({freq})")
    return out.dropna()
