"""HTML pages: main text extracted with trafilatura (the optional ``framing[html]`` extra).

The page is never fetched: only saved files are read. The produced text has one paragraph
per line (paragraphs, list items, block quotes and table rows each become one line, inline
whitespace collapsed to single spaces); headings are kept as their own lines and their
``(start, end)`` offsets are listed in ``meta["headings"]``. Page metadata found by
trafilatura becomes ``title``, ``author``, ``date``, ``url``, ``outlet`` (the site name) and
``hostname``.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..document import Document
from ._encoding import decode_bytes
from ._records import unusable_text_error

__all__ = ["html_to_text", "read_html"]

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_META_FIELDS = {
    "title": "title",
    "author": "author",
    "date": "date",
    "url": "url",
    "sitename": "outlet",
    "hostname": "hostname",
}
INSTALL_HINT = "reading HTML needs trafilatura: install framing[html] (pip install 'framing[html]')"


def _inline(el: Any, skip: tuple[str, ...] = ()) -> str:
    """Text of an element and its inline children, whitespace collapsed."""
    parts: list[str] = []

    def walk(node: Any) -> None:
        if node.text:
            parts.append(node.text)
        for child in node:
            if not isinstance(child.tag, str):
                pass  # comments, processing instructions
            elif child.tag == "lb":
                parts.append(" ")
            elif child.tag not in skip:
                walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(el)
    return " ".join("".join(parts).split())


def _blocks(el: Any) -> Iterator[tuple[bool, str]]:
    """Yield ``(is_heading, line)`` for the block children of ``el`` in document order."""
    for child in el:
        tag = child.tag
        if not isinstance(tag, str):
            continue
        if tag == "head":
            yield True, _inline(child)
        elif tag == "row":
            yield False, " | ".join(c for c in (_inline(cell) for cell in child) if c)
        elif tag == "item":
            yield False, _inline(child, skip=("list",))
            for sub in child:
                if sub.tag == "list":
                    yield from _blocks(sub)
        elif tag in ("list", "table", "quote", "div") and any(
            isinstance(c.tag, str) and c.tag in ("p", "head", "item", "row", "list", "quote")
            for c in child
        ):
            yield from _blocks(child)
        else:
            yield False, _inline(child)


def html_to_text(body: Any) -> tuple[str, list[tuple[int, int]]]:
    """Join the blocks of a trafilatura body into text; return it with the heading offsets."""
    lines: list[str] = []
    headings: list[tuple[int, int]] = []
    pos = 0
    for is_heading, line in _blocks(body):
        if not line:
            continue
        if lines:
            pos += 1  # the "\n" before this line
        if is_heading:
            headings.append((pos, pos + len(line)))
        lines.append(line)
        pos += len(line)
    return "\n".join(lines), headings


def _declared_charset(data: bytes) -> str | None:
    m = _CHARSET.search(data[:4096])
    if not m:
        return None
    try:
        return codecs.lookup(m.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None


def read_html(path: Path, name: str, *, encoding: str, **_: Any) -> Iterator[Document]:
    """Read one saved HTML page as one document (id ``name``)."""
    meta: dict[str, Any] = {"source_file": str(path)}
    origin = str(path)

    def fail(reason: str, line: int | None = None) -> Document:
        where = f"{path}:{line}" if line else origin
        return Document(text="", id=name, meta=meta, error=f"{where}: {reason}", origin=origin)

    try:
        import trafilatura
    except ImportError:
        yield fail(INSTALL_HINT)
        return
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield fail(f"cannot read file ({exc.strerror or exc})")
        return
    html, error = decode_bytes(data, encoding, str(path))
    if error:
        declared = _declared_charset(data)
        if declared and declared != codecs.lookup(encoding).name:
            html, error = decode_bytes(data, declared, str(path))
    if error:
        yield Document(text="", id=name, meta=meta, error=error, origin=origin)
        return
    try:
        result = trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            include_formatting=False,
            include_links=False,
            include_images=False,
        )
    except Exception as exc:  # a third-party parser: report, never crash the batch
        yield fail(f"trafilatura could not parse the page ({type(exc).__name__}: {exc})")
        return
    if result is None:
        yield fail("no article text found in the page")
        return

    def get(key: str) -> Any:
        return result.get(key) if isinstance(result, dict) else getattr(result, key, None)

    for key, field in _META_FIELDS.items():
        value = get(key)
        if value:
            meta[field] = value
    body = get("body")
    text, headings = html_to_text(body) if body is not None else ("", [])
    if not text:
        yield fail("no article text found in the page")
        return
    meta["headings"] = headings
    reason = unusable_text_error(text)
    yield Document(
        text=text,
        id=name,
        meta=meta,
        error=f"{origin}: {reason}" if reason else None,
        origin=origin,
    )
