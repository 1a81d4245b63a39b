"""Scoring batches in worker processes (``jobs > 1``), with results identical to serial runs.

Each worker builds nothing itself: it receives the run's scorers once, at start-up
(lexicons and models travel once per worker, not once per batch), then scores the
batches it is sent with :func:`framing.pipeline.score_batch`. Batches come back in
input order.
"""

from __future__ import annotations

import multiprocessing as mp
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from .document import Document
from .pipeline import TableChunk, score_batch
from .scorers import Scorer
from .segment import ParagraphMode

__all__ = ["map_batches"]

Batch = list[tuple[str, Document]]

_WORKER: dict[str, Any] = {}


def _init_worker(scorers: Sequence[Scorer], paragraphs: ParagraphMode) -> None:
    _WORKER["scorers"] = scorers
    _WORKER["paragraphs"] = paragraphs


def _score(batch: Batch) -> TableChunk:
    return score_batch(batch, _WORKER["scorers"], _WORKER["paragraphs"])


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
        Consumed lazily: at most ``2 * jobs`` batches are in flight at once.
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
    if jobs < 1:
        raise ValueError(f"jobs must be >= 1, not {jobs}")
    if jobs == 1:
        # Scorers vectorise a whole batch at once: big chunks are scored in pieces so
        # memory follows the piece size, not the chunk size.
        for batch in batches:
            merged = TableChunk()
            for piece in _pieces_of(batch, _SERIAL_PIECE):
                merged.extend(score_batch(piece, scorers, paragraphs))
            yield merged
        return
    ctx = _context()
    with ctx.Pool(jobs, initializer=_init_worker, initargs=(list(scorers), paragraphs)) as pool:
        # Each batch is cut into pieces so every worker has work; the next batch is
        # sent before the current one is gathered, so workers never wait on the parent.
        pending: list[list[Any]] = []
        for batch in batches:
            pending.append([pool.apply_async(_score, (piece,)) for piece in
                            _pieces(batch, jobs * _PIECES_PER_JOB)])
            if len(pending) > 1:
                yield _gather(pending.pop(0))
        while pending:
            yield _gather(pending.pop(0))


def _context() -> Any:
    """A fork server that has imported framing (cheap, thread-safe starts) where the platform
    has one; spawn elsewhere."""
    if "forkserver" in mp.get_all_start_methods():
        ctx = mp.get_context("forkserver")
        ctx.set_forkserver_preload(["framing", "framing.pipeline", "framing.scorers"])
        return ctx
    return mp.get_context("spawn")


_PIECES_PER_JOB = 4
_MIN_PIECE = 8
_SERIAL_PIECE = 64
_MAX_PIECE = 64


def _pieces_of(batch: Batch, size: int) -> list[Batch]:
    return [batch[i:i + size] for i in range(0, len(batch), size)] or [batch]


def _pieces(batch: Batch, n: int) -> list[Batch]:
    """Cut ``batch`` into about ``n`` pieces of 8 to 64 documents."""
    size = min(_MAX_PIECE, max(_MIN_PIECE, -(-len(batch) // n)))
    return _pieces_of(batch, size)


def _gather(results: list[Any]) -> TableChunk:
    merged = TableChunk()
    for r in results:
        merged.extend(r.get())
    return merged
