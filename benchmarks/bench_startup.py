"""Start-up: wall time of fresh processes, from launch to exit.

What a user waits for on a small job is mostly start-up: importing the libraries and
loading the models, not scoring. Each case below runs in a new Python process, five
times; the best and the median wall-clock times are printed (the machine is shared and
noisy, and the first run also pays for a cold disk cache).

Cases:

* ``import framing``;
* scoring the bundled example corpus (``framing.example_corpus_path()``, 12 short
  articles, with its targets and actors; the default scorers with their pretrained
  models) through ``framing.analyze``, and which heavy libraries that process imported
  (scikit-learn, scipy.stats, nltk: none is needed to score; they serve training and
  evaluation);
* loading the pretrained stance classifier through the scorer (``StanceScorer`` with
  ``classifier="pretrained"``: the issue's "loads in under a second" from a fresh process);
* ``framing analyze --example --out DIR`` on the command line (also writes the tables);
* the reference: vaderSentiment scoring the same paragraphs (``polarity_scores``), its
  import included.

Usage: ``python benchmarks/bench_startup.py [--runs N]``
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import framing

_SCORE = """
import sys
import framing
paths = (framing.example_corpus_path(), framing.example_targets(), framing.example_actors())
framing.analyze(paths[0], targets=str(paths[1]), actors=str(paths[2]), progress=False)
heavy = sorted({h for m in sys.modules for h in ("sklearn", "scipy.stats", "nltk")
                if m == h or m.startswith(h + ".")})
print(",".join(heavy) or "none")
"""
_STANCE = """
from framing.stance import StanceScorer
StanceScorer({"Russia": ["Moscow"]}, classifier="pretrained")
"""
_VADER = """
import json
import sys
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
paras = [p for line in lines if line.strip() for p in json.loads(line)["text"].split("\\n")
         if p.strip()]
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
a = SentimentIntensityAnalyzer()
for p in paras:
    a.polarity_scores(p)
"""


def _time(cmd: list[str], runs: int) -> tuple[float, float, str]:
    times, out = [], ""
    for k in range(runs):
        cmd = [c.replace("{run}", str(k)) for c in cmd]
        t0 = time.perf_counter()
        done = subprocess.run(cmd, capture_output=True, text=True, check=True)
        times.append(time.perf_counter() - t0)
        out = done.stdout.strip()
    return min(times), statistics.median(times), out


def main() -> None:
    runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 5
    py = sys.executable
    framing_cli = str(Path(py).with_name("framing"))
    with tempfile.TemporaryDirectory() as tmp:
        cases = [
            ("import framing", [py, "-c", "import framing"]),
            ("score the example article (framing.analyze)", [py, "-c", _SCORE]),
            ("load the pretrained stance classifier", [py, "-c", _STANCE]),
            (
                "framing analyze --example (CLI)",
                [framing_cli, "analyze", "--example", "--out", str(Path(tmp) / "out{run}")],
            ),
            (
                "reference: vaderSentiment on the same paragraphs",
                [py, "-c", _VADER, str(framing.example_corpus_path())],
            ),
        ]
        results = {}
        for name, cmd in cases:
            best, median, out = _time(cmd, runs)
            results[name] = best
            extra = f"  (heavy modules imported: {out})" if out and "analyze" in name else ""
            print(f"{name}: best {best:.2f} s, median {median:.2f} s{extra}")
    ratio = (
        results["score the example article (framing.analyze)"]
        / results["reference: vaderSentiment on the same paragraphs"]
    )
    print(f"framing.analyze on the example / vaderSentiment, fresh processes: {ratio:.1f}x")


if __name__ == "__main__":
    main()
