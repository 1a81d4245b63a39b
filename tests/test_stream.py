import json

import pytest

import framing
from framing.stream import analyze_to


def corpus(tmp_path, n=25):
    path = tmp_path / "corpus.jsonl"
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            text = f"Story {i} begins.\nThe mayor said it was a great day. Critics disagreed."
            fh.write(json.dumps({"id": f"s{i}", "text": text, "outlet": "AB"[i % 2]}) + "\n")
        fh.write("not json\n")
    return path


def test_streamed_tables_equal_in_memory_tables(tmp_path):
    src = corpus(tmp_path)
    res = analyze_to(src, tmp_path / "run", chunk_size=4, progress=False)
    assert res.documents == 26 and res.failed == 1 and res.chunks == 7
    streamed = framing.load(tmp_path / "run")
    direct = framing.analyze(src)
    for name in ("documents", "paragraphs", "sentences", "spans"):
        a, b = streamed.tables[name], direct.tables[name]
        assert a.columns.tolist() == b.columns.tolist(), name
        assert len(a) == len(b), name
    assert streamed.paragraphs.valence.tolist() == pytest.approx(direct.paragraphs.valence.tolist())
    assert streamed.text("s3") == direct.text("s3")


def test_interrupted_run_resumes_without_duplicates(tmp_path, monkeypatch):
    src = corpus(tmp_path)
    out = tmp_path / "run"
    import framing.stream as stream

    real = stream._write_piece
    calls = {"n": 0}

    def flaky(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 3:
            raise KeyboardInterrupt
        return real(*args, **kwargs)

    monkeypatch.setattr(stream, "_write_piece", flaky)
    with pytest.raises(KeyboardInterrupt):
        analyze_to(src, out, chunk_size=5, progress=False)
    assert json.loads((out / "progress.json").read_text())["chunks"] == 2
    monkeypatch.setattr(stream, "_write_piece", real)
    res = analyze_to(src, out, chunk_size=5, progress=False)
    assert res.resumed_chunks == 2 and res.documents == 26
    a = framing.load(out)
    assert a.documents.doc_id.is_unique and len(a.documents) == 26


def test_other_settings_refuse_to_resume(tmp_path):
    src = corpus(tmp_path, 3)
    analyze_to(src, tmp_path / "run", chunk_size=2, progress=False)
    with pytest.raises(framing.InputError, match="other input or settings"):
        analyze_to(src, tmp_path / "run", chunk_size=3, progress=False)


def test_foreign_folder_is_not_overwritten(tmp_path):
    (tmp_path / "busy").mkdir()
    (tmp_path / "busy" / "notes.txt").write_text("mine")
    with pytest.raises(framing.InputError, match="not a framing run"):
        analyze_to(["x"], tmp_path / "busy", progress=False)


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_text_formats_stream_too(tmp_path, fmt):
    analyze_to(corpus(tmp_path, 5), tmp_path / "run", format=fmt, chunk_size=2, progress=False)
    assert len(framing.load(tmp_path / "run").documents) == 6


def test_resume_drops_parts_of_the_unfinished_chunk(tmp_path, monkeypatch):
    import framing.parallel as parallel
    import framing.stream as stream

    monkeypatch.setattr(parallel, "_SERIAL_PIECE", 2)  # chunks of 5 in pieces of 2
    src = corpus(tmp_path, 9)
    out = tmp_path / "run"
    real = stream._write_piece
    calls = {"n": 0}

    def flaky(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 5:  # chunk 1: piece 0 written, piece 1 interrupted
            raise KeyboardInterrupt
        return real(*args, **kwargs)

    monkeypatch.setattr(stream, "_write_piece", flaky)
    with pytest.raises(KeyboardInterrupt):
        analyze_to(src, out, chunk_size=5, progress=False)
    assert (out / "documents" / "part-00001-0000.parquet").is_file()
    monkeypatch.setattr(stream, "_write_piece", real)
    res = analyze_to(src, out, chunk_size=5, progress=False)
    assert res.resumed_chunks == 1
    docs = framing.load(out).documents
    assert docs.doc_id.is_unique and len(docs) == 10


def test_two_workers_write_the_same_tables(tmp_path):
    src = corpus(tmp_path, 30)
    analyze_to(src, tmp_path / "one", chunk_size=20, progress=False)
    analyze_to(src, tmp_path / "two", chunk_size=20, jobs=2, progress=False)
    one, two = framing.load(tmp_path / "one"), framing.load(tmp_path / "two")
    for name in one.tables:
        assert one.tables[name].equals(two.tables[name]), name
