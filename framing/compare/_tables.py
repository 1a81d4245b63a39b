"""Reading the Analysis tables and the grouping of documents."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from ..errors import InputError

__all__ = ["TABLE_NAMES", "doc_groups", "get_tables"]

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
