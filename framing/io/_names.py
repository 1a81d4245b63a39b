"""``read_name_map``: targets / actors maps (canonical name -> aliases) from objects or files."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import yaml

from ..errors import InputError
from ._encoding import decode_bytes

__all__ = ["read_name_map"]

_NULL_TAG = "tag:yaml.org,2002:null"
_PLAIN_TAGS = {
    "tag:yaml.org,2002:" + t for t in ("str", "int", "float", "bool", "null", "seq", "map")
}


def read_name_map(obj: Any) -> dict[str, list[str]]:
    """Read a name map such as ``targets`` or ``actors``: canonical name -> list of aliases.

    Parameters
    ----------
    obj : dict, list, str, os.PathLike or None
        * a dict ``{name: [alias, ...]}``; an alias list may be a single str or None/empty;
        * a list of names (each name is its only alias);
        * a path (str or path-like) to a YAML file (``.yaml``/``.yml``, or any other suffix)
          or a JSON file (``.json``) of the same shape;
        * None, which gives an empty map.

    Returns
    -------
    dict of str to list of str
        The name itself is always the first alias; aliases keep their order, without repeats.
        YAML scalars are kept as written (``no`` stays the string ``"no"``).

    Raises
    ------
    InputError
        For a missing or malformed file or a wrong shape; file messages start ``<file>:<line>:``.

    Examples
    --------
    >>> read_name_map({"Russia": ["Putin", "the Kremlin"], "NATO": "the alliance"})
    {'Russia': ['Russia', 'Putin', 'the Kremlin'], 'NATO': ['NATO', 'the alliance']}
    >>> read_name_map(["Ukraine"])
    {'Ukraine': ['Ukraine']}
    """
    if obj is None:
        return {}
    if isinstance(obj, str | os.PathLike):
        return _read_file(Path(obj))
    if isinstance(obj, Mapping):
        return {_name(k, "<names>"): _aliases(k, v, "<names>") for k, v in obj.items()}
    if isinstance(obj, Iterable) and not isinstance(obj, bytes | bytearray):
        items = list(obj)
        return {_name(k, "<names>"): [k] for k in items}
    raise InputError(f"a name map must be a dict, a list of names or a file path, not {obj!r}")


def _name(key: Any, where: str) -> str:
    if not isinstance(key, str) or not key.strip():
        raise InputError(f"{where}: a name must be a non-empty string, not {key!r}")
    return key


def _aliases(name: str, value: Any, where: str) -> list[str]:
    if value is None:
        values: list[Any] = []
    elif isinstance(value, str):
        values = [value]
    elif isinstance(value, list | tuple):
        values = list(value)
    else:
        raise InputError(
            f"{where}: aliases of {name!r} must be a list of strings, not {type(value).__name__}"
        )
    out = [name]
    for alias in values:
        if not isinstance(alias, str) or not alias.strip():
            raise InputError(f"{where}: alias {alias!r} of {name!r} is not a non-empty string")
        if alias not in out:
            out.append(alias)
    return out


def _read_file(path: Path) -> dict[str, list[str]]:
    if path.is_dir():
        raise InputError(f"{path}: is a folder, not a targets or actors file")
    if not path.exists():  # (a pipe such as ``<(...)`` in a shell is no regular file)
        raise InputError(f"{path}: no such file")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read file ({exc.strerror or exc})") from exc
    text, error = decode_bytes(data, "utf-8", str(path))
    if error:
        raise InputError(error)
    if path.suffix.lower() == ".json":
        return _from_json(text, path)
    return _from_yaml(text, path)


def _from_json(text: str, path: Path) -> dict[str, list[str]]:
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}:{exc.lineno}: not valid JSON ({exc.msg})") from exc
    if isinstance(obj, dict):
        return {_name(k, str(path)): _aliases(k, v, str(path)) for k, v in obj.items()}
    if isinstance(obj, list):
        return {_name(k, str(path)): [k] for k in obj}
    raise InputError(f"{path}:1: expected an object {{name: [aliases]}}, not {type(obj).__name__}")


def _check_tag(node: yaml.Node, path: Path) -> None:
    if node.tag not in _PLAIN_TAGS:
        line = node.start_mark.line + 1
        raise InputError(f"{path}:{line}: unsupported YAML tag {node.tag!r} (plain strings only)")


def _scalar(node: yaml.Node, path: Path, what: str) -> str:
    where = f"{path}:{node.start_mark.line + 1}"
    _check_tag(node, path)
    if not isinstance(node, yaml.ScalarNode) or node.tag == _NULL_TAG:
        kind = "an empty value" if node.tag == _NULL_TAG else f"a {_kind(node)}"
        raise InputError(f"{where}: {what} must be a string, not {kind}")
    if not node.value.strip():
        raise InputError(f"{where}: {what} must be a non-empty string")
    return str(node.value)


def _kind(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "mapping"
    if isinstance(node, yaml.SequenceNode):
        return "list"
    return "value"


def _from_yaml(text: str, path: Path) -> dict[str, list[str]]:
    # compose() only builds the node tree (no object construction, so no code can run) and
    # keeps line marks and scalars as written.
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = mark.line + 1 if mark is not None else 1
        problem = getattr(exc, "problem", None) or str(exc)
        raise InputError(f"{path}:{line}: not valid YAML ({problem})") from exc
    if root is None:
        return {}
    _check_tag(root, path)
    if isinstance(root, yaml.SequenceNode):
        names = [_scalar(n, path, "a name") for n in root.value]
        return {n: [n] for n in names}
    if not isinstance(root, yaml.MappingNode):
        raise InputError(
            f"{path}:{root.start_mark.line + 1}: expected a mapping 'name: [aliases]', "
            f"not a {_kind(root)}"
        )
    out: dict[str, list[str]] = {}
    for key_node, value_node in root.value:
        name = _scalar(key_node, path, "a name")
        line = key_node.start_mark.line + 1
        if name in out:
            raise InputError(f"{path}:{line}: name {name!r} appears twice")
        aliases = [name]
        _check_tag(value_node, path)
        if isinstance(value_node, yaml.SequenceNode):
            items = [_scalar(n, path, f"an alias of {name!r}") for n in value_node.value]
        elif isinstance(value_node, yaml.ScalarNode):
            items = [] if value_node.tag == _NULL_TAG else [_scalar(value_node, path, "an alias")]
        else:
            raise InputError(
                f"{path}:{value_node.start_mark.line + 1}: aliases of {name!r} must be a list "
                f"of strings, not a {_kind(value_node)}"
            )
        for alias in items:
            if alias not in aliases:
                aliases.append(alias)
        out[name] = aliases
    return out
