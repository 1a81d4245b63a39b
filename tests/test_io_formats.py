"""framing.io.read_documents on CSV, TSV, JSON Lines, JSON and Parquet files."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from framing.io import read_documents


def _read(source, **kw):
    return list(read_documents(source, **kw))


# --- CSV ---------------------------------------------------------------------------------


def test_csv_rows_ids_and_metadata(tmp_path):
    f = tmp_path / "news.csv"
    f.write_text(
        "id,text,outlet,date\n"
        'n1,"Talks stalled, officials said.",Ledger,2024-01-02\n'
        'n2,"Line one\nline two",Courier,\n',
        encoding="utf-8",
    )
    docs = _read(f)
    assert [d.id for d in docs] == ["n1", "n2"]
    assert docs[0].text == "Talks stalled, officials said."
    assert docs[1].text == "Line one\nline two"
    assert docs[0].meta == {"outlet": "Ledger", "date": "2024-01-02", "source_file": str(f)}
    assert docs[1].meta["date"] is None  # an empty cell is missing
    assert docs[1].origin == f"{f}:3"


def test_csv_generated_ids_use_start_line(tmp_path):
    f = tmp_path / "wire.csv"
    f.write_text('text\n"multi\nline"\nnext\n\nlast\n', encoding="utf-8")
    docs = _read(f)
    assert [d.id for d in docs] == ["wire:2", "wire:4", "wire:6"]
    assert [d.text for d in docs] == ["multi\nline", "next", "last"]


def test_csv_with_bom_and_semicolons(tmp_path):
    f = tmp_path / "excel.csv"
    f.write_bytes("text;outlet\r\nBonjour à tous;Le Monde\r\n".encode("utf-8-sig"))
    (doc,) = _read(f)
    assert doc.text == "Bonjour à tous" and doc.meta["outlet"] == "Le Monde"


def test_tsv_file(tmp_path):
    f = tmp_path / "t.tsv"
    f.write_text("text\tid\nA, with comma\tk1\n", encoding="utf-8")
    (doc,) = _read(f)
    assert (doc.id, doc.text) == ("k1", "A, with comma")


def test_csv_malformed_rows_report_line_and_stream_goes_on(tmp_path):
    f = tmp_path / "bad.csv"
    f.write_text('text,outlet\nfine,A\n"broken"x,B\ntoo,many,fields\nafter,C\n', encoding="utf-8")
    docs = _read(f)
    assert [d.text for d in docs] == ["fine", "", "", "after"]
    assert docs[1].error.startswith(f"{f}:3: malformed CSV row")
    assert docs[2].error.startswith(f"{f}:4: malformed CSV row (3 fields, the header has 2)")
    assert [d.id for d in docs] == ["bad:2", "bad:3", "bad:4", "bad:5"]
    assert docs[3].error is None


def test_csv_unclosed_quote_is_reported(tmp_path):
    f = tmp_path / "open.csv"
    f.write_text('text\nok\n"never closed\nmore\n', encoding="utf-8")
    docs = _read(f)
    assert docs[0].text == "ok"
    assert docs[1].error.startswith(f"{f}:3: malformed CSV row")


def test_csv_missing_text_column_gives_one_error_document(tmp_path):
    f = tmp_path / "nocol.csv"
    f.write_text("body,outlet\nx,A\ny,B\n", encoding="utf-8")
    (doc,) = _read(f)
    assert doc.error.startswith(f"{f}:1: no 'text' column (columns: 'body', 'outlet')")
    assert doc.id == "nocol"


def test_csv_text_column_option(tmp_path):
    f = tmp_path / "c.csv"
    f.write_text("body,key\nx,9\n", encoding="utf-8")
    (doc,) = _read(f, text_column="body", id_column="key")
    assert (doc.text, doc.id) == ("x", "9")


def test_csv_invalid_utf8_row_is_error_others_read(tmp_path):
    f = tmp_path / "enc.csv"
    f.write_bytes(b"text\ngood\ncaf\xe9\nalso good\n")
    docs = _read(f)
    assert [d.text for d in docs] == ["good", "", "also good"]
    assert docs[1].error.startswith(f"{f}:3: invalid utf-8 data at byte offset 13")


def test_csv_declared_encoding(tmp_path):
    f = tmp_path / "enc.csv"
    f.write_bytes("text\ncafé “quoted”\n".encode("cp1252"))
    (doc,) = _read(f, encoding="cp1252")
    assert doc.text == "café “quoted”" and doc.error is None


def test_csv_nul_in_text(tmp_path):
    f = tmp_path / "nul.csv"
    f.write_bytes(b"text\na\x00b\n")
    (doc,) = _read(f)
    assert doc.text == "a\x00b" and "NUL" in doc.error and doc.error.startswith(f"{f}:2:")


def test_csv_duplicate_ids_kept(tmp_path):
    f = tmp_path / "dup.csv"
    f.write_text("id,text\nx,one\nx,two\n", encoding="utf-8")
    assert [(d.id, d.text) for d in _read(f)] == [("x", "one"), ("x", "two")]


def test_csv_five_megabyte_field(tmp_path):
    para = "word " * (1024 * 1024)
    f = tmp_path / "big.csv"
    pd.DataFrame({"text": [para, "small"]}).to_csv(f, index=False)
    docs = _read(f)
    assert [len(d.text) for d in docs] == [len(para), 5] and docs[0].error is None


def test_empty_csv_file_gives_nothing(tmp_path):
    f = tmp_path / "e.csv"
    f.write_bytes(b"")
    assert _read(f) == []


# --- JSON Lines ----------------------------------------------------------------------------


def test_jsonl_records(tmp_path):
    f = tmp_path / "feed.jsonl"
    rows = [
        {"id": "a", "text": "First.", "outlet": "Ledger", "tags": ["x"]},
        {"text": "No id here.", "url": "https://example.org/2"},
    ]
    f.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    docs = _read(f)
    assert [d.id for d in docs] == ["a", "feed:2"]
    assert docs[0].meta == {"outlet": "Ledger", "tags": ["x"], "source_file": str(f)}
    assert docs[1].meta["url"] == "https://example.org/2"


def test_jsonl_malformed_lines_have_line_numbers(tmp_path):
    f = tmp_path / "mixed.jsonl"
    f.write_bytes(
        b'{"text": "ok"}\n'
        b"\n"
        b"{not json}\n"
        b'["a", "list"]\n'
        b'{"body": "no text"}\n'
        b'{"text": null}\n'
        b'{"text": 3}\n'
        b'{"text": "caf\xe9"}\n'
        b'{"text": "last"}'
    )
    docs = _read(f)
    assert [d.id for d in docs] == [f"mixed:{n}" for n in (1, 3, 4, 5, 6, 7, 8, 9)]
    errors = [d.error for d in docs]
    assert errors[0] is None and errors[-1] is None
    assert errors[1].startswith(f"{f}:3: not valid JSON")
    assert errors[2].startswith(f"{f}:4: JSON list where an object")
    assert errors[3].startswith(f"{f}:5: no 'text' field")
    assert errors[4].startswith(f"{f}:6: text is missing")
    assert errors[5] is None and docs[5].text == "3"
    assert errors[6].startswith(f"{f}:8: invalid utf-8 data at byte offset")
    assert docs[-1].text == "last"


@pytest.mark.parametrize("suffix", [".jsonl", ".csv"])
def test_line_formats_are_streamed(tmp_path, monkeypatch, suffix):
    import framing.io._files as files

    consumed = []
    real = files.iter_lines

    def counting(path, encoding):
        for line in real(path, encoding):
            consumed.append(line.number)
            yield line

    monkeypatch.setattr(files, "iter_lines", counting)
    f = tmp_path / f"s{suffix}"
    if suffix == ".jsonl":
        f.write_text("".join(f'{{"text": "r{i}"}}\n' for i in range(1000)), encoding="utf-8")
    else:
        f.write_text("text\n" + "".join(f"r{i}\n" for i in range(1000)), encoding="utf-8")
    stream = read_documents(f)
    assert next(stream).text == "r0"
    assert len(consumed) <= 3  # header and first record, not the whole file
    assert sum(1 for _ in stream) == 999


def test_utf16_jsonl_and_csv_with_bom(tmp_path):
    j = tmp_path / "u.jsonl"
    j.write_bytes('{"text": "ü one"}\n{"text": "two"}\n'.encode("utf-16"))
    assert [(d.id, d.text) for d in _read(j)] == [("u:1", "ü one"), ("u:2", "two")]
    c = tmp_path / "u.csv"
    c.write_bytes('text,id\r\n"a\r\nb",x\r\n'.encode("utf-16"))
    assert [(d.id, d.text) for d in _read(c)] == [("x", "a\r\nb")]


def test_jsonl_latin1(tmp_path):
    f = tmp_path / "l.jsonl"
    f.write_bytes('{"text": "naïve"}\n'.encode("latin-1"))
    (doc,) = _read(f, encoding="latin-1")
    assert doc.text == "naïve"


# --- JSON ----------------------------------------------------------------------------------


def test_json_array_of_objects(tmp_path):
    f = tmp_path / "arr.json"
    f.write_text(json.dumps([{"text": "a", "title": "T"}, {"text": "b", "id": 5}, 7]), "utf-8")
    docs = _read(f)
    assert [d.id for d in docs] == ["arr:1", "5", "arr:3"]
    assert docs[0].meta["title"] == "T"
    assert docs[2].error.startswith(f"{f}:item 3: JSON int")


def test_json_single_object_and_syntax_error(tmp_path):
    one = tmp_path / "one.json"
    one.write_text('{"text": "only", "outlet": "O"}', encoding="utf-8")
    (doc,) = _read(one)
    assert (doc.id, doc.text, doc.meta["outlet"]) == ("one", "only", "O")
    bad = tmp_path / "bad.json"
    bad.write_text('[\n{"text": "a"},\n{oops}\n]', encoding="utf-8")
    (err,) = _read(bad)
    assert err.error.startswith(f"{bad}:3: not valid JSON")


# --- Parquet -------------------------------------------------------------------------------


def test_parquet_rows_in_batches(tmp_path):
    n = 5000  # more than one batch
    df = pd.DataFrame(
        {
            "text": [f"Paragraph {i}." for i in range(n)],
            "outlet": ["A", None] * (n // 2),
            "score": [float(i) for i in range(n)],
        }
    )
    df.loc[3, "score"] = float("nan")
    f = tmp_path / "corpus.parquet"
    df.to_parquet(f, index=False)
    docs = _read(f)
    assert len(docs) == n
    assert docs[0].id == "corpus:1" and docs[-1].id == f"corpus:{n}"
    assert docs[4999].text == "Paragraph 4999."
    assert docs[1].meta["outlet"] is None and docs[3].meta["score"] is None
    assert docs[0].meta["source_file"] == str(f)


def test_parquet_ids_none_text_and_missing_column(tmp_path):
    f = tmp_path / "p.parquet"
    pd.DataFrame({"id": [10, 11], "text": ["x", None]}).to_parquet(f, index=False)
    docs = _read(f)
    assert [d.id for d in docs] == ["10", "11"]
    assert docs[1].error.startswith(f"{f}:row 2: text is missing")
    g = tmp_path / "q.parquet"
    pd.DataFrame({"body": ["x"]}).to_parquet(g, index=False)
    (doc,) = _read(g)
    assert doc.error.startswith(f"{g}: no 'text' column")


def test_corrupt_parquet_gives_error_document(tmp_path):
    f = tmp_path / "broken.parquet"
    f.write_bytes(b"not a parquet file at all")
    (doc,) = _read(f)
    assert doc.text == "" and doc.error.startswith(f"{f}: cannot read Parquet file")


@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".parquet"])
def test_same_records_from_each_format(tmp_path, suffix):
    df = pd.DataFrame({"id": ["a", "b"], "text": ["One.", "Two."], "outlet": ["X", "Y"]})
    f = tmp_path / f"same{suffix}"
    if suffix == ".csv":
        df.to_csv(f, index=False)
    elif suffix == ".jsonl":
        df.to_json(f, orient="records", lines=True)
    else:
        df.to_parquet(f, index=False)
    docs = _read(f)
    assert [(d.id, d.text, d.meta["outlet"]) for d in docs] == [
        ("a", "One.", "X"),
        ("b", "Two.", "Y"),
    ]
