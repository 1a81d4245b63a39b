"""framing.report.write_report: pages, headings and highlights of the PDF (read back with pypdf)."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest
from pypdf import PdfReader

from framing.compare import compare
from framing.compare._synthetic import SyntheticAnalysis, synthetic_analysis
from framing.errors import InputError
from framing.report import summarize, write_report
from framing.report._highlight import tint


@pytest.fixture(scope="module")
def analysis() -> SyntheticAnalysis:
    return synthetic_analysis(12, seed=4)


@pytest.fixture(scope="module")
def report(analysis, tmp_path_factory) -> tuple[Path, list[str]]:
    path = tmp_path_factory.mktemp("report") / "report.pdf"
    cards = {"toy model": "# Toy model\nTrained on nothing; for the test."}
    write_report(analysis, path, max_article_pages=2, n_boot=100, model_cards=cards)
    pages = [p.extract_text() for p in PdfReader(path).pages]
    return path, pages


def test_report_has_the_sections_in_order(report):
    _, pages = report
    text = "\n".join(pages)
    headings = [
        "Summary",
        "Comparison tables",
        "Figures",
        "Articles",
        "Appendix: method",
        "Appendix: lexicons, models and licences",
    ]
    positions = [text.find(h) for h in headings]
    assert all(p >= 0 for p in positions), dict(zip(headings, positions, strict=True))
    assert positions == sorted(positions)


def test_title_page_describes_the_corpus(report):
    _, pages = report
    assert "Framing report" in pages[0]
    assert "12 documents" in pages[0]
    assert "compared by outlet: Outlet A, Outlet B, Outlet C" in pages[0]


def test_summary_sentences_carry_intervals(report, analysis):
    _, pages = report
    text = " ".join(" ".join(pages).split())
    sentences = summarize(compare(analysis, n_boot=100), analysis.documents)
    assert sentences["means"]
    for sentence in sentences["means"][:3] + sentences["ratios"][:2]:
        assert "95% CI" in sentence
        assert " ".join(sentence.split())[:60] in text


def test_one_article_page_per_shown_article(report):
    _, pages = report
    starts = [i for i, p in enumerate(pages) if "id doc0000" in p or "id doc0001" in p]
    assert len(starts) == 2
    assert "id doc0002" not in "\n".join(pages)
    assert "2 of 12 analysed documents" in "\n".join(pages)


def test_article_text_keeps_curly_quotes(report, analysis):
    _, pages = report
    text = "\n".join(pages)
    assert "\u201cWe will not accept" in text or "\u201c We will not accept" in text


def test_appendix_lists_provenance_and_model_cards(report):
    _, pages = report
    text = "\n".join(pages)
    assert "n/a (generated)" in text
    assert "Model card: toy model" in text
    assert "Mann-Whitney" in text


def test_quotations_are_filled_with_the_side_tint(report):
    path, _ = report
    reader = PdfReader(path)
    page = next(p for p in reader.pages if "id doc0000" in p.extract_text())
    content = page.get_contents().get_data().decode("latin-1")
    # Government A is blue #0072B2; its tint (mixed 28% with white) is a fill colour
    fills = [
        tuple(float(v) for v in m.groups())
        for m in re.finditer(r"([\d.]+) ([\d.]+) ([\d.]+) rg", content)
    ]
    expected = tuple(c / 255 for c in tint("#0072B2"))
    assert any(all(abs(x - y) < 1e-3 for x, y in zip(f, expected, strict=True)) for f in fills)


def test_output_is_deterministic(tmp_path):
    small = synthetic_analysis(6, ("A", "B"), seed=2)
    # figures=False keeps the test fast; the article page still embeds its strip figure
    a = write_report(small, tmp_path / "a.pdf", max_article_pages=1, n_boot=50, figures=False)
    b = write_report(small, tmp_path / "b.pdf", max_article_pages=1, n_boot=50, figures=False)
    assert a.read_bytes() == b.read_bytes()


def test_without_grouping_column_all_documents_form_one_group(tmp_path):
    single = synthetic_analysis(1, seed=1)
    single.tables["documents"] = single.tables["documents"].drop(columns="outlet")
    single.texts["doc0000"] = single.texts["doc0000"].replace("Critics", "Crit\u4e2dics")
    path = write_report(single, tmp_path / "one.pdf", n_boot=20, figures=False)
    text = "\n".join(p.extract_text() for p in PdfReader(path).pages)
    assert "all documents form one group" in text
    assert "Articles" in text


def test_no_articles_when_asked(analysis, tmp_path):
    path = write_report(
        analysis, tmp_path / "none.pdf", max_article_pages=0, n_boot=20, figures=False
    )
    text = "\n".join(p.extract_text() for p in PdfReader(path).pages)
    assert "Articles" not in text
    assert "Comparison tables" in text


def test_failed_documents_are_listed(analysis, tmp_path):
    broken = SyntheticAnalysis(dict(analysis.tables), dict(analysis.texts), {})
    extra = pd.DataFrame([{"doc_id": "bad1", "outlet": "Outlet A", "error": "empty text"}])
    broken.tables["documents"] = pd.concat([analysis.documents, extra], ignore_index=True)
    path = write_report(broken, tmp_path / "err.pdf", max_article_pages=0, n_boot=20, figures=False)
    text = "\n".join(p.extract_text() for p in PdfReader(path).pages)
    assert "Documents that could not be analysed (1)" in text
    assert "empty text" in text


def test_unknown_article_is_an_input_error(analysis, tmp_path):
    with pytest.raises(InputError, match="nope"):
        write_report(analysis, tmp_path / "x.pdf", articles=["nope"], n_boot=20, figures=False)


def test_all_documents_failed_still_gives_a_report(tmp_path):
    docs = pd.DataFrame({"doc_id": ["d1"], "outlet": ["A"], "error": ["could not read file"]})
    broken = SyntheticAnalysis({"documents": docs}, {}, {})
    path = write_report(broken, tmp_path / "failed.pdf")
    text = "\n".join(p.extract_text() for p in PdfReader(path).pages)
    assert "1 documents (1 could not be analysed)" in text
    assert "could not read file" in text
    assert "Summary" not in text
