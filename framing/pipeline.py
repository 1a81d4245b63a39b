"""``analyze()``: documents in, result tables out.

Data flows one way: source -> :class:`~framing.document.Document` -> segmented
:class:`~framing.segment.Doc` -> scorers (in dependency order) -> tables -> ``Analysis``.
:func:`score_batch` is the unit of work (a batch of documents to table rows) that
serial runs, worker processes and Dask partitions all share.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Any

import numpy as np
import pandas as pd
from tqdm import tqdm  # plain bars: tqdm.auto warns in notebooks without ipywidgets

from ._gc import relaxed_gc
from .analysis import Analysis
from .document import Document
from .scorers import Scorer, default_scorers, order_scorers
from .segment import Doc, ParagraphMode, segment

__all__ = ["TableChunk", "analyze", "build_scorers", "relaxed_gc", "score_batch"]

DOC_COLUMNS_END = ("n_paragraphs", "n_tokens", "error")
#: Columns of the further tables named in the public contract (scorers may add more by
#: declaring ``table_columns``); they are present even when a table has no rows.
CONTRACT_TABLE_COLUMNS: dict[str, tuple[str, ...]] = {
    "quotes": (
        "doc_id",
        "para_id",
        "speaker",
        "speaker_type",
        "side",
        "cue",
        "cue_class",
        "direct",
        "source_start",
        "source_end",
        "cue_start",
        "cue_end",
        "content_start",
        "content_end",
    ),
    "stance": (
        "doc_id",
        "para_id",
        "target",
        "score",
        "label",
        "voice",
        "author_score",
        "quoted_score",
    ),
}
SPAN_COLUMNS = ("doc_id", "para_id", "start", "end", "text", "kind", "label", "score", "voice")
_SPAN_ORDER = attrgetter("start", "end", "kind")  # the spans table's row order in a document


@dataclass
class TableChunk:
    """Rows of every table for one batch of documents (column lists, appendable)."""

    documents: list[dict[str, Any]] = field(default_factory=list)
    paragraphs: dict[str, list[Any]] = field(default_factory=dict)
    sentences: dict[str, list[Any]] = field(default_factory=dict)
    spans: dict[str, list[Any]] = field(default_factory=dict)
    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)

    def extend(self, other: TableChunk) -> None:
        """Append another chunk's rows to this one."""
        self.documents.extend(other.documents)
        for mine, theirs in (
            (self.paragraphs, other.paragraphs),
            (self.sentences, other.sentences),
            (self.spans, other.spans),
        ):
            n_before = len(next(iter(mine.values()))) if mine else 0
            n_new = len(next(iter(theirs.values()))) if theirs else 0
            for col in [*mine, *(c for c in theirs if c not in mine)]:
                mine.setdefault(col, [math.nan] * n_before).extend(
                    theirs.get(col, [math.nan] * n_new)
                )
        for name, rows in other.rows.items():
            self.rows.setdefault(name, []).extend(rows)
        self.texts.update(other.texts)


def build_scorers(
    targets: dict[str, list[str]] | None = None,
    actors: dict[str, list[str]] | None = None,
    lexicons: Sequence[Any] | None = None,
    scorers: Sequence[Scorer] | None = None,
) -> list[Scorer]:
    """The scorers of a run: the built-in ones (or ``scorers``), in dependency order."""
    chosen = list(scorers) if scorers is not None else default_scorers(targets, actors, lexicons)
    return order_scorers(chosen)


def _segment_one(document: Document, doc_id: str, paragraphs: ParagraphMode) -> Doc | str:
    if document.error:
        return document.error
    if not isinstance(document.text, str):
        return f"text is {type(document.text).__name__}, not str"
    if not document.text.strip():
        return "empty or whitespace-only text"
    try:
        return segment(document.text, doc_id=doc_id, meta=document.meta, paragraphs=paragraphs)
    except Exception as exc:  # noqa: BLE001 - one bad document must not stop the batch
        return f"segmentation failed: {type(exc).__name__}: {exc}"


def _run_scorers(docs: list[Doc], scorers: Sequence[Scorer]) -> dict[str, str]:
    """Run every scorer on the batch; return doc_id -> error for documents that failed."""
    errors: dict[str, str] = {}
    for scorer in scorers:
        live = [d for d in docs if d.doc_id not in errors]
        try:
            scorer.annotate(live)
        except Exception:  # noqa: BLE001 - isolate the failing document(s)
            for d in live:
                try:
                    scorer.annotate([d])
                except Exception as exc:  # noqa: BLE001
                    errors[d.doc_id] = f"scorer {scorer.name!r} failed: {type(exc).__name__}: {exc}"
        expected = tuple(scorer.columns) + tuple(scorer.dynamic_columns())
        for d in live:
            if d.doc_id in errors:
                continue
            for col in expected:
                values = d.columns.get(col)
                if values is None or len(values) != len(d.paragraphs):
                    errors[d.doc_id] = f"scorer {scorer.name!r} did not fill column {col!r}"
                    break
    return errors


def score_batch(
    documents: Sequence[tuple[str, Document]],
    scorers: Sequence[Scorer],
    paragraphs: ParagraphMode = "auto",
) -> TableChunk:
    """Segment and score a batch of ``(doc_id, Document)`` pairs into table rows.

    Free of I/O and global state: the same function serves serial runs, worker
    processes and Dask partitions. A document that fails keeps its ``documents`` row
    with ``error`` set and adds no other rows.
    """
    chunk = TableChunk()
    docs: list[Doc] = []
    errors: dict[str, str] = {}
    for doc_id, document in documents:
        chunk.texts[doc_id] = _storable(document.text)
        result = _segment_one(document, doc_id, paragraphs)
        if isinstance(result, str):
            errors[doc_id] = result
        else:
            docs.append(result)
    errors.update(_run_scorers(docs, scorers))
    by_id = {d.doc_id: d for d in docs}
    para_cols: list[str] = []
    for s in scorers:
        para_cols.extend(c for c in (*s.columns, *s.dynamic_columns()) if c not in para_cols)
    P = chunk.paragraphs
    for name in ("doc_id", "para_id", "start", "end", "text", "n_tokens", *para_cols):
        P[name] = []
    S = chunk.sentences
    for name in ("doc_id", "para_id", "sent_id", "start", "end", "text"):
        S[name] = []
    SP = chunk.spans
    for name in SPAN_COLUMNS:
        SP[name] = []
    for doc_id, document in documents:
        row: dict[str, Any] = {"doc_id": doc_id, **document.meta}
        doc = by_id.get(doc_id)
        err = errors.get(doc_id)
        if doc is None or err is not None:
            row.update(n_paragraphs=0, n_tokens=0, error=err)
            chunk.documents.append(row)
            continue
        row.update(n_paragraphs=len(doc.paragraphs), n_tokens=doc.n_tokens, error=None)
        chunk.documents.append(row)
        text = doc.text
        paras = doc.paragraphs
        # whole columns per document (list comprehensions, not one append per cell)
        P["doc_id"] += [doc_id] * len(paras)
        P["para_id"] += [p.para_id for p in paras]
        P["start"] += [p.start for p in paras]
        P["end"] += [p.end for p in paras]
        P["text"] += [text[p.start : p.end] for p in paras]
        P["n_tokens"] += [len(p.words) for p in paras]
        sents = [(p.para_id, s, e) for p in paras for s, e in p.sentences]
        if sents:
            pids, starts, ends = zip(*sents, strict=True)
            S["doc_id"] += [doc_id] * len(sents)
            S["para_id"] += pids
            S["sent_id"] += range(len(sents))
            S["start"] += starts
            S["end"] += ends
            S["text"] += [text[s:e] for _, s, e in sents]
        for col in para_cols:
            P[col].extend(doc.columns[col])
        ordered = sorted(doc.spans, key=_SPAN_ORDER)
        if ordered:
            SP["doc_id"] += [doc_id] * len(ordered)
            SP["para_id"] += [sp.para_id for sp in ordered]
            SP["start"] += [sp.start for sp in ordered]
            SP["end"] += [sp.end for sp in ordered]
            SP["text"] += [text[sp.start : sp.end] for sp in ordered]
            SP["kind"] += [sp.kind for sp in ordered]
            SP["label"] += [sp.label for sp in ordered]
            SP["score"] += [sp.score for sp in ordered]
            SP["voice"] += [sp.voice for sp in ordered]
        for table, rows in doc.rows.items():
            chunk.rows.setdefault(table, []).extend({"doc_id": doc_id, **r} for r in rows)
    return chunk


_SURROGATE = re.compile("[\ud800-\udfff]")


def _storable(text: Any) -> str:
    """The text as kept in results: lone surrogates (which no file format can hold) become
    U+FFFD, one character for one, so offsets are unchanged. Such documents carry an error."""
    if not isinstance(text, str):
        return ""
    if text.isascii():
        return text
    try:
        text.encode("utf-8")  # fails only on a lone surrogate; faster than a regex scan
    except UnicodeEncodeError:
        return _SURROGATE.sub("\ufffd", text)
    return text


def _doc_ids(documents: Iterable[Document]) -> Iterator[tuple[str, Document]]:
    """Assign ids: numbered when missing, de-duplicated (``id#2``) when repeated."""
    seen: dict[str, int] = {}
    for n, document in enumerate(documents, start=1):
        base = str(document.id) if document.id not in (None, "") else f"doc-{n}"
        count = seen.get(base, 0) + 1
        seen[base] = count
        if count == 1:
            yield base, document
            continue
        new_id = f"{base}#{count}"
        while new_id in seen:
            count += 1
            new_id = f"{base}#{count}"
        seen[new_id] = 1
        meta = dict(document.meta)
        meta.setdefault("original_id", base)
        yield new_id, Document(document.text, new_id, meta, document.error, document.origin)


def _batches(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


#: Columns that ``score_batch`` itself fills in every table, with the dtype pandas would
#: infer for them: ints (offsets, ids, counts) and strings (ids and text slices).
_INT_COLUMNS = frozenset({"para_id", "sent_id", "start", "end", "n_tokens"})
_STR_COLUMNS = frozenset({"doc_id", "text"})


def _frame(columns: dict[str, list[Any]]) -> pd.DataFrame:
    """A DataFrame of column lists, the columns ``score_batch`` fills typed up front.

    pandas infers a list's dtype by checking every value's type; for the offset and text
    columns the dtype is known, and handing over an int64 array or a string array gives
    the same frame without that pass. Other columns (the scorers') are inferred as usual.
    """
    str_dtype = pd.Series(["a"]).dtype  # what pandas makes of strings (``str`` or object)
    strings = not isinstance(str_dtype, np.dtype)  # a string dtype, not object
    typed: dict[str, Any] = {}
    for name, values in columns.items():
        if values and name in _INT_COLUMNS:
            arr = np.array(values)
            typed[name] = arr if arr.dtype == np.int64 else values
        elif values and strings and name in _STR_COLUMNS:
            typed[name] = pd.array(values, dtype=str_dtype)
        else:
            typed[name] = _numeric(values)
    return pd.DataFrame(typed)


def _numeric(values: list[Any]) -> Any:
    """``values`` as a float64 / int64 array when all are Python floats / ints (what pandas
    would infer, checking each value's type in a slower way), else as they are."""
    if not values:
        return values
    kinds = set(map(type, values))
    if len(kinds) != 1:
        return values
    kind = kinds.pop()
    if kind is float:
        return np.array(values, dtype=np.float64)
    if kind is int:
        arr = np.array(values)
        return arr if arr.dtype == np.int64 else values
    return values


def tables_from_chunk(chunk: TableChunk, scorers: Sequence[Scorer]) -> dict[str, pd.DataFrame]:
    """Build the result DataFrames from accumulated rows."""
    docs = pd.DataFrame(chunk.documents)
    if docs.empty:
        docs = pd.DataFrame(columns=["doc_id", *DOC_COLUMNS_END])
    meta_cols = [c for c in docs.columns if c not in ("doc_id", *DOC_COLUMNS_END)]
    docs = docs[["doc_id", *meta_cols, *DOC_COLUMNS_END]]
    docs["error"] = docs["error"].astype(object).where(docs["error"].notna(), None)
    tables = {
        "documents": docs,
        "paragraphs": _frame(chunk.paragraphs),
        "sentences": _frame(chunk.sentences),
        "spans": _frame(chunk.spans),
    }
    for scorer in scorers:
        for table in scorer.tables:
            declared = scorer.table_columns.get(table) or CONTRACT_TABLE_COLUMNS.get(table, ())
            columns = ["doc_id", *(c for c in declared if c != "doc_id")]
            df = pd.DataFrame(chunk.rows.get(table, []))
            columns += [c for c in df.columns if c not in columns]
            tables[table] = df.reindex(columns=columns)
    return tables


def analyze(
    source: Any,
    targets: dict[str, list[str]] | str | None = None,
    actors: dict[str, list[str]] | str | None = None,
    lexicons: Sequence[Any] | None = None,
    *,
    scorers: Sequence[Scorer] | None = None,
    paragraphs: ParagraphMode = "auto",
    text_column: str = "text",
    id_column: str = "id",
    encoding: str = "utf-8",
    batch_size: int = 64,
    jobs: int = 1,
    progress: bool | None = None,
) -> Analysis:
    """Analyse news documents paragraph by paragraph.

    Parameters
    ----------
    source : str, iterable, DataFrame or path
        One document's text; an iterable of texts, dicts (``text`` plus optional
        ``id``, ``outlet``, ``date``, ``title``, ``url`` and any metadata) or
        :class:`~framing.document.Document`; a pandas DataFrame with a ``text`` column;
        or a path to a ``.txt``, ``.csv``, ``.jsonl``, ``.parquet`` or ``.html`` file or
        a folder of them. A Dask DataFrame is scored partition by partition on the
        workers and gives a lazy :class:`~framing.dask_engine.DaskAnalysis`.
    targets : dict or str, optional
        Stance targets: ``{"Russia": ["Russia", "Putin", "the Kremlin"], ...}`` or a YAML path.
    actors : dict or str, optional
        Sides for attribution balance: ``{"Russian government": ["Putin", "Peskov"]}``
        or a YAML path.
    lexicons : sequence, optional
        Extra lexicon files or objects, merged over the built-in ones.
    scorers : sequence of Scorer, optional
        Replace the built-in scorers (advanced).
    paragraphs : {"auto", "line", "blank"}
        How paragraphs are delimited in the text.
    text_column, id_column : str
        Column / key names of the text and the id in tabular and dict inputs.
    encoding : str
        Encoding of input files (UTF-8 with or without BOM by default).
    batch_size : int
        Documents scored together.
    jobs : int
        Worker processes (results are identical to ``jobs=1``). For corpora larger
        than memory, use :func:`framing.stream.analyze_to`.
    progress : bool, optional
        Show a progress bar (default: only on an interactive terminal).

    Returns
    -------
    Analysis
        Tables ``documents``, ``paragraphs``, ``sentences``, ``spans`` (and ``quotes``,
        ``stance`` when those scorers ran). Documents that could not be analysed keep
        their row in ``documents`` with ``error`` set.

    Examples
    --------
    >>> import framing
    >>> a = framing.analyze([{"id": "a", "text": "A calm, fair debate.", "outlet": "X"}])
    >>> a.documents[["doc_id", "outlet", "n_paragraphs"]].values.tolist()
    [['a', 'X', 1]]
    >>> float(a.paragraphs.valence[0]) > 0
    True
    """
    from .io import read_documents
    from .parallel import map_batches, start_workers_early

    if is_dask_collection(source):
        from .dask_engine import analyze_dask

        return analyze_dask(  # type: ignore[return-value]
            source,
            targets,
            actors,
            lexicons,
            scorers=scorers,
            paragraphs=paragraphs,
            text_column=text_column,
            id_column=id_column,
        )
    start_workers_early(jobs)
    run, config = prepare_run(targets, actors, lexicons, scorers, paragraphs)
    documents = read_documents(
        source, text_column=text_column, id_column=id_column, encoding=encoding
    )
    batches = _batches(_doc_ids(documents), batch_size)
    result = TableChunk()
    with progress_bar(source, progress) as bar:
        for chunk in map_batches(batches, run, paragraphs, jobs):
            result.extend(chunk)
            bar.update(len(chunk.documents))
    provenance = {s.name: s.provenance() for s in run}
    return Analysis(tables_from_chunk(result, run), result.texts, provenance, config)


def prepare_run(
    targets: dict[str, list[str]] | str | None,
    actors: dict[str, list[str]] | str | None,
    lexicons: Sequence[Any] | None,
    scorers: Sequence[Scorer] | None,
    paragraphs: ParagraphMode,
) -> tuple[list[Scorer], dict[str, Any]]:
    """Read the name maps, build the ordered scorers and describe the run's configuration."""
    from .io import read_name_map

    target_map = read_name_map(targets) if targets is not None else None
    actor_map = read_name_map(actors) if actors is not None else None
    run = build_scorers(target_map, actor_map, lexicons, scorers)
    config = {
        "scorers": [s.name for s in run],
        "targets": target_map,
        "actors": actor_map,
        "lexicons": [str(x) for x in lexicons] if lexicons else None,
        "paragraphs": paragraphs,
    }
    return run, config


def progress_bar(source: Any, progress: bool | None) -> tqdm:
    """A tqdm bar (rate and ETA) over documents; on by default only on a terminal."""
    from .io import count_documents

    show = _interactive() if progress is None else bool(progress)
    total = count_documents(source) if show else None
    return tqdm(
        total=total, unit="doc", desc="framing", disable=not show, leave=False, dynamic_ncols=True
    )


def is_dask_collection(obj: Any) -> bool:
    """True for a Dask DataFrame (checked without importing Dask)."""
    return type(obj).__module__.startswith("dask") and hasattr(obj, "map_partitions")


def _interactive() -> bool:
    import sys

    return bool(getattr(sys.stderr, "isatty", lambda: False)())
