"""StanceScorer: rows, columns, spans, voices, and the seed article."""

from __future__ import annotations

import math
import re
from pathlib import Path

import pandas as pd
import pytest

from framing.errors import InputError
from framing.scorers import Scorer
from framing.segment import segment
from framing.stance import StanceScorer, TargetStanceClassifier

SHARED = Path(__file__).resolve().parents[2] / "shared"
TARGETS = {
    "Russia": ["Russia", "Russian", "Putin", "Vladimir Putin", "Moscow", "the Kremlin", "Kremlin"],
    "China": ["China", "Chinese", "Xi", "Xi Jinping", "Beijing"],
    "United States": ["United States", "US", "U.S.", "Washington", "Trump", "Donald Trump"],
}


def _curly_quotes(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer("\u201c[^\u201d]*\u201d", text)]


def _run(text: str, targets=TARGETS, quotes: bool = True, classifier=None):  # type: ignore[no-untyped-def]
    doc = segment(text, "d", paragraphs="line")
    if quotes:
        doc.annotations["quoted_ranges"] = _curly_quotes(text)
    StanceScorer(targets, classifier=classifier).annotate([doc])
    return doc


def test_is_a_scorer_with_contract_names() -> None:
    s = StanceScorer({"Russia": []}, classifier=None)
    assert isinstance(s, Scorer)
    assert s.name == "stance" and s.tables == ("stance",) and s.requires == ()
    assert s.dynamic_columns() == ("stance__Russia",)


def test_rows_only_where_target_is_mentioned() -> None:
    doc = _run("Critics condemned Russia.\nThe weather was fine.\nBeijing welcomed it.")
    got = {(r["para_id"], r["target"]) for r in doc.rows["stance"]}
    assert got == {(0, "Russia"), (2, "China")}
    col = doc.columns["stance__Russia"]
    assert col[0] < 0 and math.isnan(col[1]) and math.isnan(col[2])
    assert all(math.isnan(v) for v in doc.columns["stance__United States"])


def test_row_has_contract_columns() -> None:
    doc = _run("Critics condemned Russia.")
    row = doc.rows["stance"][0]
    for key in ("para_id", "target", "score", "label", "voice", "author_score", "quoted_score"):
        assert key in row
    assert row["label"] == "against" and row["voice"] == "author"
    assert math.isnan(row["quoted_score"])


def test_target_spans() -> None:
    text = "Russian President Vladimir Putin met Xi."
    doc = _run(text)
    spans = [(text[s.start : s.end], s.label, s.kind, s.voice) for s in doc.spans]
    assert ("Vladimir Putin", "Russia", "target", "author") in spans
    assert ("Xi", "China", "target", "author") in spans


def test_quoted_praise_is_quoted_voice_and_author_stays_neutral() -> None:
    text = "Putin said, \u201cChina is a wonderful and reliable partner.\u201d"
    doc = _run(text)
    rows = {r["target"]: r for r in doc.rows["stance"]}
    assert rows["China"]["voice"] == "quoted" and rows["China"]["quoted_label"] == "favor"
    assert rows["Russia"]["author_label"] == "neutral"


def test_without_quoted_ranges_everything_is_author_voice() -> None:
    text = "Putin said, \u201cChina is a wonderful and reliable partner.\u201d"
    doc = _run(text, quotes=False)
    assert {r["voice"] for r in doc.rows["stance"]} == {"author"}


def test_first_person_plural_in_quote_is_the_speaker_target() -> None:
    text = "Putin added, \u201cWe are proud of our excellent work.\u201d"
    doc = _run(text)
    spans = [(text[s.start : s.end], s.label) for s in doc.spans]
    assert ("We", "Russia") in spans and ("our", "Russia") in spans
    (row,) = [r for r in doc.rows["stance"] if r["target"] == "Russia"]
    assert row["voice"] == "mixed" and row["quoted_score"] > 0


def test_accusation_is_against_the_accused() -> None:
    doc = _run("Washington accused Moscow of aggression.")
    rows = {r["target"]: r for r in doc.rows["stance"]}
    assert rows["Russia"]["label"] == "against"
    assert rows["United States"]["label"] == "neutral"


def test_fitted_classifier_is_combined() -> None:
    texts = ["Critics praised Acme.", "Critics attacked Acme.", "Acme opened an office."] * 4
    X = pd.DataFrame({"text": texts, "start": [16, 17, 0] * 4, "end": [20, 21, 4] * 4})
    clf = TargetStanceClassifier(n_features=2**10).fit(X, ["favor", "against", "neutral"] * 4)
    doc = _run("Critics attacked Acme again.", {"Acme": []}, classifier=clf)
    row = doc.rows["stance"][0]
    lexicon_only = _run("Critics attacked Acme again.", {"Acme": []}).rows["stance"][0]
    assert row["score"] < 0 and row["score"] != lexicon_only["score"]


def _tiny_classifier() -> TargetStanceClassifier:
    texts = ["Critics praised Acme.", "Critics attacked Acme.", "Acme opened an office."] * 4
    X = pd.DataFrame({"text": texts, "start": [16, 17, 0] * 4, "end": [20, 21, 4] * 4})
    return TargetStanceClassifier(n_features=2**10).fit(X, ["favor", "against", "neutral"] * 4)


def test_label_is_the_classifiers_most_probable_class() -> None:
    clf = _tiny_classifier()
    text = "Acme opened an office and critics praised it."
    doc = segment(text, "d", paragraphs="line")
    StanceScorer({"Acme": []}, classifier=clf, direct_weight=0.0).annotate([doc])
    row = doc.rows["stance"][0]
    proba = clf.predict_proba(pd.DataFrame({"text": [text], "start": [0], "end": [4]}))[0]
    p = dict(zip(clf.classes_, proba, strict=True))
    assert row["label"] == max(p, key=p.get)
    assert row["score"] == pytest.approx(p["favor"] - p["against"])


def test_direct_weight_adds_the_rules_evidence() -> None:
    clf = _tiny_classifier()
    text = "Acme is a symbol of stability."
    scores = []
    for weight in (0.0, 2.0):
        doc = segment(text, "d", paragraphs="line")
        StanceScorer({"Acme": []}, classifier=clf, direct_weight=weight).annotate([doc])
        scores.append(doc.rows["stance"][0]["score"])
    assert scores[1] > scores[0]


def test_bad_targets() -> None:
    with pytest.raises(InputError):
        StanceScorer({}, classifier=None)
    with pytest.raises(InputError):
        StanceScorer({"Russia": "Moscow"}, classifier=None)  # type: ignore[dict-item]
    with pytest.raises(InputError):
        StanceScorer({"Russia": []}, classifier="other")


@pytest.mark.parametrize("quotes", ["curly", "attribution"])
def test_seed_article_quoted_praise_and_missing_targets(quotes: str) -> None:
    path = SHARED / "examples" / "seed-article.txt"
    if not path.exists():
        pytest.skip("../shared/examples/seed-article.txt not present")
    try:
        clf = TargetStanceClassifier.pretrained()
    except InputError:
        pytest.skip("pretrained stance model not built")
    text = path.read_text(encoding="utf-8")
    doc = segment(text, "seed", paragraphs="line")
    if quotes == "curly":
        doc.annotations["quoted_ranges"] = _curly_quotes(text)
    else:
        attribution = pytest.importorskip("framing.attribution")
        attribution.AttributionScorer().annotate([doc])
    StanceScorer(TARGETS, classifier=clf).annotate([doc])
    rows = {(r["para_id"], r["target"]): r for r in doc.rows["stance"]}
    # Paragraphs where Putin or Xi Jinping is quoted directly ("Putin said, “...").
    praise = [
        i
        for i, p in enumerate(doc.paragraphs)
        if re.search("(Putin|Xi Jinping) (said|added), “", text[p.start : p.end])
    ]
    assert len(praise) >= 3
    for pid in praise:
        for target in ("Russia", "China"):
            row = rows[(pid, target)]
            assert row["quoted_label"] == "favor", (pid, target, row)
            assert row["author_label"] in (None, "neutral"), (pid, target, row)
    mentioned = {(s.para_id, s.label) for s in doc.spans if s.kind == "target"}
    assert set(rows) == mentioned
    assert (0, "United States") not in rows and (6, "United States") in rows


def test_loaded_term_attached_to_target_counts() -> None:
    from framing.segment import Span

    text = "The junta of Myanmar met on Monday."
    plain = _run(text, {"Myanmar": []}).rows["stance"][0]["score"]
    doc = segment(text, "d")
    start = text.index("junta")
    doc.spans.append(Span(0, start, start + 5, "loaded", "x", 1.0, "author", {"polarity": -0.8}))
    StanceScorer({"Myanmar": []}, classifier=None).annotate([doc])
    assert doc.rows["stance"][0]["score"] < plain - 0.2


def test_scorer_pickles_small_and_scores_the_same() -> None:
    import pickle

    try:
        scorer = StanceScorer(TARGETS)
    except InputError:
        pytest.skip("pretrained stance model not built")
    blob = pickle.dumps(scorer)
    assert len(blob) < 20_000
    again = pickle.loads(blob)
    text = "Critics condemned Moscow.\nXi praised the plan."
    a, b = segment(text, "d", paragraphs="line"), segment(text, "d", paragraphs="line")
    scorer.annotate([a])
    again.annotate([b])
    assert a.rows["stance"] == b.rows["stance"]


def test_label_mentions_matches_annotate_for_a_lone_mention() -> None:
    clf = _tiny_classifier()
    text = "Critics attacked Acme again."
    scorer = StanceScorer({"Acme": []}, classifier=clf)
    doc = segment(text, "d", paragraphs="line")
    scorer.annotate([doc])
    X = pd.DataFrame({"text": [text], "start": [17], "end": [21]})
    assert scorer.label_mentions(X).tolist() == [doc.rows["stance"][0]["label"]]
