"""Loaded-language evaluation: readers, metrics, the CV protocol, training on a user CSV."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from framing.errors import InputError
from framing.evaluate._babe import babe_scores, evaluate_babe, gold_word_sets, read_babe, word_prf
from framing.evaluate._basil_loaded import read_basil_sentences
from framing.evaluate._ptc import line_spans, merge_adjacent, read_ptc
from framing.loaded import BiasClassifier, LoadedTermTagger, evaluate_loaded, train_bias

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"

BIASED = [
    ("The sham vote was rigged by thugs.", ["sham", "thugs"]),
    ("A disgraceful deal by corrupt elites.", ["disgraceful", "corrupt"]),
    ("Corrupt thugs staged a sham trial.", ["corrupt", "thugs", "sham"]),
    ("The radical mob pushed a disgraceful plan.", ["radical", "disgraceful"]),
    ("Thugs and their corrupt allies cheered.", ["thugs", "corrupt"]),
    ("A sham inquiry led by radical zealots.", ["sham", "radical"]),
]
NEUTRAL = [
    "The council voted on the budget on Tuesday.",
    "The committee will meet again next month.",
    "Officials said the bridge opens in May.",
    "The report lists spending by department.",
    "Voters went to the polls in three districts.",
    "The court adjourned until Thursday morning.",
]


def babe_file(tmp_path: Path, copies: int = 1) -> Path:
    lines = ["text;outlet;label_bias;biased_words"]
    for _ in range(copies):
        lines += [f"{t};x;Biased;{w!r}" for t, w in BIASED]
        lines += [f"{t};x;Non-biased;[]" for t in NEUTRAL]
    lines.append("Nobody agreed here.;x;No agreement;[]")
    p = tmp_path / "babe.csv"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return p


def test_read_babe_drops_no_agreement_and_parses_word_lists(tmp_path: Path) -> None:
    df = read_babe(babe_file(tmp_path))
    assert len(df) == 12 and df["label"].sum() == 6
    assert df["biased_words"][0] == ["sham", "thugs"]


def test_read_babe_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not found"):
        read_babe(tmp_path / "none.csv")
    bad = tmp_path / "bad.csv"
    bad.write_text("text;label_bias\nx;Biased\n", encoding="utf-8")
    with pytest.raises(InputError, match="missing columns"):
        read_babe(bad)


def test_gold_words_only_those_in_the_sentence() -> None:
    assert gold_word_sets(["A Sham vote."], [["sham", "rigged"]]) == [{"sham"}]


def test_word_prf_micro() -> None:
    assert word_prf([{"a", "b"}, set()], [{"a"}, {"c"}]) == (0.5, 0.5, 0.5)


def test_babe_scores_perfect_and_chance() -> None:
    s = babe_scores([{"a"}], [{"a"}], [1, 0], [0.9, 0.1])
    assert s["word_f1"] == 1.0 and s["sentence_macro_f1"] == 1.0 and s["sentence_roc_auc"] == 1.0


def test_evaluate_babe_cv_reports_model_and_baselines(tmp_path: Path) -> None:
    proto = BiasClassifier(
        n_features=2**10, char_ngrams=False, tagger=LoadedTermTagger(n_features=2**10, C=5), cv=2
    )
    res = evaluate_babe(babe_file(tmp_path, copies=2), mode="cv", folds=2, classifier=proto)
    systems = set(res["system"])
    assert {"framing 2-fold CV", "VADER lexicon words", "majority class"} <= systems
    got = res.set_index(["system", "metric"])["value"]
    assert got[("framing 2-fold CV", "word_f1")] > 0.5
    assert got[("framing 2-fold CV", "sentence_macro_f1")] > 0.5
    assert got[("majority class", "word_f1")] == 0.0


def test_evaluate_loaded_rejects_unknown_dataset() -> None:
    with pytest.raises(ValueError, match="babe"):
        evaluate_loaded("imdb", ".")


def test_merge_adjacent_and_line_spans() -> None:
    assert merge_adjacent("a b  c", [(0, 1), (2, 3), (5, 6)]) == [(0, 3), (5, 6)]
    text = "Title\n\nA sham vote.\nFine."

    def system(lines: list[str]) -> list[list[tuple[int, int]]]:
        return [[(i, i + 4)] if (i := ln.find("sham")) >= 0 else [] for ln in lines]

    (span,) = line_spans(text, system)
    assert text[span[0] : span[1]] == "sham"


def test_read_ptc_on_a_small_folder(tmp_path: Path) -> None:
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "article7.txt").write_text("A sham.\n", encoding="utf-8")
    (tmp_path / "labels.tsv").write_text(
        "7\tLoaded_Language\t2\t6\n7\tDoubt\t0\t1\n", encoding="utf-8"
    )
    assert read_ptc(tmp_path) == {"7": ("A sham.\n", [(2, 6)])}
    (tmp_path / "labels.tsv").write_text("7\tLoaded_Language\t2\n", encoding="utf-8")
    with pytest.raises(InputError, match="labels.tsv:1"):
        read_ptc(tmp_path)


def test_read_basil_places_spans_in_sentences(tmp_path: Path) -> None:
    (tmp_path / "articles" / "2020").mkdir(parents=True)
    (tmp_path / "annotations" / "2020").mkdir(parents=True)
    art = {"source": "fox", "body-paragraphs": [["A calm day."], ["A stinging blow to him."]]}
    ann = {
        "phrase-level-annotations": [
            {"bias": "lex", "start": 2, "end": 15, "txt": "stinging blow"},
            {"bias": "inf", "start": 0, "end": 5, "txt": "A cal"},
            {"bias": "lex", "start": 0, "end": 3, "txt": "zzz"},
        ]
    }
    (tmp_path / "articles" / "2020" / "e_1.json").write_text(json.dumps(art), encoding="utf-8")
    (tmp_path / "annotations" / "2020" / "e_1_ann.json").write_text(
        json.dumps(ann), encoding="utf-8"
    )
    df = read_basil_sentences(tmp_path)
    assert df["lex_spans"].tolist() == [[], [(2, 15)]]
    assert df["n_unplaced"].sum() == 1


def test_train_bias_on_a_user_csv(tmp_path: Path) -> None:
    p = tmp_path / "mine.csv"
    rows = [f'"{t}",Biased' for t, _ in BIASED] + [f'"{t}",Non-biased' for t in NEUTRAL]
    p.write_text("text,label\n" + "\n".join(rows * 2) + "\n", encoding="utf-8")
    out = tmp_path / "model.npz"
    report = train_bias(p, out, folds=2, base=BiasClassifier(n_features=2**10))
    assert report["n"] == 24 and report["n_biased"] == 12
    assert 0.0 <= report["cv_macro_f1"] <= 1.0
    model = BiasClassifier.load(out)
    assert model.predict(["Corrupt thugs held a sham vote."]).tolist() == [1]
    assert model.card_["n_train"] == 24


def test_train_bias_bad_label(tmp_path: Path) -> None:
    p = tmp_path / "bad.csv"
    p.write_text("text,label\nhello,maybe\nbye,0\n", encoding="utf-8")
    with pytest.raises(InputError, match="row 2"):
        train_bias(p, tmp_path / "m.npz")


# -- the real datasets, read at run time (skipped when ../shared is absent) --------------


def need(rel: str) -> Path:
    p = SHARED / rel
    if not p.exists():
        pytest.skip(f"{rel} not available")
    return p


def test_real_babe_reads() -> None:
    df = read_babe(need("babe"))
    assert len(df) > 2000 and 0.4 < df["label"].mean() < 0.6


def test_real_ptc_reads() -> None:
    data = read_ptc(need("ptc"))
    assert len(data) > 100 and sum(len(g) for _, g in data.values()) > 1000
    text, gold = next(iter(data.values()))
    assert all(0 <= s < e <= len(text) for s, e in gold)


def test_real_basil_places_almost_all_lexical_spans() -> None:
    df = read_basil_sentences(need("basil"))
    placed = sum(len(s) for s in df["lex_spans"])
    assert placed > 150 and df["n_unplaced"].sum() <= 0.05 * placed
    for text, spans in zip(df["text"], df["lex_spans"], strict=True):
        assert all(0 <= s < e <= len(text) for s, e in spans)


def test_word_sets_are_numpy_free() -> None:
    assert isinstance(word_prf([set()], [set()])[2], float)
    assert np.isnan(babe_scores([set()], [set()], [1], [0.5])["sentence_roc_auc"])
