"""Reporting: matplotlib figures and the PDF report."""

from ._pdf import write_report
from ._plots import (
    plot_forest,
    plot_keyness,
    plot_stance_over_time,
    plot_verb_classes,
    plot_voice_share,
)
from ._strip import plot_article_strip
from ._summary import summarize

__all__ = [
    "plot_article_strip",
    "plot_forest",
    "plot_keyness",
    "plot_stance_over_time",
    "plot_verb_classes",
    "plot_voice_share",
    "summarize",
    "write_report",
]
