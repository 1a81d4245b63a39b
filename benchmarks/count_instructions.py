"""Instructions per paragraph of one scorer or the whole pipeline, counted by callgrind.

On a shared machine, timings swing by a factor of two within minutes; instruction counts
do not. Run under valgrind from the repository root; instrumentation is switched on only
around the measured call (``callgrind_control -i on|off``), so loading, warm-up and the
preparation of the input are not counted::

    valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file=/tmp/cg.out \\
        python benchmarks/count_instructions.py pipeline [--again]

then divide the ``Collected`` figure valgrind prints by the paragraph count this script
prints (``callgrind_annotate /tmp/cg.out`` shows where the instructions go, by C function).

What is measured (targets and actors as in ``bench_pipeline.py --real``):

* ``pipeline``: ``framing.analyze`` with every scorer on 60 PTC articles (2,484
  paragraphs), read at run time from ``../shared``;
* ``attribution`` / ``loaded`` / ``valence`` / ``stance``: that scorer alone (with
  segmentation and tables) on the same articles;
* ``segment``: segmentation and tables only;
* ``stance-dense``: ``StanceScorer.annotate`` on 400 paragraphs of the seed article, the
  mention-dense case of ``bench_stance.py``;
* ``attribution-polnear``: ``AttributionScorer.annotate`` alone (segmentation done
  beforehand, not counted) on the 84 PolNeAR dev articles (1,941 paragraphs of about 35
  words, quote-rich political news), the corpus of ``bench_attribution.py``.

Before the measured call the scorers run over 300 PolNeAR training articles (other news,
``_corpus.warmup_documents``), so per-word caches are warm but the measured text is seen
for the first time; ``--again`` scores the measured text once more before counting (every
cache then hits: the flattering case). The seed-article case repeats 13 paragraphs and is
always counted after one warm-up pass over them.
"""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _corpus  # noqa: E402
import bench_pipeline  # noqa: E402
import bench_stance  # noqa: E402

import framing  # noqa: E402
from framing.attribution import AttributionScorer  # noqa: E402
from framing.pipeline import prepare_run  # noqa: E402
from framing.segment import segment  # noqa: E402

SCORERS = ("attribution", "loaded", "valence", "stance")


def _count(fn: Callable[[], object]) -> None:
    """Run ``fn`` with callgrind's instrumentation on (a no-op outside valgrind)."""
    gc.collect()
    pid = str(os.getpid())
    subprocess.run(["callgrind_control", "-i", "on", pid], capture_output=True, check=False)
    fn()
    subprocess.run(["callgrind_control", "-i", "off", pid], capture_output=True, check=False)


def _pipeline(which: str, again: bool) -> int:
    docs = bench_pipeline.real_documents()[:60]
    run, _ = prepare_run(
        bench_pipeline.REAL_TARGETS, bench_pipeline.REAL_ACTORS, None, None, "auto"
    )
    if which != "pipeline":
        run = [s for s in run if s.name == which]
    framing.analyze(_corpus.warmup_documents()[:300], scorers=run, progress=False)
    if again:
        framing.analyze(docs, scorers=run, progress=False)
    _count(lambda: framing.analyze(docs, scorers=run, progress=False))
    return sum(d["text"].count("\n") + 1 for d in docs)


def _stance_dense() -> int:
    scorer = bench_stance.StanceScorer(bench_stance.TARGETS, classifier="pretrained")
    texts = bench_stance.corpus(400)
    docs = bench_stance.prepare(texts, False)
    for k in range(0, len(docs), 10):
        scorer.annotate(docs[k : k + 10])
    docs = bench_stance.prepare(texts, False)

    def score() -> None:
        for k in range(0, len(docs), 10):
            scorer.annotate(docs[k : k + 10])

    _count(score)
    return sum(len(d.paragraphs) for d in docs)


def _attribution_polnear() -> int:
    dev = _corpus.POLNEAR_TRAIN.parent / "dev" / "text"
    if not dev.is_dir():
        raise SystemExit(f"this mode needs the PolNeAR dev articles in {dev}")
    texts = [p.read_text(encoding="utf-8") for p in sorted(dev.glob("*.txt"))]
    # The warm-up (PolNeAR train) must not contain the measured text: a line it shares
    # with dev (boilerplate such as an editor's note) is dropped from the warm-up.
    seen = {ln.strip() for t in texts for ln in t.splitlines()}
    warm = []
    for d in _corpus.warmup_documents()[:300]:
        kept = "\n".join(ln for ln in d["text"].split("\n") if ln not in seen)
        warm.append(segment(kept, d["id"]))
    scorer = AttributionScorer()
    scorer.annotate(warm)
    docs = [segment(t, f"dev{i}") for i, t in enumerate(texts)]
    _count(lambda: scorer.annotate(docs))
    return sum(len(d.paragraphs) for d in docs)


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    what = args[0] if args else "pipeline"
    choices = ("pipeline", "segment", "stance-dense", "attribution-polnear", *SCORERS)
    if what not in choices:
        raise SystemExit(f"measure one of {', '.join(choices)}, not {what!r}")
    if what == "stance-dense":
        n = _stance_dense()
    elif what == "attribution-polnear":
        n = _attribution_polnear()
    else:
        n = _pipeline("none" if what == "segment" else what, "--again" in sys.argv)
    print(f"{what}: {n} paragraphs (divide callgrind's Collected count by this)")


if __name__ == "__main__":
    main()
