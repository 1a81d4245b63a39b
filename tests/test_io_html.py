"""framing.io.read_documents on saved HTML pages (trafilatura, never the network)."""

from __future__ import annotations

import sys

import pytest

from framing.io import read_documents

pytest.importorskip("trafilatura")

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="{charset}">
<title>Harbour talks stall | The Coastal Ledger</title>
<meta property="og:site_name" content="The Coastal Ledger">
<meta name="author" content="Jane Rowe">
<meta property="article:published_time" content="2024-03-05">
<link rel="canonical" href="https://ledger.example/harbour-talks">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Harbour talks stall again</h1>
<p>Negotiators from the two port authorities met on Tuesday but failed to agree on
fees, officials said.</p>
<h2>What the mayor said</h2>
<p>"We will not accept a deal that hurts local fishermen," the mayor told reporters
outside city hall, adding that <b>talks</b> would resume next {week}.</p>
<ul><li>Fees rose by 4 percent last year.</li><li>Traffic fell by a tenth.</li></ul>
<p>A spokesperson for the northern authority described the proposal as reasonable<br>and
fair to all parties.</p>
</article>
<footer>Copyright 2024 The Coastal Ledger. All rights reserved.</footer>
</body></html>
"""


def _page(tmp_path, name="talks.html", charset="utf-8", week="week", encoding="utf-8"):
    f = tmp_path / name
    f.write_bytes(PAGE.format(charset=charset, week=week).encode(encoding))
    return f


def test_html_paragraphs_one_per_line(tmp_path):
    f = _page(tmp_path)
    (doc,) = list(read_documents(f))
    assert doc.error is None and doc.id == "talks"
    lines = doc.text.split("\n")
    assert lines[0] == "Harbour talks stall again"
    assert (
        "Negotiators from the two port authorities met on Tuesday but failed to agree on "
        "fees, officials said." in lines
    )
    assert "Fees rose by 4 percent last year." in lines
    assert "Traffic fell by a tenth." in lines
    assert (
        "A spokesperson for the northern authority described the proposal as reasonable "
        "and fair to all parties." in lines
    )
    assert not any("Home" in line or "Copyright" in line for line in lines)


def test_html_headings_are_lines_with_offsets(tmp_path):
    (doc,) = list(read_documents(_page(tmp_path)))
    heads = [doc.text[a:b] for a, b in doc.meta["headings"]]
    assert heads == ["Harbour talks stall again", "What the mayor said"]
    for a, b in doc.meta["headings"]:
        assert a == 0 or doc.text[a - 1] == "\n"
        assert b == len(doc.text) or doc.text[b] == "\n"


def test_html_metadata(tmp_path):
    (doc,) = list(read_documents(_page(tmp_path)))
    assert doc.meta["outlet"] == "The Coastal Ledger"
    assert doc.meta["author"] == "Jane Rowe"
    assert doc.meta["date"] == "2024-03-05"
    assert doc.meta["url"] == "https://ledger.example/harbour-talks"
    assert doc.meta["source_file"].endswith("talks.html")


def test_html_declared_charset_used_when_not_utf8(tmp_path):
    f = _page(tmp_path, charset="iso-8859-1", week="Thursday in Malmö", encoding="latin-1")
    (doc,) = list(read_documents(f))
    assert doc.error is None
    assert "Malmö" in doc.text


def test_html_invalid_utf8_without_charset_is_error(tmp_path):
    f = tmp_path / "raw.htm"
    f.write_bytes(b"<html><body><p>caf\xe9 society news</p></body></html>")
    (doc,) = list(read_documents(f))
    assert doc.text == "" and doc.error.startswith(f"{f}:1: invalid utf-8")


def test_html_without_text_is_error(tmp_path):
    f = tmp_path / "blank.html"
    f.write_text("<html><body></body></html>", encoding="utf-8")
    (doc,) = list(read_documents(f))
    assert doc.text == "" and "no article text" in doc.error


def test_html_in_directory_alongside_text(tmp_path):
    _page(tmp_path, name="b.htm")
    (tmp_path / "a.txt").write_text("plain", encoding="utf-8")
    docs = list(read_documents(tmp_path))
    assert [d.id for d in docs] == ["a", "b"]
    assert docs[1].text.startswith("Harbour talks stall again\n")


def test_html_without_trafilatura_says_how_to_install(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # import now raises ImportError
    f = _page(tmp_path)
    docs = list(read_documents([f, "still read"]))
    assert "install framing[html]" in docs[0].error
    assert docs[1].text == "still read"
