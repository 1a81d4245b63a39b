"""The fpdf2 document of the report: DejaVu fonts from matplotlib, headings, tables, figures."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from fpdf import FPDF
from fpdf.fonts import FontFace
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from PIL import Image

from ._style import dejavu_fonts

__all__ = ["FONT", "GREY_RGB", "TEXT", "ReportPDF"]

FONT = "dejavu"
GREY_RGB = (110, 110, 110)
TEXT = (25, 25, 25)
HEAD_FILL = (232, 236, 241)


class ReportPDF(FPDF):
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
