"""Time framing.compare on 300 synthetic documents in three outlets (bootstrap included).

Run: python benchmarks/bench_compare.py [n_docs] [n_boot]
Prints the best of three runs (the machine may be shared; take the best).
"""

from __future__ import annotations

import os
import sys
import time

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")

from framing.compare import compare  # noqa: E402
from framing.compare._synthetic import synthetic_analysis  # noqa: E402


def main() -> None:
    n_docs = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    n_boot = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
    analysis = synthetic_analysis(n_docs)
    n_paras = len(analysis.tables["paragraphs"])
    times = []
    for _ in range(3):
        t0 = time.perf_counter()
        result = compare(analysis, by="outlet", n_boot=n_boot, seed=0)
        times.append(time.perf_counter() - t0)
    print(
        f"compare: {n_docs} documents ({n_paras} paragraphs), 3 outlets, n_boot={n_boot}: "
        f"best of 3 {min(times):.2f} s (runs {', '.join(f'{t:.2f}' for t in times)}); "
        f"{len(result.groups)} group rows, {len(result.pairwise)} pairwise rows, "
        f"{len(result.keyness)} keyness rows"
    )


if __name__ == "__main__":
    main()
