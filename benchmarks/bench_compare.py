"""Time framing.compare on 300 documents in three outlets (bootstrap included).

Two measurements, best of three runs each (the machine may be shared):

1. ``compare`` alone on synthetic Analysis-like tables (``framing.compare._synthetic``);
2. end to end, as ``framing compare`` does it: ``framing.analyze`` on 300 documents (the
   12 bundled example articles repeated 25 times under new ids, three outlets) followed
   by ``compare``.

Run on one core: ``taskset -c 0 python benchmarks/bench_compare.py [n_docs] [n_boot]``.
"""

from __future__ import annotations

import json
import os
import sys
import time

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")

import framing  # noqa: E402
from framing.compare import compare  # noqa: E402
from framing.compare._synthetic import synthetic_analysis  # noqa: E402


def _best(fn, runs: int = 3) -> tuple[float, list[float], object]:
    times, out = [], None
    for _ in range(runs):
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
    return min(times), times, out


def _example_records(n_docs: int) -> list[dict]:
    with open(framing.example_corpus_path(), encoding="utf-8") as f:
        base = [json.loads(line) for line in f if line.strip()]
    return [dict(base[i % len(base)], id=f"doc{i:04d}") for i in range(n_docs)]


def main() -> None:
    n_docs = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    n_boot = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
    analysis = synthetic_analysis(n_docs)
    n_paras = len(analysis.tables["paragraphs"])
    best, times, result = _best(lambda: compare(analysis, by="outlet", n_boot=n_boot, seed=0))
    print(
        f"compare only: {n_docs} synthetic documents ({n_paras} paragraphs), 3 outlets, "
        f"n_boot={n_boot}: best of 3 {best:.2f} s ({', '.join(f'{t:.2f}' for t in times)}); "
        f"{len(result.groups)} group rows, {len(result.pairwise)} pairwise rows, "
        f"{len(result.keyness)} keyness rows"
    )
    records = _example_records(n_docs)
    targets, actors = framing.example_targets(), framing.example_actors()

    def end_to_end():
        a = framing.analyze(records, targets=targets, actors=actors)
        return a, compare(a, by="outlet", n_boot=n_boot, seed=0)

    best, times, (a, result) = _best(end_to_end)
    print(
        f"analyze + compare: {n_docs} example documents ({len(a.paragraphs)} paragraphs), "
        f"3 outlets, n_boot={n_boot}: best of 3 {best:.2f} s "
        f"({', '.join(f'{t:.2f}' for t in times)}); {len(result.groups)} group rows"
    )


if __name__ == "__main__":
    main()
