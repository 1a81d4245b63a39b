"""Corpus runs larger than memory: read, score and write in chunks, resumable.

:func:`analyze_to` writes each chunk of documents as part files, one per table and
piece of the chunk (``<out>/<table>/part-00000-0000.parquet`` ...), then records the
chunk in ``<out>/progress.json``. The process that scores a piece writes its parts, so
with ``jobs > 1`` the parent only reads documents and keeps count. Memory stays
bounded by the chunk size, an interrupted run resumes after the last finished chunk
(without redoing or duplicating it), and the final manifest accounts for every
document: documents in = rows in ``documents``, those that failed carrying ``error``.
:func:`framing.load` reads the folder back.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

import pandas as pd

from .analysis import TableFormat, write_table
from .errors import InputError
from .parallel import Batch, map_pieces, start_workers_early
from .pipeline import _batches, _doc_ids, prepare_run, progress_bar, score_batch, tables_from_chunk
from .scorers import Scorer
from .segment import ParagraphMode

__all__ = ["StreamResult", "analyze_to"]

PROGRESS = "progress.json"
MANIFEST = "manifest.json"


@dataclass(frozen=True)
class StreamResult:
    """What a streaming run did."""

    out: Path
    documents: int
    failed: int
    paragraphs: int
    chunks: int
    resumed_chunks: int
    tables: tuple[str, ...] = ()


def _source_identity(source: Any) -> Any:
    """Paths with size and modification time, so a changed input is not resumed."""
    if isinstance(source, (str, os.PathLike)) and os.path.exists(source):
        path = Path(source)
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        return [(str(p), p.stat().st_size, p.stat().st_mtime_ns) for p in files]
    if isinstance(source, (list, tuple)) and all(isinstance(s, os.PathLike) for s in source):
        return [_source_identity(s) for s in source]
    return type(source).__name__


def _config_key(config: dict[str, Any], fmt: str, chunk_size: int, source: Any) -> str:
    blob = json.dumps(
        {
            "config": config,
            "format": fmt,
            "chunk_size": chunk_size,
            "source": _source_identity(source),
        },
        sort_keys=True,
        default=str,
    )
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:16]


def _write_atomic_json(path: Path, data: dict[str, Any]) -> None:
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(data, indent=2, default=str), encoding="utf-8")
    os.replace(tmp, path)


def _write_part(out: Path, table: str, number: str, df: pd.DataFrame, fmt: TableFormat) -> None:
    folder = out / table
    folder.mkdir(parents=True, exist_ok=True)
    final = folder / f"part-{number}.{fmt}"
    tmp = folder / f".part-{number}.{fmt}.tmp"
    write_table(df, tmp, fmt)
    os.replace(tmp, final)


def _load_progress(out: Path, key: str, resume: bool) -> dict[str, Any]:
    path = out / PROGRESS
    fresh = {"key": key, "chunks": 0, "documents": 0, "failed": 0, "paragraphs": 0, "columns": {}}
    if not path.is_file():
        if out.exists() and any(out.iterdir()):
            raise InputError(
                f"{out}: the output folder exists and is not a framing run; choose a new --out"
            )
        return fresh
    state = json.loads(path.read_text(encoding="utf-8"))
    if not resume:
        raise InputError(f"{out}: holds an earlier run; choose a new --out or resume it")
    if state.get("key") != key:
        raise InputError(
            f"{out}: holds a run with other input or settings (targets, actors, "
            "lexicons, format or chunk size); choose a new --out"
        )
    return state


def _skip(items: Iterator[Any], n: int) -> Iterator[Any]:
    for _ in range(n):
        if next(items, None) is None:
            break
    return items


def analyze_to(
    source: Any,
    out: str | os.PathLike[str],
    targets: dict[str, list[str]] | str | None = None,
    actors: dict[str, list[str]] | str | None = None,
    lexicons: Sequence[Any] | None = None,
    *,
    scorers: Sequence[Scorer] | None = None,
    format: TableFormat = "parquet",
    chunk_size: int = 1000,
    jobs: int = 1,
    resume: bool = True,
    paragraphs: ParagraphMode = "auto",
    text_column: str = "text",
    id_column: str = "id",
    encoding: str = "utf-8",
    progress: bool | None = None,
) -> StreamResult:
    """Analyse a corpus of any size into the folder ``out``, chunk by chunk.

    Parameters
    ----------
    source, targets, actors, lexicons, scorers, paragraphs, text_column, id_column, encoding
        As in :func:`framing.analyze`.
    out : str or path-like
        Output folder: one sub-folder of part files per table, ``texts``, a
        ``progress.json`` checkpoint and, when done, ``manifest.json``.
    format : {"parquet", "csv", "jsonl"}
        Part file format.
    chunk_size : int
        Documents per chunk (memory grows with it, not with the corpus).
    jobs : int
        Worker processes.
    resume : bool
        Continue an interrupted run in ``out`` (same settings) instead of failing.
    progress : bool, optional
        Progress bar with rate and ETA (default: on a terminal).

    Returns
    -------
    StreamResult

    Examples
    --------
    >>> import framing, tempfile
    >>> from framing.stream import analyze_to
    >>> out = tempfile.mkdtemp() + "/run"
    >>> res = analyze_to(["One text.", "Another text."], out, chunk_size=1)
    >>> res.documents, res.chunks, len(framing.load(out).paragraphs)
    (2, 2, 2)
    """
    if chunk_size < 1:
        raise ValueError("chunk_size must be >= 1")
    from .io import read_documents

    out_path = Path(out)
    start_workers_early(jobs)
    run, config = prepare_run(targets, actors, lexicons, scorers, paragraphs)
    key = _config_key(config, format, chunk_size, source)
    state = _load_progress(out_path, key, resume)
    out_path.mkdir(parents=True, exist_ok=True)
    done_chunks = int(state["chunks"])
    _write_atomic_json(out_path / PROGRESS, state)

    documents = read_documents(
        source, text_column=text_column, id_column=id_column, encoding=encoding
    )
    batches = _skip(_batches(_doc_ids(documents), chunk_size), done_chunks)
    columns: dict[str, list[str]] = state["columns"]
    _remove_unfinished(out_path, done_chunks)
    work = partial(_write_piece, out_path, format)
    k = done_chunks
    with progress_bar(source, progress) as bar:
        bar.update(int(state["documents"]))
        for pieces in map_pieces(batches, work, run, paragraphs, jobs, first=k):
            n_docs = sum(p.documents for p in pieces)
            for p in pieces:
                for name, cols in p.columns.items():
                    known = columns.setdefault(name, [])
                    known.extend(c for c in cols if c not in known)
            k += 1
            state.update(
                chunks=k,
                documents=int(state["documents"]) + n_docs,
                failed=int(state["failed"]) + sum(p.failed for p in pieces),
                paragraphs=int(state["paragraphs"]) + sum(p.paragraphs for p in pieces),
                columns=columns,
            )
            _write_atomic_json(out_path / PROGRESS, state)
            bar.update(n_docs)
    manifest = {
        "framing_results": 1,
        "format": format,
        "layout": "parts",
        "tables": list(columns),
        "columns": columns,
        "provenance": {s.name: s.provenance() for s in run},
        "config": config,
        "counts": {k_: state[k_] for k_ in ("documents", "failed", "paragraphs", "chunks")},
    }
    _write_atomic_json(out_path / MANIFEST, manifest)
    return StreamResult(
        out_path,
        int(state["documents"]),
        int(state["failed"]),
        int(state["paragraphs"]),
        k,
        done_chunks,
        tuple(columns),
    )


@dataclass(frozen=True)
class _PieceCounts:
    documents: int
    failed: int
    paragraphs: int
    columns: dict[str, list[str]]


def _write_piece(
    out: Path,
    fmt: TableFormat,
    k: int,
    j: int,
    piece: Batch,
    run: Sequence[Scorer],
    paragraphs: ParagraphMode,
) -> _PieceCounts:
    """Score piece ``j`` of chunk ``k`` and write its part files (in the scoring process)."""
    chunk = score_batch(piece, run, paragraphs)
    tables = tables_from_chunk(chunk, run)
    tables["texts"] = pd.DataFrame(
        {"doc_id": list(chunk.texts), "text": list(chunk.texts.values())}
    )
    for name, df in tables.items():
        _write_part(out, name, f"{k:05d}-{j:04d}", df, fmt)
    docs = tables["documents"]
    return _PieceCounts(
        len(docs),
        int(docs["error"].notna().sum()),
        len(tables["paragraphs"]),
        {name: [str(c) for c in df.columns] for name, df in tables.items() if name != "texts"},
    )


def _remove_unfinished(out: Path, done_chunks: int) -> None:
    """Delete part files of chunks after the last finished one (an interrupted run's
    leftovers), so a resumed run never holds a chunk twice."""
    for folder in (p for p in out.iterdir() if p.is_dir()):
        for part in folder.glob("*part-*"):
            number = part.name.lstrip(".").removeprefix("part-")[:5]
            if number.isdigit() and int(number) >= done_chunks:
                part.unlink()
