"""Memory and throughput of a streaming corpus run (``framing analyze big.jsonl --out``).

Writes a synthetic JSONL corpus of about ``--mb`` megabytes (documents of 8 paragraphs
recombined from the bundled fictional corpus, see ``_corpus.py``), then runs the CLI
on it under ``/usr/bin/time -v`` and prints wall time, documents/s and peak resident
memory (maximum RSS), and the same for ``--jobs 2`` when asked::

    python benchmarks/bench_stream.py --mb 1000            # the 1 GB run
    python benchmarks/bench_stream.py --mb 50 --jobs 1 2   # speed-up of two workers

Every document is accounted for: the manifest's document count must equal the
number of input lines (checked and printed).
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _corpus  # noqa: E402


def write_corpus(path: Path, megabytes: float) -> int:
    docs = _corpus.documents(8000)
    target = int(megabytes * 1_000_000)
    written = n = 0
    with open(path, "w", encoding="utf-8") as fh:
        while written < target:
            d = docs[n % len(docs)]
            line = json.dumps({"id": f"doc{n}", "outlet": d["outlet"], "text": d["text"]},
                              ensure_ascii=False) + "\n"
            fh.write(line)
            written += len(line.encode("utf-8"))
            n += 1
    return n


def run(corpus: Path, out: Path, jobs: int, targets: bool) -> dict[str, float]:
    import framing

    cmd = ["/usr/bin/time", "-v", sys.executable, "-m", "framing.cli", "analyze", str(corpus),
           "--out", str(out), "--format", "parquet", "--jobs", str(jobs), "-q"]
    if targets:
        cmd += ["--targets", str(framing.example_targets()), "--actors",
                str(framing.example_actors())]
    t = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True)
    wall = time.perf_counter() - t
    if proc.returncode != 0:
        raise SystemExit(proc.stderr[-2000:])
    rss_kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", proc.stderr).group(1))
    manifest = json.loads((out / "manifest.json").read_text())
    return {"wall": wall, "rss_mb": rss_kb / 1024, "documents": manifest["counts"]["documents"],
            "failed": manifest["counts"]["failed"], "paragraphs": manifest["counts"]["paragraphs"]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=50.0, help="corpus size in MB (default 50)")
    ap.add_argument("--jobs", type=int, nargs="+", default=[1])
    ap.add_argument("--no-targets", action="store_true", help="run without targets/actors")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="framing-bench-"))
    try:
        corpus = tmp / "big.jsonl"
        n = write_corpus(corpus, args.mb)
        size = corpus.stat().st_size / 1e6
        print(f"corpus: {n} documents, {size:.0f} MB")
        base = None
        for jobs in args.jobs:
            res = run(corpus, tmp / f"out{jobs}", jobs, not args.no_targets)
            rate = res["paragraphs"] / res["wall"]
            base = base or rate
            ok = "all accounted for" if res["documents"] == n else f"MISMATCH ({res['documents']})"
            print(f"jobs={jobs}: {res['wall']:.1f} s, {rate:.0f} paragraphs/s "
                  f"(x{rate / base:.2f}), peak RSS {res['rss_mb']:.0f} MB, documents {ok}, "
                  f"{res['failed']} failed")
            shutil.rmtree(tmp / f"out{jobs}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
