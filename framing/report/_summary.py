"""Plain-sentence summaries generated from the comparison numbers, each with its interval."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from ..compare._compare import Comparison
from ..compare._metrics import NO_SIDE

__all__ = ["fmt_value", "summarize"]

# families summarised in prose, in this order (verb classes stay in tables and the heat map)
_FAMILIES = ("stance", "loaded", "bias", "voice", "sources", "balance", "valence", "custom")
_MAX_DIFFS = 12


def fmt_value(value: float, unit: str = "") -> str:
    """Format a number for prose: shares as percentages, others with two decimals.

    Examples
    --------
    >>> fmt_value(0.1234, "0..1"), fmt_value(-0.456, "-1..1"), fmt_value(2.0, "per 100 tokens")
    ('12%', '-0.46', '2.00')
    """
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return "n/a"
    if unit == "0..1":
        return f"{100 * value:.0f}%"
    return f"{value:.2f}"


def _interval(lo: float, hi: float, unit: str) -> str:
    if np.isnan(lo) or np.isnan(hi):
        return "no interval: too few documents"
    return f"95% CI {fmt_value(lo, unit)} to {fmt_value(hi, unit)}"


def _unit(groups: pd.DataFrame, feature: str) -> str:
    if feature.startswith("stance__"):
        return "-1..1"
    fam = groups.loc[groups["feature"] == feature, "family"]
    if len(fam) and fam.iloc[0] in ("voice_share", "sources", "verbs"):
        return "0..1"
    if feature == "quoted_share":
        return "0..1"
    return ""


def _corpus_sentence(comparison: Comparison, documents: pd.DataFrame | None) -> list[str]:
    out = []
    if documents is not None:
        n = len(documents)
        failed = int(documents["error"].notna().sum()) if "error" in documents else 0
        s = f"The analysis covers {n} document{'s' if n != 1 else ''}"
        if failed:
            s += f", of which {failed} could not be analysed"
        out.append(s + ".")
    g = comparison.groups
    if len(g):
        sizes = g.groupby("group", sort=False)["n_docs"].max()
        parts = ", ".join(f"{k} ({int(v)} documents)" for k, v in sizes.items())
        out.append(f"Documents are grouped by {comparison.by}: {parts}.")
    return out


def _means_sentences(g: pd.DataFrame) -> list[str]:
    """Headline measures only; loaded categories and verb classes stay in the tables."""
    out = []
    for fam in _FAMILIES:
        rows = g[g["family"] == fam].dropna(subset=["mean"])
        if fam == "loaded":
            rows = rows[rows["feature"] == "loaded_per_100"]
        for feature in dict.fromkeys(rows["feature"]):
            r = rows[rows["feature"] == feature]
            unit = _unit(g, feature)
            parts = [
                f"{x.group} {fmt_value(x.mean, unit)} ({_interval(x.ci_low, x.ci_high, unit)})"
                for x in r.itertuples()
            ]
            measure = str(r["measure"].iloc[0])
            out.append(f"{measure[0].upper()}{measure[1:]}: " + "; ".join(parts) + ".")
    return out


def _ratio_sentences(g: pd.DataFrame) -> list[str]:
    """Per group, the ratio between its two most-quoted sides."""
    out = []
    rows = g[g["family"] == "voice_ratio"].dropna(subset=["mean"])
    shares = g[(g["family"] == "voice_share") & ~g["feature"].str.endswith(NO_SIDE)]
    wanted = []
    for grp, sub in shares.groupby("group", sort=False):
        top = sub.sort_values("count", ascending=False, kind="stable")["feature"].head(2)
        if len(top) == 2:
            a, b = sorted(f[len("voice_share__") :] for f in top)
            wanted.append((grp, f"voice_ratio__{a}__{b}"))
    keep = pd.Series(list(zip(rows["group"], rows["feature"], strict=True)), index=rows.index)
    rows = rows[keep.isin(wanted)]
    for x in rows.itertuples():
        if not (x.count > 0 and x.total > 0):
            continue
        a, b = x.feature[len("voice_ratio__") :].split("__", 1)
        ratio, lo, hi = x.mean, x.ci_low, x.ci_high
        if ratio < 1:
            a, b = b, a
            ratio, lo, hi = 1 / ratio, 1 / hi if hi > 0 else np.inf, 1 / lo if lo > 0 else np.inf
        ci = "no interval" if np.isnan(lo) or np.isnan(hi) else f"95% CI {lo:.1f} to {hi:.1f}"
        n = f"{int(max(x.count, x.total))} vs {int(min(x.count, x.total))} attributions"
        if lo <= 1 <= hi:
            out.append(
                f"{x.group} quoted {a} and {b} about equally often (ratio {ratio:.1f}, {ci}; {n})."
            )
        else:
            out.append(f"{x.group} quoted {a} {ratio:.1f} times as often as {b} ({ci}; {n}).")
    return out


def _diff_sentences(comparison: Comparison, g: pd.DataFrame) -> list[str]:
    pw = comparison.pairwise
    if pw.empty:
        return []
    sig = pw[(pw["q"] < 0.05) & ~pw["family"].isin(["verbs"])]
    sig = sig.reindex(sig["effect"].abs().sort_values(ascending=False).index)
    out = []
    for x in sig.head(_MAX_DIFFS).itertuples():
        unit = _unit(g, x.feature)
        word = "higher" if x.diff > 0 else "lower"
        scale, fmt = (100.0, ".0f") if unit == "0..1" else (1.0, ".2f")
        shown = f"{scale * abs(x.diff):{fmt}}" + (" percentage points" if scale == 100 else "")
        if x.ci_low * x.ci_high > 0:  # interval on one side of zero: report magnitudes
            lo, hi = sorted((abs(x.ci_low), abs(x.ci_high)))
            ci = f"95% CI {scale * lo:{fmt}} to {scale * hi:{fmt}}"
        else:
            ci = f"95% CI of the difference {scale * x.ci_low:+{fmt}} to {scale * x.ci_high:+{fmt}}"
        q = "q < 0.001" if x.q < 0.001 else f"q = {x.q:.3f}"
        out.append(
            f"{x.group} was {word} than {x.ref_group} on {x.measure} by {shown} "
            f"({ci}; Cliff's delta {x.effect:+.2f}; {q})."
        )
    n_tests = int(pw["p"].notna().sum())
    n_sig = int((pw["q"] < 0.05).sum())
    rest = n_sig - min(len(sig), _MAX_DIFFS)
    tail = f" ({rest} more in the tables)" if rest > 0 else ""
    out.append(
        f"Of {n_tests} pairwise tests ({pw['test'].iloc[0]}, two-sided), {n_sig} had a "
        f"Benjamini-Hochberg q below 0.05{tail}; the others are not distinguishable from "
        "chance at that level."
    )
    return out


def summarize(comparison: Comparison, documents: pd.DataFrame | None = None) -> dict[str, Any]:
    """Plain sentences from a :class:`~framing.compare.Comparison`.

    Returns
    -------
    dict
        ``corpus``, ``means``, ``ratios`` and ``differences``: lists of sentences. Every
        number comes from the comparison tables; every mean and difference carries its
        95% bootstrap interval.

    Examples
    --------
    >>> sentences = summarize(compare(analysis))  # doctest: +SKIP
    >>> sentences["differences"][0]  # doctest: +SKIP
    'Outlet C was lower than Outlet A on mean stance toward Russia by 0.50 (95% CI ...'
    """
    g = comparison.groups
    return {
        "corpus": _corpus_sentence(comparison, documents),
        "means": _means_sentences(g),
        "ratios": _ratio_sentences(g),
        "differences": _diff_sentences(comparison, g),
    }
