"""Stance throughput: paragraphs per second for three targets on one core.

Corpus: the seed article's paragraphs (``../shared/examples/seed-article.txt`` when
present, else a built-in paragraph written for this benchmark) repeated to 2,000
paragraphs in documents of 20 paragraphs, with attribution-style quoted ranges from the
curly-quote pairs. Reports the best of 3 runs for the lexicon rules alone and for the
default scorer (rules + pretrained classifier), and the model's load time. Batches of 10
documents are scored with the garbage collector relaxed, as ``framing.analyze`` runs its
scorers (``framing.pipeline.relaxed_gc``). Both wall-clock
and process CPU time are reported: on a shared machine the CPU figure is the one-core rate.
As a reference measured in the same run: vaderSentiment's ``polarity_scores`` on the same
paragraphs (one call per paragraph, no targets).

With ``--real``, the corpus is real news instead: the PTC articles read at run time from
``../shared/data/ptc`` (never copied; paragraph = non-blank line), with the quoted ranges
found by the attribution scorer (run beforehand, not timed) and the same three targets.
There no text is timed twice: the scorer first runs over other news (PolNeAR's training
articles), then each of three disjoint parts of PTC is timed once. (The seed corpus
repeats its paragraphs by design; the stance scorer's caches are per word, and per
sentence within one call, so the repeats hit no cache of whole texts.)
The share of paragraphs that mention a target is printed beside the rate: the seed article
is the dense worst case (every paragraph names two or three targets, often several times).

Usage: ``python benchmarks/bench_stance.py [--real]``
"""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _corpus  # noqa: E402

from framing.pipeline import relaxed_gc
from framing.segment import segment
from framing.stance import StanceScorer, TargetStanceClassifier

TARGETS = {
    "Russia": ["Russia", "Russian", "Putin", "Vladimir Putin", "Moscow", "the Kremlin", "Kremlin"],
    "China": ["China", "Chinese", "Xi", "Xi Jinping", "Beijing"],
    "United States": ["United States", "US", "U.S.", "Washington", "Trump", "Donald Trump"],
}
_FALLBACK = (
    "Putin said, \u201cWe are working with China on a fair order.\u201d Critics in Washington "
    "condemned the plan, and the US imposed new sanctions on Moscow."
)
SEED = Path(__file__).resolve().parents[2] / "shared" / "examples" / "seed-article.txt"


def corpus(n_paragraphs: int = 2000, per_doc: int = 20) -> list[str]:
    paras = SEED.read_text(encoding="utf-8").splitlines() if SEED.exists() else [_FALLBACK]
    paras = [p for p in paras if p.strip()]
    pool = [paras[i % len(paras)] for i in range(n_paragraphs)]
    return ["\n".join(pool[i : i + per_doc]) for i in range(0, n_paragraphs, per_doc)]


def prepare(texts: list[str], real: bool) -> list:
    """Segmented documents with quoted ranges (curly-quote pairs, or attribution's)."""
    docs = [segment(text, f"d{i}", paragraphs="line") for i, text in enumerate(texts)]
    if real:
        from framing.attribution import AttributionScorer

        AttributionScorer().annotate(docs)
    else:
        for doc in docs:
            doc.annotations["quoted_ranges"] = [
                (m.start(), m.end()) for m in re.finditer("\u201c[^\u201d]*\u201d", doc.text)
            ]
    return docs


def run(scorer: StanceScorer, texts: list[str], real: bool = False) -> tuple[float, float]:
    docs = prepare(texts, real)
    n = sum(len(d.paragraphs) for d in docs)
    # Batches of 10 documents with the garbage collector relaxed, as framing.analyze runs
    # its scorers.
    with relaxed_gc():
        t0, c0 = time.perf_counter(), time.process_time()
        for k in range(0, len(docs), 10):
            scorer.annotate(docs[k : k + 10])
        wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    return n / wall, n / cpu


def first_sight(scorer: StanceScorer, texts: list[str]) -> tuple[float, float]:
    """Rates over three disjoint parts of ``texts``, each scored once, after the scorer
    has run over other news (``_corpus.warmup_documents``): no text is timed twice."""
    warm = [d["text"] for d in _corpus.warmup_documents()]
    run(scorer, warm, True)
    n = wall = cpu = 0.0
    for k in range(3):
        part = texts[k::3]
        r_wall, r_cpu = run(scorer, part, True)
        m = sum(len(t.split("\n")) for t in part)
        n, wall, cpu = n + m, wall + m / r_wall, cpu + m / r_cpu
    return n / wall, n / cpu


def run_vader(texts: list[str]) -> tuple[float, float]:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    analyzer = SentimentIntensityAnalyzer()
    paras = [p for t in texts for p in t.split("\n")]
    t0, c0 = time.perf_counter(), time.process_time()
    for p in paras:
        analyzer.polarity_scores(p)
    return len(paras) / (time.perf_counter() - t0), len(paras) / (time.process_time() - c0)


def main() -> None:
    real = "--real" in sys.argv
    texts = [d["text"] for d in _corpus.ptc_documents()] if real else corpus()
    name = "PTC news" if real else "seed article"
    t0 = time.perf_counter()
    TargetStanceClassifier.load(
        Path(__file__).resolve().parents[1] / "framing" / "models" / "stance_newsmtsc.npz"
    )
    load = time.perf_counter() - t0
    print(f"pretrained model load: {load:.3f} s")
    for label, clf in (("rules only", None), ("rules + classifier", "pretrained")):
        scorer = StanceScorer(TARGETS, classifier=clf)
        if real:
            wall, cpu = first_sight(scorer, texts)
            how = "text seen once, after other news; three disjoint parts"
        else:
            runs = [run(scorer, texts, real) for _ in range(3)]
            wall = max(r[0] for r in runs)
            cpu = max(r[1] for r in runs)
            how = "best of 3"
        print(
            f"{label}: {wall:,.0f} paragraphs/s wall, {cpu:,.0f} per CPU second "
            f"({how}, {name}, 3 targets)"
        )
    docs = prepare(texts, real)
    StanceScorer(TARGETS).annotate(docs)
    n = sum(len(d.paragraphs) for d in docs)
    hit = sum(len({r["para_id"] for r in d.rows.get("stance", [])}) for d in docs)
    mentions = sum(r["n_mentions"] for d in docs for r in d.rows.get("stance", []))
    print(f"{n:,} paragraphs; {hit / n:.0%} mention a target; {mentions / n:.2f} mentions each")
    runs = [run_vader(texts) for _ in range(3)]
    print(
        f"reference, vaderSentiment polarity_scores: {max(r[0] for r in runs):,.0f} paragraphs/s "
        f"wall, {max(r[1] for r in runs):,.0f} per CPU second (best of 3)"
    )


if __name__ == "__main__":
    main()
