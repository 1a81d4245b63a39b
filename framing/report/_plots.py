"""Figures: voice share, verb classes, forest plot, keyness, stance over time.

Every function returns a ``matplotlib.figure.Figure`` and draws into ``ax`` when given.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from ..compare._compare import Comparison
from ..compare._metrics import NO_CUE, NO_SIDE, doc_metrics
from ..compare._tables import doc_groups, get_tables
from ..errors import InputError
from ._strip import side_series
from ._style import (
    GREY,
    OVER,
    UNDER,
    group_markers,
    new_axes,
    side_colors,
    style,
)

__all__ = [
    "plot_forest",
    "plot_keyness",
    "plot_stance_over_time",
    "plot_verb_classes",
    "plot_voice_share",
]


def _grouped_quotes(tables: dict[str, pd.DataFrame], by: Any) -> pd.DataFrame:
    quotes = tables.get("quotes")
    if quotes is None or not len(quotes):
        raise InputError("the analysis has no quotes table (attribution did not run)")
    groups, _ = doc_groups(tables, by)
    q = quotes.assign(_group=quotes["doc_id"].map(groups), _side=side_series(quotes))
    return q.dropna(subset=["_group"])


def plot_voice_share(analysis: Any, by: Any = "outlet", *, ax: Axes | None = None) -> Figure:
    """Stacked bars: share of each group's attributions going to each side.

    Examples
    --------
    >>> fig = plot_voice_share(analysis, by="outlet")  # doctest: +SKIP
    """
    tables = get_tables(analysis)
    q = _grouped_quotes(tables, by)
    counts = pd.crosstab(q["_group"], q["_side"])
    colors = side_colors(counts.columns)
    order = [s for s in colors if s in counts.columns]
    counts = counts[order]
    shares = counts.div(counts.sum(axis=1), axis=0)
    own = ax is None
    with style():
        fig, ax = new_axes(ax, (7.0, 0.45 * len(shares) + 1.3 + 0.2 * ((len(order) + 2) // 3)))
        labels = [f"{g} (n={int(counts.loc[g].sum())})" for g in shares.index]
        left = np.zeros(len(shares))
        for side in order:
            vals = shares[side].to_numpy()
            ax.barh(labels, vals, left=left, color=colors[side], label=side, height=0.7)
            for i, v in enumerate(vals):
                if v >= 0.07:
                    dark = colors[side] in ("#0072B2", "#009E73", "#000000", "#D55E00", GREY)
                    ax.text(
                        left[i] + v / 2,
                        i,
                        f"{100 * v:.0f}%",
                        ha="center",
                        va="center",
                        fontsize=8,
                        color="white" if dark else "black",
                    )
            left += vals
        ax.set_xlim(0, 1)
        ax.invert_yaxis()
        ax.xaxis.set_major_formatter(lambda x, _pos: f"{100 * x:.0f}%")
        ax.set_xlabel("share of attributions")
        ax.set_title("Who is quoted: attributions by side", loc="left")
        handles, names = ax.get_legend_handles_labels()
        if own:
            fig.legend(
                handles, names, loc="outside lower center", ncol=min(3, len(order)), frameon=False
            )
        else:
            ax.legend(handles, names, loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False)
    return fig


def plot_verb_classes(analysis: Any, *, by: Any = None, ax: Axes | None = None) -> Figure:
    """Heat map of reporting-verb classes (rows) by side (columns): share of the side's
    attributions with each class, with counts. With ``by``, columns are ``group / side``.

    Examples
    --------
    >>> fig = plot_verb_classes(analysis)  # doctest: +SKIP
    """
    tables = get_tables(analysis)
    quotes = tables.get("quotes")
    if quotes is None or "cue_class" not in quotes or not quotes["cue_class"].notna().any():
        raise InputError("the analysis has no reporting-verb classes (quotes.cue_class)")
    if by is not None:
        q = _grouped_quotes(tables, by)
        side = q["_group"].astype(str) + " / " + q["_side"]
    else:
        q = quotes.assign(_side=side_series(quotes))
        side = q["_side"]
    cls = q["cue_class"].where(q["cue_class"].notna(), NO_CUE).astype(str)
    # rows: verb classes, columns: sides (many classes read better down the page)
    counts = pd.crosstab(cls, side)
    last = [c for c in counts.columns if str(c).endswith(NO_SIDE)]
    counts = counts[[c for c in counts.columns if c not in last] + last]  # "(no side)" last
    shares = counts.div(counts.sum(axis=0), axis=1)
    n_rows, n_cols = shares.shape
    with style():
        size = (min(7.2, 2.4 + 1.0 * n_cols), 0.3 * n_rows + 2.0)
        fig, ax = new_axes(ax, size)
        ax.imshow(shares.to_numpy(), cmap="Blues", vmin=0, vmax=1, aspect="auto")
        for i in range(n_rows):
            for j in range(n_cols):
                v = shares.iat[i, j]
                ax.text(
                    j,
                    i,
                    f"{100 * v:.0f}% ({counts.iat[i, j]})" if counts.iat[i, j] else "\u00b7",
                    ha="center",
                    va="center",
                    fontsize=7,
                    color="white" if v > 0.55 else "black",
                )
        ax.set_xticks(range(n_cols))
        ax.set_xticklabels(
            [f"{c}\n(n={int(counts[c].sum())})" for c in shares.columns],
            rotation=30 if n_cols > 3 else 0,
            ha="right" if n_cols > 3 else "center",
        )
        ax.set_yticks(range(n_rows))
        ax.set_yticklabels(shares.index)
        ax.set_title("Reporting-verb classes by side", loc="left")
        ax.set_xlabel("cell: share of the column's attributions (count)")
        for spine in ax.spines.values():
            spine.set_visible(False)
        ax.tick_params(length=0)
    return fig


def plot_forest(comparison: Comparison, features: Any = None, *, ax: Axes | None = None) -> Figure:
    """Forest plot: each group's mean with its bootstrap interval, one block per feature.

    Parameters
    ----------
    comparison : Comparison
        From :func:`framing.compare.compare`.
    features : str or list of str, optional
        Features, families or ``prefix__`` selectors; the default is the stance family
        when present, else loaded density. Keep one unit per plot.

    Examples
    --------
    >>> fig = plot_forest(compare(analysis), "stance")  # doctest: +SKIP
    """
    g = comparison.groups
    if features is None:
        fams = set(g["family"])
        features = "stance" if "stance" in fams else "loaded_per_100"
    wanted = [features] if isinstance(features, str) else list(features)
    sel = g[
        g["feature"].isin(wanted)
        | g["family"].isin(wanted)
        | g["feature"].str.startswith(tuple(w for w in wanted if w.endswith("__")) or ("\0",))
    ]
    sel = sel.dropna(subset=["mean"])
    if sel.empty:
        raise InputError(f"no comparison rows for {features!r}")
    feats = list(dict.fromkeys(sel["feature"]))
    groups = sorted(sel["group"].unique(), key=str)
    colors = side_colors([str(x) for x in groups])
    markers = group_markers([str(x) for x in groups])
    ylabels: list[str] = []
    bold: list[int] = []
    with style():
        n_rows = len(feats) * (len(groups) + 1)
        fig, ax = new_axes(ax, (7.0, 0.22 * n_rows + 1.2))
        y = 0
        for f in feats:
            rows = sel[sel["feature"] == f]
            bold.append(y)
            ylabels.append(str(rows["measure"].iloc[0]))
            y += 1
            for grp in groups:
                r = rows[rows["group"] == grp]
                ylabels.append(f"{grp} (n={int(r['n_docs'].iloc[0])})" if len(r) else str(grp))
                if len(r):
                    m, lo, hi = (float(r[c].iloc[0]) for c in ("mean", "ci_low", "ci_high"))
                    err = [[m - lo], [hi - m]] if not np.isnan(lo) else None
                    ax.errorbar(
                        m,
                        y,
                        xerr=err,
                        fmt=markers[str(grp)],
                        color=colors[str(grp)],
                        capsize=3,
                        ms=5,
                        lw=1.5,
                    )
                y += 1
        ax.set_yticks(range(len(ylabels)))
        ax.set_yticklabels(ylabels)
        for i in bold:
            ax.get_yticklabels()[i].set_fontweight("bold")
        ax.set_ylim(len(ylabels) - 0.5, -0.7)
        fams = set(sel["family"])
        if fams & {"stance", "valence"}:
            ax.axvline(0, color=GREY, lw=0.8, ls="--")
        ax.set_xlabel("mean over documents, with 95% bootstrap interval")
        ax.grid(axis="x", color="#eeeeee")
        ax.tick_params(axis="y", length=0)
    return fig


def plot_keyness(
    keyness: pd.DataFrame,
    group: Any = None,
    *,
    kind: str | None = None,
    n: int = 10,
    ax: Axes | None = None,
) -> Figure:
    """Two-sided keyness bars for one group against the rest: the ``n`` most over-used
    terms (signed G2 > 0) and the ``n`` most under-used (G2 < 0), with counts.

    Examples
    --------
    >>> fig = plot_keyness(keyness(analysis, "outlet"), "Outlet A")  # doctest: +SKIP
    """
    k = keyness
    if kind is not None:
        k = k[k["kind"] == kind]
    if k.empty:
        raise InputError("the keyness table is empty")
    if group is None:
        group = sorted(k["group"].unique(), key=str)[0]
    k = k[k["group"] == group]
    if kind is None:
        kind = str(k["kind"].iloc[0])
        k = k[k["kind"] == kind]
    over = k[k["g2"] > 0].nlargest(n, "g2")
    under = k[k["g2"] < 0].nsmallest(n, "g2")
    rows = pd.concat([over, under.iloc[::-1]])
    what = {"loaded": "loaded terms", "verbs": "reporting verbs"}.get(kind, kind)
    own = ax is None
    with style():
        fig, ax = new_axes(ax, (7.0, 0.25 * max(len(rows), 2) + 1.3))
        if rows.empty:
            ax.text(0.5, 0.5, "no terms", ha="center", va="center", transform=ax.transAxes)
        else:
            labels = [
                f"{t}  ({int(a)} vs {int(b)})"
                for t, a, b in zip(
                    rows["term"], rows["count_group"], rows["count_ref"], strict=True
                )
            ]
            y = np.arange(len(rows))
            vals = rows["g2"].to_numpy(dtype=float)
            ax.barh(y, vals, color=[OVER if v > 0 else UNDER for v in vals], height=0.7)
            ax.set_yticks(y)
            ax.set_yticklabels(labels)
            ax.invert_yaxis()
            ax.axvline(0, color="black", lw=0.8)
            handles = [
                Patch(fc=OVER, label=f"more in {group}"),
                Patch(fc=UNDER, label="more in the rest"),
            ]
            if own:
                fig.legend(handles=handles, loc="outside lower center", ncol=2, frameon=False)
            else:
                ax.legend(handles=handles, loc="best", frameon=False)
        ax.set_xlabel("signed log-likelihood G2 (counts: group vs rest)")
        ax.set_title(f"Keyness of {what}: {group} vs the rest", loc="left")
        ax.tick_params(axis="y", length=0)
    return fig


def _auto_freq(dates: pd.Series) -> str:
    """Weeks for a few months of dates, months up to two years, then quarters."""
    d = dates.dropna()
    span = (d.max() - d.min()).days if len(d) else 0
    return "W" if span <= 120 else "M" if span <= 730 else "Q"


def plot_stance_over_time(
    analysis: Any,
    target: str | None = None,
    *,
    by: Any = "outlet",
    freq: str | None = None,
    date: str = "date",
    ax: Axes | None = None,
) -> Figure:
    """Mean document stance toward ``target`` per period and group, with a 95% normal
    interval (mean +/- 1.96 standard errors over documents) where a period has two or more.

    ``freq`` is a pandas period alias (``"D"``, ``"W"``, ``"M"``, ``"Q"``); by default weeks
    for up to four months of dates, months up to two years, quarters beyond. Points sit at
    the start of their period.

    Examples
    --------
    >>> fig = plot_stance_over_time(analysis, "Russia", freq="W")  # doctest: +SKIP
    """
    tables = get_tables(analysis)
    docs = tables["documents"]
    if date not in docs:
        raise InputError(f"documents has no {date!r} column: stance over time needs dates")
    groups, _ = doc_groups(tables, by)
    m = doc_metrics(tables, groups.index)
    stance_cols = [c for c in m.values.columns if c.startswith("stance__")]
    if not stance_cols:
        raise InputError("the analysis has no stance results")
    col = f"stance__{target}" if target is not None else stance_cols[0]
    if col not in stance_cols:
        raise InputError(f"no stance results for target {target!r}")
    dates = pd.to_datetime(docs.set_index("doc_id")[date], errors="coerce", utc=True)
    frame = pd.DataFrame(
        {
            "value": m.values[col],
            "group": groups,
            "period": dates.reindex(groups.index)
            .dt.tz_localize(None)
            .dt.to_period(freq or _auto_freq(dates)),
        }
    ).dropna()
    if frame.empty:
        raise InputError("no document has both a date and a stance value")
    colors = side_colors([str(x) for x in frame["group"].unique()])
    markers = group_markers([str(x) for x in frame["group"].unique()])
    own = ax is None
    with style():
        fig, ax = new_axes(ax, (7.0, 3.2))
        for grp, sub in frame.groupby("group", sort=True):
            agg = sub.groupby("period")["value"].agg(["mean", "std", "count"]).sort_index()
            x = agg.index.to_timestamp()
            mk = markers[str(grp)]
            ax.plot(x, agg["mean"], f"{mk}-", color=colors[str(grp)], label=str(grp), ms=4)
            se = agg["std"] / np.sqrt(agg["count"])
            ok = (agg["count"] >= 2).to_numpy()
            ax.fill_between(
                x[ok],
                (agg["mean"] - 1.96 * se)[ok],
                (agg["mean"] + 1.96 * se)[ok],
                color=colors[str(grp)],
                alpha=0.15,
                lw=0,
            )
        ax.axhline(0, color=GREY, lw=0.8, ls="--")
        ax.set_ylim(-1, 1)
        ax.set_ylabel("mean document stance")
        ax.set_title(f"Stance toward {col[len('stance__') :]} over time", loc="left")
        ncol = min(4, frame["group"].nunique())
        if own:
            fig.legend(loc="outside lower center", ncol=ncol, frameon=False)
        else:
            ax.legend(frameon=False, ncol=ncol)
        for label in ax.get_xticklabels():
            label.set_rotation(30)
            label.set_horizontalalignment("right")
    return fig
