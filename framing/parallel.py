"""Scoring batches in worker processes (``jobs > 1``), with results identical to serial runs.

Each worker builds nothing itself: it receives the run's scorers once, at start-up
(lexicons and models travel once per worker, not once per batch), then runs the pieces
of work it is sent. A batch is cut into pieces (so every worker has work and memory
follows the piece size); results come back in input order.

Two kinds of work run this way: :func:`map_batches` brings table rows back to the
caller (:func:`framing.analyze`), and :func:`map_pieces` runs any picklable function
on each piece where it is, so a streaming run's workers write their own part files and
send back only counts.
"""

from __future__ import annotations

import multiprocessing as mp
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, TypeVar

from ._gc import relax_gc_for_good, relaxed_gc
from .document import Document
from .pipeline import TableChunk, score_batch
from .scorers import Scorer
from .segment import ParagraphMode

__all__ = ["map_batches", "map_pieces", "start_workers_early"]

Batch = list[tuple[str, Document]]
R = TypeVar("R")
#: ``work(k, j, piece, scorers, paragraphs)``: batch ``k``, piece ``j`` of that batch.
Work = Callable[[int, int, Batch, Sequence[Scorer], ParagraphMode], R]

_WORKER: dict[str, Any] = {}


def _init_worker(scorers: Sequence[Scorer], paragraphs: ParagraphMode) -> None:
    _WORKER["scorers"] = scorers
    _WORKER["paragraphs"] = paragraphs
    # A worker only scores: models and lexicons are never scanned again, collections are
    # rare (see :mod:`framing._gc`).
    relax_gc_for_good()


def _run(work: Work[R], k: int, j: int, piece: Batch) -> R:
    return work(k, j, piece, _WORKER["scorers"], _WORKER["paragraphs"])


def _score(
    k: int, j: int, piece: Batch, scorers: Sequence[Scorer], paragraphs: ParagraphMode
) -> TableChunk:
    return score_batch(piece, scorers, paragraphs)


def map_pieces(
    batches: Iterable[Batch],
    work: Work[R],
    scorers: Sequence[Scorer],
    paragraphs: ParagraphMode = "auto",
    jobs: int = 1,
    first: int = 0,
) -> Iterator[list[R]]:
    """Run ``work`` on every piece of every batch, in this process or in ``jobs`` workers.

    Parameters
    ----------
    batches : iterable of list of (doc_id, Document)
        Consumed lazily: at most two batches are in flight at once.
    work : callable
        ``work(k, j, piece, scorers, paragraphs)`` for piece ``j`` of batch ``k``; a
        module-level function (or a ``functools.partial`` of one) when ``jobs > 1``.
    scorers : sequence of Scorer
        Ordered scorers of the run (sent to each worker once).
    paragraphs : {"auto", "line", "blank"}
        Paragraph mode.
    jobs : int
        Worker processes; 1 works in this process.
    first : int
        Number ``k`` of the first batch (a resumed run goes on from its last batch).

    Yields
    ------
    list
        The results of one batch's pieces, in order; batches in input order.
    """
    if jobs < 1:
        raise ValueError(f"jobs must be >= 1, not {jobs}")
    if jobs == 1:
        for k, batch in enumerate(batches, start=first):
            with relaxed_gc():
                results = [
                    work(k, j, piece, scorers, paragraphs)
                    for j, piece in enumerate(_pieces_of(batch, _SERIAL_PIECE))
                ]
            yield results
        return
    ctx = _context()
    with ctx.Pool(jobs, initializer=_init_worker, initargs=(list(scorers), paragraphs)) as pool:
        # The next batch is sent before the current one is gathered, so workers never
        # wait on the parent.
        pending: list[list[Any]] = []
        for k, batch in enumerate(batches, start=first):
            pending.append(
                [
                    pool.apply_async(_run, (work, k, j, piece))
                    for j, piece in enumerate(_pieces(batch, jobs * _PIECES_PER_JOB))
                ]
            )
            if len(pending) > 1:
                yield [r.get() for r in pending.pop(0)]
        while pending:
            yield [r.get() for r in pending.pop(0)]


def map_batches(
    batches: Iterable[Batch],
    scorers: Sequence[Scorer],
    paragraphs: ParagraphMode = "auto",
    jobs: int = 1,
) -> Iterator[TableChunk]:
    """Score ``batches`` in order, in this process (``jobs=1``) or in ``jobs`` workers.

    Parameters
    ----------
    batches : iterable of list of (doc_id, Document)
        Consumed lazily: at most two batches are in flight at once.
    scorers : sequence of Scorer
        Ordered scorers of the run.
    paragraphs : {"auto", "line", "blank"}
        Paragraph mode.
    jobs : int
        Worker processes; 1 scores in this process.

    Yields
    ------
    TableChunk
        One per batch, in input order.
    """
    for results in map_pieces(batches, _score, scorers, paragraphs, jobs):
        merged = TableChunk()
        for chunk in results:
            merged.extend(chunk)
        yield merged


#: Imported once by the fork server, so that every worker starts with them loaded: the
#: package, the pipeline and each default scorer's module (and through them scikit-learn,
#: which alone takes seconds to import).
_PRELOAD = [
    "framing",
    "framing.pipeline",
    "framing.scorers",
    "framing.scorers.valence",
    "framing.attribution",
    "framing.loaded",
    "framing.stance",
]


def start_workers_early(jobs: int) -> None:
    """Start the fork server now (``jobs > 1``), so that its imports overlap the run's set-up.

    The fork server imports framing and the scorers' modules (seconds of start-up) in its
    own process while this one reads lexicons and models; the pool started afterwards
    forks ready workers from it. A no-op for ``jobs == 1`` and where there is no fork
    server (Windows, macOS spawn).
    """
    if jobs > 1 and _context().get_start_method() == "forkserver":
        from multiprocessing import forkserver

        forkserver.ensure_running()


def _context() -> Any:
    """A fork server that has imported framing (cheap, thread-safe starts) where the platform
    has one; spawn elsewhere."""
    if "forkserver" in mp.get_all_start_methods():
        ctx = mp.get_context("forkserver")
        ctx.set_forkserver_preload(_PRELOAD)
        return ctx
    return mp.get_context("spawn")


_PIECES_PER_JOB = 4
_MIN_PIECE = 8
#: Scorers vectorise a whole piece at once: in one process, big batches are still scored
#: in pieces of this many documents so memory follows the piece size, not the batch size.
_SERIAL_PIECE = 64
_MAX_PIECE = 64


def _pieces_of(batch: Batch, size: int) -> list[Batch]:
    return [batch[i : i + size] for i in range(0, len(batch), size)] or [batch]


def _pieces(batch: Batch, n: int) -> list[Batch]:
    """Cut ``batch`` into about ``n`` pieces of 8 to 64 documents."""
    size = min(_MAX_PIECE, max(_MIN_PIECE, -(-len(batch) // n)))
    return _pieces_of(batch, size)
