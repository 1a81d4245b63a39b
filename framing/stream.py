"""Corpus runs larger than memory: read, score and write in chunks, resumable.

:func:`analyze_to` writes each chunk of documents as one part file per table
(``<out>/<table>/part-00000.parquet`` ...), then records the chunk in
``<out>/progress.json``. Memory stays bounded by the chunk size, an interrupted run
resumes after the last finished chunk (without redoing or duplicating it), and the
final manifest accounts for every document: documents in = rows in ``documents``,
those that failed carrying ``error``. :func:`framing.load` reads the folder back.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from .analysis import TableFormat, write_table
from .errors import InputError
from .parallel import map_batches
from .pipeline import TableChunk, _batches, _doc_ids, prepare_run, progress_bar, tables_from_chunk
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
    blob = json.dumps({"config": config, "format": fmt, "chunk_size": chunk_size,
                       "source": _source_identity(source)}, sort_keys=True, default=str)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:16]


def _write_atomic_json(path: Path, data: dict[str, Any]) -> None:
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(data, indent=2, default=str), encoding="utf-8")
    os.replace(tmp, path)


def _write_part(out: Path, table: str, k: int, df: pd.DataFrame, fmt: TableFormat) -> None:
    folder = out / table
    folder.mkdir(parents=True, exist_ok=True)
    final = folder / f"part-{k:05d}.{fmt}"
    tmp = folder / f".part-{k:05d}.{fmt}.tmp"
    write_table(df, tmp, fmt)
    os.replace(tmp, final)


def _load_progress(out: Path, key: str, resume: bool) -> dict[str, Any]:
    path = out / PROGRESS
    fresh = {"key": key, "chunks": 0, "documents": 0, "failed": 0, "paragraphs": 0,
             "columns": {}}
    if not path.is_file():
        if out.exists() and any(out.iterdir()):
            raise InputError(f"{out}: the output folder exists and is not a framing run; "
                             "choose a new --out")
        return fresh
    state = json.loads(path.read_text(encoding="utf-8"))
    if not resume:
        raise InputError(f"{out}: holds an earlier run; choose a new --out or resume it")
    if state.get("key") != key:
        raise InputError(f"{out}: holds a run with other input or settings (targets, actors, "
                         "lexicons, format or chunk size); choose a new --out")
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
    run, config = prepare_run(targets, actors, lexicons, scorers, paragraphs)
    key = _config_key(config, format, chunk_size, source)
    state = _load_progress(out_path, key, resume)
    out_path.mkdir(parents=True, exist_ok=True)
    done_chunks = int(state["chunks"])
    _write_atomic_json(out_path / PROGRESS, state)

    documents = read_documents(source, text_column=text_column, id_column=id_column,
                               encoding=encoding)
    batches = _skip(_batches(_doc_ids(documents), chunk_size), done_chunks)
    columns: dict[str, list[str]] = state["columns"]
    k = done_chunks
    with progress_bar(source, progress) as bar:
        bar.update(int(state["documents"]))
        for chunk in map_batches(batches, run, paragraphs, jobs):
            _write_chunk(out_path, k, chunk, run, format, columns)
            k += 1
            n_docs = len(chunk.documents)
            state.update(
                chunks=k,
                documents=int(state["documents"]) + n_docs,
                failed=int(state["failed"]) + sum(d.get("error") is not None
                                                  for d in chunk.documents),
                paragraphs=int(state["paragraphs"]) + len(chunk.paragraphs.get("doc_id", [])),
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
    return StreamResult(out_path, int(state["documents"]), int(state["failed"]),
                        int(state["paragraphs"]), k, done_chunks)


def _write_chunk(out: Path, k: int, chunk: TableChunk, run: Sequence[Scorer], fmt: TableFormat,
                 columns: dict[str, list[str]]) -> None:
    tables = tables_from_chunk(chunk, run)
    texts = pd.DataFrame({"doc_id": list(chunk.texts), "text": list(chunk.texts.values())})
    for name, df in tables.items():
        cols = columns.setdefault(name, [])
        cols.extend(str(c) for c in df.columns if str(c) not in cols)
        _write_part(out, name, k, df, fmt)
    _write_part(out, "texts", k, texts, fmt)
