"""The ``framing`` command line (click). It calls the public API only.

Exit status: 0 on success (documents that failed are counted on stderr), 1 when
nothing could be done (no input, every document failed, unreadable options), 2 on
usage errors.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from . import __version__
from .analysis import Analysis
from .errors import FramingError

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["main"]

FORMATS = ("csv", "jsonl", "parquet")
MAX_LISTED_FAILURES = 20


def _fail(message: str) -> None:
    """Print a one-line reason on stderr and exit 1."""
    click.echo(f"framing: error: {message}", err=True)
    sys.exit(1)


def _report_failures(docs: pd.DataFrame) -> int:
    failed = docs[docs["error"].notna()]
    if len(failed):
        click.echo(f"{len(failed)} of {len(docs)} documents failed:", err=True)
        for _, row in failed.head(MAX_LISTED_FAILURES).iterrows():
            click.echo(f"  {row['doc_id']}: {row['error']}", err=True)
        if len(failed) > MAX_LISTED_FAILURES:
            click.echo(
                f"  ... and {len(failed) - MAX_LISTED_FAILURES} more (see the documents "
                "table, column 'error')",
                err=True,
            )
    return len(failed)


def _out_format(out: Path, fmt: str | None) -> str:
    if fmt:
        return fmt
    suffix = out.suffix.lstrip(".").lower()
    return suffix if suffix in FORMATS else "csv"


def _reading_options(command: Any) -> Any:
    """``--text-column``, ``--id-column`` and ``--encoding``: how input files are read
    (the options of :func:`framing.analyze` of the same names), for every command that
    reads articles."""
    command = click.option(
        "--encoding",
        default="utf-8",
        show_default=True,
        help="Encoding of the input files (latin-1, cp1252, utf-16 ...).",
    )(command)
    command = click.option(
        "--id-column",
        default="id",
        show_default=True,
        help="Column (csv, parquet) or field (jsonl) holding each article's id.",
    )(command)
    return click.option(
        "--text-column",
        default="text",
        show_default=True,
        help="Column (csv, parquet) or field (jsonl) holding each article's text.",
    )(command)


def _map_options(note: str = "") -> Any:
    """``--targets`` and ``--actors``, the YAML maps of :func:`framing.analyze`, for every
    command that scores articles (``note`` ends their help)."""

    def add(command: Any) -> Any:
        command = click.option(
            "--actors",
            type=click.Path(exists=True, dir_okay=False),
            help=f"YAML file: side -> list of speaker names, for attribution balance{note}.",
        )(command)
        return click.option(
            "--targets",
            type=click.Path(exists=True, dir_okay=False),
            help=f"YAML file: target name -> list of aliases, for stance{note}.",
        )(command)

    return add


#: The maps' help on commands that also read a results folder (which brings its own).
_UNLESS_RESULTS = " (when INPUT is not a results folder)"


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="framing")
def main() -> None:
    """Bias and framing analysis of news, paragraph by paragraph.

    \b
    Start with the bundled example corpus:
      framing analyze --example --out example-output
    """


def _source_and_maps(
    inputs: tuple[str, ...], example: bool, targets: str | None, actors: str | None
) -> tuple[Any, str | None, str | None]:
    import framing

    if example:
        if inputs:
            raise click.UsageError("give INPUT files or --example, not both")
        return (
            framing.example_corpus_path(),
            targets or str(framing.example_targets()),
            actors or str(framing.example_actors()),
        )
    if not inputs:
        raise click.UsageError("give at least one INPUT (file or folder), or --example")
    source = [Path(p) for p in inputs] if len(inputs) > 1 else Path(inputs[0])
    return source, targets, actors


@main.command()
@click.argument("inputs", nargs=-1, type=click.Path(exists=True, dir_okay=True))
@click.option(
    "--example",
    is_flag=True,
    help="Analyse the bundled example corpus (fictional "
    "articles by three outlets) with its targets and actors.",
)
@_map_options()
@click.option(
    "--lexicon",
    "lexicons",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False),
    help="Extra lexicon file merged over the built-in ones (repeatable).",
)
@click.option(
    "--out",
    "-o",
    type=click.Path(file_okay=False, path_type=Path),
    help="Output folder for the result tables (created; an interrupted run resumes).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    help="Table format (default: from the --out suffix, else csv).",
)
@click.option(
    "--paragraphs",
    type=click.Choice(["auto", "line", "blank"]),
    default="auto",
    show_default=True,
    help="How paragraphs are delimited in plain text.",
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Worker processes (results are identical to one process).",
)
@click.option(
    "--chunk-size",
    type=click.IntRange(min=1),
    default=1000,
    show_default=True,
    help="Documents per chunk written with --out (bounds memory).",
)
@click.option(
    "--report",
    "report_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write the PDF report (outlets compared when an `outlet` column exists).",
)
@_reading_options
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no summary.")
def analyze(
    inputs: tuple[str, ...],
    example: bool,
    targets: str | None,
    actors: str | None,
    lexicons: tuple[str, ...],
    out: Path | None,
    fmt: str | None,
    paragraphs: str,
    jobs: int,
    chunk_size: int,
    report_path: Path | None,
    quiet: bool,
    **reading: str,
) -> None:
    """Score every paragraph of every article.

    \b
    INPUT is one or more files or folders: .txt (one article), .csv, .jsonl or
    .parquet (one article per row, text in a `text` column), .html, or a folder.

    Without --out a summary per document is printed. With --out the corpus is read,
    scored and written chunk by chunk (memory stays bounded; an interrupted run
    started again with the same command resumes after the last finished chunk):
    one folder per table (documents, paragraphs, sentences, spans, and quotes and
    stance when those scorers run) of part files, texts, and manifest.json. Read
    it back with framing.load(OUT).

    \b
    Examples:
      framing analyze --example --out example-output --report example-output/report.pdf
      framing analyze article.txt
      framing analyze corpus.jsonl --targets targets.yaml --actors actors.yaml --out results
      framing analyze big.jsonl --out results.parquet --jobs 2
      framing analyze export.csv --text-column body --encoding cp1252
    """
    import framing
    from framing.stream import analyze_to

    source, targets, actors = _source_and_maps(inputs, example, targets, actors)
    started = time.perf_counter()
    # What both ways of running take: maps, lexicons, paragraphs, workers, progress and
    # how the files are read (text_column, id_column, encoding).
    options: dict[str, Any] = {
        "targets": targets,
        "actors": actors,
        "lexicons": list(lexicons) or None,
        "paragraphs": paragraphs,
        "jobs": jobs,
        "progress": None if not quiet else False,
        **reading,
    }
    try:
        if out is None:
            analysis = framing.analyze(source, **options)
            _print_summary(analysis)
            docs = analysis.documents
            n_docs, n_paras = len(docs), len(analysis.paragraphs)
        else:
            res = analyze_to(
                source, out, format=_out_format(out, fmt), chunk_size=chunk_size, **options
            )
            # Only the documents table is read back (memory stays bounded on big corpora);
            # the whole result is loaded only when a report is asked for.
            analysis = None
            docs = framing.load_table(out, "documents", ["doc_id", "error"])
            n_docs, n_paras = res.documents, res.paragraphs
            if not quiet:
                resumed = (
                    f" (resumed after {res.resumed_chunks} finished chunks)"
                    if res.resumed_chunks
                    else ""
                )
                click.echo(f"Wrote {', '.join(res.tables)} to {out}/{resumed}", err=True)
    except FramingError as exc:
        _fail(str(exc))
        return
    if not quiet:
        click.echo(
            f"{n_docs} documents, {n_paras} paragraphs in {time.perf_counter() - started:.1f} s",
            err=True,
        )
    if report_path is not None and n_docs:
        _write_report(
            analysis if analysis is not None else framing.load(out), report_path, "outlet", quiet
        )
    n_failed = _report_failures(docs)
    if n_docs == 0:
        _fail("no documents found in the input")
    if n_failed == n_docs:
        _fail("every document failed (see above)")


def _load_or_analyze(
    inputs: tuple[str, ...],
    targets: str | None,
    actors: str | None,
    quiet: bool,
    reading: dict[str, str],
) -> Analysis:
    """A results folder (written by ``framing analyze --out``) is loaded; anything else is
    analysed, read as ``reading`` (text_column, id_column, encoding) says."""
    import framing

    if len(inputs) == 1 and (Path(inputs[0]) / "manifest.json").is_file():
        if targets or actors:
            raise click.UsageError(
                "--targets/--actors apply to new analyses, not to a results folder"
            )
        return framing.load(inputs[0])
    source, targets, actors = _source_and_maps(inputs, False, targets, actors)
    return framing.analyze(
        source, targets=targets, actors=actors, progress=None if not quiet else False, **reading
    )


def _write_report(analysis: Analysis, path: Path, by: str, quiet: bool) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    analysis.report(path, by=by)
    if not quiet:
        click.echo(f"Wrote the report to {path}", err=True)


@main.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(exists=True))
@click.option(
    "--by",
    default="outlet",
    show_default=True,
    help="Metadata column that forms the groups (outlet, leaning, a date bucket...).",
)
@_map_options(_UNLESS_RESULTS)
@click.option(
    "--out",
    "-o",
    type=click.Path(path_type=Path),
    help="A .csv file (all rows, with a `kind` column) or a folder (groups.csv, "
    "pairwise.csv, keyness.csv).",
)
@click.option(
    "--n-boot",
    type=click.IntRange(min=100),
    default=2000,
    show_default=True,
    help="Bootstrap resamples of documents.",
)
@click.option("--seed", type=int, default=0, show_default=True)
@_reading_options
@click.option("--quiet", "-q", is_flag=True)
def compare(
    inputs: tuple[str, ...],
    by: str,
    targets: str | None,
    actors: str | None,
    out: Path | None,
    n_boot: int,
    seed: int,
    quiet: bool,
    **reading: str,
) -> None:
    """Compare groups of documents (outlets by default), with intervals and tests.

    INPUT is a results folder written by `framing analyze --out`, or input files
    to analyse first. Each metric is computed per document, averaged per group,
    with a bootstrap 95% interval resampling documents; pairs of groups get a
    Mann-Whitney test, Benjamini-Hochberg q-values and effect sizes (Cliff's delta,
    Cohen's d); loaded terms and reporting verbs get keyness (G2, log ratio).

    \b
    Examples:
      framing compare example-output --by outlet
      framing compare corpus.jsonl --by leaning --targets targets.yaml -o comparison.csv
    """
    analysis = _load_or_analyze(inputs, targets, actors, quiet, reading)
    if by not in analysis.documents.columns:
        _fail(
            f"the documents have no {by!r} column to group by "
            f"(columns: {', '.join(map(str, analysis.documents.columns))})"
        )
    try:
        result = analysis.compare(by=by, n_boot=n_boot, seed=seed)
    except (FramingError, ValueError) as exc:
        _fail(str(exc))
        return
    if out is None:
        _print_groups(result.groups)
    elif out.suffix.lower() == ".csv":
        out.parent.mkdir(parents=True, exist_ok=True)
        result.to_frame().to_csv(out, index=False)
    else:
        out.mkdir(parents=True, exist_ok=True)
        result.groups.to_csv(out / "groups.csv", index=False)
        result.pairwise.to_csv(out / "pairwise.csv", index=False)
        result.keyness.to_csv(out / "keyness.csv", index=False)
    if out is not None and not quiet:
        click.echo(f"Wrote the comparison to {out}", err=True)


def _print_groups(groups: Any) -> None:
    if groups.empty:
        click.echo("no metrics to compare")
        return
    cell = groups.apply(
        lambda r: f"{r['mean']:.3g} [{r['ci_low']:.3g}, {r['ci_high']:.3g}]", axis=1
    )
    table = groups.assign(cell=cell).pivot(index="feature", columns="group", values="cell")
    click.echo(table.to_string())


@main.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(exists=True))
@click.option(
    "--output",
    "-o",
    "output",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="The PDF file to write.",
)
@click.option("--by", default="outlet", show_default=True, help="Grouping column.")
@_map_options(_UNLESS_RESULTS)
@click.option(
    "--articles",
    type=click.IntRange(min=0),
    default=30,
    show_default=True,
    help="Article pages (text with highlights) at most.",
)
@_reading_options
@click.option("--quiet", "-q", is_flag=True)
def report(
    inputs: tuple[str, ...],
    output: Path,
    by: str,
    targets: str | None,
    actors: str | None,
    articles: int,
    quiet: bool,
    **reading: str,
) -> None:
    """Write a PDF report: summary sentences with intervals, comparison tables,
    figures, highlighted article pages, method and licences.

    INPUT is a results folder written by `framing analyze --out`, or input files.

    \b
    Examples:
      framing report example-output -o report.pdf
      framing report corpus.jsonl --targets targets.yaml --actors actors.yaml -o report.pdf
    """
    analysis = _load_or_analyze(inputs, targets, actors, quiet, reading)
    output.parent.mkdir(parents=True, exist_ok=True)
    try:
        analysis.report(output, by=by, max_article_pages=articles)
    except (FramingError, ValueError) as exc:
        _fail(str(exc))
    if not quiet:
        click.echo(f"Wrote the report to {output}", err=True)


DATASETS = {
    "stance": ("newsmtsc", "basil"),
    "loaded": ("babe", "ptc", "basil"),
    "attribution": ("polnear",),
}


@main.command()
@click.argument("task", type=click.Choice(sorted(DATASETS)))
@click.argument("path", type=click.Path(exists=True))
@click.option(
    "--dataset",
    required=True,
    type=click.Choice(sorted({d for ds in DATASETS.values() for d in ds})),
    help="Which public dataset PATH holds.",
)
@click.option("--split", default="dev", show_default=True, help="PolNeAR split (attribution).")
@click.option(
    "--out",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write the figures as CSV.",
)
def evaluate(task: str, path: str, dataset: str, split: str, out: Path | None) -> None:
    """Measure a scorer on a public labelled dataset read from PATH.

    \b
    stance       --dataset newsmtsc|basil   macro-F1 and accuracy (NewsMTSC dev_rw/dev_mt),
                                            BASIL document and paragraph agreement
    loaded       --dataset babe|ptc|basil   word and sentence P/R/F1, ROC AUC; span overlap F1
    attribution  --dataset polnear          cue exact F1, source and content overlap P/R/F1

    \b
    Examples:
      framing evaluate stance ../shared/data/newsmtsc --dataset newsmtsc
      framing evaluate attribution ../shared/data/polnear --dataset polnear --split dev
    """
    if dataset not in DATASETS[task]:
        raise click.UsageError(f"{task} is evaluated on {', '.join(DATASETS[task])}, not {dataset}")
    try:
        if task == "stance":
            from .stance import evaluate_stance

            table = evaluate_stance(dataset, path)
        elif task == "loaded":
            from .loaded import evaluate_loaded

            table = evaluate_loaded(dataset, path)
        else:
            from .evaluate import evaluate_polnear

            table = evaluate_polnear(path, split=split)
    except (FramingError, FileNotFoundError, ValueError) as exc:
        _fail(str(exc))
        return
    click.echo(table.to_string(index=False))
    if out is not None:
        table.to_csv(out, index=False)


@main.command()
@click.argument("task", type=click.Choice(["bias", "stance"]))
@click.option(
    "--data",
    required=True,
    type=click.Path(exists=True, dir_okay=False),
    help="Labelled file: bias -> CSV text,label; stance -> NewsMTSC JSONL or CSV "
    "text,start,end,label.",
)
@click.option(
    "--output",
    "-o",
    "output",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Model file to write (.npz).",
)
def train(task: str, data: str, output: Path) -> None:
    """Train a classifier on your own labels and save it as a code-free model file.

    \b
    Examples:
      framing train bias --data my_sentences.csv -o my_bias.npz
      framing train stance --data my_mentions.csv -o my_stance.npz
    """
    try:
        if task == "bias":
            from .loaded import train_bias

            info = train_bias(data, output)
        else:
            from .stance import train_stance

            info = train_stance(data, output)
    except (FramingError, ValueError) as exc:
        _fail(str(exc))
        return
    for key, value in info.items():
        click.echo(f"{key}: {value}")
    click.echo(f"Wrote {output}", err=True)


@main.group()
def lexicon() -> None:
    """Check lexicon files before using them with --lexicon."""


@lexicon.command("validate")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["tsv", "yaml", "dic", "dicx", "tff", "wordlist"]),
    help="File format (default: from the extension).",
)
def lexicon_validate(files: tuple[str, ...], fmt: str | None) -> None:
    """Read each lexicon strictly and report its entries and categories, or the first
    malformed line (file:line).

    \b
    Examples:
      framing lexicon validate my_terms.tsv
      framing lexicon validate moral.dic --format dic
    """
    from .lexicon import load_lexicon

    bad = 0
    for path in files:
        try:
            lex = load_lexicon(path, fmt)  # type: ignore[arg-type]
        except FramingError as exc:
            click.echo(f"{exc}", err=True)
            bad += 1
            continue
        cats = sorted({e.category for e in lex.entries})
        click.echo(f"{path}: {len(lex)} entries, {len(cats)} categories ({', '.join(cats)})")
    if bad:
        _fail(f"{bad} of {len(files)} lexicon files are malformed")


_SUMMED = ("n_quotes", "n_direct", "loaded_count")
_SHOWN = ("n_quotes", "quoted_share", "balance", "loaded_count", "bias_score", "valence")


def _print_summary(analysis: Analysis) -> None:
    """One document: a row per paragraph. Several: a row per document (sums of counts,
    means of scores)."""
    import pandas as pd

    paras = analysis.paragraphs
    shown = [c for c in paras.columns if c in _SHOWN or c.startswith("stance__")]
    if len(analysis.documents) == 1 and len(paras):
        table = paras[["para_id", *shown]].copy()
        table.insert(1, "text", [t if len(t) <= 48 else t[:45] + "..." for t in paras["text"]])
        click.echo(table.round(3).to_string(index=False))
        return
    docs = analysis.documents.set_index("doc_id")
    table = docs[[c for c in ("outlet", "n_paragraphs", "n_tokens") if c in docs.columns]]
    if shown and len(paras):
        grouped = paras.groupby("doc_id", sort=False)
        parts = [
            grouped[[c for c in shown if c in _SUMMED]].sum(),
            grouped[[c for c in shown if c not in _SUMMED]].mean(),
        ]
        table = table.join(pd.concat(parts, axis=1)[shown].round(3))
    click.echo(table.to_string())


if __name__ == "__main__":  # pragma: no cover - python -m framing.cli
    main()
