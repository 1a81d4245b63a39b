"""Article text with highlights, laid out word by word in an fpdf2 document.

Quotations get a light background in the colour of the speaker's side, loaded terms
and scare quotes are bold vermillion, target mentions blue and underlined, speakers
bold and reporting verbs italic. Everything comes from the ``spans`` and ``quotes``
tables; offsets index the original text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd
from fpdf import FPDF

from ..compare._metrics import NO_SIDE

__all__ = ["LOADED_RGB", "TARGET_RGB", "char_styles", "tint", "write_highlighted"]

LOADED, TARGET, SOURCE, CUE, SCARE = 1, 2, 4, 8, 16
LOADED_RGB = (213, 94, 0)  # vermillion
TARGET_RGB = (0, 114, 178)  # blue
TEXT_RGB = (25, 25, 25)
_WORD = re.compile(r"\S+\s*|\s+")


def tint(hex_color: str, strength: float = 0.28) -> tuple[int, int, int]:
    """A light version of ``hex_color`` (mixed with white) for backgrounds.

    Examples
    --------
    >>> tint("#000000", 0.5)
    (128, 128, 128)
    """
    rgb = [int(hex_color[i : i + 2], 16) for i in (1, 3, 5)]
    r, g, b = (round(255 - strength * (255 - c)) for c in rgb)
    return r, g, b


def _mark(arr: np.ndarray, start: Any, end: Any, value: int, n: int, *, bit: bool) -> None:
    if start is None or end is None or pd.isna(start) or pd.isna(end):
        return
    a, b = max(0, int(start)), min(n, int(end))
    if b <= a:
        return
    if bit:
        arr[a:b] |= value
    else:
        arr[a:b] = value


def char_styles(
    text: str, spans: pd.DataFrame | None, quotes: pd.DataFrame | None, sides: Sequence[str]
) -> tuple[np.ndarray, np.ndarray]:
    """Per-character background (index into ``sides``, -1 for none) and style flags."""
    n = len(text)
    bg = np.full(n, -1, dtype=np.int16)
    flags = np.zeros(n, dtype=np.int16)
    side_index = {s: i for i, s in enumerate(sides)}
    covered = np.zeros(n, dtype=bool)
    if quotes is not None and len(quotes) and {"content_start", "content_end"} <= set(quotes):
        for r in quotes.itertuples():
            side = getattr(r, "side", None)
            side = NO_SIDE if side is None or pd.isna(side) else str(side)
            _mark(bg, r.content_start, r.content_end, side_index.get(side, -1), n, bit=False)
            if not pd.isna(r.content_start) and not pd.isna(r.content_end):
                covered[int(r.content_start) : int(r.content_end)] = True
    if spans is not None and len(spans):
        kinds = {"loaded": LOADED, "target": TARGET, "source": SOURCE, "cue": CUE}
        kinds["scare_quote"] = SCARE
        for r in spans.itertuples():
            if r.kind == "quote":
                s, e = int(r.start), int(r.end)
                if not covered[s:e].any():
                    label = getattr(r, "label", None)
                    side = str(label) if label is not None and str(label) in side_index else NO_SIDE
                    _mark(bg, s, e, side_index.get(side, -1), n, bit=False)
            elif r.kind in kinds:
                _mark(flags, r.start, r.end, kinds[r.kind], n, bit=True)
    return bg, flags


def _runs(bg: np.ndarray, flags: np.ndarray, a: int, b: int) -> list[tuple[int, int, int, int]]:
    """(start, end, bg, flags) runs of identical style in [a, b)."""
    if b <= a:
        return []
    key = bg[a:b].astype(np.int32) * 64 + flags[a:b]
    cuts = np.flatnonzero(np.diff(key)) + 1
    starts = np.concatenate([[0], cuts]) + a
    ends = np.concatenate([cuts, [b - a]]) + a
    return [(int(s), int(e), int(bg[s]), int(flags[s])) for s, e in zip(starts, ends, strict=True)]


def _font_style(flags: int) -> str:
    style = ""
    if flags & (LOADED | SOURCE | SCARE):
        style += "B"
    if flags & (CUE | SCARE):
        style += "I"
    if flags & TARGET:
        style += "U"
    return style


def write_highlighted(
    pdf: FPDF,
    text: str,
    paragraphs: Sequence[tuple[int, int]],
    bg: np.ndarray,
    flags: np.ndarray,
    side_fill: Sequence[tuple[int, int, int]],
    *,
    family: str,
    size: float = 9.5,
    line_height: float = 5.0,
    max_pages: int = 2,
) -> bool:
    """Lay out ``paragraphs`` of ``text`` with highlights; return True if cut at ``max_pages``."""
    start_page = pdf.page
    x0, x1 = pdf.l_margin, pdf.w - pdf.r_margin
    old_margin = pdf.c_margin

    def last_page() -> bool:
        return pdf.page - start_page >= max_pages - 1

    def use(fl: int, bgi: int) -> None:
        pdf.set_font(family, _font_style(fl), size)
        if fl & (LOADED | SCARE):
            pdf.set_text_color(*LOADED_RGB)
        elif fl & TARGET:
            pdf.set_text_color(*TARGET_RGB)
        else:
            pdf.set_text_color(*TEXT_RGB)
        if bgi >= 0:
            pdf.set_fill_color(*side_fill[bgi])

    def draw(piece: str, bgi: int) -> None:
        w = pdf.get_string_width(piece)
        # only a "word" wider than a whole line (a long URL) is cut
        while pdf.get_string_width(piece.rstrip()) > x1 - x0 and len(piece) > 1:
            cut = max(1, int(len(piece) * (x1 - pdf.get_x()) / w) - 1)
            head = piece[:cut]
            pdf.cell(pdf.get_string_width(head), line_height, head, fill=bgi >= 0)
            pdf.ln(line_height)
            piece = piece[cut:]
            w = pdf.get_string_width(piece)
        pdf.cell(w, line_height, piece, fill=bgi >= 0)

    pdf.c_margin = 0
    try:
        for a, b in paragraphs:
            pdf.set_x(x0)
            for m in _WORD.finditer(text, a, b):
                if m.group().isspace():
                    continue
                # a word may mix styles ("warned" + "."): measure it whole, never split it
                segments = _runs(bg, flags, m.start(), m.end())
                core = 0.0
                for s, e, bgi, fl in segments:
                    use(fl, bgi)
                    core += pdf.get_string_width(text[s:e].rstrip())
                if pdf.get_x() + core > x1 + 0.01 and pdf.get_x() > x0 + 0.01:
                    if last_page() and pdf.get_y() + 2 * line_height > pdf.page_break_trigger:
                        return True
                    pdf.ln(line_height)
                for s, e, bgi, fl in segments:
                    use(fl, bgi)
                    draw(text[s:e], bgi)
            if last_page() and pdf.get_y() + 3 * line_height > pdf.page_break_trigger:
                return a != paragraphs[-1][0]
            pdf.ln(line_height * 1.5)
    finally:
        pdf.c_margin = old_margin
        pdf.set_text_color(*TEXT_RGB)
    return False
