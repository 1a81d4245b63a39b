"""framing.report figures: each returns a Figure, accepts an Axes and draws the expected artists."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from matplotlib.container import BarContainer, ErrorbarContainer
from matplotlib.figure import Figure
from matplotlib.image import AxesImage
from matplotlib.patches import Rectangle

from framing.compare import compare, keyness
from framing.errors import InputError
from framing.report import (
    plot_article_strip,
    plot_forest,
    plot_keyness,
    plot_stance_over_time,
    plot_verb_classes,
    plot_voice_share,
)


@pytest.fixture
def tables() -> dict[str, pd.DataFrame]:
    documents = pd.DataFrame(
        {
            "doc_id": ["d1", "d2", "d3", "d4"],
            "outlet": ["A", "A", "B", "B"],
            "date": pd.to_datetime(["2024-01-05", "2024-02-05", "2024-01-09", "2024-02-10"]),
            "title": ["First", "Second", "Third", "Fourth"],
            "error": [None] * 4,
        }
    )
    paragraphs = pd.DataFrame(
        {
            "doc_id": ["d1", "d1", "d1", "d2", "d3", "d4"],
            "para_id": [0, 1, 2, 0, 0, 0],
            "n_tokens": [10, 20, 10, 10, 10, 10],
            "loaded_count": [1, 0, 2, 1, 1, 1],
            "loaded_per_100": [10.0, 0.0, 20.0, 10.0, 10.0, 10.0],
            "stance__X": [-0.8, np.nan, 0.4, 0.2, -0.5, 0.1],
        }
    )
    quotes = pd.DataFrame(
        {
            "doc_id": ["d1", "d1", "d2", "d3", "d4", "d4"],
            "para_id": [1, 1, 0, 0, 0, 0],
            "side": ["gov", "opp", "gov", "opp", "opp", None],
            "cue": ["said", "claimed", "said", "said", "warned", "said"],
            "cue_class": ["neutral", "doubt", "neutral", "neutral", "alarm", "neutral"],
        }
    )
    spans = pd.DataFrame(
        {
            "doc_id": ["d1", "d1", "d2", "d3", "d4", "d4"],
            "para_id": [0, 2, 0, 0, 0, 0],
            "start": [0, 0, 0, 0, 0, 0],
            "end": [1, 1, 1, 1, 1, 1],
            "text": ["regime", "regime", "regime", "thugs", "thugs", "regime"],
            "kind": ["loaded"] * 6,
            "label": ["c"] * 6,
        }
    )
    return {"documents": documents, "paragraphs": paragraphs, "quotes": quotes, "spans": spans}


def test_article_strip_draws_one_cell_per_lane_and_paragraph(tables):
    fig = plot_article_strip(tables, "d1")
    assert isinstance(fig, Figure)
    ax = fig.axes[0]
    rects = [p for p in ax.patches if isinstance(p, Rectangle)]
    # stance lane 3 + loaded lane 3 + quotes lane: empty, two sides split, empty = 4
    assert len(rects) == 10
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels == ["stance: X", "loaded / 100 tokens", "quotations by side"]
    assert ax.get_title(loc="left") == "First"


def test_article_strip_uses_given_axes(tables):
    fig = Figure()
    ax = fig.add_subplot()
    assert plot_article_strip(tables, "d2", ax=ax) is fig
    assert len(ax.patches) == 3


def test_article_strip_unknown_document(tables):
    with pytest.raises(InputError, match="nope"):
        plot_article_strip(tables, "nope")


def test_voice_share_stacks_sides_per_group(tables):
    fig = plot_voice_share(tables, "outlet")
    ax = fig.axes[0]
    bars = [c for c in ax.containers if isinstance(c, BarContainer)]
    assert [b.get_label() for b in bars] == ["gov", "opp", "(no side)"]
    # group A: 2 gov of 3; widths are shares
    assert bars[0].patches[0].get_width() == pytest.approx(2 / 3)
    assert sum(b.patches[1].get_width() for b in bars) == pytest.approx(1.0)


def test_voice_share_needs_quotes(tables):
    del tables["quotes"]
    with pytest.raises(InputError, match="quotes"):
        plot_voice_share(tables)


def test_verb_classes_heat_map_holds_shares(tables):
    fig = plot_verb_classes(tables)
    images = [a for a in fig.axes[0].get_children() if isinstance(a, AxesImage)]
    assert len(images) == 1
    data = images[0].get_array()
    assert data.shape == (3, 3)  # classes (alarm, doubt, neutral) x sides (gov, opp, no side)
    np.testing.assert_allclose(np.asarray(data).sum(axis=0), 1.0)
    # gov: "said" twice (neutral), never alarm or doubt
    np.testing.assert_allclose(np.asarray(data)[:, 0], [0.0, 0.0, 1.0])
    assert len(fig.axes[0].texts) == 9


def test_forest_has_one_errorbar_per_group_and_feature(tables):
    result = compare(tables, n_boot=50)
    fig = plot_forest(result, ["stance", "loaded_per_100"])
    bars = [c for c in fig.axes[0].containers if isinstance(c, ErrorbarContainer)]
    assert len(bars) == 4
    means = result.groups.set_index(["feature", "group"])["mean"]
    xs = sorted(float(b.lines[0].get_xdata()[0]) for b in bars)
    expected = sorted(means.loc[[("stance__X", "A"), ("stance__X", "B")]].tolist())
    expected += [means.loc[("loaded_per_100", "A")], means.loc[("loaded_per_100", "B")]]
    assert xs == pytest.approx(sorted(expected))


def test_forest_without_rows_raises(tables):
    with pytest.raises(InputError):
        plot_forest(compare(tables, n_boot=20), "bias_score")


def test_keyness_bars_are_two_sided(tables):
    k = keyness(tables, "outlet", "loaded", min_count=1)
    fig = plot_keyness(k, "A", n=5)
    bars = [c for c in fig.axes[0].containers if isinstance(c, BarContainer)][0]
    widths = [p.get_width() for p in bars.patches]
    assert len(widths) == 2
    # regime: 3 of 50 tokens in A vs 1 of 20 in B (over-used); thugs: 0 vs 2 (under-used)
    assert widths[0] > 0 > widths[1]


def test_stance_over_time_one_line_per_group(tables):
    fig = plot_stance_over_time(tables, "X", by="outlet")
    ax = fig.axes[0]
    labels = [line.get_label() for line in ax.get_lines()]
    assert sorted(x for x in labels if not x.startswith("_")) == ["A", "B"]
    assert ax.get_ylim() == (-1.0, 1.0)


def test_stance_over_time_needs_dates(tables):
    tables["documents"] = tables["documents"].drop(columns="date")
    with pytest.raises(InputError, match="date"):
        plot_stance_over_time(tables)
