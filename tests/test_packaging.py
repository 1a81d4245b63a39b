"""The wheel ships the package data (lexicons, example corpus) and works when installed."""

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("wheel")
    try:
        import setuptools  # noqa: F401
    except ImportError:
        pytest.skip("setuptools is needed to build the wheel")
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(out),
            str(ROOT),
        ],
        capture_output=True,
        text=True,
    )
    if proc.returncode != 0:
        pytest.fail(f"building the wheel failed:\n{proc.stdout}\n{proc.stderr}")
    (whl,) = out.glob("framing-*.whl")
    return whl


def test_wheel_contains_lexicons_and_example_data(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    assert "framing/lexicons/__init__.py" in names
    assert any(n.startswith("framing/lexicons/") and n.endswith(".tsv") for n in names)
    assert "framing/data/example_corpus.jsonl" in names


def test_installed_wheel_reads_its_data(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--target", str(target), str(wheel)],
        check=True,
        capture_output=True,
    )
    code = (
        "import framing, importlib.resources as r;"
        f"assert framing.__file__.startswith({str(target)!r}), framing.__file__;"
        "files = [p.name for p in r.files('framing.lexicons').iterdir()];"
        "assert any(f.endswith('.tsv') for f in files), files;"
        "a = framing.analyze(framing.example_corpus_path());"
        "assert a.documents.error.isna().all(); print(len(a.paragraphs))"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={"PYTHONPATH": str(target), "PATH": ""},
    )
    assert proc.returncode == 0, proc.stderr
    assert int(proc.stdout) > 20


def test_source_checkout_finds_its_lexicons():
    # Python started in the repository root imports the source tree (worker processes do too).
    code = (
        "import framing, importlib.resources as r;"
        "names = [p.name for p in r.files('framing.lexicons').iterdir()];"
        "assert 'loaded.tsv' in names, names;"
        "from framing.pipeline import build_scorers; build_scorers()"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
