"""Dump every result table of a full run, to check that a speed change leaves outputs identical.

Run from the repository root, once on the code before a change and once after, then compare::

    PYTHONPATH=/tmp/wt-base python benchmarks/check_pipeline_identical.py /tmp/before.txt
    python benchmarks/check_pipeline_identical.py /tmp/after.txt
    cmp /tmp/before.txt /tmp/after.txt     # or: diff

When other changes that alter outputs on purpose land meanwhile (a retrained model), build
the reference from a worktree of the current commit with only the files under test put
back at their old versions (``git checkout <old> -- <paths>`` inside that worktree).

The run uses every built-in scorer over three inputs: the PTC news articles of
``../shared/data/ptc`` (read at run time, skipped with a note when absent) with the three
real targets and actors of ``bench_pipeline.py --real``; the synthetic paragraphs of
``benchmarks/_corpus.py`` with the example targets and actors; and a few hand-written
edge cases (typographic quotes, ligatures and soft hyphens that change the normalised
view's length, empty and non-text documents). Each table is written with its column
names, dtypes and index, then one line per row; every value is written with ``repr`` and,
in object columns, its type name, so a changed float, dtype or value type shows up as a
changed line.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, TextIO

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _corpus  # noqa: E402
import bench_pipeline  # noqa: E402

import framing  # noqa: E402

EDGE_CASES: list[Any] = [
    {
        "id": "typo",
        "text": "The \u201cpeace\u201d talks \u2014 so\u2011called \u2018reforms\u2019 "
        "\u2014 failed.\u00a0Mr. Lee said: \u201cWe will not attack.\u201d\n\nA brutal, deadly "
        "attack on Russia, he claimed.",
    },
    {
        "id": "ligature",
        "text": "The of\ufb01cials\u00ad found the \ufb02awed \u201creform\u201d "
        "a sham.\nPutin said the U.S. is not a threat. \u201cIt is a farce,\u201d Lavrov added.\n"
        "China\u200b denied it.",
    },
    {"id": "empty", "text": "   \n  "},
    {"id": "nontext", "text": None},
    {
        "id": "wrapped",
        "text": "The senators argued for hours about the disastrous plan\n"
        "that critics called a radical power grab by the so-called\nexperts of the White "
        "House.\n\nNo. 10 said nothing. Obama, however, praised the talks.",
    },
]


def runs() -> list[tuple[str, list[Any], Any, Any]]:
    out: list[tuple[str, list[Any], Any, Any]] = []
    if _corpus.PTC.is_dir():
        out.append(
            (
                "ptc",
                bench_pipeline.real_documents(),
                bench_pipeline.REAL_TARGETS,
                bench_pipeline.REAL_ACTORS,
            )
        )
    else:
        print(f"note: {_corpus.PTC} absent, PTC run skipped", file=sys.stderr)
    out.append(("corpus", _corpus.documents(2000), bench_pipeline.TARGETS, bench_pipeline.ACTORS))
    out.append(("edge", EDGE_CASES, bench_pipeline.REAL_TARGETS, bench_pipeline.REAL_ACTORS))
    return out


def _cell(v: Any, typed: bool) -> str:
    return f"{type(v).__name__}:{v!r}" if typed else repr(v)


def dump_table(name: str, df: Any, fh: TextIO) -> None:
    fh.write(f"## table {name} shape={df.shape}\n")
    fh.write(f"index {type(df.index).__name__} {df.index.dtype} {list(df.index)!r}\n")
    for col in df.columns:
        fh.write(f"column {col!r} {df[col].dtype}\n")
    typed = [df[c].dtype == object for c in df.columns]
    cols = [
        df[c].tolist() if t else df[c].to_numpy().tolist()
        for c, t in zip(df.columns, typed, strict=True)
    ]
    for row in zip(*cols, strict=True):
        fh.write("\t".join(_cell(v, t) for v, t in zip(row, typed, strict=True)) + "\n")


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("out", help="file to write the dump to")
    ap.add_argument("--batch-size", type=int, default=64)
    args = ap.parse_args()
    with open(args.out, "w", encoding="utf-8") as fh:
        for label, docs, targets, actors in runs():
            a = framing.analyze(
                docs, targets=targets, actors=actors, progress=False, batch_size=args.batch_size
            )
            fh.write(f"# run {label}: {len(docs)} documents\n")
            for name, df in a.tables.items():
                dump_table(name, df, fh)
            print(
                f"{label}: " + ", ".join(f"{n}={len(df)}" for n, df in a.tables.items()),
                file=sys.stderr,
            )
    print(f"written {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
