"""The cyclic garbage collector while scoring: fewer collections, long-lived objects frozen.

Scoring allocates many short-lived tuples and lists. With Python's default thresholds the
collector runs every 700 new container objects and, now and then, re-scans every
long-lived object (models, lexicons, the scorers' memo tables): 15-20% of a scorer's time
on news text, and one full collection can take a third of a small batch. Pipeline runs and
the ``annotate`` of the attribution, stance and loaded-term scorers therefore score inside
:func:`relaxed_gc` (the valence scorer allocates too little to gain). The collector's
settings are process-wide: a block restores them on exit, and blocks in several threads at
once leave them relaxed until the first of them ends.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["GC_THRESHOLDS", "relax_gc_for_good", "relaxed_gc"]

#: Generation thresholds while scoring: a collection after 50,000 new container objects
#: (Python's default is 700), older generations rarely.
GC_THRESHOLDS = (50_000, 20, 100)

_GC_STATE = {"depth": 0}


@contextmanager
def relaxed_gc() -> Iterator[None]:
    """Fewer cyclic garbage collections while a run scores, restored afterwards.

    Inside the block the objects that exist already are frozen (never scanned) and
    collections are rarer; on exit the previous thresholds return and the objects are
    unfrozen. Reference counting still frees almost everything at once, so memory barely
    changes. Blocks nest: an inner block (a scorer's ``annotate`` inside a pipeline run)
    leaves the outer one in charge.

    Examples
    --------
    >>> import gc
    >>> before = gc.get_threshold()
    >>> with relaxed_gc():
    ...     gc.get_threshold()[0]
    50000
    >>> gc.get_threshold() == before
    True
    """
    if _GC_STATE["depth"]:  # nested: the outer block already relaxed the collector
        yield
        return
    old = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)
    _GC_STATE["depth"] = 1
    try:
        yield
    finally:
        _GC_STATE["depth"] = 0
        gc.set_threshold(*old)
        gc.unfreeze()


def relax_gc_for_good() -> None:
    """Relax the collector for the rest of this process (a worker that only scores).

    What exists now (the models and lexicons a worker received) is frozen for good, and
    later :func:`relaxed_gc` blocks do nothing, so they never unfreeze it.
    """
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)
    _GC_STATE["depth"] = 1
