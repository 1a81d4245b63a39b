import gc

import pytest

from framing._gc import GC_THRESHOLDS, relaxed_gc
from framing.attribution import AttributionScorer
from framing.loaded import LoadedScorer
from framing.segment import segment
from framing.stance import StanceScorer


def test_relaxed_gc_restores_thresholds_and_unfreezes():
    before = gc.get_threshold()
    with relaxed_gc():
        assert gc.get_threshold() == GC_THRESHOLDS
        assert gc.get_freeze_count() > 0
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0


def test_nested_blocks_leave_the_outer_block_relaxed():
    with relaxed_gc():
        with relaxed_gc():
            pass
        assert gc.get_threshold() == GC_THRESHOLDS
        assert gc.get_freeze_count() > 0
    assert gc.get_freeze_count() == 0


def test_thresholds_return_after_an_error():
    before = gc.get_threshold()
    try:
        with relaxed_gc():
            raise RuntimeError("boom")
    except RuntimeError:
        pass
    assert gc.get_threshold() == before


def _thresholds_while(scorer, method: str, monkeypatch) -> list[tuple[int, int, int]]:
    """The collector's thresholds seen inside ``scorer.<method>`` during ``annotate``."""
    seen = []
    inner = getattr(scorer, method)

    def spy(*args, **kwargs):
        seen.append(gc.get_threshold())
        return inner(*args, **kwargs)

    monkeypatch.setattr(scorer, method, spy)
    scorer.annotate([segment("The minister said the plan was a disgrace.", "d0")])
    return seen


@pytest.mark.parametrize(
    ("make", "method"),
    [
        (lambda: AttributionScorer(), "_annotate"),
        (lambda: StanceScorer({"Ministry": ["minister"]}, classifier=None), "_annotate_batch"),
        (lambda: LoadedScorer(bias_model=None), "_annotate_batch"),
    ],
)
def test_shipped_scorers_score_inside_relaxed_gc(make, method, monkeypatch):
    before = gc.get_threshold()
    seen = _thresholds_while(make(), method, monkeypatch)
    assert seen and all(t == GC_THRESHOLDS for t in seen)
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0
