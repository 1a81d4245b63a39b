"""Sections of the PDF report: title page, summary, tables, figures, articles."""

from __future__ import annotations

from collections.abc import Sequence
from importlib import metadata
from typing import Any

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from ..compare._compare import Comparison
from ..compare._metrics import NO_SIDE
from ..compare._tables import get_tables
from ..errors import InputError
from . import _plots
from ._highlight import LOADED_RGB, TARGET_RGB, char_styles, tint, write_highlighted
from ._pdfdoc import FONT, GREY_RGB, ReportPDF
from ._strip import plot_article_strip
from ._style import side_colors
from ._summary import fmt_value, summarize

__all__ = ["article_pages", "figures_for", "summary_section", "tables_section", "title_page"]


def _ci(lo: float, hi: float, unit: str) -> str:
    if np.isnan(lo) or np.isnan(hi):
        return ""
    return f"[{fmt_value(lo, unit)}, {fmt_value(hi, unit)}]"


def _unit(family: str, feature: str) -> str:
    if family in ("voice_share", "sources", "verbs") or feature == "quoted_share":
        return "0..1"
    return ""


def _version() -> str:
    try:
        return metadata.version("framing")
    except metadata.PackageNotFoundError:
        return ""


def title_page(
    pdf: ReportPDF, title: str, docs: pd.DataFrame, comparison: Comparison | None, one_group: bool
) -> None:
    """Page 1: title, corpus size, grouping, date range, framing version."""
    pdf.add_page()
    pdf.set_y(70)
    pdf.set_font(FONT, "B", 26)
    pdf.multi_cell(0, 12, pdf.clean(title), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)
    pdf.set_font(FONT, "", 11)
    pdf.set_text_color(*GREY_RGB)
    lines = [f"{len(docs)} documents"]
    if "error" in docs and docs["error"].notna().any():
        lines[0] += f" ({int(docs['error'].notna().sum())} could not be analysed)"
    if comparison is not None and not one_group and len(comparison.groups):
        groups = sorted({str(g) for g in comparison.groups["group"]})
        shown = ", ".join(groups[:8]) + (" ..." if len(groups) > 8 else "")
        lines.append(f"compared by {comparison.by}: {shown}")
    if "date" in docs:
        dates = pd.to_datetime(docs["date"], errors="coerce", utc=True).dropna()
        if len(dates):
            lines.append(f"dated {dates.min():%Y-%m-%d} to {dates.max():%Y-%m-%d}")
    lines.append(f"generated with framing {_version()}")
    for line in lines:
        pdf.multi_cell(0, 7, pdf.clean(line), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(25, 25, 25)


def summary_section(pdf: ReportPDF, comparison: Comparison, docs: pd.DataFrame, note: str) -> None:
    """Plain sentences from the comparison, each number with its interval."""
    pdf.h1("Summary")
    s = summarize(comparison, docs)
    pdf.para(" ".join(s["corpus"]) + (" " + note if note else ""))
    pdf.para(
        "Every number below is a mean over documents with its 95% bootstrap interval "
        "(documents resampled within each group); differences are tested between groups "
        "and corrected for multiple testing. Scores are automatic: read them together with "
        "the highlighted articles.",
        size=8.5,
        color=GREY_RGB,
    )
    if s["differences"]:
        pdf.h2("Differences between groups")
        pdf.bullets(s["differences"])
    if s["ratios"]:
        pdf.h2("Who is quoted")
        pdf.bullets(s["ratios"])
    if s["means"]:
        pdf.h2("Group means")
        pdf.bullets(s["means"], size=8.5)


_FAMILY_TITLES = {
    "stance": "Stance toward targets (-1 against .. +1 favour)",
    "loaded": "Loaded language (per 100 tokens)",
    "bias": "Bias score (0..1)",
    "voice": "Quotation",
    "voice_share": "Voice share by side",
    "voice_ratio": "Voice ratios between sides (pooled)",
    "sources": "Sources",
    "verbs": "Reporting-verb classes: share of all attributions (by side in the figures)",
    "balance": "Balance (0..1)",
    "valence": "Valence (-1..1)",
    "custom": "Your own measures (mean over paragraphs)",
}


def _short_measure(feature: str, measure: str) -> str:
    """Table label: verb classes by their class name only (the heading says the rest)."""
    if feature.startswith("verb_class__all__"):
        return f"class '{feature[len('verb_class__all__') :]}'"
    return measure


def _top_sides(g: pd.DataFrame, k: int = 3) -> list[str]:
    """The ``k`` named sides with the most attributions over all groups."""
    shares = g[(g["family"] == "voice_share") & (g["feature"] != f"voice_share__{NO_SIDE}")]
    totals = shares.groupby("feature")["count"].sum().sort_values(ascending=False, kind="stable")
    return [f[len("voice_share__") :] for f in totals.index[:k]]


def _table_rows(g: pd.DataFrame, fam: str) -> pd.DataFrame:
    """Rows of one family for the PDF tables: verb classes over all attributions only (the
    heat map has them by side), ratios between the three most-quoted sides only, and no
    measure that is zero in every group."""
    rows = g[g["family"] == fam]
    if fam == "verbs":
        rows = rows[rows["feature"].str.startswith("verb_class__all__")]
    if fam == "voice_ratio":
        top = _top_sides(g)
        keep = {f"voice_ratio__{a}__{b}" for a in top for b in top}
        rows = rows[rows["feature"].isin(keep)]
    if fam in ("verbs", "voice_share"):
        nonzero = rows.groupby("feature")["mean"].transform(lambda m: (m.fillna(0) != 0).any())
        rows = rows[nonzero.astype(bool)]
    return rows


def tables_section(pdf: ReportPDF, comparison: Comparison) -> None:
    """Group means with intervals per family, pairwise differences, key terms."""
    g = comparison.groups
    pdf.h1("Comparison tables")
    pdf.para(
        "Mean over documents [95% bootstrap interval]; shares in percent. n = documents "
        "with a value.",
        size=8.5,
        color=GREY_RGB,
    )
    groups = list(dict.fromkeys(g["group"]))
    wide = len(groups) <= 4
    for fam, title in _FAMILY_TITLES.items():
        rows = _table_rows(g, fam)
        if rows.empty:
            continue
        pdf.h2(title)
        feats = list(dict.fromkeys(rows["feature"]))
        if wide:
            head = ["measure"] + [str(x) for x in groups]
            body = [head]
            for f in feats:
                fr = rows[rows["feature"] == f]
                line = [_short_measure(f, str(fr["measure"].iloc[0]))]
                for grp in groups:
                    r = fr[fr["group"] == grp]
                    if r.empty or np.isnan(r["mean"].iloc[0]):
                        line.append("")
                        continue
                    x = r.iloc[0]
                    unit = _unit(fam, f)
                    line.append(
                        f"{fmt_value(x['mean'], unit)} {_ci(x['ci_low'], x['ci_high'], unit)}"
                        f"  n={int(x['n_docs'])}"
                    )
                body.append(line)
            rest = (pdf.epw - 62) / len(groups)
            pdf.table(body, [62] + [rest] * len(groups))
        else:
            body = [["measure", str(comparison.by), "mean", "95% CI", "n docs"]]
            for x in rows.itertuples():
                unit = _unit(fam, x.feature)
                body.append(
                    [
                        _short_measure(x.feature, x.measure),
                        str(x.group),
                        fmt_value(x.mean, unit),
                        _ci(x.ci_low, x.ci_high, unit),
                        str(int(x.n_docs)),
                    ]
                )
            pdf.table(body, [70, 35, 20, 35, 14], align=["LEFT", "LEFT"] + ["RIGHT"] * 3)
    pw = comparison.pairwise
    if len(pw):
        pdf.h2("Pairwise differences (q < 0.05, largest effects first)")
        sig = pw[pw["q"] < 0.05]
        sig = sig.reindex(sig["effect"].abs().sort_values(ascending=False).index).head(40)
        pdf.para(
            f"{len(pw)} tests ({pw['test'].iloc[0]}, two-sided); q: Benjamini-Hochberg within "
            f"each family of measures; {int((pw['q'] < 0.05).sum())} with q < 0.05"
            + (" (40 largest shown)." if (pw["q"] < 0.05).sum() > 40 else ".")
            + " diff = group minus reference, with its 95% bootstrap interval; delta = Cliff's "
            "delta; d = Cohen's d.",
            size=8.5,
            color=GREY_RGB,
        )
        if len(sig):
            body = [["measure", "group - reference", "diff [95% CI]", "delta", "d", "q"]]
            for x in sig.itertuples():
                unit = _unit(x.family, x.feature)
                scale = 100 if unit == "0..1" else 1
                body.append(
                    [
                        x.measure,
                        f"{x.group} - {x.ref_group}",
                        f"{scale * x.diff:+.2f} [{scale * x.ci_low:+.2f}, {scale * x.ci_high:+.2f}]"
                        + (" pp" if scale == 100 else ""),
                        f"{x.effect:+.2f}",
                        "" if np.isnan(x.effect_d) else f"{x.effect_d:+.2f}",
                        "<0.001" if x.q < 0.001 else f"{x.q:.3f}",
                    ]
                )
            pdf.table(body, [60, 38, 40, 12, 12, 12], align=["LEFT", "LEFT"] + ["RIGHT"] * 4)
    k = comparison.keyness
    if len(k):
        for kind, name in (("loaded", "loaded terms"), ("verbs", "reporting verbs")):
            kk = k[(k["kind"] == kind) & (k["g2"] > 0) & (k["q"] < 0.05)]
            if kk.empty:
                continue
            pdf.h2(f"Key {name} by group (over-used, q < 0.05)")
            body = [["group", "term", "count (group / rest)", "G2", "log2 ratio", "q"]]
            for _grp, sub in kk.groupby("group", sort=True):
                for x in sub.head(8).itertuples():
                    body.append(
                        [
                            str(x.group),
                            str(x.term),
                            f"{x.count_group} / {x.count_ref}",
                            f"{x.g2:.1f}",
                            f"{x.log_ratio:+.2f}",
                            "<0.001" if x.q < 0.001 else f"{x.q:.3f}",
                        ]
                    )
            pdf.table(body, [40, 44, 34, 18, 20, 18], align=["LEFT", "LEFT"] + ["RIGHT"] * 4)


def _n_periods(docs: pd.DataFrame) -> int:
    if "date" not in docs:
        return 0
    dates = pd.to_datetime(docs["date"], errors="coerce", utc=True).dropna()
    return int(dates.dt.strftime("%Y-%m").nunique())


def figures_for(analysis: Any, comparison: Comparison, by: Any) -> list[Figure]:
    """The figures of the report, for whatever tables the analysis has."""
    figs: list[Figure] = []
    fams = set(comparison.groups["family"])
    g = comparison.groups
    for fam in ("stance", "loaded", "bias", "voice_share", "sources", "custom"):
        if fam in fams:
            rows = g[g["family"] == fam]
            # leave out measures that are zero (or missing) in every group
            live = rows.groupby("feature", sort=False)["mean"].agg(
                lambda m: (m.fillna(0) != 0).any()
            )
            features = [f for f, keep in live.items() if keep]
            if features:
                figs.append(_plots.plot_forest(comparison, features))
    for fn in (
        lambda: _plots.plot_voice_share(analysis, by),
        lambda: _plots.plot_verb_classes(analysis),
    ):
        try:
            figs.append(fn())
        except InputError:
            pass
    k = comparison.keyness
    for kind in ("loaded", "verbs"):
        for grp in sorted(k.loc[k["kind"] == kind, "group"].unique(), key=str) if len(k) else []:
            figs.append(_plots.plot_keyness(k, grp, kind=kind, n=8))
    feats = dict.fromkeys(comparison.groups["feature"])
    targets = [f[len("stance__") :] for f in feats if f.startswith("stance__")]
    if targets and _n_periods(get_tables(analysis)["documents"]) >= 2:
        for t in targets:
            figs.append(_plots.plot_stance_over_time(analysis, t, by=by))
    return figs


def article_pages(
    pdf: ReportPDF,
    analysis: Any,
    tables: dict[str, pd.DataFrame],
    doc_ids: Sequence[Any],
    n_total: int,
    pages_per_article: int,
) -> None:
    """One page (or ``pages_per_article``) per article: strip, legend, highlighted text."""
    pdf.h1("Articles")
    pdf.para(
        f"{len(doc_ids)} of {n_total} analysed documents, in input order"
        + ("" if len(doc_ids) == n_total else " (pass max_article_pages or articles for more)")
        + ". Each article starts on a new page with its paragraph strip, then its text.",
        size=8.5,
        color=GREY_RGB,
    )
    quotes = tables.get("quotes")
    spans = tables.get("spans")
    all_sides: list[str] = []
    if quotes is not None and "side" in quotes:
        all_sides = sorted(quotes["side"].dropna().astype(str).unique()) + [NO_SIDE]
    colors = side_colors(all_sides)
    sides = list(colors)
    fills = [tint(colors[s]) for s in sides]
    docs = tables["documents"].set_index("doc_id")
    paras = tables.get("paragraphs")
    for k, doc_id in enumerate(doc_ids):
        if k:
            pdf.add_page()
        meta = docs.loc[doc_id] if doc_id in docs.index else pd.Series(dtype=object)
        title = meta.get("title")
        title = str(title) if isinstance(title, str) and title.strip() else str(doc_id)
        pdf.start_section(title[:80], level=1)
        pdf.set_font(FONT, "B", 12.5)
        pdf.set_text_color(20, 20, 20)
        pdf.multi_cell(0, 6.2, pdf.clean(title), new_x="LMARGIN", new_y="NEXT")
        info = [f"id {doc_id}"] + [
            f"{c} {meta[c]:%Y-%m-%d}" if isinstance(meta[c], pd.Timestamp) else f"{c} {meta[c]}"
            for c in ("outlet", "date", "author", "url")
            if c in meta and meta[c] is not None and not pd.isna(meta[c])
        ]
        pdf.para(" \u00b7 ".join(info), size=8, color=GREY_RGB)
        text = analysis.text(doc_id)
        try:
            pdf.figure(plot_article_strip(analysis, doc_id, title=False))
        except InputError:
            pass
        _legend(pdf, sides, fills, [s for s in sides if quotes is not None])
        clean = pdf.clean(text).replace("\n", " ").replace("\t", " ").replace("\r", " ")
        if paras is not None and "start" in paras:
            pr = paras[paras["doc_id"] == doc_id].sort_values("para_id")
            ranges = [(int(a), int(b)) for a, b in zip(pr["start"], pr["end"], strict=True)]
        else:
            ranges = [(0, len(text))]
        sp = spans[spans["doc_id"] == doc_id] if spans is not None else None
        qu = quotes[quotes["doc_id"] == doc_id] if quotes is not None else None
        bg, flags = char_styles(text, sp, qu, sides)
        cut = write_highlighted(
            pdf, clean, ranges, bg, flags, fills, family=FONT, max_pages=pages_per_article
        )
        if cut:
            pdf.para(f"[text shortened after {pages_per_article} pages]", size=8, color=GREY_RGB)


def _legend(
    pdf: ReportPDF, sides: list[str], fills: list[tuple[int, int, int]], shown: list[str]
) -> None:
    pdf.set_font(FONT, "", 7.5)
    pdf.c_margin, old = 0.8, pdf.c_margin
    items: list[tuple[str, str, tuple[int, int, int] | None, tuple[int, int, int]]] = [
        ("loaded term", "B", None, LOADED_RGB),
        ("target mention", "U", None, TARGET_RGB),
        ("speaker", "B", None, (25, 25, 25)),
        ("reporting verb", "I", None, (25, 25, 25)),
    ]
    items += [(f"quoted: {s}", "", fills[sides.index(s)], (25, 25, 25)) for s in shown]
    for label, style, fill, color in items:
        pdf.set_font(FONT, style, 7.5)
        w = pdf.get_string_width(label) + 2 * pdf.c_margin
        if pdf.get_x() + w > pdf.w - pdf.r_margin:
            pdf.ln(4.5)
        pdf.set_text_color(*color)
        if fill is not None:
            pdf.set_fill_color(*fill)
        pdf.cell(w, 4.2, pdf.clean(label), fill=fill is not None)
        pdf.cell(3, 4.2, "")
    pdf.c_margin = old
    pdf.ln(7)
    pdf.set_text_color(25, 25, 25)
