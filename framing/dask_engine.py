"""Scale past one machine with Dask (the ``[dask]`` extra).

``framing.analyze(dask_dataframe, ...)`` scores each partition where it lives: the
workers read the input themselves (``dd.read_parquet`` / ``dd.read_json``), each
partition is segmented and scored once by :func:`framing.pipeline.score_batch`, and
every result table is a Dask DataFrame with an explicit ``meta`` (Dask never guesses
by running scorers on fake data). The scorers travel to each worker once per task as a
small pickled object; nothing is downloaded on workers.

Examples
--------
>>> import dask.dataframe as dd, pandas as pd, framing
>>> ddf = dd.from_pandas(pd.DataFrame({"id": ["a", "b"], "text": ["Calm.", "Grim."]}),
...                      npartitions=2)
>>> result = framing.analyze(ddf)
>>> result.compute().paragraphs.doc_id.tolist()
['a', 'b']
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from .analysis import Analysis, TableFormat
from .document import Document
from .pipeline import (
    is_dask_collection,
    prepare_run,
    relaxed_gc,
    score_batch,
    tables_from_chunk,
)
from .scorers import Scorer
from .segment import ParagraphMode

__all__ = ["DaskAnalysis", "analyze_dask", "is_dask_collection"]


def _documents(
    pdf: pd.DataFrame, text_column: str, id_column: str, offset: int
) -> list[tuple[str, Document]]:
    from .io import read_documents

    out = []
    for n, doc in enumerate(
        read_documents(pdf, text_column=text_column, id_column=id_column), start=offset + 1
    ):
        out.append((str(doc.id) if doc.id not in (None, "") else f"doc-{n}", doc))
    return out


_RUNS: dict[str, list[Scorer]] = {}


def _worker_scorers(spec: Any) -> Sequence[Scorer]:
    """The scorers of a run: given objects, or built once per worker process from the
    run's configuration (so models and lexicons are not shipped inside the task graph)."""
    if not isinstance(spec, dict):
        return spec
    key = json.dumps(spec, sort_keys=True, default=str)
    if key not in _RUNS:
        from .pipeline import build_scorers

        _RUNS[key] = build_scorers(spec["targets"], spec["actors"], spec["lexicons"])
    return _RUNS[key]


def _score_partition(
    pdf: pd.DataFrame,
    spec: Any,
    paragraphs: ParagraphMode,
    text_column: str,
    id_column: str,
    offset: int,
) -> dict[str, pd.DataFrame]:
    scorers = _worker_scorers(spec)
    with relaxed_gc():
        chunk = score_batch(_documents(pdf, text_column, id_column, offset), scorers, paragraphs)
    tables = tables_from_chunk(chunk, scorers)
    tables["texts"] = pd.DataFrame(
        {"doc_id": list(chunk.texts), "text": list(chunk.texts.values())}
    )
    return tables


def _pick(tables: dict[str, pd.DataFrame], name: str, meta: pd.DataFrame) -> pd.DataFrame:
    df = tables[name].reindex(columns=meta.columns)
    return df.astype(meta.dtypes.to_dict())


_INT_COLUMNS = {"para_id", "sent_id", "start", "end", "n_paragraphs", "n_tokens"}
_FLOAT_SUFFIXES = ("_start", "_end", "score", "_share", "balance", "_per_100")


def _guess_dtype(column: str) -> str:
    if column in _INT_COLUMNS:
        return "int64"
    if column.endswith(_FLOAT_SUFFIXES) or column.startswith(("n_", "stance__", "loaded")):
        return "float64"
    return "object"


def _meta(sample: pd.DataFrame) -> pd.DataFrame:
    """Empty frame with the table's columns and dtypes (guessed by name when the sample
    document produced no rows, so every partition is cast to the same schema)."""
    if len(sample):
        meta = sample.iloc[:0].copy()
        for col in meta.columns:
            if meta[col].dtype == "float64" and col in _INT_COLUMNS:
                meta[col] = meta[col].astype("int64")
        return meta
    return pd.DataFrame({c: pd.Series(dtype=_guess_dtype(str(c))) for c in sample.columns})


class DaskAnalysis:
    """Lazy result tables of a Dask run (each a Dask DataFrame).

    Attributes
    ----------
    tables : dict of str to dask.dataframe.DataFrame
        ``documents``, ``paragraphs``, ``sentences``, ``spans`` (+ ``quotes``, ``stance``)
        and ``texts``.
    """

    def __init__(
        self, tables: dict[str, Any], provenance: dict[str, Any], config: dict[str, Any]
    ) -> None:
        self.tables = tables
        self.provenance = provenance
        self.config = config

    def compute(self, **kwargs: Any) -> Analysis:
        """Gather every table into an in-memory :class:`~framing.analysis.Analysis`."""
        import dask

        names = list(self.tables)
        frames = dask.compute(*(self.tables[n] for n in names), **kwargs)
        got = {n: f.reset_index(drop=True) for n, f in zip(names, frames, strict=True)}
        texts_df = got.pop("texts")
        docs = got["documents"]
        docs["error"] = docs["error"].astype(object).where(docs["error"].notna(), None)
        texts = dict(zip(texts_df["doc_id"], texts_df["text"], strict=True))
        return Analysis(got, texts, self.provenance, self.config)

    def save(self, path: str | os.PathLike[str], format: TableFormat = "parquet") -> Path:
        """Write every table from the workers into ``path`` (readable by :func:`framing.load`)."""
        if format != "parquet":
            raise ValueError("Dask runs write Parquet")
        import dask

        out = Path(path)
        out.mkdir(parents=True, exist_ok=True)
        writes = [
            df.to_parquet(str(out / name), write_index=False, compute=False)
            for name, df in self.tables.items()
        ]
        dask.compute(*writes)
        columns = {n: [str(c) for c in df.columns] for n, df in self.tables.items() if n != "texts"}
        manifest = {
            "framing_results": 1,
            "format": "parquet",
            "layout": "parts",
            "tables": list(columns),
            "columns": columns,
            "provenance": self.provenance,
            "config": self.config,
        }
        (out / "manifest.json").write_text(
            json.dumps(manifest, indent=2, default=str), encoding="utf-8"
        )
        return out


def analyze_dask(
    ddf: Any,
    targets: dict[str, list[str]] | str | None = None,
    actors: dict[str, list[str]] | str | None = None,
    lexicons: Sequence[Any] | None = None,
    *,
    scorers: Sequence[Scorer] | None = None,
    paragraphs: ParagraphMode = "auto",
    text_column: str = "text",
    id_column: str = "id",
) -> DaskAnalysis:
    """Score a Dask DataFrame (one document per row) partition by partition.

    Parameters are those of :func:`framing.analyze`. Rows without an id are numbered
    ``doc-<n>`` by their position in the whole frame, as in a serial run (this needs
    the partition lengths, so give an ``id`` column on large corpora). Duplicate ids
    across partitions are not renamed.

    Returns
    -------
    DaskAnalysis
        Lazy tables; ``.compute()`` gives an :class:`~framing.analysis.Analysis`,
        ``.save(path)`` writes Parquet from the workers.
    """
    import dask
    import dask.dataframe as dd

    if text_column not in ddf.columns:
        from .errors import InputError

        raise InputError(
            f"the Dask DataFrame has no {text_column!r} column (columns: {list(ddf.columns)})"
        )
    run, config = prepare_run(targets, actors, lexicons, scorers, paragraphs)
    if id_column in ddf.columns:
        offsets = [0] * ddf.npartitions
    else:
        lengths = ddf.map_partitions(len).compute().tolist()
        offsets = [sum(lengths[:i]) for i in range(len(lengths))]
    # Meta: the tables of one small local document with the frame's columns.
    sample = ddf._meta.copy()
    sample_row = {c: None for c in sample.columns}
    sample_row[text_column] = "Sample text. It is calm."
    sample_tables = _score_partition(
        pd.DataFrame([sample_row]), run, paragraphs, text_column, id_column, 0
    )
    metas = {name: _meta(df) for name, df in sample_tables.items()}
    parts = ddf.to_delayed()
    if scorers is None:  # workers build the built-in scorers themselves, once each
        spec: Any = {
            "targets": config["targets"],
            "actors": config["actors"],
            "lexicons": list(lexicons) if lexicons else None,
        }
    else:  # the user's own scorer objects: one graph key, sent once per worker
        spec = dask.delayed(run, pure=True, traverse=False)
    scored = [
        dask.delayed(_score_partition)(part, spec, paragraphs, text_column, id_column, off)
        for part, off in zip(parts, offsets, strict=True)
    ]
    tables = {
        name: dd.from_delayed(
            [dask.delayed(_pick)(s, name, meta) for s in scored], meta=meta, verify_meta=False
        )
        for name, meta in metas.items()
    }
    return DaskAnalysis(tables, {s.name: s.provenance() for s in run}, config)
