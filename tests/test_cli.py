import pytest
from click.testing import CliRunner

import framing
from framing.cli import main


@pytest.fixture
def runner():
    return CliRunner()


def test_help_lists_examples(runner):
    result = runner.invoke(main, ["analyze", "--help"])
    assert result.exit_code == 0
    assert "framing analyze --example" in result.output


def test_analyze_txt_prints_summary(runner, tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("First paragraph here.\nSecond one, a terrible day.\n", encoding="utf-8")
    result = runner.invoke(main, ["analyze", str(path)])
    assert result.exit_code == 0, result.output
    assert "Second one, a terrible day." in result.stdout  # one row per paragraph
    assert "1 documents, 2 paragraphs" in result.stderr


def test_analyze_several_documents_prints_one_row_each(runner, tmp_path):
    for name in ("a", "b"):
        (tmp_path / f"{name}.txt").write_text(f"Story {name}. A good day.", encoding="utf-8")
    result = runner.invoke(main, ["analyze", str(tmp_path), "-q"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().splitlines()
    assert lines[-2].startswith("a ") and lines[-1].startswith("b ")


def test_analyze_writes_tables(runner, tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("A calm day.", encoding="utf-8")
    out = tmp_path / "res"
    result = runner.invoke(main, ["analyze", str(path), "--out", str(out), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    assert (out / "paragraphs" / "part-00000-0000.jsonl").is_file()
    assert len(framing.load(out).paragraphs) == 1


def test_example_corpus_runs(runner, tmp_path):
    result = runner.invoke(main, ["analyze", "--example", "--out", str(tmp_path / "ex"), "-q"])
    assert result.exit_code == 0, result.output
    a = framing.load(tmp_path / "ex")
    assert a.documents.outlet.nunique() == 3
    assert a.documents.error.isna().all()


def test_rerun_resumes_and_changed_input_is_refused(runner, tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("A calm day.", encoding="utf-8")
    out = tmp_path / "res"
    assert runner.invoke(main, ["analyze", str(path), "-o", str(out)]).exit_code == 0
    again = runner.invoke(main, ["analyze", str(path), "-o", str(out)])
    assert again.exit_code == 0 and "resumed after 1 finished chunks" in again.stderr
    path.write_text("A different day, longer.", encoding="utf-8")
    changed = runner.invoke(main, ["analyze", str(path), "-o", str(out)])
    assert changed.exit_code == 1 and "other input or settings" in changed.stderr


def test_failed_documents_are_counted_on_stderr(runner, tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_text('{"id": "a", "text": "Fine."}\nnot json\n', encoding="utf-8")
    result = runner.invoke(main, ["analyze", str(path), "-q"])
    assert result.exit_code == 0
    assert "1 of 2 documents failed" in result.stderr
    assert "c.jsonl:2" in result.stderr


def test_nothing_analysable_exits_1(runner, tmp_path):
    path = tmp_path / "empty.txt"
    path.write_text("   ", encoding="utf-8")
    result = runner.invoke(main, ["analyze", str(path), "-q"])
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines()[-1].startswith("framing: error:")


def test_no_input_is_a_usage_error(runner):
    result = runner.invoke(main, ["analyze"])
    assert result.exit_code == 2
    assert "--example" in result.output


def test_missing_file_is_a_usage_error(runner, tmp_path):
    result = runner.invoke(main, ["analyze", str(tmp_path / "nope.txt")])
    assert result.exit_code == 2


@pytest.fixture(scope="module")
def example_results(tmp_path_factory):
    out = tmp_path_factory.mktemp("ex") / "res"
    result = CliRunner().invoke(main, ["analyze", "--example", "--out", str(out), "-q"])
    assert result.exit_code == 0, result.output
    return out


def test_compare_prints_intervals_per_outlet(runner, example_results):
    result = runner.invoke(main, ["compare", str(example_results), "--n-boot", "200"])
    assert result.exit_code == 0, result.output
    assert "Global Wire" in result.stdout and "quoted_share" in result.stdout
    assert "[" in result.stdout  # mean [ci_low, ci_high]


def test_compare_writes_csv_folder(runner, example_results, tmp_path):
    out = tmp_path / "cmp"
    result = runner.invoke(
        main, ["compare", str(example_results), "--n-boot", "200", "-o", str(out), "-q"]
    )
    assert result.exit_code == 0, result.output
    assert {p.name for p in out.iterdir()} == {"groups.csv", "pairwise.csv", "keyness.csv"}


def test_compare_unknown_column_fails_with_reason(runner, example_results):
    result = runner.invoke(main, ["compare", str(example_results), "--by", "colour"])
    assert result.exit_code == 1
    assert "no 'colour' column" in result.stderr


def test_report_writes_pdf(runner, example_results, tmp_path):
    pdf = tmp_path / "r.pdf"
    result = runner.invoke(
        main, ["report", str(example_results), "-o", str(pdf), "--articles", "2", "-q"]
    )
    assert result.exit_code == 0, result.output
    assert pdf.read_bytes().startswith(b"%PDF")


def test_lexicon_validate_reports_entries(runner, tmp_path):
    path = tmp_path / "mine.txt"
    path.write_text("disgrace\nfiasco\n", encoding="utf-8")
    result = runner.invoke(main, ["lexicon", "validate", str(path)])
    assert result.exit_code == 0, result.output
    assert "2 entries" in result.stdout


def test_lexicon_validate_names_the_bad_line(runner, tmp_path):
    path = tmp_path / "bad.dic"
    path.write_text("%\n1\tanger\n%\nfurious\t1\nrage\t9\n", encoding="utf-8")
    result = runner.invoke(main, ["lexicon", "validate", str(path)])
    assert result.exit_code == 1
    assert "bad.dic:5" in result.stderr


def test_train_bias_writes_a_model(runner, tmp_path):
    rows = (
        ["text,label"]
        + [f"A calm and plain report number {i}.,0" for i in range(6)]
        + [f"A disgraceful and shameful corrupt farce number {i}.,1" for i in range(6)]
    )
    data = tmp_path / "mine.csv"
    data.write_text("\n".join(rows) + "\n", encoding="utf-8")
    model = tmp_path / "bias.npz"
    result = runner.invoke(main, ["train", "bias", "--data", str(data), "-o", str(model)])
    assert result.exit_code == 0, result.output
    assert model.is_file() and "cv_macro_f1" in result.stdout


def test_evaluate_rejects_a_dataset_of_another_task(runner, tmp_path):
    result = runner.invoke(main, ["evaluate", "attribution", str(tmp_path), "--dataset", "babe"])
    assert result.exit_code == 2
    assert "polnear" in result.output


def test_evaluate_stance_on_newsmtsc(runner, shared):
    path = shared / "data" / "newsmtsc"
    if not (path / "dev_rw.jsonl").is_file():
        pytest.skip("NewsMTSC not available")
    result = runner.invoke(main, ["evaluate", "stance", str(path), "--dataset", "newsmtsc"])
    assert result.exit_code == 0, result.output
    assert "dev_rw" in result.stdout and "macro_f1" in result.stdout


def test_analyze_reads_another_text_and_id_column(runner, tmp_path):
    path = tmp_path / "export.csv"
    path.write_text("key,body\nx1,Critics attacked the plan.\nx2,A calm day.\n", encoding="utf-8")
    out = tmp_path / "res"
    args = ["analyze", str(path), "--text-column", "body", "--id-column", "key", "-o", str(out)]
    result = runner.invoke(main, [*args, "-q"])
    assert result.exit_code == 0, result.output
    docs = framing.load_table(out, "documents", ["doc_id", "error"])
    assert docs["doc_id"].tolist() == ["x1", "x2"]
    assert docs["error"].isna().all()


def test_missing_text_column_names_the_option(runner, tmp_path):
    path = tmp_path / "export.csv"
    path.write_text("key,body\nx1,A calm day.\n", encoding="utf-8")
    result = runner.invoke(main, ["analyze", str(path)])
    assert result.exit_code == 1
    assert "no 'text' column" in result.stderr and "--text-column" in result.stderr


def test_analyze_reads_a_declared_encoding(runner, tmp_path):
    path = tmp_path / "story.txt"
    path.write_bytes("Caf\u00e9 owners praised the plan.".encode("cp1252"))
    failed = runner.invoke(main, ["analyze", str(path)])
    assert failed.exit_code == 1 and "--encoding latin-1" in failed.stderr
    result = runner.invoke(main, ["analyze", str(path), "--encoding", "cp1252", "-q"])
    assert result.exit_code == 0, result.output
    assert "Caf\u00e9 owners" in result.stdout


def test_compare_reads_another_text_column(runner, tmp_path):
    path = tmp_path / "export.csv"
    rows = [f"d{i},{'A' if i % 2 else 'B'},Critics attacked the plan number {i}." for i in range(6)]
    path.write_text("id,outlet,body\n" + "\n".join(rows) + "\n", encoding="utf-8")
    args = ["compare", str(path), "--text-column", "body", "--n-boot", "100", "-q"]
    result = runner.invoke(main, args)
    assert result.exit_code == 0, result.output
    assert "A" in result.stdout and "B" in result.stdout
