"""One colour-blind-safe style for every figure and the PDF.

Categorical colours are the Okabe-Ito palette (Okabe & Ito 2008), which stays
distinguishable under the common colour-vision deficiencies; stance uses the
diverging ``PuOr`` map (orange = against, purple = favour) and densities a single-hue
sequential map.

Figures are built as ``matplotlib.figure.Figure`` objects without pyplot, so nothing
here changes the user's backend and no GUI is needed (saving uses Agg).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import matplotlib
import matplotlib.pyplot as plt
from matplotlib.axes import Axes
from matplotlib.figure import Figure

__all__ = [
    "DIVERGING",
    "GREY",
    "OKABE_ITO",
    "SEQUENTIAL",
    "dejavu_fonts",
    "group_markers",
    "new_axes",
    "side_colors",
    "style",
]

# Okabe-Ito, reordered so that the first categories avoid the oranges of the stance map
OKABE_ITO = [
    "#0072B2",  # blue
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#56B4E9",  # sky blue
    "#E69F00",  # orange
    "#D55E00",  # vermillion
    "#F0E442",  # yellow
    "#000000",  # black
]
GREY = "#999999"
DIVERGING = "PuOr"
SEQUENTIAL = "Greys"
OVER = "#D55E00"  # keyness: over-used
UNDER = "#0072B2"  # keyness: under-used

RC: dict[str, Any] = {
    "font.family": "DejaVu Sans",
    "font.size": 9,
    "axes.titlesize": 10,
    "axes.labelsize": 9,
    "xtick.labelsize": 8,
    "ytick.labelsize": 8,
    "legend.fontsize": 8,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.prop_cycle": matplotlib.cycler(color=OKABE_ITO),
    "figure.dpi": 100,
    "savefig.dpi": 200,
    "svg.hashsalt": "framing",
}


@contextmanager
def style() -> Iterator[None]:
    """Context in which figures get the project style.

    Examples
    --------
    >>> with style():
    ...     fig, ax = new_axes(None, (4, 3))
    """
    with plt.rc_context(RC):
        yield


def new_axes(ax: Axes | None, figsize: tuple[float, float]) -> tuple[Figure, Axes]:
    """The figure of ``ax``, or a new figure of ``figsize`` inches with one Axes."""
    if ax is not None:
        return ax.figure, ax  # type: ignore[return-value]
    fig = Figure(figsize=figsize, layout="constrained")
    return fig, fig.add_subplot()


def side_colors(sides: Iterable[str], no_side: str = "(no side)") -> dict[str, str]:
    """A stable colour per side (sorted order), grey for the no-side bucket.

    Examples
    --------
    >>> side_colors(["b", "a", "(no side)"])
    {'a': '#0072B2', 'b': '#009E73', '(no side)': '#999999'}
    """
    named = sorted({s for s in sides if s != no_side}, key=str)
    colors = {s: OKABE_ITO[i % len(OKABE_ITO)] for i, s in enumerate(named)}
    if no_side in set(sides):
        colors[no_side] = GREY
    return colors


def dejavu_fonts() -> dict[str, Path]:
    """Paths of the DejaVu Sans TTF files shipped with matplotlib (style -> path)."""
    base = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    return {
        "": base / "DejaVuSans.ttf",
        "B": base / "DejaVuSans-Bold.ttf",
        "I": base / "DejaVuSans-Oblique.ttf",
        "BI": base / "DejaVuSans-BoldOblique.ttf",
    }


MARKERS = ["o", "s", "D", "^", "v", "P", "X", "*"]


def group_markers(groups: Iterable[str]) -> dict[str, str]:
    """A marker shape per group (sorted order), so groups differ by shape as well as colour.

    Examples
    --------
    >>> group_markers(["b", "a"])
    {'a': 'o', 'b': 's'}
    """
    named = sorted(set(groups), key=str)
    return {g: MARKERS[i % len(MARKERS)] for i, g in enumerate(named)}
