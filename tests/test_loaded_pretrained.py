"""The shipped models load without code execution and are wired into LoadedScorer."""

from __future__ import annotations

from importlib import resources

import numpy as np

from framing.loaded import BiasClassifier, LoadedScorer, LoadedTermTagger, token_table
from framing.segment import segment

MODELS = resources.files("framing.models")


def test_pretrained_bias_classifier_scores_texts() -> None:
    clf = BiasClassifier.pretrained()
    p = clf.predict_proba(["The council met on Tuesday.", "The corrupt thugs' sham vote."])
    assert p.shape == (2, 2) and np.allclose(p.sum(axis=1), 1)
    assert p[1, 1] > p[0, 1]
    assert clf.tagger_ is not None


def test_pretrained_tagger_tags_words() -> None:
    tagger = LoadedTermTagger.pretrained()
    X = token_table(["Radical leftists slammed the bizarre plan."])
    probs = dict(zip(X["word"], tagger.predict_proba(X)[:, 1], strict=True))
    assert probs["bizarre"] > probs["the"]


def test_model_files_hold_only_numeric_arrays() -> None:
    for name in ("bias_classifier.npz", "loaded_tagger.npz"):
        with resources.as_file(MODELS.joinpath(name)) as path:
            with np.load(path, allow_pickle=False) as data:
                assert all(data[k].dtype.kind in "biuf" for k in data.files)


def test_model_cards_name_data_and_licence() -> None:
    for name in ("bias_classifier.md", "loaded_tagger.md"):
        card = MODELS.joinpath(name).read_text(encoding="utf-8")
        assert "BABE" in card and "AGPL-3.0" in card


def test_scorer_default_fills_bias_score() -> None:
    scorer = LoadedScorer()
    assert "bias_score" in scorer.columns
    doc = segment("The so-called experts slammed it.\nThe meeting is on Monday.")
    scorer.annotate([doc])
    scores = doc.columns["bias_score"]
    assert len(scores) == 2 and all(0.0 <= s <= 1.0 for s in scores)
    assert scorer.provenance()["bias_model"]["model"] == "BiasClassifier"
