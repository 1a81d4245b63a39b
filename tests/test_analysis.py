import math

import pytest

import framing

DOCS = [
    {"id": "a", "text": "A calm, fair debate.\nNobody was hurt.", "outlet": "Ledger"},
    {"id": "b", "text": "A brutal attack.", "outlet": "Wire"},
    {"id": "c", "text": "  ", "outlet": "Wire"},
]


@pytest.fixture(scope="module")
def analysis():
    return framing.analyze(DOCS)


@pytest.mark.parametrize("fmt", ["parquet", "csv", "jsonl"])
def test_save_load_round_trip(analysis, tmp_path, fmt):
    analysis.save(tmp_path / "out", fmt)
    back = framing.load(tmp_path / "out")
    assert list(back.tables) == list(analysis.tables)
    for name, df in analysis.tables.items():
        got = back.tables[name]
        assert got.columns.tolist() == df.columns.tolist(), name
        assert len(got) == len(df), name
    assert back.text("a") == analysis.text("a")
    assert back.paragraphs.valence.tolist() == pytest.approx(analysis.paragraphs.valence.tolist())
    err = back.documents.set_index("doc_id").error
    assert err["c"] == "empty or whitespace-only text"
    assert err["a"] is None or (isinstance(err["a"], float) and math.isnan(err["a"]))


def test_to_csv_writes_every_table(analysis, tmp_path):
    analysis.to_csv(tmp_path)
    for name in ("documents", "paragraphs", "sentences", "spans"):
        assert (tmp_path / f"{name}.csv").is_file()


def test_load_rejects_other_folder(tmp_path):
    with pytest.raises(framing.InputError, match="not a framing results directory"):
        framing.load(tmp_path)


def test_to_long_has_feature_and_value(analysis):
    long = analysis.to_long()
    assert {"doc_id", "para_id", "outlet", "feature", "value"} <= set(long.columns)
    assert set(long.feature) >= {"valence", "n_tokens"}
    assert len(long[long.feature == "valence"]) == len(analysis.paragraphs)


def test_missing_table_explains_itself():
    a = framing.analyze(["x y"], scorers=[])
    with pytest.raises(AttributeError, match="stance"):
        a.stance  # noqa: B018


def test_text_of_unknown_id_raises(analysis):
    with pytest.raises(KeyError, match="zzz"):
        analysis.text("zzz")


def test_load_table_reads_only_the_columns_asked_for(tmp_path):
    from framing.stream import analyze_to

    analyze_to(["One calm day.", "Two calm days."], tmp_path / "run", chunk_size=1, progress=False)
    docs = framing.load_table(tmp_path / "run", "documents", ["doc_id", "error"])
    assert docs.columns.tolist() == ["doc_id", "error"]
    assert docs.doc_id.tolist() == ["doc-1", "doc-2"]


def test_load_table_names_missing_tables(tmp_path):
    out = framing.analyze("A calm day.").save(tmp_path / "res")
    assert len(framing.load_table(out, "paragraphs")) == 1
    with pytest.raises(framing.InputError, match="no table 'nope'"):
        framing.load_table(out, "nope")
