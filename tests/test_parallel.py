import pandas.testing as pdt
import pytest

import framing
from framing.parallel import map_batches

TEXTS = [f"Paragraph {i} is calm.\nThe minister said it was a disaster. Mr. Ray left." for i in
         range(40)]


def test_two_workers_give_identical_tables():
    serial = framing.analyze(TEXTS, batch_size=7)
    parallel = framing.analyze(TEXTS, batch_size=7, jobs=2)
    for name in serial.tables:
        pdt.assert_frame_equal(serial.tables[name], parallel.tables[name])


def test_jobs_must_be_positive():
    with pytest.raises(ValueError, match="jobs"):
        list(map_batches([], [], jobs=0))


def _run_with_hash_seed(seed: str, out, corpus) -> None:
    import os
    import subprocess
    import sys

    env = {**os.environ, "PYTHONHASHSEED": seed}
    cmd = [sys.executable, "-m", "framing.cli", "analyze", str(corpus), "--out", str(out),
           "--targets", str(framing.example_targets()), "--actors", str(framing.example_actors()),
           "-q"]
    subprocess.run(cmd, env=env, check=True, capture_output=True)


def test_results_do_not_depend_on_string_hashing(tmp_path):
    # Worker processes hash strings with their own random seed: any float summed in set
    # order would differ between a serial run and --jobs 2 in its last bits.
    corpus = framing.example_corpus_path()
    _run_with_hash_seed("1", tmp_path / "a", corpus)
    _run_with_hash_seed("2", tmp_path / "b", corpus)
    a, b = framing.load(tmp_path / "a"), framing.load(tmp_path / "b")
    for name in a.tables:
        pdt.assert_frame_equal(a.tables[name], b.tables[name], check_exact=True, obj=name)
