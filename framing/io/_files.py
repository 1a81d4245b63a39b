"""Readers for one file each: .txt, .csv/.tsv, .jsonl, .json and .parquet.

Every reader is a generator of :class:`~framing.document.Document` and never raises for bad
content: a record that cannot be read becomes ``Document(text="", error="<file>:<line>: ...")``.
Line-based formats (CSV, JSONL) and Parquet are streamed; .txt and .json are read whole.

Ids when the record has none: ``<name>`` for .txt, ``<name>:<line>`` for CSV and JSONL (the
line where the record starts; the CSV header is line 1), ``<name>:<row>`` for Parquet (1-based
row) and ``<name>:<item>`` for a JSON array (1-based item). ``<name>`` is the file stem, or the
path relative to the directory without suffix when the file was found in a directory.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..document import Document
from ._encoding import decode_bytes, iter_lines
from ._records import TEXT_COLUMN_HINT, record_to_document, unusable_text_error

__all__ = ["read_csv", "read_json", "read_jsonl", "read_parquet", "read_txt"]

_PARQUET_BATCH = 2048
_CSV_DELIMITERS = (",", "\t", ";", "|")


def _error_doc(doc_id: str | None, origin: str, reason: str, path: Path) -> Document:
    return Document(
        text="",
        id=doc_id,
        meta={"source_file": str(path)},
        error=f"{origin}: {reason}",
        origin=origin,
    )


def _json_record(
    obj: Any,
    path: Path,
    default_id: str,
    origin: str,
    text_column: str,
    id_column: str,
    extra: dict[str, Any],
    encoding: str,
) -> Document:
    """One parsed JSON value as a Document (an error document unless it is an object)."""
    if not isinstance(obj, dict):
        reason = f"JSON {type(obj).__name__} where an object {{...}} was expected"
        return _error_doc(default_id, origin, reason, path)
    return record_to_document(
        obj,
        text_column=text_column,
        id_column=id_column,
        default_id=default_id,
        origin=origin,
        extra_meta=extra,
        encoding=encoding,
    )


def read_txt(path: Path, name: str, *, encoding: str, **_: Any) -> Iterator[Document]:
    """Read a text file as one document (id ``name``, metadata ``source_file``)."""
    meta = {"source_file": str(path)}
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield _error_doc(name, str(path), f"cannot read file ({exc.strerror or exc})", path)
        return
    text, error = decode_bytes(data, encoding, str(path))
    if error is None:
        reason = unusable_text_error(text)
        if reason:
            line = text.count("\n", 0, text.find("\x00")) + 1
            error = f"{path}:{line}: {reason}"
    yield Document(text=text, id=name, meta=meta, error=error, origin=str(path))


def read_jsonl(
    path: Path, name: str, *, text_column: str, id_column: str, encoding: str
) -> Iterator[Document]:
    """Read one JSON object per line; blank lines are skipped."""
    extra = {"source_file": str(path)}
    for line in iter_lines(path, encoding):
        origin = f"{path}:{line.number}"
        default_id = f"{name}:{line.number}"
        if line.error:
            yield _error_doc(default_id, origin, line.error, path)
            continue
        if not line.text.strip():
            continue
        try:
            obj = json.loads(line.text)
        except json.JSONDecodeError as exc:
            yield _error_doc(
                default_id, origin, f"not valid JSON ({exc.msg}, column {exc.colno})", path
            )
            continue
        yield _json_record(obj, path, default_id, origin, text_column, id_column, extra, encoding)


def read_json(
    path: Path, name: str, *, text_column: str, id_column: str, encoding: str
) -> Iterator[Document]:
    """Read a JSON file: an array of objects (one document each) or one object (one document).

    The whole file is parsed at once; use JSON Lines for large collections.
    """
    extra = {"source_file": str(path)}
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield _error_doc(name, str(path), f"cannot read file ({exc.strerror or exc})", path)
        return
    text, error = decode_bytes(data, encoding, str(path))
    if error:
        yield Document(text="", id=name, meta=extra, error=error, origin=str(path))
        return
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        origin = f"{path}:{exc.lineno}"
        yield _error_doc(name, origin, f"not valid JSON ({exc.msg}, column {exc.colno})", path)
        return
    if isinstance(obj, dict):
        items: list[Any] = [obj]
        single = True
    elif isinstance(obj, list):
        items = obj
        single = False
    else:
        reason = f"JSON {type(obj).__name__} where an array or object was expected"
        yield _error_doc(name, f"{path}:1", reason, path)
        return
    for i, item in enumerate(items, 1):
        origin = str(path) if single else f"{path}:item {i}"
        default_id = name if single else f"{name}:{i}"
        yield _json_record(item, path, default_id, origin, text_column, id_column, extra, encoding)


def _allow_big_fields() -> None:
    # The csv module refuses fields over 128 KiB by default; a long article is bigger.
    limit = 1 << 30
    if csv.field_size_limit() < limit:
        csv.field_size_limit(limit)


def _delimiter(path: Path, header: str) -> str:
    if path.suffix.lower() == ".tsv":
        return "\t"
    counts = {d: header.count(d) for d in _CSV_DELIMITERS}
    best = max(_CSV_DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def read_csv(
    path: Path, name: str, *, text_column: str, id_column: str, encoding: str
) -> Iterator[Document]:
    """Read a CSV (or TSV) file with a header row, one document per row, streamed.

    The delimiter is ``,`` (``\\t`` for .tsv) unless the header holds more ``;``, ``\\t`` or
    ``|`` than commas. Empty metadata cells become ``None``. A file without the text column
    gives one error document naming the file (every row would fail the same way).
    """
    _allow_big_fields()
    extra = {"source_file": str(path)}
    bad: dict[int, str] = {}

    def lines() -> Iterator[str]:
        for line in iter_lines(path, encoding):
            if line.error:
                bad[line.number] = line.error
            yield line.text

    source = lines()
    first = next(source, None)
    if first is None:
        return  # an empty file holds no records
    if 1 in bad:
        yield _error_doc(name, f"{path}:1", bad[1] + " (in the header; file skipped)", path)
        return

    def chained() -> Iterator[str]:
        yield first
        yield from source

    reader = csv.reader(chained(), delimiter=_delimiter(path, first), strict=True)
    try:
        header = next(reader)
    except csv.Error as exc:
        yield _error_doc(name, f"{path}:1", f"malformed CSV header ({exc})", path)
        return
    if text_column not in header:
        cols = ", ".join(repr(c) for c in header)
        reason = f"no {text_column!r} column (columns: {cols}); {TEXT_COLUMN_HINT}"
        yield _error_doc(name, f"{path}:1", reason, path)
        return
    end = reader.line_num
    while True:
        start = end + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            end = reader.line_num
            yield _error_doc(
                f"{name}:{start}", f"{path}:{start}", f"malformed CSV row ({exc})", path
            )
            continue
        end = reader.line_num
        origin = f"{path}:{start}"
        default_id = f"{name}:{start}"
        if not row:
            continue  # blank line
        bad_lines = [n for n in range(start, end + 1) if n in bad] if bad else None
        if bad_lines:
            yield _error_doc(default_id, origin, bad.pop(bad_lines[0]), path)
            continue
        if len(row) != len(header):
            reason = f"malformed CSV row ({len(row)} fields, the header has {len(header)})"
            yield _error_doc(default_id, origin, reason, path)
            continue
        record: dict[str, Any] = {
            col: (val if val != "" or col == text_column else None)
            for col, val in zip(header, row, strict=True)
        }
        yield record_to_document(
            record,
            text_column=text_column,
            id_column=id_column,
            default_id=default_id,
            origin=origin,
            extra_meta=extra,
            encoding=encoding,
        )


def read_parquet(
    path: Path, name: str, *, text_column: str, id_column: str, encoding: str
) -> Iterator[Document]:
    """Read a Parquet file in batches (``ParquetFile.iter_batches``), one document per row."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    extra = {"source_file": str(path)}
    try:
        pf = pq.ParquetFile(path)
    except (OSError, pa.ArrowException) as exc:
        yield _error_doc(name, str(path), f"cannot read Parquet file ({exc})", path)
        return
    with pf:
        columns = pf.schema_arrow.names
        if text_column not in columns:
            cols = ", ".join(repr(c) for c in columns)
            reason = f"no {text_column!r} column (columns: {cols}); {TEXT_COLUMN_HINT}"
            yield _error_doc(name, str(path), reason, path)
            return
        row = 0
        try:
            for batch in pf.iter_batches(batch_size=_PARQUET_BATCH):
                for record in batch.to_pylist():
                    row += 1
                    yield record_to_document(
                        record,
                        text_column=text_column,
                        id_column=id_column,
                        default_id=f"{name}:{row}",
                        origin=f"{path}:row {row}",
                        extra_meta=extra,
                        encoding=encoding,
                    )
        except (OSError, pa.ArrowException) as exc:
            origin = f"{path}:row {row + 1}"
            reason = f"cannot read Parquet data from here on ({exc})"
            yield _error_doc(f"{name}:{row + 1}", origin, reason, path)
