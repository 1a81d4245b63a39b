import pandas as pd
import pandas.testing as pdt
import pytest

import framing

dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")

ROWS = pd.DataFrame(
    {
        "id": [f"n{i}" for i in range(12)],
        "outlet": ["A", "B", "C"] * 4,
        "text": [
            f"Story {i}. The minister said the plan was a disaster.\nCalm followed."
            for i in range(12)
        ],
    }
)


def same_tables(a: framing.Analysis, b: framing.Analysis) -> None:
    for name in ("documents", "paragraphs", "sentences", "spans"):
        x = a.tables[name].reset_index(drop=True)
        y = b.tables[name].reset_index(drop=True)
        pdt.assert_frame_equal(x, y, check_dtype=False)


def test_local_threads_match_serial():
    serial = framing.analyze(ROWS)
    lazy = framing.analyze(dd.from_pandas(ROWS, npartitions=3))
    same_tables(lazy.compute(scheduler="sync"), serial)


def test_missing_ids_are_numbered_like_serial():
    rows = ROWS.drop(columns="id")
    serial = framing.analyze(rows)
    lazy = framing.analyze(dd.from_pandas(rows, npartitions=4))
    same_tables(lazy.compute(scheduler="sync"), serial)


def test_process_cluster_reads_parquet_and_matches_serial(tmp_path):
    ROWS.to_parquet(tmp_path / "in.parquet", index=False)
    serial = framing.analyze(pd.read_parquet(tmp_path / "in.parquet"))
    with (
        distributed.LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            dashboard_address=":0",
            scheduler_port=0,
        ) as cluster,
        distributed.Client(cluster),
    ):
        ddf = dd.read_parquet(tmp_path / "in.parquet").repartition(npartitions=2)
        result = framing.analyze(ddf)
        result.save(tmp_path / "out")
        computed = result.compute()
    same_tables(computed, serial)
    loaded = framing.load(tmp_path / "out")
    assert sorted(loaded.documents.doc_id) == sorted(serial.documents.doc_id)
    assert loaded.text("n3") == serial.text("n3")


def test_missing_text_column_is_an_input_error():
    with pytest.raises(framing.InputError, match="no 'body' column"):
        framing.analyze(dd.from_pandas(ROWS, npartitions=2), text_column="body")
