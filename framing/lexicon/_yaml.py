"""The project's YAML lexicon format, read safely with line numbers.

.. code-block:: yaml

    name: my-lexicon
    version: "1.0"
    licence: CC0-1.0
    source: written by me
    categories:
      pejorative:
        description: labels that disparage a person or group
        intensity: 0.8        # default for the category's entries
        polarity: -1
        entries:
          - thug
          - {term: so-called, intensity: 0.9}
          - {term: Trump card, case: exact, intensity: 0.2}
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Literal

import yaml

from ._io import parse_float
from ._model import Entry, Lexicon, LexiconError, Provenance, term_words

__all__ = ["read_yaml"]

_Node = yaml.Node
_PLAIN_TAGS = {f"tag:yaml.org,2002:{t}" for t in ("str", "int", "float", "bool", "null")}


def read_yaml(path: str | os.PathLike[str], errors: Literal["raise", "skip"] = "raise") -> Lexicon:
    """Read a lexicon in the project's YAML format (no YAML tags, no code execution).

    Examples
    --------
    >>> import tempfile, os, pathlib
    >>> p = os.path.join(tempfile.mkdtemp(), "mine.yaml")
    >>> text = "name: mine\\ncategories:\\n  hedge:\\n    entries: [perhaps]\\n"
    >>> _ = pathlib.Path(p).write_text(text)
    >>> [(e.term, e.category) for e in read_yaml(p)]
    [('perhaps', 'hedge')]
    """
    try:
        with open(path, encoding="utf-8-sig") as fh:
            root = yaml.compose(fh, Loader=yaml.SafeLoader)
    except OSError as exc:
        raise LexiconError(f"cannot read lexicon file ({exc.strerror})", path) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise LexiconError(f"invalid YAML: {getattr(exc, 'problem', exc)}", path, line) from None
    top = _mapping(root, path, "the document")
    meta: dict[str, str] = {}
    for key in ("name", "version", "licence", "license", "source"):
        if key in top:
            meta["licence" if key == "license" else key] = _scalar(top[key], path)
    unknown = set(top) - {"name", "version", "licence", "license", "source", "categories"}
    if unknown:
        raise LexiconError(f"unknown keys {sorted(unknown)}", path, _line(root))
    if "categories" not in top:
        raise LexiconError("no 'categories' mapping", path, _line(root))
    entries: list[Entry] = []
    descs: dict[str, str] = {}
    skipped: list[tuple[int, str]] = []
    for cat, cnode in _mapping(top["categories"], path, "categories").items():
        spec = _mapping(cnode, path, f"category {cat!r}")
        bad = set(spec) - {"description", "intensity", "polarity", "case", "entries"}
        if bad:
            raise LexiconError(
                f"unknown keys {sorted(bad)} in category {cat!r}", path, _line(cnode)
            )
        if "description" in spec:
            descs[cat] = _scalar(spec["description"], path)
        defaults = {k: spec[k] for k in ("intensity", "polarity", "case") if k in spec}
        seq = spec.get("entries")
        if not isinstance(seq, yaml.SequenceNode):
            raise LexiconError(f"category {cat!r} needs an 'entries' list", path, _line(cnode))
        for item in seq.value:
            try:
                entries.append(_entry(item, cat, defaults, path))
            except LexiconError as exc:
                if errors == "raise":
                    raise
                skipped.append((exc.line or 0, exc.reason))
    meta.setdefault("name", Path(path).stem)
    return Lexicon(entries, Provenance(**meta), descs, skipped)


def _line(node: _Node) -> int:
    return int(node.start_mark.line) + 1


def _mapping(node: _Node, path: Any, what: str) -> dict[str, _Node]:
    if not isinstance(node, yaml.MappingNode):
        raise LexiconError(f"{what} must be a mapping", path, _line(node))
    out: dict[str, _Node] = {}
    for k, v in node.value:
        key = _scalar(k, path)
        if key in out:
            raise LexiconError(f"duplicate key {key!r}", path, _line(k))
        out[key] = v
    return out


def _scalar(node: _Node, path: Any) -> str:
    if not isinstance(node, yaml.ScalarNode):
        raise LexiconError("expected a plain value", path, _line(node))
    if node.tag not in _PLAIN_TAGS:
        raise LexiconError(
            f"YAML tags are not allowed (expected a plain value): {node.tag}", path, _line(node)
        )
    return str(node.value)


def _entry(item: _Node, cat: str, defaults: dict[str, _Node], path: Any) -> Entry:
    no = _line(item)
    fields = dict(defaults)
    if isinstance(item, yaml.ScalarNode):
        fields["term"] = item
    else:
        spec = _mapping(item, path, "an entry")
        bad = set(spec) - {"term", "intensity", "polarity", "case"}
        if bad:
            raise LexiconError(f"unknown keys {sorted(bad)} in entry", path, no)
        fields.update(spec)
    if "term" not in fields:
        raise LexiconError("entry without 'term'", path, no)
    term = _scalar(fields["term"], path).strip()
    case = _scalar(fields["case"], path) if "case" in fields else "any"
    if case not in ("any", "exact"):
        raise LexiconError(f"case must be 'any' or 'exact', got {case!r}", path, no)
    inten = (
        parse_float(_scalar(fields["intensity"], path), "intensity", path, no, 0, 1)
        if "intensity" in fields
        else 1.0
    )
    pol = (
        parse_float(_scalar(fields["polarity"], path), "polarity", path, no, -1, 1)
        if "polarity" in fields
        else 0.0
    )
    try:
        term_words(term, case == "exact")
    except ValueError as exc:
        raise LexiconError(str(exc), path, no) from None
    return Entry(term, cat, inten, pol, case == "exact", line=no)
