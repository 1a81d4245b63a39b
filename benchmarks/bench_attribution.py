"""Attribution speed on one core: paragraphs per second, with VADER as a reference.

Reads PolNeAR dev articles from ../shared at run time when present (never copied), else
the project's own annotated fixture articles; with ``--corpus pipeline`` the 2,000
quote-dense paragraphs of ``benchmarks/_corpus.py`` that ``bench_pipeline.py`` uses; with
``--corpus ptc`` the PTC news articles of ``../shared`` (one paragraph per non-blank line,
as ``bench_pipeline.py --real`` reads them).
Segmentation is done beforehand; the timed part is ``AttributionScorer.annotate`` (best
of 3 runs, CPU time of this process, which is less disturbed than wall time on a shared
machine). VADER's ``polarity_scores`` runs on the same paragraphs in the same process as
a reference ratio.

Run: ``python benchmarks/bench_attribution.py [--no-model] [--corpus pipeline|ptc]``
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from framing.attribution import AttributionScorer
from framing.segment import segment

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def _texts() -> tuple[str, list[str], str]:
    corpus = sys.argv[sys.argv.index("--corpus") + 1 :][:1] if "--corpus" in sys.argv else []
    if "pipeline" in corpus:
        sys.path.insert(0, str(ROOT / "benchmarks"))
        import _corpus

        return "pipeline corpus", [d["text"] for d in _corpus.documents(2000)], "auto"
    if "ptc" in corpus:
        sys.path.insert(0, str(ROOT / "benchmarks"))
        import _corpus

        return "PTC articles", [d["text"] for d in _corpus.ptc_documents()], "line"
    dev = SHARED / "data" / "polnear" / "dev" / "text"
    if dev.is_dir():
        texts = [p.read_text(encoding="utf-8") for p in sorted(dev.glob("*.txt"))]
        return "PolNeAR dev", texts, "auto"
    fixtures = ROOT / "tests" / "fixtures" / "attribution"
    texts = [json.loads(p.read_text())["text"] for p in sorted(fixtures.glob("*.json"))]
    return "fixture articles (x50)", texts * 50, "auto"


def _best(fn, runs: int = 3) -> float:
    best = float("inf")
    for _ in range(runs):
        t0 = time.process_time()
        fn()
        best = min(best, time.process_time() - t0)
    return best


def main() -> None:
    use_model = "--no-model" not in sys.argv
    name, texts, mode = _texts()
    docs = [segment(t, f"d{i}", paragraphs=mode) for i, t in enumerate(texts)]
    paragraphs = [d.text[p.start : p.end] for d in docs for p in d.paragraphs]
    n_par = len(paragraphs)
    n_tok = sum(len(p.tokens) for d in docs for p in d.paragraphs)
    scorer = AttributionScorer(use_model=use_model)

    def run_attr() -> None:
        fresh = [segment(t, f"d{i}", paragraphs=mode) for i, t in enumerate(texts)]
        t0 = time.process_time()
        scorer.annotate(fresh)
        run_attr.elapsed = time.process_time() - t0  # type: ignore[attr-defined]

    best_attr = float("inf")
    for _ in range(3):
        run_attr()
        best_attr = min(best_attr, run_attr.elapsed)  # type: ignore[attr-defined]
    vader = SentimentIntensityAnalyzer()
    best_vader = _best(lambda: [vader.polarity_scores(p) for p in paragraphs])
    print(f"data: {name}: {len(docs)} documents, {n_par} paragraphs, {n_tok} tokens")
    print(
        f"attribution (model={use_model}): {n_par / best_attr:,.0f} paragraphs/s, "
        f"{n_tok / best_attr:,.0f} tokens/s (best of 3: {best_attr:.3f} s)"
    )
    print(
        f"vader polarity_scores: {n_par / best_vader:,.0f} paragraphs/s "
        f"(best of 3: {best_vader:.3f} s)"
    )
    print(f"ratio attribution / vader: {best_vader / best_attr:.2f}x")


if __name__ == "__main__":
    main()
