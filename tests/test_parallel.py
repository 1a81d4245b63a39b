import pandas.testing as pdt
import pytest

import framing
from framing.parallel import map_batches

TEXTS = [
    f"Paragraph {i} is calm.\nThe minister said it was a disaster. Mr. Ray left." for i in range(40)
]


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
    cmd = [
        sys.executable,
        "-m",
        "framing.cli",
        "analyze",
        str(corpus),
        "--out",
        str(out),
        "--targets",
        str(framing.example_targets()),
        "--actors",
        str(framing.example_actors()),
        "-q",
    ]
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


def test_importing_framing_leaves_scipy_stats_for_later():
    # scipy.stats costs seconds to import: the CLI and every worker would pay it at start.
    import subprocess
    import sys

    code = "import sys, framing; print('scipy.stats' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    assert out.stdout.strip() == "False"


def test_early_start_preloads_the_scorer_modules():
    import multiprocessing as mp

    from framing.parallel import _PRELOAD, start_workers_early

    if "forkserver" not in mp.get_all_start_methods():
        pytest.skip("no fork server on this platform")
    start_workers_early(2)
    from multiprocessing import forkserver

    assert forkserver._forkserver._preload_modules == _PRELOAD
    assert forkserver._forkserver._forkserver_pid is not None
