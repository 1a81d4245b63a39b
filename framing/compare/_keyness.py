"""Keyness of loaded terms and reporting verbs by group: log-likelihood G2 and log-ratio."""

from __future__ import annotations

from typing import Any, Literal

import numpy as np
import pandas as pd

from ..errors import InputError
from ._stats import benjamini_hochberg
from ._tables import doc_groups, get_tables

__all__ = ["g2", "keyness", "log_ratio"]

KEYNESS_COLUMNS = [
    "by",
    "group",
    "kind",
    "term",
    "count_group",
    "count_ref",
    "total_group",
    "total_ref",
    "g2",
    "p",
    "q",
    "log_ratio",
]


def g2(a: np.ndarray, b: np.ndarray, c: np.ndarray, d: np.ndarray) -> np.ndarray:
    """Signed log-likelihood G2 of a term seen ``a`` times in ``c`` units vs ``b`` times in ``d``.

    The 2x2 table is ``[[a, b], [c - a, d - b]]`` (Dunning 1993); the sign is positive
    when the term is relatively more frequent in the first corpus. Equal to
    ``scipy.stats.chi2_contingency(table, correction=False, lambda_="log-likelihood")``.

    Examples
    --------
    >>> round(float(g2(np.array([10]), np.array([2]), np.array([100]), np.array([100]))[0]), 3)
    6.163
    """
    a, b, c, d = (np.asarray(v, dtype=np.float64) for v in (a, b, c, d))
    n = c + d
    obs = np.stack([a, b, c - a, d - b])
    row1 = a + b
    row2 = n - row1
    exp = np.stack([row1 * c / n, row1 * d / n, row2 * c / n, row2 * d / n])
    with np.errstate(divide="ignore", invalid="ignore"):
        terms = np.where(obs > 0, obs * np.log(obs / exp), 0.0)
    value = 2.0 * terms.sum(axis=0)
    value = np.maximum(value, 0.0)
    with np.errstate(divide="ignore", invalid="ignore"):
        sign = np.sign(a / c - b / d)
    return np.where(sign < 0, -value, value)


def log_ratio(a: np.ndarray, b: np.ndarray, c: np.ndarray, d: np.ndarray) -> np.ndarray:
    """Hardie's log ratio: ``log2((a / c) / (b / d))``, a zero count replaced by 0.5.

    Examples
    --------
    >>> float(log_ratio(np.array([8]), np.array([2]), np.array([100]), np.array([100]))[0])
    2.0
    """
    a, b, c, d = (np.asarray(v, dtype=np.float64) for v in (a, b, c, d))
    a = np.where(a == 0, 0.5, a)
    b = np.where(b == 0, 0.5, b)
    return np.log2((a / c) / (b / d))


def _term_counts(tables: dict[str, pd.DataFrame], kind: str) -> tuple[pd.DataFrame, str]:
    """(doc_id, term) rows for ``kind`` and the name of the unit totals are counted in."""
    spans = tables.get("spans")
    if kind == "loaded":
        if spans is None or "kind" not in spans:
            raise InputError("keyness(kind='loaded') needs the spans table (loaded-term scorer)")
        rows = spans[spans["kind"] == "loaded"]
        return pd.DataFrame({"doc_id": rows["doc_id"], "term": rows["text"]}), "tokens"
    if kind == "verbs":
        quotes = tables.get("quotes")
        if quotes is not None and "cue" in quotes:
            rows = quotes[quotes["cue"].notna()]
            return pd.DataFrame({"doc_id": rows["doc_id"], "term": rows["cue"]}), "cues"
        if spans is not None and "kind" in spans:
            rows = spans[spans["kind"] == "cue"]
            return pd.DataFrame({"doc_id": rows["doc_id"], "term": rows["text"]}), "cues"
        raise InputError("keyness(kind='verbs') needs the quotes or spans table (attribution)")
    raise InputError(f"keyness kind must be 'loaded' or 'verbs', not {kind!r}")


def keyness(
    analysis: Any,
    by: Any = "outlet",
    kind: Literal["loaded", "verbs"] = "loaded",
    *,
    min_count: int = 2,
) -> pd.DataFrame:
    """Keyness of loaded terms or reporting verbs: each group against all other groups.

    Terms are the span text (``kind="loaded"``) or the reporting cue as written
    (``kind="verbs"``), lower-cased, whitespace collapsed. For loaded terms the totals are
    the groups' word tokens; for verbs they are the groups' attributions (cues), so the
    verb keyness says which verbs a group prefers among its reporting verbs.

    Parameters
    ----------
    analysis : Analysis
        Anything with the contract's tables (``analysis.tables`` or attributes).
    by : str, Series or dict
        A metadata column of ``documents``, or a mapping ``doc_id -> group``.
    kind : {"loaded", "verbs"}
    min_count : int
        Drop terms seen fewer than ``min_count`` times in the whole corpus.

    Returns
    -------
    pandas.DataFrame
        Columns ``by, group, kind, term, count_group, count_ref, total_group, total_ref,
        g2`` (signed: positive = over-used by the group), ``p`` (chi-square, 1 df),
        ``q`` (Benjamini-Hochberg within the group), ``log_ratio`` (log2, positive = over-used).
        Sorted by group, then descending ``g2``.

    Examples
    --------
    >>> k = keyness(analysis, by="outlet", kind="loaded")  # doctest: +SKIP
    >>> k[k.group == "A"].head()  # doctest: +SKIP
    """
    tables = get_tables(analysis)
    groups, by_name = doc_groups(tables, by)
    terms, unit = _term_counts(tables, kind)
    terms = terms.assign(
        term=terms["term"].astype(str).str.lower().str.split().str.join(" "),
        group=terms["doc_id"].map(groups),
    ).dropna(subset=["group"])
    if unit == "tokens":
        totals = _token_totals(tables, groups)
    else:
        totals = terms.groupby("group").size().astype(np.float64)
    counts = terms.groupby(["term", "group"]).size().unstack(fill_value=0)
    counts = counts[counts.sum(axis=1) >= min_count]
    frames = []
    grand = float(totals.sum())
    for group in sorted(totals.index, key=str):
        if group not in counts.columns or totals[group] <= 0 or grand - totals[group] <= 0:
            continue
        a = counts[group].to_numpy(dtype=np.float64)
        b = counts.sum(axis=1).to_numpy(dtype=np.float64) - a
        c = np.full_like(a, float(totals[group]))
        d = np.full_like(a, grand - float(totals[group]))
        value = g2(a, b, c, d)
        p = _chi2_sf(np.abs(value))
        frames.append(
            pd.DataFrame(
                {
                    "by": by_name,
                    "group": group,
                    "kind": kind,
                    "term": counts.index.to_numpy(),
                    "count_group": a.astype(np.int64),
                    "count_ref": b.astype(np.int64),
                    "total_group": c.astype(np.int64),
                    "total_ref": d.astype(np.int64),
                    "g2": value,
                    "p": p,
                    "q": benjamini_hochberg(p),
                    "log_ratio": log_ratio(a, b, c, d),
                }
            ).sort_values(["g2", "term"], ascending=[False, True], kind="mergesort")
        )
    if not frames:
        return pd.DataFrame(columns=KEYNESS_COLUMNS)
    return pd.concat(frames, ignore_index=True)[KEYNESS_COLUMNS]


def _token_totals(tables: dict[str, pd.DataFrame], groups: pd.Series) -> pd.Series:
    paragraphs = tables.get("paragraphs")
    if paragraphs is not None and "n_tokens" in paragraphs:
        per_doc = paragraphs.groupby("doc_id")["n_tokens"].sum()
    else:
        docs = tables["documents"]
        if "n_tokens" not in docs:
            raise InputError("keyness(kind='loaded') needs n_tokens in paragraphs or documents")
        per_doc = docs.set_index("doc_id")["n_tokens"]
    frame = pd.DataFrame({"n": per_doc, "group": per_doc.index.map(groups)}).dropna()
    return frame.groupby("group")["n"].sum().astype(np.float64)


def _chi2_sf(value: np.ndarray) -> np.ndarray:
    """Upper tail of chi-squared with one degree of freedom.

    ``scipy.stats`` is imported here, not at module level: it costs about a second at
    start-up, and every ``import framing`` (and every worker process) would pay it.
    """
    from scipy import stats

    return stats.chi2.sf(value, 1)
