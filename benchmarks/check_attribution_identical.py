"""Dump everything the attribution scorer writes, to check that a change keeps it identical.

Runs ``AttributionScorer().annotate`` (default: with the shipped cue model) over

* the PolNeAR train and dev texts (read at run time from ``../shared/data/polnear``),
* the synthetic corpus of ``benchmarks/_corpus.py`` (2,000 paragraphs),
* the PTC articles (``../shared/data/ptc/articles``, one paragraph per non-blank line),
  once without and once with an actors map (so the side code runs too),

and writes, per document, the ``repr`` of the quotes rows, the spans, the paragraph
columns, ``quoted_ranges`` and ``attribution_summary`` (``repr`` of a float is exact,
so a change in the last bit shows). The paragraph offsets are written too, so a change
in segmentation (not this scorer's) is told apart. Nothing from ``../shared`` is copied
into the project: the dump goes to the path given on the command line.

Run (compare two dumps with ``cmp``)::

    python benchmarks/check_attribution_identical.py /tmp/attr-new.txt
    PYTHONPATH=/tmp/wt-attr-base python benchmarks/check_attribution_identical.py /tmp/attr-old.txt
"""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Iterator
from pathlib import Path

import framing.attribution
from framing.attribution import AttributionScorer
from framing.segment import segment

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
ACTORS = {
    "US government": ["Trump", "Obama", "White House", "State Department", "Pentagon"],
    "Russian government": ["Putin", "Kremlin", "Lavrov", "Peskov"],
}


def _polnear() -> Iterator[tuple[str, str, str]]:
    for split in ("train", "dev"):
        folder = DATA / "polnear" / split / "text"
        for path in sorted(folder.glob("*.txt")):
            yield f"polnear/{split}/{path.stem}", path.read_text(encoding="utf-8"), "auto"


def _synthetic() -> Iterator[tuple[str, str, str]]:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import _corpus

    for d in _corpus.documents(2000):
        yield f"synthetic/{d['id']}", d["text"], "auto"


def _ptc() -> Iterator[tuple[str, str, str]]:
    for path in sorted((DATA / "ptc" / "articles").glob("*.txt")):
        lines = [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines()]
        yield f"ptc/{path.stem}", "\n".join(ln for ln in lines if ln), "line"


def _dump(out, scorer: AttributionScorer, source: Iterator[tuple[str, str, str]]) -> int:
    n = 0
    for name, text, mode in source:
        doc = segment(text, name, paragraphs=mode)
        scorer.annotate([doc])
        out.write(f"## {name} actors={sorted(scorer.actors)}\n")
        out.write(f"paragraphs {[(p.start, p.end) for p in doc.paragraphs]!r}\n")
        for row in doc.rows.get("quotes", []):
            out.write(f"row {sorted(row.items())!r}\n")
        for span in doc.spans:
            out.write(f"span {span!r}\n")
        for col in scorer.columns:
            out.write(f"col {col} {doc.columns[col]!r}\n")
        out.write(f"ranges {doc.annotations['quoted_ranges']!r}\n")
        summary = doc.annotations["attribution_summary"]
        out.write(f"summary {sorted((k, repr(v)) for k, v in summary.items())!r}\n")
        n += 1
    return n


def main() -> None:
    if len(sys.argv) != 2:
        raise SystemExit("usage: check_attribution_identical.py OUT_FILE")
    target = Path(sys.argv[1])
    plain = AttributionScorer()
    sided = AttributionScorer(actors=ACTORS)
    with target.open("w", encoding="utf-8") as out:
        counts = [
            _dump(out, plain, _polnear()),
            _dump(out, plain, _synthetic()),
            _dump(out, plain, _ptc()),
            _dump(out, sided, _ptc()),
        ]
    digest = hashlib.sha256(target.read_bytes()).hexdigest()
    print(f"code: {Path(framing.attribution.__file__).parent}")
    print(f"documents: polnear {counts[0]}, synthetic {counts[1]}, ptc {counts[2]} (+ actors)")
    print(f"sha256 {digest}  {target}")


if __name__ == "__main__":
    main()
