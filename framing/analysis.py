"""The ``Analysis``: result tables of a run, with save/load, export and a long format."""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal

import pandas as pd

from .errors import InputError

__all__ = ["Analysis", "TableFormat", "load", "load_table"]

TableFormat = Literal["csv", "jsonl", "parquet"]
CORE_TABLES = ("documents", "paragraphs", "sentences", "spans")
_MANIFEST = "manifest.json"
_TEXTS = "texts.jsonl"
_FORMAT_VERSION = 1


class Analysis:
    """Result tables of :func:`framing.analyze`.

    Attributes
    ----------
    tables : dict of str to pandas.DataFrame
        ``documents``, ``paragraphs``, ``sentences``, ``spans`` always; ``quotes`` and
        ``stance`` when the attribution and stance scorers ran. Each table is also an
        attribute (``analysis.paragraphs``).
    provenance : dict
        Per scorer: lexicons and models used, with versions and licences.
    config : dict
        How the run was configured (targets, actors, scorers).

    Examples
    --------
    >>> import framing
    >>> a = framing.analyze("Officials praised the calm talks.\\nCritics called them a farce.")
    >>> a.paragraphs[["para_id", "n_tokens"]].values.tolist()
    [[0, 5], [1, 5]]
    >>> a.text(a.documents.doc_id[0])[:9]
    'Officials'
    """

    def __init__(
        self,
        tables: dict[str, pd.DataFrame],
        texts: dict[str, str],
        provenance: dict[str, Any] | None = None,
        config: dict[str, Any] | None = None,
    ) -> None:
        missing = [t for t in CORE_TABLES if t not in tables]
        if missing:
            raise ValueError(f"an Analysis needs the tables {missing}")
        self.tables = dict(tables)
        self._texts = dict(texts)
        self.provenance = dict(provenance or {})
        self.config = dict(config or {})

    # -- access ---------------------------------------------------------------------------
    def __getattr__(self, name: str) -> pd.DataFrame:
        tables = self.__dict__.get("tables", {})
        if name in tables:
            return tables[name]
        if name in ("quotes", "stance"):
            need = "attribution" if name == "quotes" else "stance (pass targets=...)"
            raise AttributeError(
                f"this analysis has no {name!r} table: the {need} scorer did not run"
            )
        raise AttributeError(name)

    def text(self, doc_id: str) -> str:
        """The original text of document ``doc_id`` (every offset indexes into it)."""
        try:
            return self._texts[doc_id]
        except KeyError:
            raise KeyError(f"no document with doc_id {doc_id!r}") from None

    @property
    def doc_ids(self) -> list[str]:
        """Document ids in input order."""
        return list(self.documents["doc_id"])

    def __repr__(self) -> str:
        sizes = ", ".join(f"{name}={len(df)}" for name, df in self.tables.items())
        return f"<Analysis {sizes}>"

    def summary(self) -> str:
        """A few lines that say what was analysed and what failed."""
        docs = self.documents
        failed = docs["error"].notna().sum() if "error" in docs else 0
        lines = [
            f"{len(docs)} documents, {len(self.paragraphs)} paragraphs, "
            f"{len(self.sentences)} sentences, {len(self.spans)} spans; {failed} failed"
        ]
        extra = [n for n in self.tables if n not in CORE_TABLES]
        if extra:
            sizes = ", ".join(f"{n} ({len(self.tables[n])} rows)" for n in extra)
            lines.append("further tables: " + sizes)
        return "\n".join(lines)

    # -- derived views --------------------------------------------------------------------
    def to_long(
        self, table: str = "paragraphs", meta: tuple[str, ...] | list[str] | None = None
    ) -> pd.DataFrame:
        """Numeric columns of ``table`` in long form, for plotting.

        Returns a DataFrame with ``doc_id``, ``para_id``, the document metadata columns
        ``meta`` (default: ``outlet`` and ``date`` when present), ``feature`` and ``value``.

        Examples
        --------
        >>> import framing
        >>> a = framing.analyze([{"text": "A fine day.", "outlet": "X"}])
        >>> a.to_long().columns.tolist()
        ['doc_id', 'para_id', 'outlet', 'feature', 'value']
        """
        df = self.tables[table]
        keys = [c for c in ("doc_id", "para_id") if c in df.columns]
        skip = set(keys) | {"start", "end", "sent_id"}
        values = [
            c
            for c in df.columns
            if c not in skip
            and pd.api.types.is_numeric_dtype(df[c])
            and not pd.api.types.is_bool_dtype(df[c])
        ]
        if meta is None:
            meta = [c for c in ("outlet", "date") if c in self.documents.columns]
        meta = [m for m in meta if m in self.documents.columns and m not in df.columns]
        base = df[keys + values]
        if meta:
            base = base.merge(self.documents[["doc_id", *meta]], on="doc_id", how="left")
        long = base.melt(id_vars=keys + list(meta), value_vars=values, var_name="feature")
        return long

    # -- comparison and reporting (they only read the tables) -------------------------------
    def compare(self, by: Any = "outlet", **kwargs: Any) -> Any:
        """Compare groups of documents; see :func:`framing.compare.compare`."""
        from .compare import compare

        return compare(self, by=by, **kwargs)

    def report(self, path: str | os.PathLike[str], **kwargs: Any) -> Path:
        """Write the PDF report; see :func:`framing.report.write_report`."""
        from .report import write_report

        return write_report(self, path, **kwargs)

    # -- persistence ----------------------------------------------------------------------
    def save(self, path: str | os.PathLike[str], format: TableFormat = "parquet") -> Path:
        """Write every table, the texts and a manifest to the directory ``path``.

        Parameters
        ----------
        path : str or path-like
            Directory (created if needed).
        format : {"parquet", "csv", "jsonl"}
            Table file format. :func:`framing.load` reads any of them back.

        Returns
        -------
        pathlib.Path
            The directory.
        """
        if format not in ("csv", "jsonl", "parquet"):
            raise ValueError(f"format must be csv, jsonl or parquet, not {format!r}")
        out = Path(path)
        out.mkdir(parents=True, exist_ok=True)
        for name, df in self.tables.items():
            write_table(df, out / f"{name}.{format}", format)
        with open(out / _TEXTS, "w", encoding="utf-8") as fh:
            for doc_id, text in self._texts.items():
                fh.write(json.dumps({"doc_id": doc_id, "text": text}, ensure_ascii=False) + "\n")
        manifest = {
            "framing_results": _FORMAT_VERSION,
            "format": format,
            "tables": list(self.tables),
            "columns": {name: [str(c) for c in df.columns] for name, df in self.tables.items()},
            "provenance": self.provenance,
            "config": self.config,
        }
        (out / _MANIFEST).write_text(json.dumps(manifest, indent=2, default=str), encoding="utf-8")
        return out

    def to_csv(self, path: str | os.PathLike[str]) -> Path:
        """Write all tables as CSV files into the directory ``path`` (see :meth:`save`)."""
        return self.save(path, "csv")

    def to_jsonl(self, path: str | os.PathLike[str]) -> Path:
        """Write all tables as JSON Lines files into the directory ``path``."""
        return self.save(path, "jsonl")

    def to_parquet(self, path: str | os.PathLike[str]) -> Path:
        """Write all tables as Parquet files into the directory ``path``."""
        return self.save(path, "parquet")

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> Analysis:
        """Read a directory written by :meth:`save`."""
        root = Path(path)
        manifest = _read_manifest(root)
        fmt = manifest.get("format", "parquet")
        columns = manifest.get("columns", {})
        if manifest.get("layout") == "parts":
            tables = {
                name: _read_parts(root / name, fmt, columns.get(name))
                for name in manifest["tables"]
            }
            text_df = _read_parts(root / "texts", fmt, ["doc_id", "text"])
            texts = dict(zip(text_df["doc_id"].astype(str), text_df["text"], strict=True))
        else:
            tables = {
                name: _read_table(root / f"{name}.{fmt}", fmt, columns.get(name))
                for name in manifest["tables"]
            }
            texts = _read_texts(root / _TEXTS)
        docs = tables["documents"]
        if "error" in docs.columns:
            docs["error"] = docs["error"].astype(object).where(docs["error"].notna(), None)
        return cls(tables, texts, manifest.get("provenance"), manifest.get("config"))


def load(path: str | os.PathLike[str]) -> Analysis:
    """Load results saved with :meth:`Analysis.save`.

    Examples
    --------
    >>> import framing, tempfile
    >>> out = framing.analyze("A calm day.").save(tempfile.mkdtemp())
    >>> len(framing.load(out).paragraphs)
    1
    """
    return Analysis.load(path)


def load_table(
    path: str | os.PathLike[str], name: str, columns: Sequence[str] | None = None
) -> pd.DataFrame:
    """Read one table of a results directory, optionally only some of its columns.

    Unlike :func:`load`, nothing else is read: after a corpus run, the ``documents``
    table (or a few columns of ``paragraphs``) fits in memory when the whole result
    does not.

    Examples
    --------
    >>> import framing, tempfile
    >>> out = framing.analyze(["A calm day.", "Another."]).save(tempfile.mkdtemp())
    >>> load_table(out, "documents", ["doc_id", "error"]).doc_id.tolist()
    ['doc-1', 'doc-2']
    """
    root = Path(path)
    manifest = _read_manifest(root)
    if name not in manifest["tables"]:
        raise InputError(f"{root}: no table {name!r} (tables: {', '.join(manifest['tables'])})")
    fmt = manifest.get("format", "parquet")
    wanted = list(columns) if columns is not None else manifest.get("columns", {}).get(name)
    if manifest.get("layout") == "parts":
        return _read_parts(root / name, fmt, wanted)
    return _read_table(root / f"{name}.{fmt}", fmt, wanted)


def _read_manifest(root: Path) -> dict[str, Any]:
    manifest_path = root / _MANIFEST
    if not manifest_path.is_file():
        raise InputError(f"{root}: not a framing results directory (no {_MANIFEST})")
    return json.loads(manifest_path.read_text(encoding="utf-8"))


def write_table(df: pd.DataFrame, path: Path, format: TableFormat) -> None:
    """Write one table in ``format`` (shared by :meth:`Analysis.save` and streaming runs)."""
    if format == "parquet":
        df.to_parquet(path, index=False)
    elif format == "csv":
        df.to_csv(path, index=False)
    else:
        df.to_json(path, orient="records", lines=True, force_ascii=False)


def _read_texts(path: Path) -> dict[str, str]:
    texts: dict[str, str] = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            texts[rec["doc_id"]] = rec["text"]
    return texts


def _part_number(path: Path) -> tuple[int, str]:
    digits = "".join(ch for ch in path.name if ch.isdigit())
    return (int(digits) if digits else -1, path.name)


def _read_parts(folder: Path, format: str, columns: list[str] | None) -> pd.DataFrame:
    """Concatenate the part files a streaming run wrote for one table, in order."""
    parts = sorted(folder.glob(f"part*.{format}"), key=_part_number) if folder.is_dir() else []
    frames = [f for f in (_read_table(p, format, columns) for p in parts) if len(f)]
    if not frames:
        return pd.DataFrame(columns=columns or [])
    df = pd.concat(frames, ignore_index=True)
    return df.reindex(columns=columns) if columns else df


def _read_table(path: Path, format: str, columns: list[str] | None) -> pd.DataFrame:
    if not path.is_file():
        raise InputError(f"{path}: table file missing from the results directory")
    if path.stat().st_size == 0 or (format == "csv" and not path.read_text("utf-8").strip()):
        return pd.DataFrame(columns=columns or [])
    if format == "parquet":
        if columns:
            import pyarrow.parquet as pq

            present = set(pq.read_schema(path).names)
            df = pd.read_parquet(path, columns=[c for c in columns if c in present])
        else:
            df = pd.read_parquet(path)
    elif format == "csv":
        df = pd.read_csv(path, dtype={"doc_id": str, "text": str})
    else:
        df = pd.read_json(path, orient="records", lines=True, dtype={"doc_id": str})
    if columns:
        df = df.reindex(columns=columns)
    return df
