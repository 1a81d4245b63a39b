"""framing.io.read_documents: in-memory sources, .txt files, directories, encodings."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from framing.document import Document
from framing.errors import InputError
from framing.io import describe_source, read_documents


def _read(source, **kw) -> list[Document]:
    return list(read_documents(source, **kw))


# --- in-memory sources -------------------------------------------------------------------


def test_plain_string_is_one_document():
    (doc,) = _read("The council met on Monday.\nIt agreed.")
    assert doc.text == "The council met on Monday.\nIt agreed."
    assert doc.id is None and doc.error is None


def test_string_naming_existing_file_is_read_as_path(tmp_path):
    f = tmp_path / "note.txt"
    f.write_text("Body of the note.", encoding="utf-8")
    (doc,) = _read(str(f))
    assert doc.text == "Body of the note."
    assert doc.id == "note"


def test_string_with_newline_is_text_even_if_a_line_exists_as_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("a").write_text("file content", encoding="utf-8")
    (doc,) = _read("a\nb")
    assert doc.text == "a\nb"


def test_string_that_looks_like_missing_file_raises():
    with pytest.raises(InputError, match="nosuch_news.csv"):
        read_documents("nosuch_news.csv")


def test_missing_path_object_raises_at_call(tmp_path):
    missing = tmp_path / "gone.txt"
    with pytest.raises(InputError, match="gone.txt"):
        read_documents(missing)


def test_iterable_of_mixed_items():
    items = [
        "plain text",
        {"text": "from a dict", "id": "d1", "outlet": "Ledger", "date": "2024-01-02"},
        Document("a document", id="x", meta={"title": "T"}),
    ]
    docs = _read(items)
    assert [d.text for d in docs] == ["plain text", "from a dict", "a document"]
    assert [d.id for d in docs] == [None, "d1", "x"]
    assert docs[1].meta == {"outlet": "Ledger", "date": "2024-01-02"}
    assert docs[2].meta == {"title": "T"}


def test_string_in_list_is_never_opened_as_path(tmp_path):
    f = tmp_path / "x.txt"
    f.write_text("inside", encoding="utf-8")
    (doc,) = _read([str(f)])
    assert doc.text == str(f)


def test_path_in_list_is_opened(tmp_path):
    f = tmp_path / "x.txt"
    f.write_text("inside", encoding="utf-8")
    docs = _read([f, "other"])
    assert [d.text for d in docs] == ["inside", "other"]


def test_missing_path_in_list_gives_error_document(tmp_path):
    docs = _read([tmp_path / "nope.txt", "ok"])
    assert "nope.txt" in docs[0].error
    assert docs[1].text == "ok"


def test_empty_directory_in_list_gives_error_document(tmp_path):
    (tmp_path / "empty").mkdir()
    docs = _read([tmp_path / "empty", "ok"])
    assert docs[0].error.endswith("the directory holds no files")
    assert docs[1].text == "ok"


def test_unsupported_item_gives_error_document_and_stream_goes_on():
    docs = _read(["a", 42, None, "b"])
    assert [d.text for d in docs] == ["a", "", "", "b"]
    assert docs[1].error.startswith("<input>[1]: a int")
    assert docs[2].error.startswith("<input>[2]:")
    assert docs[0].error is None and docs[3].error is None


def test_dict_without_text_field_gives_error_per_record():
    docs = _read([{"body": "x", "id": "r1"}, {"text": "fine"}])
    assert docs[0].error is not None and "'text'" in docs[0].error and "'body'" in docs[0].error
    assert docs[0].id == "r1"
    assert docs[1].error is None


def test_custom_text_and_id_columns():
    (doc,) = _read([{"body": "x", "key": 7, "outlet": "O"}], text_column="body", id_column="key")
    assert (doc.text, doc.id, doc.meta) == ("x", "7", {"outlet": "O"})


def test_numeric_text_is_converted_and_none_text_is_an_error():
    docs = _read([{"text": 12}, {"text": 1.5}, {"text": None}, {"text": float("nan")}])
    assert [d.text for d in docs[:2]] == ["12", "1.5"]
    assert docs[0].error is None and docs[1].error is None
    assert "missing" in docs[2].error and "missing" in docs[3].error


def test_empty_and_whitespace_text_are_kept_without_error():
    docs = _read(["", "   \n  ", {"text": ""}])
    assert [d.text for d in docs] == ["", "   \n  ", ""]
    assert all(d.error is None for d in docs)


def test_nul_characters_keep_text_and_set_error():
    docs = _read(["ab\x00cd", {"text": "x\x00"}, Document("y\x00", id="z")])
    assert [d.text for d in docs] == ["ab\x00cd", "x\x00", "y\x00"]
    assert all("NUL" in d.error for d in docs)
    assert "character 2" in docs[0].error


def test_document_with_non_string_text_becomes_error_document():
    (doc,) = _read([Document(None, id="bad")])  # type: ignore[arg-type]
    assert doc.text == "" and doc.id == "bad" and "NoneType" in doc.error


def test_duplicate_ids_are_kept():
    docs = _read([{"text": "a", "id": "same"}, {"text": "b", "id": "same"}])
    assert [(d.id, d.text) for d in docs] == [("same", "a"), ("same", "b")]


def test_nan_metadata_becomes_none():
    (doc,) = _read([{"text": "a", "date": float("nan"), "outlet": None}])
    assert doc.meta == {"date": None, "outlet": None}


def test_generator_source_is_consumed_lazily():
    seen = []

    def gen():
        for i in range(3):
            seen.append(i)
            yield f"doc {i}"

    stream = read_documents(gen())
    assert seen == []
    assert next(stream).text == "doc 0"
    assert seen == [0]


def test_single_dict_and_single_document():
    assert _read({"text": "d", "id": 3})[0].id == "3"
    assert _read(Document("t", id="k"))[0].id == "k"


def test_bytes_source_raises():
    with pytest.raises(InputError, match="bytes"):
        read_documents(b"raw")


# --- DataFrame ---------------------------------------------------------------------------


def test_dataframe_rows_with_metadata_and_ids():
    df = pd.DataFrame(
        {
            "id": ["a", "b"],
            "text": ["First.", "Second."],
            "outlet": ["Ledger", None],
            "n": [1, 2],
        }
    )
    docs = _read(df)
    assert [(d.id, d.text) for d in docs] == [("a", "First."), ("b", "Second.")]
    assert docs[0].meta == {"outlet": "Ledger", "n": 1}
    assert docs[1].meta["outlet"] is None
    assert type(docs[0].meta["n"]) is int


def test_dataframe_without_id_column_gives_none_ids():
    docs = _read(pd.DataFrame({"text": ["x", "y"]}))
    assert [d.id for d in docs] == [None, None]


def test_dataframe_nan_text_is_error_and_float_ids_are_clean():
    df = pd.DataFrame({"id": [1.0, None], "text": ["ok", None]})
    docs = _read(df)
    assert docs[0].id == "1" and docs[0].error is None
    assert docs[1].id is None and "missing" in docs[1].error and "row 2" in docs[1].error


def test_dataframe_without_text_column_raises():
    with pytest.raises(InputError, match="'text'.*'body'"):
        read_documents(pd.DataFrame({"body": ["x"]}))


# --- .txt files, directories and encodings -------------------------------------------------


def test_txt_file_keeps_text_exactly(tmp_path):
    text = "Line one.\r\nLine two.\n\nThird paragraph.\n"
    f = tmp_path / "story.txt"
    f.write_bytes(text.encode("utf-8"))
    (doc,) = _read(f)
    assert doc.text == text
    assert doc.id == "story"
    assert doc.meta == {"source_file": str(f)}
    assert doc.origin == str(f)


def test_utf8_bom_is_removed(tmp_path):
    f = tmp_path / "bom.txt"
    f.write_bytes(b"\xef\xbb\xbfCaf\xc3\xa9 opened.")
    (doc,) = _read(f)
    assert doc.text == "Café opened."


def test_utf16_file_with_bom_is_decoded(tmp_path):
    f = tmp_path / "u16.txt"
    f.write_bytes("Windows text ü.".encode("utf-16"))
    (doc,) = _read(f)
    assert doc.text == "Windows text ü." and doc.error is None


def test_invalid_utf8_gives_error_with_line_and_byte(tmp_path):
    f = tmp_path / "bad.txt"
    f.write_bytes(b"first line\nsecond caf\xe9 line\n")
    (doc,) = _read(f)
    assert doc.text == ""
    assert doc.id == "bad"
    assert doc.error.startswith(f"{f}:2: invalid utf-8 data at byte offset 21")
    assert "latin-1" in doc.error


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252"])
def test_declared_fallback_encoding(tmp_path, encoding):
    f = tmp_path / "legacy.txt"
    f.write_bytes("second café line".encode(encoding))
    (doc,) = _read(f, encoding=encoding)
    assert doc.text == "second café line" and doc.error is None


def test_nul_bytes_in_txt_file(tmp_path):
    f = tmp_path / "nul.txt"
    f.write_bytes(b"ok\nhas\x00nul")
    (doc,) = _read(f)
    assert doc.text == "ok\nhas\x00nul"
    assert doc.error.startswith(f"{f}:2: text contains NUL")


def test_five_megabyte_paragraph(tmp_path):
    para = ("The committee debated the harbour fees at length. " * 100_000)[: 5 * 1024 * 1024]
    f = tmp_path / "long.txt"
    f.write_text(para, encoding="utf-8")
    (doc,) = _read(f)
    assert len(doc.text) == len(para) and doc.error is None


def test_empty_txt_file_is_an_empty_document(tmp_path):
    f = tmp_path / "empty.txt"
    f.write_bytes(b"")
    (doc,) = _read(f)
    assert doc.text == "" and doc.error is None and doc.id == "empty"


def test_unknown_file_type_gives_error_document(tmp_path):
    f = tmp_path / "paper.pdf"
    f.write_bytes(b"%PDF-1.4")
    (doc,) = _read(f)
    assert doc.text == "" and doc.error.startswith(f"{f}: unsupported file type '.pdf'")


def test_directory_recursive_sorted_with_errors_reported(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a.txt").write_text("A text.", encoding="utf-8")
    (tmp_path / "b" / "c.txt").write_text("C text.", encoding="utf-8")
    (tmp_path / "b" / "rows.jsonl").write_text('{"text": "row"}\n', encoding="utf-8")
    (tmp_path / "notes.docx").write_bytes(b"PK")
    (tmp_path / ".hidden.txt").write_text("skip me", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("skip me too", encoding="utf-8")
    docs = _read(tmp_path)
    assert [d.id for d in docs] == ["a", "b/c", "b/rows:1", "notes"]
    assert [d.text for d in docs[:3]] == ["A text.", "C text.", "row"]
    assert "unsupported file type '.docx'" in docs[3].error


def test_directory_with_same_stem_in_two_folders_keeps_both(tmp_path):
    for sub in ("x", "y"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "story.txt").write_text(sub, encoding="utf-8")
    assert [d.id for d in _read(tmp_path)] == ["x/story", "y/story"]


def test_empty_directory_raises(tmp_path):
    with pytest.raises(InputError, match="no files"):
        read_documents(tmp_path)


def test_describe_source(tmp_path):
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "b.txt").write_text("y", encoding="utf-8")
    assert describe_source(tmp_path) == f"{tmp_path} (2 files)"
    assert describe_source(["a"]) == "1 document"
    assert describe_source(iter(["a"])) == "a stream of documents"
    assert describe_source(pd.DataFrame({"text": ["a", "b"]})) == "DataFrame (2 rows)"
