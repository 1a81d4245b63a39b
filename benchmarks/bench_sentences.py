"""Speed and accuracy of the sentence splitter, beside pysbd and nupunkt.

Input: the sentences of ``tests/data/sentences_gold.jsonl`` (every gold sentence of every paragraph,
dev and held-out parts) are pooled; ``random.Random(42)`` then builds 2,000 paragraphs, each of 3 to
7 sentences drawn from the pool with replacement and joined with one space. The number of sentences
drawn is the reference count. Each splitter splits every paragraph; the time is the best of 3
passes (``time.perf_counter``), reported as reference sentences per second, with the number of
sentences it returned beside the reference count and the share of generated paragraphs split
exactly right (new neighbours for every sentence; not independent of the gold set).

Accuracy: the share of gold paragraphs split exactly right, on the dev part (``dev-*``, used while
writing the rules) and on the held-out part (``held-*``, written afterwards and not tuned on).

pysbd and nupunkt are optional: each is skipped when it cannot be imported. For one-core figures run
``taskset -c 0 python benchmarks/bench_sentences.py``.
"""

from __future__ import annotations

import json
import random
import time
from collections.abc import Callable
from pathlib import Path

from framing.segment import split_sentences

GOLD = Path(__file__).resolve().parents[1] / "tests" / "data" / "sentences_gold.jsonl"
SEED = 42
N_PARAGRAPHS = 2000
REPEATS = 3

Splitter = Callable[[str], list[str]]


def ours(text: str) -> list[str]:
    """Our splitter, as sentence strings."""
    return [text[s:e] for s, e in split_sentences(text)]


def optional_splitters() -> dict[str, Splitter]:
    """pysbd and nupunkt when installed."""
    out: dict[str, Splitter] = {}
    try:
        import pysbd

        seg = pysbd.Segmenter(language="en", clean=False)
        out["pysbd"] = lambda text: [s.strip() for s in seg.segment(text) if s.strip()]
    except ImportError:
        print("pysbd not installed: skipped")
    try:
        import nupunkt

        nupunkt.sent_tokenize("Warm up. Load the model.")
        out["nupunkt"] = lambda text: [s.strip() for s in nupunkt.sent_tokenize(text) if s.strip()]
    except ImportError:
        print("nupunkt not installed: skipped")
    return out


def load_gold() -> list[dict]:
    with GOLD.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def make_paragraphs(rows: list[dict]) -> list[list[str]]:
    """Recombine gold sentences into paragraphs (fixed seed), as lists of sentences."""
    pool = [s for r in rows for s in r["sentences"]]
    rng = random.Random(SEED)
    return [[rng.choice(pool) for _ in range(rng.randint(3, 7))] for _ in range(N_PARAGRAPHS)]


def best_time(split: Splitter, paragraphs: list[str]) -> tuple[float, int]:
    best, count = float("inf"), 0
    for _ in range(REPEATS):
        t0 = time.perf_counter()
        count = sum(len(split(p)) for p in paragraphs)
        best = min(best, time.perf_counter() - t0)
    return best, count


def accuracy(split: Splitter, rows: list[dict], part: str) -> tuple[int, int]:
    sel = [r for r in rows if r["id"].startswith(part)]
    return sum(split(r["text"]) == r["sentences"] for r in sel), len(sel)


def main() -> None:
    rows = load_gold()
    generated = make_paragraphs(rows)
    paragraphs = [" ".join(p) for p in generated]
    n_ref = sum(len(p) for p in generated)
    splitters: dict[str, Splitter] = {"framing": ours, **optional_splitters()}
    print(f"{len(paragraphs)} paragraphs, {n_ref} reference sentences, best of {REPEATS}")
    header = (
        f"{'splitter':<10} {'sent/s':>10} {'ratio':>7} {'sentences':>10} {'generated':>11} "
        f"{'dev':>7} {'held':>7}"
    )
    print(header)
    ours_rate = 0.0
    for name, split in splitters.items():
        seconds, count = best_time(split, paragraphs)
        rate = n_ref / seconds
        if name == "framing":
            ours_rate = rate
        dev_ok, dev_n = accuracy(split, rows, "dev-")
        held_ok, held_n = accuracy(split, rows, "held-")
        gen_ok = sum(split(t) == p for t, p in zip(paragraphs, generated, strict=True))
        print(
            f"{name:<10} {rate:>10,.0f} {ours_rate / rate:>6.1f}x {count:>10} "
            f"{gen_ok / len(generated):>10.1%} {dev_ok:>3}/{dev_n:<3} {held_ok:>3}/{held_n:<3}"
        )
    print("ratio = framing sentences/s divided by the splitter's sentences/s;")
    print("generated = generated paragraphs split exactly right; dev/held = gold paragraphs right")


if __name__ == "__main__":
    main()
