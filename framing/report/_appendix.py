"""The appendix of the PDF report: method, provenance (lexicons, models, licences), model cards."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from ._method import METHOD
from ._pdfdoc import FONT, ReportPDF

__all__ = ["appendix", "collect_model_cards"]


def appendix(
    pdf: ReportPDF,
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


def collect_model_cards(
    provenance: Mapping[str, Any], given: Mapping[str, str] | None
) -> dict[str, str]:
    """Model cards given by the caller plus those the provenance names (``model_card``)."""
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
