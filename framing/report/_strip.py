"""The paragraph strip of one article: stance per target, loaded density, bias, quotations."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from matplotlib import colormaps
from matplotlib.axes import Axes
from matplotlib.colors import Normalize
from matplotlib.figure import Figure
from matplotlib.patches import Patch, Rectangle

from ..compare._metrics import NO_SIDE
from ..compare._tables import get_tables
from ..errors import InputError
from ._style import (
    DIVERGING,
    SEQUENTIAL,
    new_axes,
    side_colors,
    style,
)

__all__ = ["plot_article_strip", "side_series"]


def side_series(quotes: pd.DataFrame) -> pd.Series:
    """The side of each attribution, ``(no side)`` where none."""
    if "side" not in quotes:
        return pd.Series(NO_SIDE, index=quotes.index)
    return quotes["side"].where(quotes["side"].notna(), NO_SIDE).astype(str)


def _stance_matrix(tables: dict[str, pd.DataFrame], doc_id: Any, n_par: int) -> pd.DataFrame:
    """Paragraph x target stance of one document (NaN where not mentioned)."""
    paras = tables["paragraphs"]
    rows = paras[paras["doc_id"] == doc_id].sort_values("para_id")
    cols = [c for c in paras.columns if c.startswith("stance__")]
    if cols:
        out = rows.set_index("para_id")[cols]
        out.columns = [c[len("stance__") :] for c in cols]
        return out.reindex(range(n_par))
    stance = tables.get("stance")
    if stance is None or not len(stance):
        return pd.DataFrame(index=range(n_par))
    s = stance[stance["doc_id"] == doc_id]
    if not len(s):
        targets = sorted(stance["target"].dropna().unique(), key=str)
        return pd.DataFrame(np.nan, index=range(n_par), columns=targets)
    out = s.pivot_table(index="para_id", columns="target", values="score", aggfunc="mean")
    return out.reindex(range(n_par))


def plot_article_strip(
    analysis: Any, doc_id: Any, ax: Axes | None = None, *, title: bool = True
) -> Figure:
    """Paragraph strip of one article, in reading order.

    One row per target (stance of each paragraph, orange = against, purple = favour,
    blank = not mentioned), a row of loaded-term density, a row of bias score when
    present, and a row of quotations coloured by the side of the speaker (a paragraph
    quoting two sides is split in proportion).

    Examples
    --------
    >>> fig = plot_article_strip(analysis, "doc0001")  # doctest: +SKIP
    """
    tables = get_tables(analysis)
    paras = tables.get("paragraphs")
    if paras is None or not (paras["doc_id"] == doc_id).any():
        raise InputError(f"no paragraphs for document {doc_id!r}")
    rows = paras[paras["doc_id"] == doc_id].sort_values("para_id")
    n = len(rows)
    stance = _stance_matrix(tables, doc_id, n)
    quotes = tables.get("quotes")
    q = quotes[quotes["doc_id"] == doc_id] if quotes is not None else None
    lanes: list[tuple[str, str]] = [(f"stance: {t}", "stance") for t in stance.columns]
    if "loaded_per_100" in rows:
        lanes.append(("loaded / 100 tokens", "loaded"))
    if "bias_score" in rows:
        lanes.append(("bias score", "bias"))
    if quotes is not None:
        lanes.append(("quotations by side", "quotes"))
    if not lanes:
        raise InputError("the analysis has no stance, loaded, bias or quotation results to draw")
    own = ax is None
    with style():
        fig, ax = new_axes(ax, (7.0, 0.3 * len(lanes) + (1.5 if title else 1.2)))
        div = colormaps[DIVERGING]
        seq = colormaps[SEQUENTIAL]
        loaded = rows["loaded_per_100"].to_numpy(dtype=float) if "loaded_per_100" in rows else None
        lmax = max(5.0, float(np.nanmax(loaded))) if loaded is not None and n else 5.0
        lnorm = Normalize(0.0, lmax)
        sides = sorted(side_series(q).unique(), key=str) if q is not None and len(q) else []
        all_sides = side_series(quotes).unique() if quotes is not None else []
        colors = side_colors(all_sides)
        for y, (_label, kind) in enumerate(lanes):
            yy = len(lanes) - 1 - y
            for i in range(n):
                face, edge = "white", "#dddddd"
                if kind == "stance":
                    v = stance.iloc[i, y]
                    if not np.isnan(v):  # a dark edge marks a mention, even a neutral one
                        face, edge = div((v + 1.0) / 2.0), "#555555"
                elif kind == "loaded":
                    face = seq(lnorm(loaded[i])) if loaded is not None else "white"
                elif kind == "bias":
                    v = float(rows["bias_score"].iloc[i])
                    face = seq(v) if not np.isnan(v) else "white"
                if kind != "quotes":
                    ax.add_patch(Rectangle((i, yy + 0.08), 0.96, 0.84, fc=face, ec=edge, lw=0.5))
                    continue
                pid = rows["para_id"].iloc[i]
                here = side_series(q[q["para_id"] == pid]) if q is not None else pd.Series()
                if not len(here):
                    ax.add_patch(Rectangle((i, yy + 0.08), 0.96, 0.84, fc="white", ec=edge, lw=0.5))
                    continue
                x0 = float(i)
                shares = here.value_counts(normalize=True)
                for side in sorted(shares.index, key=str):
                    w = 0.96 * float(shares[side])
                    ax.add_patch(Rectangle((x0, yy + 0.08), w, 0.84, fc=colors[side], ec="white"))
                    x0 += w
        ax.set_xlim(-0.1, n)
        ax.set_ylim(0, len(lanes))
        ax.set_yticks([len(lanes) - 1 - y + 0.5 for y in range(len(lanes))])
        ax.set_yticklabels([lab for lab, _ in lanes])
        step = max(1, int(np.ceil(n / 20)))
        ax.set_xticks([i + 0.48 for i in range(0, n, step)])
        ax.set_xticklabels([str(i + 1) for i in range(0, n, step)])
        ax.set_xlabel("paragraph (reading order)")
        ax.tick_params(axis="y", length=0)
        for spine in ("left", "bottom"):
            ax.spines[spine].set_visible(False)
        handles = []
        if len(stance.columns):
            handles += [
                Patch(fc=div(0.0), label="against (-1)"),
                Patch(fc=div(0.5), ec="#555555", label="neutral (0)"),
                Patch(fc=div(1.0), label="favour (+1)"),
                Patch(fc="white", ec="#dddddd", label="target not mentioned"),
            ]
        if loaded is not None:
            handles.append(Patch(fc=seq(0.85), label=f"loaded (dark = {lmax:.1f}+ / 100)"))
        handles += [Patch(fc=colors[s], label=s) for s in sides]
        if handles and own:
            fig.legend(
                handles=handles,
                loc="outside lower center",
                ncol=min(4, len(handles)),
                frameon=False,
            )
        elif handles:
            ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False)
        if title:
            name = str(doc_id)
            docs = tables["documents"]
            if "title" in docs:
                match = docs.loc[docs["doc_id"] == doc_id, "title"]
                if len(match) and isinstance(match.iloc[0], str) and match.iloc[0].strip():
                    name = match.iloc[0]
            ax.set_title(name[:90], loc="left")
    return fig
