"""Turning one record (a dict, a row) into a :class:`~framing.document.Document`.

Shared by every reader so that text, id and metadata follow the same rules whatever the
input format:

* text: a ``str`` is kept exactly as given; a number is converted with ``str``; ``bytes`` are
  decoded with the reader's encoding; ``None``/NaN or any other type gives an error document.
  Text containing NUL characters is kept unchanged but flagged with ``error``.
* id: taken from the id field when present (numbers are converted to ``str``; an integral
  float such as ``3.0`` becomes ``"3"``); otherwise the reader's default id.
* metadata: every other field under its original name; NaN/NA/NaT become ``None`` and numpy
  scalars become Python scalars.
"""

from __future__ import annotations

import math
import numbers
import re
from collections.abc import Mapping
from typing import Any

from ..document import Document

#: How to name another text column or field, in Python and on the command line.
TEXT_COLUMN_HINT = (
    "name the text column: text_column=... in Python, --text-column on the command line"
)

__all__ = [
    "id_value",
    "is_missing",
    "meta_value",
    "record_to_document",
    "text_value",
    "unusable_text_error",
]

_PLAIN = (str, int, bool)


def is_missing(value: Any) -> bool:
    """Return True for ``None``, NaN (Python, numpy), ``pandas.NA`` and ``pandas.NaT``."""
    if value is None:
        return True
    kind = type(value)
    if kind is str or kind is int or kind is bool:
        return False
    if kind is float:
        return value != value
    if isinstance(value, numbers.Real) and not isinstance(value, bool | numbers.Integral):
        try:
            return math.isnan(value)
        except (TypeError, ValueError):
            return False
    return type(value).__name__ in ("NAType", "NaTType")


def meta_value(value: Any) -> Any:
    """Return a metadata value with missing values as ``None`` and numpy scalars unboxed."""
    if type(value) in _PLAIN:
        return value
    if is_missing(value):
        return None
    if (
        type(value).__module__ == "numpy"
        and hasattr(value, "item")
        and getattr(value, "ndim", 1) == 0
    ):
        return value.item()
    return value


_SURROGATE = re.compile("[\ud800-\udfff]")


def unusable_text_error(text: str) -> str | None:
    """Return a reason when ``text`` holds NUL characters or lone surrogates, else None."""
    bad = _SURROGATE.search(text)
    if bad is not None:
        return (
            f"text contains an unpaired surrogate code point (first at character "
            f"{bad.start()}); it is not valid Unicode and is not analysed"
        )
    pos = text.find("\x00")
    if pos < 0:
        return None
    return (
        f"text contains NUL characters (first at character {pos}); binary or UTF-16 data? "
        "The text is kept unchanged but not analysed; declare its encoding (encoding=... / "
        "--encoding) if it is text"
    )


def text_value(value: Any, encoding: str = "utf-8") -> tuple[str, str | None]:
    """Convert a raw text field to ``(text, reason)``; ``reason`` is None when it is usable."""
    if isinstance(value, str):
        return value, unusable_text_error(value)
    if is_missing(value):
        return "", "text is missing (None or NaN)"
    if isinstance(value, bool):
        return "", "text is a bool, not a string"
    if isinstance(value, numbers.Number):
        return str(meta_value(value)), None
    if isinstance(value, bytes | bytearray):
        try:
            text = bytes(value).decode(encoding)
        except UnicodeDecodeError as exc:
            return "", f"text is not valid {encoding} (byte {exc.start} of the value)"
        return text, unusable_text_error(text)
    return "", f"text is a {type(value).__name__}, not a string"


def id_value(value: Any) -> str | None:
    """Convert a raw id field to ``str`` (None when missing)."""
    if is_missing(value):
        return None
    value = meta_value(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, bytes | bytearray):
        return bytes(value).decode("utf-8", "backslashreplace")
    return str(value)


def record_to_document(
    record: Mapping[str, Any],
    *,
    text_column: str,
    id_column: str,
    default_id: str | None,
    origin: str | None,
    extra_meta: Mapping[str, Any] | None = None,
    encoding: str = "utf-8",
) -> Document:
    """Build a Document from one record; problems go into ``error``, never into an exception.

    Parameters
    ----------
    record : mapping
        Field name -> value.
    text_column, id_column : str
        Names of the text and id fields.
    default_id : str or None
        Id used when the record has no id field (or it is missing).
    origin : str or None
        Where the record came from (``file:line``); prefixes error messages.
    extra_meta : mapping, optional
        Metadata added when the record does not already hold the key (e.g. ``source_file``).
    encoding : str
        Encoding used to decode a ``bytes`` text value.

    Returns
    -------
    Document

    Examples
    --------
    >>> d = record_to_document({"text": "Hi.", "outlet": "Daily"}, text_column="text",
    ...                        id_column="id", default_id=None, origin=None)
    >>> (d.text, d.id, d.meta)
    ('Hi.', None, {'outlet': 'Daily'})
    """
    doc_id = id_value(record.get(id_column)) if id_column in record else None
    if doc_id is None:
        doc_id = default_id
    meta = {str(k): meta_value(v) for k, v in record.items() if k != text_column and k != id_column}
    for k, v in (extra_meta or {}).items():
        meta.setdefault(k, v)
    where = f"{origin}: " if origin else ""
    if text_column not in record:
        fields = ", ".join(repr(str(k)) for k in record) or "none"
        reason = f"no {text_column!r} field (fields: {fields}); {TEXT_COLUMN_HINT}"
        return Document(text="", id=doc_id, meta=meta, error=where + reason, origin=origin)
    text, reason = text_value(record[text_column], encoding)
    error = where + reason if reason else None
    return Document(text=text, id=doc_id, meta=meta, error=error, origin=origin)
