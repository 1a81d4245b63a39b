import gc

from framing.pipeline import GC_THRESHOLDS, relaxed_gc


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
