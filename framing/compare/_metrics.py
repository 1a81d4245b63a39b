"""Document-level metrics: which value comes from which table.

Every metric is one number per document (NaN where it is undefined, e.g. stance toward a
target the document never mentions). Group statistics are means over documents, so the
document is the unit that the bootstrap resamples and the tests compare.

| feature | from | document value |
|---|---|---|
| ``valence`` | paragraphs.valence | mean over paragraphs |
| ``loaded_per_100`` | paragraphs.loaded_count, n_tokens | 100 x loaded terms / tokens |
| ``loaded__<category>`` | paragraphs.loaded__<category> | 100 x category count / tokens |
| ``bias_score`` | paragraphs.bias_score | mean over paragraphs |
| ``quoted_share`` | paragraphs.quoted_share, n_tokens | token-weighted quoted share |
| ``quotes_per_paragraph`` | paragraphs.n_quotes | attributions / paragraphs |
| ``balance`` | paragraphs.balance | mean over paragraphs where defined |
| ``stance__<target>`` | stance.score (else paragraphs.stance__<target>) | mean over mentions |
| ``voice_share__<side>`` | quotes.side | share of the document's attributions |
| ``anonymous_share`` | quotes.speaker_type | share of attributions to anonymous sources |
| ``direct_share`` | quotes.direct | share of attributions that are direct quotes |
| ``verb_class__<side>__<class>`` | quotes.cue_class, side | share of the side's attributions |
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

__all__ = ["NO_CUE", "NO_SIDE", "DocMetrics", "FeatureInfo", "doc_metrics"]

NO_SIDE = "(no side)"
NO_CUE = "(no cue)"
ALL_SIDES = "all"


@dataclass(frozen=True)
class FeatureInfo:
    """What a feature measures: its family (for tables and plots) and unit."""

    family: str
    measure: str
    unit: str = ""


@dataclass
class DocMetrics:
    """Document-level metric matrices, all indexed by ``doc_id`` with one column per feature.

    ``values`` holds the document values; ``units`` how many paragraphs / mentions /
    attributions each value rests on; ``counts`` and ``totals`` the raw numerator and
    denominator where the metric is a rate or share (NaN otherwise). ``side_counts`` holds
    attributions per side per document (for pooled voice ratios).
    """

    values: pd.DataFrame
    units: pd.DataFrame
    counts: pd.DataFrame
    totals: pd.DataFrame
    info: dict[str, FeatureInfo] = field(default_factory=dict)
    side_counts: pd.DataFrame | None = None


class _Builder:
    def __init__(self, doc_ids: pd.Index) -> None:
        self.index = doc_ids
        self.cols: dict[str, tuple[pd.Series, pd.Series, pd.Series, pd.Series]] = {}
        self.info: dict[str, FeatureInfo] = {}

    def add(
        self,
        name: str,
        info: FeatureInfo,
        value: pd.Series,
        units: pd.Series,
        count: pd.Series | None = None,
        total: pd.Series | None = None,
    ) -> None:
        def align(s: pd.Series | None) -> pd.Series:
            if s is None:
                return pd.Series(np.nan, index=self.index)
            return s.reindex(self.index).astype(np.float64)

        self.cols[name] = (align(value), align(units).fillna(0.0), align(count), align(total))
        self.info[name] = info

    def build(self, side_counts: pd.DataFrame | None) -> DocMetrics:
        names = list(self.cols)

        def frame(i: int) -> pd.DataFrame:
            data = {n: self.cols[n][i] for n in names}
            return pd.DataFrame(data, index=self.index, columns=names, dtype=np.float64)

        return DocMetrics(frame(0), frame(1), frame(2), frame(3), dict(self.info), side_counts)


def _ratio(num: pd.Series, den: pd.Series, scale: float = 1.0) -> pd.Series:
    with np.errstate(divide="ignore", invalid="ignore"):
        return (scale * num / den.where(den > 0)).astype(np.float64)


def _paragraph_metrics(b: _Builder, paras: pd.DataFrame) -> None:
    g = paras.groupby("doc_id", sort=False)
    n_para = g.size()
    tokens = g["n_tokens"].sum() if "n_tokens" in paras else None

    def mean_of(col: str, name: str, info: FeatureInfo) -> None:
        vals = pd.to_numeric(paras[col], errors="coerce")
        grp = vals.groupby(paras["doc_id"], sort=False)
        b.add(name, info, grp.mean(), grp.count())

    if "valence" in paras:
        mean_of("valence", "valence", FeatureInfo("valence", "mean paragraph valence", "-1..1"))
    if tokens is not None and "loaded_count" in paras:
        count = g["loaded_count"].sum()
        info = FeatureInfo("loaded", "loaded terms per 100 tokens", "per 100 tokens")
        b.add("loaded_per_100", info, _ratio(count, tokens, 100.0), n_para, count, tokens)
    if tokens is not None:
        for col in sorted(c for c in paras.columns if c.startswith("loaded__")):
            count = pd.to_numeric(paras[col], errors="coerce").groupby(paras["doc_id"]).sum()
            cat = col[len("loaded__") :]
            info = FeatureInfo("loaded", f"'{cat}' loaded terms per 100 tokens", "per 100 tokens")
            b.add(col, info, _ratio(count, tokens, 100.0), n_para, count, tokens)
    if "bias_score" in paras:
        info = FeatureInfo("bias", "mean paragraph bias score", "0..1")
        mean_of("bias_score", "bias_score", info)
    if tokens is not None and "quoted_share" in paras:
        share = pd.to_numeric(paras["quoted_share"], errors="coerce")
        weighted = (share * paras["n_tokens"]).groupby(paras["doc_id"])
        info = FeatureInfo("voice", "share of tokens in attributed content", "0..1")
        b.add("quoted_share", info, _ratio(weighted.sum(), tokens), n_para, weighted.sum(), tokens)
    if "n_quotes" in paras:
        count = g["n_quotes"].sum()
        info = FeatureInfo("voice", "attributions per paragraph", "per paragraph")
        b.add("quotes_per_paragraph", info, _ratio(count, n_para), n_para, count, n_para)
    if "balance" in paras:
        info = FeatureInfo("balance", "mean paragraph balance of voices across sides", "0..1")
        mean_of("balance", "balance", info)


def _stance_metrics(b: _Builder, paras: pd.DataFrame | None, stance: pd.DataFrame | None) -> None:
    if stance is not None and {"target", "score"} <= set(stance.columns) and len(stance):
        for target in sorted(stance["target"].dropna().unique(), key=str):
            rows = stance[stance["target"] == target]
            grp = pd.to_numeric(rows["score"], errors="coerce").groupby(rows["doc_id"])
            info = FeatureInfo("stance", f"mean stance toward {target}", "-1..1")
            b.add(f"stance__{target}", info, grp.mean(), grp.count())
        return
    if paras is None:
        return
    for col in sorted(c for c in paras.columns if c.startswith("stance__")):
        vals = pd.to_numeric(paras[col], errors="coerce")
        grp = vals.groupby(paras["doc_id"])
        info = FeatureInfo("stance", f"mean stance toward {col[len('stance__') :]}", "-1..1")
        b.add(col, info, grp.mean(), grp.count())


def _quote_metrics(b: _Builder, quotes: pd.DataFrame) -> pd.DataFrame | None:
    q = quotes
    n = q.groupby("doc_id").size()

    def share(mask: pd.Series, name: str, info: FeatureInfo) -> None:
        count = mask.astype(np.float64).groupby(q["doc_id"]).sum().reindex(n.index)
        b.add(name, info, _ratio(count, n), n, count, n)

    side_counts = None
    if "side" in q and q["side"].notna().any():
        side = q["side"].where(q["side"].notna(), NO_SIDE).astype(str)
        sides = sorted(side.unique(), key=lambda s: (s == NO_SIDE, s))
        side_counts = pd.crosstab(q["doc_id"], side).reindex(columns=sides, fill_value=0)
        for s in sides:
            info = FeatureInfo("voice_share", f"share of attributions to {s}", "0..1")
            share(side == s, f"voice_share__{s}", info)
    else:
        side = pd.Series(ALL_SIDES, index=q.index)
    if "speaker_type" in q:
        info = FeatureInfo("sources", "share of attributions to anonymous sources", "0..1")
        share(q["speaker_type"] == "anonymous", "anonymous_share", info)
    if "direct" in q:
        info = FeatureInfo("sources", "share of attributions that are direct quotes", "0..1")
        share(q["direct"].fillna(False).astype(bool), "direct_share", info)
    if "cue_class" in q and q["cue_class"].notna().any():
        cls = q["cue_class"].where(q["cue_class"].notna(), NO_CUE).astype(str)
        classes = sorted(cls.unique())
        side_values = [ALL_SIDES] + sorted(
            (s for s in side.unique() if s != ALL_SIDES), key=lambda s: (s == NO_SIDE, s)
        )
        for s in side_values:
            in_side = pd.Series(True, index=q.index) if s == ALL_SIDES else side == s
            n_side = in_side.astype(np.float64).groupby(q["doc_id"]).sum().reindex(n.index)
            for c in classes:
                count = (in_side & (cls == c)).astype(np.float64).groupby(q["doc_id"]).sum()
                count = count.reindex(n.index)
                who = "all attributions" if s == ALL_SIDES else f"attributions to {s}"
                info = FeatureInfo("verbs", f"share of {who} with a verb of class '{c}'", "0..1")
                b.add(f"verb_class__{s}__{c}", info, _ratio(count, n_side), n_side, count, n_side)
    return side_counts


def doc_metrics(
    tables: dict[str, pd.DataFrame], doc_ids: pd.Index, extra: Sequence[str] = ()
) -> DocMetrics:
    """Compute every metric whose inputs are present, for the documents ``doc_ids``.

    Parameters
    ----------
    tables : dict of DataFrame
        The contract tables (absent tables and columns are skipped, never invented).
    doc_ids : pandas.Index
        The documents to keep (rows of the result, in this order).
    extra : sequence of str
        Further numeric ``paragraphs`` columns (your own scores) to compare as the mean
        over each document's paragraphs (family ``custom``).

    Examples
    --------
    >>> paras = pd.DataFrame({"doc_id": ["a", "a"], "valence": [0.5, -0.1]})
    >>> m = doc_metrics({"paragraphs": paras}, pd.Index(["a"]))
    >>> round(float(m.values.loc["a", "valence"]), 2)
    0.2
    """
    b = _Builder(pd.Index(doc_ids, name="doc_id"))
    paras = tables.get("paragraphs")
    if paras is not None and "doc_id" in paras:
        paras = paras[paras["doc_id"].isin(doc_ids)]
        _paragraph_metrics(b, paras)
        for col in extra:
            if col in b.cols or col not in paras:
                continue
            vals = pd.to_numeric(paras[col], errors="coerce")
            grp = vals.groupby(paras["doc_id"], sort=False)
            b.add(col, FeatureInfo("custom", f"mean paragraph {col}"), grp.mean(), grp.count())
    else:
        paras = None
    stance = tables.get("stance")
    if stance is not None:
        stance = stance[stance["doc_id"].isin(doc_ids)]
    _stance_metrics(b, paras, stance)
    side_counts = None
    quotes = tables.get("quotes")
    if quotes is not None and "doc_id" in quotes:
        quotes = quotes[quotes["doc_id"].isin(doc_ids)]
        if len(quotes):
            side_counts = _quote_metrics(b, quotes)
            if side_counts is not None:
                side_counts = side_counts.reindex(b.index, fill_value=0)
    return b.build(side_counts)


def select_features(metrics: DocMetrics, wanted: Any) -> list[str]:
    """Feature names matching ``wanted``: exact names, families, or prefixes ending in ``__``."""
    names = list(metrics.values.columns)
    if wanted is None:
        return names
    if isinstance(wanted, str):
        wanted = [wanted]
    wanted = list(wanted)
    keep = []
    for name in names:
        fam = metrics.info[name].family
        if any(w == name or w == fam or (w.endswith("__") and name.startswith(w)) for w in wanted):
            keep.append(name)
    return keep
