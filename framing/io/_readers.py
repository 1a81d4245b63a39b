"""``read_documents``: any supported source -> a stream of :class:`~framing.document.Document`."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..document import Document
from ..errors import InputError
from ._files import read_csv, read_json, read_jsonl, read_parquet, read_txt
from ._html import read_html
from ._records import TEXT_COLUMN_HINT, record_to_document, unusable_text_error

__all__ = ["READERS", "describe_source", "read_documents"]

Reader = Callable[..., Iterator[Document]]

#: File suffix -> reader. Directories are searched for exactly these suffixes.
READERS: dict[str, Reader] = {
    ".txt": read_txt,
    ".csv": read_csv,
    ".tsv": read_csv,
    ".jsonl": read_jsonl,
    ".ndjson": read_jsonl,
    ".json": read_json,
    ".parquet": read_parquet,
    ".html": read_html,
    ".htm": read_html,
}

_MAX_PATH_CHARS = 4096


def _looks_like_path(text: str) -> bool:
    """A str is read as a path only when it is short, on one line, and names something."""
    return (
        len(text) < _MAX_PATH_CHARS
        and "\n" not in text
        and "\r" not in text
        and (os.path.exists(text))
    )


def _looks_like_missing_file(text: str) -> bool:
    """One word ending in a supported suffix (``news.csv``) that does not exist."""
    return (
        len(text) < _MAX_PATH_CHARS
        and not any(c.isspace() for c in text)
        and Path(text).suffix.lower() in READERS
        and not os.path.exists(text)
    )


def _is_dataframe(obj: Any) -> bool:
    return type(obj).__name__ == "DataFrame" and hasattr(obj, "columns") and hasattr(obj, "iloc")


def read_documents(
    source: Any,
    *,
    text_column: str = "text",
    id_column: str = "id",
    encoding: str = "utf-8",
) -> Iterator[Document]:
    """Read documents from text, records, a DataFrame, files or directories, as a stream.

    Bad input never stops the stream and is never dropped: a record that cannot be read
    becomes ``Document(text="", error="<file>:<line>: <reason>", origin="<file>:<line>")``.

    Parameters
    ----------
    source : str, os.PathLike, iterable, dict, Document or pandas.DataFrame
        * ``str``: a path when it is shorter than 4096 characters, has no line break and
          ``os.path.exists`` is true; otherwise the text of one document. A single word ending
          in a supported suffix (``news.csv``) that does not exist raises ``InputError``.
        * ``os.PathLike``: always a path (``InputError`` if it does not exist). Files:
          ``.txt`` (one document), ``.csv``/``.tsv`` (one per row), ``.jsonl``/``.ndjson``
          (one per line), ``.json`` (an array of objects or one object), ``.parquet`` (one per
          row, read in batches), ``.html``/``.htm`` (main text via trafilatura, the
          ``framing[html]`` extra). A directory is searched recursively for these suffixes
          (sorted; hidden files and folders skipped; any other file gives an error document).
        * iterable of ``str`` (text, never a path), ``dict`` (``text``, optional ``id`` and any
          metadata), ``Document`` or ``pathlib.Path`` (read as above); mixed is fine.
        * ``pandas.DataFrame`` with a text column; the other columns become metadata.
    text_column, id_column : str
        Field/column names of the text and the id in records, CSV, JSON and Parquet.
    encoding : str
        Encoding of files. UTF-8 by default (a byte-order mark is removed; a UTF-16 BOM switches
        to UTF-16). Invalid bytes give an error document naming the line and byte position;
        pass ``"latin-1"`` or ``"cp1252"`` for such files.

    Yields
    ------
    Document
        ``id`` is the given id, else ``<name>`` (.txt, .html, one-object .json),
        ``<name>:<line>`` (CSV, JSONL), ``<name>:<row>`` (Parquet), ``<name>:<item>`` (JSON
        array), where ``<name>`` is the file stem (or the path inside the directory without
        suffix); ``None`` for in-memory inputs without id. Ids are not made unique. Text
        with NUL characters is kept unchanged with ``error`` set.

    Raises
    ------
    InputError
        When a path does not exist, a directory holds no files, a DataFrame lacks the text
        column or the source type is not supported (raised at the call, not when iterating).

    Notes
    -----
    * Text is never rewritten (line endings, NUL characters and all), except that a leading
      byte-order mark is removed. Text holding NUL characters (``\x00``; usually a binary or
      UTF-16 file read as UTF-8) is yielded unchanged with ``error`` set, so it is reported
      and not analysed.
    * A missing text column: CSV and Parquet files give one error document naming the file
      (every row would fail alike); JSON/JSONL records and dicts give one error document per
      record (records may differ); a DataFrame raises ``InputError``.
    * Empty or whitespace-only text is a normal document (no error). Numbers as text are
      converted with ``str``; ``None``/NaN text is an error document.
    * Empty CSV cells and NaN/NA/NaT values become ``None`` in ``meta``. Documents read from
      files carry ``meta["source_file"]`` (unless the record has such a field). HTML
      documents also carry ``meta["headings"]``, a list of ``(start, end)`` offsets.
    * Ids are kept as given, duplicates included; in-memory inputs without an id get
      ``None``. The caller (the pipeline) numbers missing ids and resolves duplicates.

    Examples
    --------
    >>> docs = list(read_documents(["First text.", {"text": "Second.", "id": "b", "outlet": "X"}]))
    >>> [(d.id, d.text, d.meta) for d in docs]
    [(None, 'First text.', {}), ('b', 'Second.', {'outlet': 'X'})]
    """
    opts = {"text_column": text_column, "id_column": id_column, "encoding": encoding}
    if isinstance(source, Document):
        return iter([_check_document(source)])
    if isinstance(source, str):
        if _looks_like_path(source):
            return _read_path(Path(source), opts)
        if _looks_like_missing_file(source):
            raise InputError(f"{source}: no such file or directory")
        return iter([_text_document(source, None)])
    if isinstance(source, os.PathLike):
        path = Path(source)
        if not path.exists():
            raise InputError(f"{path}: no such file or directory")
        return _read_path(path, opts)
    if isinstance(source, Mapping):
        return iter([_record(source, None, opts)])
    if _is_dataframe(source):
        if text_column not in source.columns:
            cols = ", ".join(repr(str(c)) for c in source.columns)
            raise InputError(
                f"<DataFrame>: no {text_column!r} column (columns: {cols}); {TEXT_COLUMN_HINT}"
            )
        return _read_dataframe(source, opts)
    if isinstance(source, bytes | bytearray):
        raise InputError("bytes are not a supported source: decode them to str first")
    if isinstance(source, Iterable):
        return _read_iterable(source, opts)
    raise InputError(f"unsupported source of type {type(source).__name__}")


def _text_document(text: str, origin: str | None) -> Document:
    reason = unusable_text_error(text)
    error = None if reason is None else (f"{origin}: {reason}" if origin else reason)
    return Document(text=text, error=error, origin=origin)


def _check_document(doc: Document) -> Document:
    """Pass a Document through, flagging text that is not a str or holds NUL characters."""
    if doc.error is not None:
        return doc
    where = f"{doc.origin}: " if doc.origin else ""
    if not isinstance(doc.text, str):
        reason = f"text is a {type(doc.text).__name__}, not a string"
        return replace(doc, text="", error=where + reason)
    reason = unusable_text_error(doc.text)
    return doc if reason is None else replace(doc, error=where + reason)


def _record(record: Mapping[str, Any], origin: str | None, opts: dict[str, str]) -> Document:
    return record_to_document(
        record,
        text_column=opts["text_column"],
        id_column=opts["id_column"],
        default_id=None,
        origin=origin,
        encoding=opts["encoding"],
    )


def _read_iterable(items: Iterable[Any], opts: dict[str, str]) -> Iterator[Document]:
    for i, item in enumerate(items):
        origin = f"<input>[{i}]"
        if isinstance(item, Document):
            yield _check_document(item)
        elif isinstance(item, str):
            yield _text_document(item, origin)
        elif isinstance(item, Mapping):
            yield _record(item, origin, opts)
        elif isinstance(item, Path):
            try:
                if not item.exists():
                    raise InputError(f"{item}: no such file or directory")
                docs = _read_path(item, opts)
            except InputError as exc:
                meta = {"source_file": str(item)}
                yield Document(text="", error=str(exc), origin=str(item), meta=meta)
                continue
            yield from docs
        else:
            reason = f"a {type(item).__name__} is not a document (expected str, dict or Document)"
            yield Document(text="", error=f"{origin}: {reason}", origin=origin)


def _read_dataframe(df: Any, opts: dict[str, str], chunk: int = 1000) -> Iterator[Document]:
    for lo in range(0, len(df), chunk):
        for j, record in enumerate(df.iloc[lo : lo + chunk].to_dict("records")):
            yield _record(record, f"<DataFrame>:row {lo + j + 1}", opts)


def _read_path(path: Path, opts: dict[str, str]) -> Iterator[Document]:
    if path.is_dir():
        files = _directory_files(path)
        if not files:
            raise InputError(f"{path}: the directory holds no files")
        return _read_files(path, files, opts)
    return _read_file(path, path.stem, opts)


def _directory_files(root: Path) -> list[Path]:
    found = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        found.extend(Path(dirpath, f) for f in filenames if not f.startswith("."))
    return sorted(found, key=lambda p: p.relative_to(root).as_posix())


def _read_files(root: Path, files: list[Path], opts: dict[str, str]) -> Iterator[Document]:
    for file in files:
        name = file.relative_to(root).with_suffix("").as_posix()
        yield from _read_file(file, name, opts)


def _read_file(path: Path, name: str, opts: dict[str, str]) -> Iterator[Document]:
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        supported = " ".join(sorted(READERS))
        reason = f"unsupported file type {path.suffix or '(no suffix)'!r} (supported: {supported})"
        yield Document(
            text="",
            id=name,
            meta={"source_file": str(path)},
            error=f"{path}: {reason}",
            origin=str(path),
        )
        return
    yield from reader(path, name, **opts)


def describe_source(source: Any) -> str:
    """Short human description of a source, for progress messages.

    Examples
    --------
    >>> describe_source(["a", "b", "c"])
    '3 documents'
    >>> describe_source("Some text.")
    '1 document'
    """
    if isinstance(source, str) and _looks_like_path(source):
        source = Path(source)
    if isinstance(source, os.PathLike):
        path = Path(source)
        if path.is_dir():
            n = len(_directory_files(path))
            return f"{path} ({n} file{'s' if n != 1 else ''})"
        return str(path)
    if isinstance(source, str | Document | Mapping):
        return "1 document"
    if _is_dataframe(source):
        return f"DataFrame ({len(source)} rows)"
    try:
        n = len(source)
    except TypeError:
        return "a stream of documents"
    return f"{n} document{'s' if n != 1 else ''}"
