"""The PDF report (fpdf2, DejaVu Sans from matplotlib: no system fonts or libraries)."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from fpdf import FPDF
from fpdf.fonts import FontFace
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from PIL import Image

from ..compare._compare import Comparison, compare
from ..compare._metrics import NO_SIDE
from ..compare._tables import get_tables
from ..errors import InputError
from . import _plots
from ._highlight import LOADED_RGB, TARGET_RGB, char_styles, tint, write_highlighted
from ._method import METHOD
from ._style import dejavu_fonts, side_colors
from ._summary import fmt_value, summarize

__all__ = ["write_report"]

FONT = "dejavu"
GREY_RGB = (110, 110, 110)
TEXT = (25, 25, 25)
HEAD_FILL = (232, 236, 241)
_FIXED_DATE = datetime(2000, 1, 1, tzinfo=UTC)


class _PDF(FPDF):
    def __init__(self, title: str) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        self.report_title = title
        for style, path in dejavu_fonts().items():
            self.add_font(FONT, style, str(path))
        self.set_margins(18, 16, 18)
        self.set_auto_page_break(True, margin=16)
        self.cmap: set[int] = set(self.fonts[FONT].cmap)
        self.set_title(title)
        self.set_creator("framing")

    def footer(self) -> None:
        if self.page_no() == 1:
            return
        self.set_y(-11)
        self.set_font(FONT, "", 7.5)
        self.set_text_color(*GREY_RGB)
        self.cell(0, 5, f"{self.report_title} \u00b7 page {self.page_no()}", align="C")

    def clean(self, text: Any) -> str:
        """Text with characters the font lacks replaced by '?' (same length)."""
        s = "" if text is None or (isinstance(text, float) and np.isnan(text)) else str(text)
        return "".join(c if ord(c) in self.cmap or c in "\n\t" else "?" for c in s)

    def h1(self, text: str) -> None:
        self.add_page()
        self.start_section(text, level=0)
        self.set_font(FONT, "B", 16)
        self.set_text_color(20, 20, 20)
        self.multi_cell(0, 8, self.clean(text), new_x="LMARGIN", new_y="NEXT")
        self.ln(2)

    def h2(self, text: str) -> None:
        if self.get_y() > self.page_break_trigger - 30:
            self.add_page()
        self.start_section(text, level=1)
        self.ln(2)
        self.set_font(FONT, "B", 11.5)
        self.set_text_color(20, 20, 20)
        self.multi_cell(0, 6, self.clean(text), new_x="LMARGIN", new_y="NEXT")
        self.ln(1)

    def para(
        self, text: str, size: float = 9.5, color: tuple[int, int, int] = TEXT, align: str = "L"
    ) -> None:
        self.set_font(FONT, "", size)
        self.set_text_color(*color)
        self.multi_cell(
            0, size * 0.52, self.clean(text), align=align, new_x="LMARGIN", new_y="NEXT"
        )
        self.ln(1.5)

    def bullets(self, items: Sequence[str], size: float = 9.5) -> None:
        self.set_font(FONT, "", size)
        self.set_text_color(25, 25, 25)
        for item in items:
            self.set_x(self.l_margin)
            self.cell(5, size * 0.52, "\u2022")
            self.multi_cell(
                0, size * 0.52, self.clean(item), align="L", new_x="LMARGIN", new_y="NEXT"
            )
            self.ln(1.2)

    def figure(self, fig: Figure, dpi: int = 160) -> None:
        # raster straight from Agg (no PNG encoding: fpdf2 compresses the pixels itself)
        fig.set_dpi(dpi)
        canvas = FigureCanvasAgg(fig)
        canvas.draw()
        width, height = canvas.get_width_height(physical=True)
        image = Image.frombuffer("RGBA", (width, height), canvas.buffer_rgba()).convert("RGB")
        w_in, h_in = fig.get_size_inches()
        w = min(self.epw, w_in * 25.4)
        h = w * h_in / w_in
        if self.get_y() + h > self.page_break_trigger:
            self.add_page()
        self.image(image, x=self.l_margin + (self.epw - w) / 2, w=w)
        self.ln(4)

    def table(
        self,
        rows: list[list[str]],
        widths: Sequence[float],
        size: float = 7.5,
        align: Sequence[str] | None = None,
    ) -> None:
        self.set_font(FONT, "", size)
        self.set_text_color(*TEXT)
        self.set_fill_color(255, 255, 255)
        if align is None:
            align = ["LEFT"] + ["RIGHT"] * (len(widths) - 1)
        with super().table(
            col_widths=tuple(widths),
            text_align=tuple(align),
            cell_fill_mode="NONE",
            headings_style=FontFace(emphasis="BOLD", fill_color=HEAD_FILL),
            line_height=size * 0.5,
            borders_layout="HORIZONTAL_LINES",
            padding=0.8,
            width=self.epw,
        ) as t:
            for r in rows:
                row = t.row()
                for cell in r:
                    row.cell(self.clean(cell))
        self.ln(3)


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


def _title_page(pdf: _PDF, title: str, docs: pd.DataFrame, by: str, has_by: bool) -> None:
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
    if has_by:
        groups = docs[by].dropna().astype(str).unique()
        shown = ", ".join(sorted(groups)[:8]) + (" ..." if len(groups) > 8 else "")
        lines.append(f"compared by {by}: {shown}")
    if "date" in docs:
        dates = pd.to_datetime(docs["date"], errors="coerce", utc=True).dropna()
        if len(dates):
            lines.append(f"dated {dates.min():%Y-%m-%d} to {dates.max():%Y-%m-%d}")
    lines.append(f"generated with framing {_version()}")
    for line in lines:
        pdf.multi_cell(0, 7, pdf.clean(line), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(25, 25, 25)


def _summary_section(pdf: _PDF, comparison: Comparison, docs: pd.DataFrame, note: str) -> None:
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
    "verbs": "Reporting-verb classes (all attributions; by side in the figures)",
    "balance": "Balance (0..1)",
    "valence": "Valence (-1..1)",
    "custom": "Your own measures (mean over paragraphs)",
}


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


def _tables_section(pdf: _PDF, comparison: Comparison) -> None:
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
                line = [str(fr["measure"].iloc[0])]
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
                        x.measure,
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
            kk = k[(k["kind"] == kind) & (k["g2"] > 0) & (k["p"] < 0.05)]
            if kk.empty:
                continue
            pdf.h2(f"Key {name} by group (over-used, p < 0.05)")
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


def _safe_figures(analysis: Any, comparison: Comparison, by: Any) -> list[Figure]:
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


def _article_pages(
    pdf: _PDF,
    analysis: Any,
    tables: dict[str, pd.DataFrame],
    doc_ids: Sequence[Any],
    n_total: int,
    pages_per_article: int,
) -> None:
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
            pdf.figure(_plots.plot_article_strip(analysis, doc_id, title=False))
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
    pdf: _PDF, sides: list[str], fills: list[tuple[int, int, int]], shown: list[str]
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


def _appendix(
    pdf: _PDF,
    provenance: Mapping[str, Any],
    model_cards: Mapping[str, str],
    docs: pd.DataFrame,
) -> None:
    pdf.h1("Appendix: method")
    for heading, text in METHOD:
        pdf.h2(heading)
        pdf.para(text, size=8.5)
    pdf.h1("Appendix: lexicons, models and licences")
    if provenance:
        body = [["scorer", "item", "value"]]
        for scorer, info in provenance.items():
            for key, value in _flatten(info):
                body.append([str(scorer), key, str(value)[:300]])
        pdf.table(body, [30, 40, pdf.epw - 70], align=["LEFT"] * 3)
    else:
        pdf.para("The analysis recorded no provenance.", size=8.5)
    for name, card in model_cards.items():
        pdf.h2(f"Model card: {name}")
        for line in card.splitlines():
            stripped = line.strip()
            if stripped.startswith("#"):
                pdf.set_font(FONT, "B", 9)
                heading = pdf.clean(stripped.lstrip("# "))
                pdf.multi_cell(0, 4.8, heading, new_x="LMARGIN", new_y="NEXT")
            elif stripped:
                pdf.para(stripped, size=8)
    if "error" in docs and docs["error"].notna().any():
        bad = docs[docs["error"].notna()]
        pdf.h2(f"Documents that could not be analysed ({len(bad)})")
        body = [["document", "reason"]] + [
            [str(d), str(e)[:200]] for d, e in zip(bad["doc_id"], bad["error"], strict=True)
        ][:200]
        pdf.table(body, [45, pdf.epw - 45], align=["LEFT"] * 2)


def _flatten(info: Any, prefix: str = "") -> list[tuple[str, Any]]:
    """Nested provenance as (dotted key, value) rows; lists of records are numbered."""
    if isinstance(info, Mapping):
        out: list[tuple[str, Any]] = []
        for k, v in info.items():
            out += _flatten(v, f"{prefix}.{k}" if prefix else str(k))
        return out
    if isinstance(info, (list, tuple)) and any(isinstance(v, Mapping) for v in info):
        out = []
        for i, v in enumerate(info):
            out += _flatten(v, f"{prefix}[{i}]")
        return out
    if isinstance(info, (list, tuple)):
        info = ", ".join(str(v) for v in info)
    return [(prefix or "-", info)]


def _model_cards(provenance: Mapping[str, Any], given: Mapping[str, str] | None) -> dict[str, str]:
    cards = dict(given or {})
    for scorer, info in provenance.items():
        if not isinstance(info, Mapping):
            continue
        card = info.get("model_card")
        if isinstance(card, str) and card.strip():
            path = Path(card)
            if card.endswith(".md") and path.is_file():
                card = path.read_text(encoding="utf-8")
            cards.setdefault(str(scorer), card)
    return cards


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
    pdf = _PDF(title)
    try:
        pdf.set_creation_date(created)
        _title_page(pdf, title, docs, by if isinstance(by, str) else "group", has_by)
        if comparison is not None:
            _summary_section(pdf, comparison, docs, note)
            _tables_section(pdf, comparison)
            figs = _safe_figures(analysis, comparison, grouping) if figures else []
            if figs:
                pdf.h1("Figures")
                for fig in figs:
                    pdf.figure(fig)
        if doc_ids and hasattr(analysis, "text"):
            _article_pages(pdf, analysis, tables, doc_ids, len(ok), pages_per_article)
        provenance = getattr(analysis, "provenance", None) or {}
        _appendix(pdf, provenance, _model_cards(provenance, model_cards), docs)
        out = Path(path)
        pdf.output(str(out))
    finally:
        for font in pdf.fonts.values():  # fpdf2 keeps the TTF files open until output()
            close = getattr(font, "close", None)
            if close is not None:
                close()
    return out
