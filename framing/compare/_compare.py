"""``compare``: group means with document-bootstrap intervals, pairwise tests, effect sizes."""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import combinations
from typing import Any, Literal

import numpy as np
import pandas as pd

from ..errors import InputError
from ._keyness import KEYNESS_COLUMNS, keyness
from ._metrics import NO_SIDE, DocMetrics, doc_metrics, select_features
from ._stats import (
    benjamini_hochberg,
    bootstrap_weights,
    cliffs_delta,
    cohens_d,
    mann_whitney,
    percentile_interval,
    permutation_test_means,
    weighted_means,
)
from ._tables import doc_groups, get_tables

__all__ = ["Comparison", "compare"]

GROUP_COLUMNS = [
    "by",
    "group",
    "feature",
    "family",
    "measure",
    "mean",
    "ci_low",
    "ci_high",
    "n_docs",
    "n_units",
    "count",
    "total",
]
PAIRWISE_COLUMNS = [
    "by",
    "feature",
    "family",
    "group",
    "ref_group",
    "n_group",
    "n_ref",
    "mean_group",
    "mean_ref",
    "diff",
    "ci_low",
    "ci_high",
    "test",
    "stat",
    "p",
    "q",
    "effect",
    "effect_d",
    "measure",
]


@dataclass
class Comparison:
    """The result of :func:`compare`.

    Attributes
    ----------
    by : str
        The grouping.
    groups : pandas.DataFrame
        One row per (group, feature): ``by, group, feature, family, measure, mean, ci_low,
        ci_high, n_docs, n_units, count, total``. ``mean`` is the mean of the document
        values; ``ci_low``/``ci_high`` the percentile bootstrap interval from resampling
        documents within the group (NaN below two documents); ``n_docs`` the documents
        with a value, ``n_units`` the paragraphs/mentions/attributions behind them,
        ``count``/``total`` the raw numerator/denominator for rates and shares. Rows of
        family ``voice_ratio`` (``voice_ratio__<A>__<B>``) hold a pooled ratio:
        attributions to A divided by attributions to B over the group's documents
        (count = A, total = B).
    pairwise : pandas.DataFrame
        One row per (feature, pair of groups): ``by, feature, family, group, ref_group,
        n_group, n_ref, mean_group, mean_ref, diff`` (group minus ref), ``ci_low, ci_high``
        (bootstrap interval of ``diff``), ``test, stat, p`` (two-sided), ``q``
        (Benjamini-Hochberg within each feature family, e.g. all stance rows, all
        verb-class rows), ``effect`` (Cliff's delta), ``effect_d`` (Cohen's d), ``measure``.
    keyness : pandas.DataFrame
        :func:`framing.compare.keyness` for loaded terms and reporting verbs (whichever
        inputs exist), stacked, with a ``kind`` column.
    n_boot, seed, level : int, int, float
        The bootstrap settings used.
    """

    by: str
    groups: pd.DataFrame
    pairwise: pd.DataFrame
    keyness: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=KEYNESS_COLUMNS))
    n_boot: int = 2000
    seed: int = 0
    level: float = 0.95

    def to_frame(self) -> pd.DataFrame:
        """All three tables stacked in one long DataFrame with a ``kind`` column
        (``group``, ``pairwise``, ``keyness``), for writing to one CSV."""
        parts = [
            self.groups.assign(kind="group"),
            self.pairwise.assign(kind="pairwise"),
            self.keyness.rename(columns={"kind": "term_kind"}).assign(kind="keyness"),
        ]
        parts = [p for p in parts if len(p)]
        if not parts:
            return pd.DataFrame(columns=["kind"])
        out = pd.concat(parts, ignore_index=True)
        return out[["kind"] + [c for c in out.columns if c != "kind"]]


def _voice_ratios(
    metrics: DocMetrics,
    members: dict[Any, np.ndarray],
    weights: dict[Any, np.ndarray],
    level: float,
) -> list[dict[str, Any]]:
    sc = metrics.side_counts
    if sc is None:
        return []
    cols = [k for k, s in enumerate(sc.columns) if s != NO_SIDE]
    rows = []
    counts = sc.to_numpy(dtype=np.float64)
    for group, idx in members.items():
        c = counts[idx]
        boot = weights[group] @ c  # (n_boot, n_sides) resampled totals
        for i, j in combinations(cols, 2):
            side_a, side_b = str(sc.columns[i]), str(sc.columns[j])
            a, b = c[:, i].sum(), c[:, j].sum()
            has = (c[:, i] + c[:, j]) > 0  # documents quoting either side
            den = boot[:, j]
            draws = np.where(den > 0, boot[:, i] / np.where(den > 0, den, 1.0), np.nan)
            lo, hi = percentile_interval(draws, level)
            if has.sum() < 2:
                lo[:], hi[:] = np.nan, np.nan
            rows.append(
                {
                    "group": group,
                    "feature": f"voice_ratio__{side_a}__{side_b}",
                    "family": "voice_ratio",
                    "measure": f"attributions to {side_a} per attribution to {side_b}",
                    "mean": a / b if b > 0 else np.nan,
                    "ci_low": lo[0],
                    "ci_high": hi[0],
                    "n_docs": int(has.sum()),
                    "n_units": float(a + b),
                    "count": a,
                    "total": b,
                }
            )
    return rows


def compare(
    analysis: Any,
    by: Any = "outlet",
    *,
    n_boot: int = 2000,
    seed: int = 0,
    metrics: Any = None,
    test: Literal["mannwhitney", "permutation"] = "mannwhitney",
    level: float = 0.95,
    with_keyness: bool = True,
) -> Comparison:
    """Compare groups of documents on every metric the analysis has.

    The document is the unit: each metric is first computed per document (see
    :mod:`framing.compare._metrics`), then averaged per group. Intervals come from a
    percentile bootstrap that resamples documents within each group (``n_boot`` draws,
    all metrics at once). Pairwise rows test every pair of groups.

    Parameters
    ----------
    analysis : Analysis
        The result of ``framing.analyze`` (or a dict of the contract tables).
    by : str, pandas.Series or dict
        A metadata column of ``documents`` (``outlet``, ``leaning``, a date bucket), or a
        mapping ``doc_id -> group``.
    n_boot : int
        Bootstrap resamples.
    seed : int
        Seed for the bootstrap (and permutation test): same inputs, same output.
    metrics : list of str, optional
        Keep only these features; a name may be a feature (``"loaded_per_100"``), a family
        (``"stance"``, ``"loaded"``, ``"voice_share"``, ``"verbs"``, ...) or a prefix
        ending in ``__``. A numeric ``paragraphs`` column of your own (say, the output of
        a classifier you trained) is compared as the mean over each document's
        paragraphs when you name it here. Default: all built-in features.
    test : {"mannwhitney", "permutation"}
        Mann-Whitney U (default) or a permutation test on the difference in means.
    level : float
        Interval coverage.
    with_keyness : bool
        Also compute keyness of loaded terms and reporting verbs.

    Returns
    -------
    Comparison
        With ``.groups``, ``.pairwise`` and ``.keyness`` DataFrames; ``.to_frame()``
        stacks them with a ``kind`` column.

    Examples
    --------
    >>> result = compare(analysis, by="outlet")  # doctest: +SKIP
    >>> result.groups.query("feature == 'loaded_per_100'")  # doctest: +SKIP
    >>> result.pairwise.sort_values("q").head()  # doctest: +SKIP
    """
    if n_boot < 1:
        raise InputError("n_boot must be at least 1")
    if test not in ("mannwhitney", "permutation"):
        raise InputError(f"test must be 'mannwhitney' or 'permutation', not {test!r}")
    tables = get_tables(analysis)
    groups, by_name = doc_groups(tables, by)
    if groups.empty:
        raise InputError(f"no analysed document has a value for {by_name!r}")
    wanted = [metrics] if isinstance(metrics, str) else list(metrics or [])
    m = doc_metrics(tables, groups.index, extra=wanted)
    features = select_features(m, metrics)
    values = m.values[features].to_numpy(dtype=np.float64)
    units = m.units[features].to_numpy(dtype=np.float64)
    counts = m.counts[features].to_numpy(dtype=np.float64)
    totals = m.totals[features].to_numpy(dtype=np.float64)
    labels = sorted(groups.unique(), key=str)
    gvals = groups.to_numpy()
    members = {g: np.flatnonzero(gvals == g) for g in labels}

    rng = np.random.default_rng(seed)
    weights: dict[Any, np.ndarray] = {}
    draws: dict[Any, np.ndarray] = {}
    group_rows: list[dict[str, Any]] = []
    for g in labels:
        idx = members[g]
        weights[g] = bootstrap_weights(idx.size, n_boot, rng)
        v = values[idx]
        present = ~np.isnan(v)
        filled = np.where(present, v, 0.0)
        draws[g] = weighted_means(weights[g], v)
        lo, hi = percentile_interval(draws[g], level)
        n_docs = present.sum(axis=0)
        # one document cannot show variation between documents: no interval
        lo[n_docs < 2] = np.nan
        hi[n_docs < 2] = np.nan
        with np.errstate(invalid="ignore"):
            mean = np.where(n_docs > 0, filled.sum(axis=0) / np.maximum(n_docs, 1), np.nan)
        for k, f in enumerate(features):
            info = m.info[f]
            cnt = np.nansum(counts[idx, k]) if not np.all(np.isnan(counts[idx, k])) else np.nan
            tot = np.nansum(totals[idx, k]) if not np.all(np.isnan(totals[idx, k])) else np.nan
            group_rows.append(
                {
                    "group": g,
                    "feature": f,
                    "family": info.family,
                    "measure": info.measure,
                    "mean": mean[k],
                    "ci_low": lo[k],
                    "ci_high": hi[k],
                    "n_docs": int(n_docs[k]),
                    "n_units": float(units[idx, k][present[:, k]].sum()),
                    "count": cnt,
                    "total": tot,
                }
            )
    if metrics is None or "voice_ratio" in wanted:
        group_rows.extend(_voice_ratios(m, members, weights, level))
    group_table = pd.DataFrame(group_rows, columns=GROUP_COLUMNS[1:])
    group_table.insert(0, "by", by_name)

    pair_rows = _pairwise(features, m, values, members, draws, labels, test, seed, level)
    pairwise = pd.DataFrame(pair_rows, columns=PAIRWISE_COLUMNS[1:])
    pairwise.insert(0, "by", by_name)
    # one Benjamini-Hochberg family per feature family (stance, loaded, voice_share, verbs,
    # ...), so that dozens of verb-class shares do not dilute the stance or loaded tests
    for _fam, idx in pairwise.groupby("family", sort=False).groups.items():
        pvals = pairwise.loc[idx, "p"].to_numpy(dtype=np.float64)
        pairwise.loc[idx, "q"] = benjamini_hochberg(pvals)

    key = pd.DataFrame(columns=KEYNESS_COLUMNS)
    if with_keyness:
        parts = []
        for kind in ("loaded", "verbs"):
            try:
                parts.append(keyness(tables, groups, kind))
            except InputError:
                continue
        parts = [p.assign(by=by_name) for p in parts if len(p)]
        if parts:
            key = pd.concat(parts, ignore_index=True)
    return Comparison(by_name, group_table, pairwise, key, n_boot, seed, level)


def _pairwise(
    features: list[str],
    m: DocMetrics,
    values: np.ndarray,
    members: dict[Any, np.ndarray],
    draws: dict[Any, np.ndarray],
    labels: list[Any],
    test: str,
    seed: int,
    level: float,
) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for a, b in combinations(labels, 2):
        diff_draws = draws[a] - draws[b]
        lo, hi = percentile_interval(diff_draws, level)
        for k, f in enumerate(features):
            x = values[members[a], k]
            y = values[members[b], k]
            x = x[~np.isnan(x)]
            y = y[~np.isnan(y)]
            if x.size == 0 or y.size == 0:
                continue
            few = x.size < 2 or y.size < 2
            if test == "mannwhitney":
                stat, p = mann_whitney(x, y)
                name = "Mann-Whitney U"
            else:
                stat, p = permutation_test_means(x, y, n_perm=2000, seed=seed)
                name = "permutation (difference in means)"
            rows.append(
                {
                    "feature": f,
                    "family": m.info[f].family,
                    "group": a,
                    "ref_group": b,
                    "n_group": int(x.size),
                    "n_ref": int(y.size),
                    "mean_group": float(x.mean()),
                    "mean_ref": float(y.mean()),
                    "diff": float(x.mean() - y.mean()),
                    "ci_low": np.nan if few else lo[k],
                    "ci_high": np.nan if few else hi[k],
                    "test": name,
                    "stat": stat,
                    "p": p,
                    "effect": cliffs_delta(x, y),
                    "effect_d": cohens_d(x, y),
                    "measure": m.info[f].measure,
                }
            )
    return rows
