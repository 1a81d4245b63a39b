"""framing.io.read_name_map: targets / actors maps from dicts, lists, YAML and JSON files."""

from __future__ import annotations

import json

import pytest

from framing.errors import InputError
from framing.io import read_name_map


def test_dict_name_is_first_alias_and_str_alias_allowed():
    got = read_name_map({"Harbour board": ["the board", "HB"], "Mayor": "the mayor", "X": None})
    assert got == {
        "Harbour board": ["Harbour board", "the board", "HB"],
        "Mayor": ["Mayor", "the mayor"],
        "X": ["X"],
    }


def test_repeated_aliases_removed_order_kept():
    assert read_name_map({"A": ["b", "A", "b", "c"]}) == {"A": ["A", "b", "c"]}


def test_list_of_names_and_none():
    assert read_name_map(["North", "South"]) == {"North": ["North"], "South": ["South"]}
    assert read_name_map(None) == {}


@pytest.mark.parametrize(
    ("bad", "match"),
    [
        ({"A": 3}, "aliases of 'A'"),
        ({"A": ["ok", 5]}, "alias 5 of 'A'"),
        ({"": ["x"]}, "non-empty string"),
        ({"A": [""]}, "alias '' of 'A'"),
        (42, "name map"),
    ],
)
def test_bad_shapes_raise(bad, match):
    with pytest.raises(InputError, match=match):
        read_name_map(bad)


def test_yaml_file(tmp_path):
    f = tmp_path / "targets.yaml"
    f.write_text(
        "# targets of the study\n"
        "Harbour board:\n"
        "  - the board\n"
        "  - HB\n"
        "Norway: [no, Oslo]\n"
        "Mayor: the mayor\n"
        "Port: ~\n"
        "'2024 plan': [2024]\n",
        encoding="utf-8",
    )
    assert read_name_map(f) == {
        "Harbour board": ["Harbour board", "the board", "HB"],
        "Norway": ["Norway", "no", "Oslo"],  # scalars stay as written, not booleans
        "Mayor": ["Mayor", "the mayor"],
        "Port": ["Port"],
        "2024 plan": ["2024 plan", "2024"],
    }
    assert read_name_map(str(f)) == read_name_map(f)


def test_yaml_list_of_names(tmp_path):
    f = tmp_path / "names.yml"
    f.write_text("- North\n- South\n", encoding="utf-8")
    assert read_name_map(f) == {"North": ["North"], "South": ["South"]}


def test_empty_yaml_is_empty_map(tmp_path):
    f = tmp_path / "empty.yaml"
    f.write_text("# nothing yet\n", encoding="utf-8")
    assert read_name_map(f) == {}


def test_malformed_yaml_names_file_and_line(tmp_path):
    f = tmp_path / "bad.yaml"
    f.write_text("A:\n  - a\nB: [b, c\nC: d\n", encoding="utf-8")
    with pytest.raises(InputError, match=rf"^{f}:\d+: not valid YAML"):
        read_name_map(f)


@pytest.mark.parametrize(
    ("text", "line", "match"),
    [
        ("A: [a]\nB:\n  x: y\n", 3, "aliases of 'B' must be a list"),
        ("A: [a, [b]]\n", 1, "an alias of 'A' must be a string, not a list"),
        ("A: [a]\nA: [b]\n", 2, "'A' appears twice"),
        ("just a string\n", 1, "expected a mapping"),
        ("A: [a, ~]\n", 1, "not an empty value"),
    ],
)
def test_wrong_yaml_shape_names_line(tmp_path, text, line, match):
    f = tmp_path / "shape.yaml"
    f.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=rf"^{f}:{line}: .*{match}"):
        read_name_map(f)


def test_yaml_does_not_construct_python_objects(tmp_path):
    f = tmp_path / "evil.yaml"
    f.write_text("A: !!python/object/apply:os.system ['echo hi']\n", encoding="utf-8")
    with pytest.raises(InputError, match="evil.yaml:1: unsupported YAML tag"):
        read_name_map(f)


def test_json_file_and_json_error(tmp_path):
    f = tmp_path / "actors.json"
    f.write_text(json.dumps({"City": ["mayor", "council"]}), encoding="utf-8")
    assert read_name_map(f) == {"City": ["City", "mayor", "council"]}
    g = tmp_path / "bad.json"
    g.write_text('{\n"City": ["mayor",]\n}', encoding="utf-8")
    with pytest.raises(InputError, match=rf"^{g}:2: not valid JSON"):
        read_name_map(g)
    h = tmp_path / "shape.json"
    h.write_text('{"City": {"a": 1}}', encoding="utf-8")
    with pytest.raises(InputError, match="aliases of 'City'"):
        read_name_map(h)


def test_missing_file_raises(tmp_path):
    with pytest.raises(InputError, match="nope.yaml"):
        read_name_map(tmp_path / "nope.yaml")


def test_folder_is_refused_with_its_name(tmp_path):
    with pytest.raises(InputError, match="is a folder"):
        read_name_map(tmp_path)


def test_a_pipe_is_read_like_a_file(tmp_path):
    # A shell's process substitution, framing analyze --targets <(...), passes a pipe.
    import os
    import threading

    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes on this platform")
    fifo = tmp_path / "targets.fifo"
    os.mkfifo(fifo)

    def write() -> None:
        with open(fifo, "w", encoding="utf-8") as fh:
            fh.write("Russia: [Moscow]\n")

    writer = threading.Thread(target=write)
    writer.start()
    try:
        assert read_name_map(fifo) == {"Russia": ["Russia", "Moscow"]}
    finally:
        writer.join(timeout=5)
