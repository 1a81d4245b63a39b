"""Memory and throughput of a streaming corpus run (``framing analyze big.jsonl --out``).

Writes a synthetic JSONL corpus of about ``--mb`` megabytes (documents of 8 paragraphs
recombined from the bundled fictional corpus, see ``_corpus.py``), then runs the CLI
on it under ``/usr/bin/time -v`` and prints wall time, documents/s and peak resident
memory, and the same for ``--jobs 2`` when asked. Two memory figures are printed:
``/usr/bin/time -v``'s maximum RSS (the largest single process: with ``--jobs N`` the
parent or one worker) and, on Linux, the peak of the whole process tree's memory
(parent, fork server and workers), sampled from ``/proc`` every second, both as summed
RSS (pages shared between processes counted in each) and as summed PSS (shared pages
split between the processes that share them: the tree's real footprint)::

    python benchmarks/bench_stream.py --mb 1000            # the 1 GB run
    python benchmarks/bench_stream.py --mb 50 --jobs 1 2   # speed-up of two workers
    python benchmarks/bench_stream.py --mb 20 --jobs 1 2 --pair  # ... and the ceiling

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
import threading
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
            line = (
                json.dumps(
                    {"id": f"doc{n}", "outlet": d["outlet"], "text": d["text"]}, ensure_ascii=False
                )
                + "\n"
            )
            fh.write(line)
            written += len(line.encode("utf-8"))
            n += 1
    return n


def _pss_kb(pid: int) -> int:
    try:
        text = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:
        return 0
    for line in text.splitlines():
        if line.startswith("Pss:"):
            return int(line.split()[1])
    return 0


def _tree_kb(root: int) -> tuple[int, int]:
    """Summed VmRSS and PSS (kB) of ``root`` and all its descendants, read from ``/proc``."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            status = (entry / "status").read_text()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        pid = int(entry.name)
        children.setdefault(int(fields.get("PPid", "0").strip()), []).append(pid)
        rss[pid] = int(fields.get("VmRSS", "0 kB").split()[0])
    total = pss = 0
    stack = [root]
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        pss += _pss_kb(pid) if pid in rss else 0
        stack.extend(children.get(pid, []))
    return total, pss


class TreeSampler(threading.Thread):
    """Peak memory of a process tree, sampled every second (Linux only)."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.done = pid, threading.Event()
        self.peak_rss_kb = self.peak_pss_kb = 0

    def run(self) -> None:
        while not self.done.wait(1.0):
            rss, pss = _tree_kb(self.pid)
            self.peak_rss_kb = max(self.peak_rss_kb, rss)
            self.peak_pss_kb = max(self.peak_pss_kb, pss)


def start(corpus: Path, out: Path, jobs: int, targets: bool, chunk_size: int):  # noqa: ANN201
    """Start the CLI on ``corpus`` under ``/usr/bin/time -v`` with a memory sampler."""
    import framing

    cmd = [
        "/usr/bin/time",
        "-v",
        sys.executable,
        "-m",
        "framing.cli",
        "analyze",
        str(corpus),
        "--out",
        str(out),
        "--format",
        "parquet",
        "--jobs",
        str(jobs),
        "-q",
        "--chunk-size",
        str(chunk_size),
    ]
    if targets:
        cmd += [
            "--targets",
            str(framing.example_targets()),
            "--actors",
            str(framing.example_actors()),
        ]
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    sampler = TreeSampler(proc.pid)
    if Path("/proc/self/status").is_file():
        sampler.start()
    return proc, sampler, t


def finish(proc: subprocess.Popen, sampler: TreeSampler, t: float, out: Path) -> dict[str, float]:
    _, stderr = proc.communicate()
    sampler.done.set()
    wall = time.perf_counter() - t
    if proc.returncode != 0:
        raise SystemExit(stderr[-2000:])
    rss_kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", stderr).group(1))
    manifest = json.loads((out / "manifest.json").read_text())
    return {
        "wall": wall,
        "rss_mb": rss_kb / 1024,
        "tree_mb": sampler.peak_rss_kb / 1024,
        "tree_pss_mb": sampler.peak_pss_kb / 1024,
        "documents": manifest["counts"]["documents"],
        "failed": manifest["counts"]["failed"],
        "paragraphs": manifest["counts"]["paragraphs"],
    }


def report(label: str, res: dict[str, float], n: int, base: dict[str, float] | None) -> None:
    rate = res["paragraphs"] / res["wall"]
    ok = "all accounted for" if res["documents"] == n else f"MISMATCH ({res['documents']})"
    ratio = "" if base is None else f" (x{rate / (base['paragraphs'] / base['wall']):.2f})"
    print(
        f"{label}: {res['wall']:.1f} s, {rate:.0f} paragraphs/s{ratio}, max RSS "
        f"{res['rss_mb']:.0f} MB "
        f"(time -v), process tree peak RSS {res['tree_mb']:.0f} MB / PSS "
        f"{res['tree_pss_mb']:.0f} MB, documents {ok}, {res['failed']} failed"
    )


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--mb", type=float, default=50.0, help="corpus size in MB (default 50)")
    ap.add_argument("--jobs", type=int, nargs="+", default=[1])
    ap.add_argument("--no-targets", action="store_true", help="run without targets/actors")
    ap.add_argument("--chunk-size", type=int, default=1000, help="documents per chunk")
    ap.add_argument(
        "--pair",
        action="store_true",
        help="also run two independent one-process runs at the same time: how "
        "much two cores give this workload at best (the ceiling for --jobs 2)",
    )
    ap.add_argument(
        "--corpus",
        type=Path,
        help="keep the corpus at this path (written once, "
        "re-used when it exists) instead of a temporary file",
    )
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="framing-bench-"))
    try:
        corpus = args.corpus or tmp / "big.jsonl"
        if corpus.is_file():
            with open(corpus, "rb") as fh:
                n = sum(1 for _ in fh)
        else:
            n = write_corpus(corpus, args.mb)
        size = corpus.stat().st_size / 1e6
        print(f"corpus: {n} documents, {size:.0f} MB, chunks of {args.chunk_size}")
        targets = not args.no_targets
        base = None
        for jobs in args.jobs:
            out = tmp / f"out{jobs}"
            res = finish(*start(corpus, out, jobs, targets, args.chunk_size), out)
            report(f"jobs={jobs}", res, n, base)
            base = base or res
            shutil.rmtree(out)
        if args.pair:
            outs = [tmp / "pair-a", tmp / "pair-b"]
            started = [start(corpus, o, 1, targets, args.chunk_size) for o in outs]
            both = [finish(*st, o) for st, o in zip(started, outs, strict=True)]
            for label, res in zip(("pair a", "pair b"), both, strict=True):
                report(f"{label} (jobs=1, two at once)", res, n, base)
            if base is not None:
                pair = sum(r["paragraphs"] / r["wall"] for r in both)
                one = base["paragraphs"] / base["wall"]
                print(
                    f"two independent runs together: x{pair / one:.2f}"
                    " the throughput of one alone (about the most --jobs 2 can reach on this "
                    "machine and corpus)"
                )
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
