"""The fitted states behind the loaded-terms models: scikit-learn-free scoring, one
prediction path shared with the estimators, and lazy exports of the estimators."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest

import framing.loaded
from framing.loaded import BiasClassifier, LoadedScorer, LoadedTermTagger, token_table
from framing.loaded._bias_weights import BiasWeights
from framing.loaded._tagger_weights import TaggerWeights
from framing.segment import segment

TEXTS = ["A brutal sham of a vote, the critics said.", "The bridge opens in May.", ""]


@pytest.fixture
def fitted(bias_with_tagger: BiasClassifier) -> BiasClassifier:
    return bias_with_tagger


def test_scoring_in_a_fresh_process_imports_no_scikit_learn() -> None:
    code = textwrap.dedent(
        """
        import sys
        import framing.loaded
        from framing.loaded import LoadedScorer
        from framing.segment import segment

        doc = segment('The so-called experts slammed the "peace" plan.\\nIt passed.', "d")
        LoadedScorer().annotate([doc])
        LoadedScorer(tagger="pretrained").annotate([segment("A brutal, sham vote.", "e")])
        assert len(doc.columns["bias_score"]) == 2, doc.columns
        assert len(dir(framing.loaded)) >= len(framing.loaded.__all__)
        print(sorted(m for m in ("sklearn", "scipy.stats") if m in sys.modules))
        """
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert out.stdout.strip() == "[]"


def test_lazy_exports_resolve_and_all_is_complete() -> None:
    for name in framing.loaded.__all__:
        assert getattr(framing.loaded, name) is not None
        assert name in dir(framing.loaded)
    assert framing.loaded.BiasClassifier is BiasClassifier
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        framing.loaded.nothing  # noqa: B018


def test_pretrained_states_predict_as_the_estimators() -> None:
    texts = ["Corrupt thugs held a sham vote.", "The council met."]
    clf, state = BiasClassifier.pretrained(), BiasWeights.pretrained()
    assert np.array_equal(clf.predict_proba(texts), state.predict_proba(texts))
    table = token_table(texts)
    tagger, tstate = LoadedTermTagger.pretrained(), TaggerWeights.pretrained()
    assert np.array_equal(tagger.predict_proba(table), tstate.predict_proba(table))
    assert tagger.tag(texts) == tstate.tag(texts)
    assert clf.provenance() == state.provenance()
    assert tagger.provenance() == tstate.provenance()


def test_to_weights_shares_the_fitted_arrays(fitted: BiasClassifier) -> None:
    state = fitted.to_weights()
    assert state.weights is fitted.weights_
    assert fitted.tagger_ is not None and state.tagger is not None
    assert state.tagger.weights is fitted.tagger_.weights_
    assert np.array_equal(state.predict_proba(TEXTS), fitted.predict_proba(TEXTS))
    assert state.predict(TEXTS).tolist() == fitted.predict(TEXTS).tolist()


def test_tagger_state_follows_the_current_threshold(fitted: BiasClassifier) -> None:
    assert fitted.tagger_ is not None
    tagger = LoadedTermTagger.from_weights(fitted.tagger_.to_weights())  # not the fixture's
    table = token_table(TEXTS)
    low = tagger.set_params(threshold=0.0).to_weights()
    assert low.predict(table).tolist() == [1] * len(table)
    high = tagger.set_params(threshold=1.01).to_weights()
    assert high.predict(table).tolist() == [0] * len(table)


def test_state_saves_what_the_estimator_loads(fitted: BiasClassifier, tmp_path: Path) -> None:
    path = tmp_path / "bias.npz"
    fitted.to_weights().save(path, card={"data": "mine"})
    again = BiasClassifier.load(path)
    assert again.card_ == {"data": "mine"}
    assert again.get_params()["n_features"] == 2**10
    # idf is stored as float32
    assert np.allclose(again.predict_proba(TEXTS), fitted.predict_proba(TEXTS), atol=1e-6)
    assert isinstance(BiasWeights.load(path).tagger, TaggerWeights)


def test_from_weights_gives_a_working_estimator(fitted: BiasClassifier) -> None:
    est = BiasClassifier.from_weights(fitted.to_weights())
    assert isinstance(est.tagger_, LoadedTermTagger)
    assert est.tagger_.threshold == fitted.tagger_.threshold  # type: ignore[union-attr]
    assert np.array_equal(est.predict_proba(TEXTS), fitted.predict_proba(TEXTS))


def test_scorer_loads_states_and_takes_fitted_estimators(fitted: BiasClassifier) -> None:
    scorer = LoadedScorer(tagger="pretrained")
    assert isinstance(scorer.bias_model, BiasWeights)
    assert isinstance(scorer.tagger, TaggerWeights)
    mine = LoadedScorer(bias_model=fitted, tagger=fitted.tagger_)
    assert mine.bias_model is fitted and mine._own_tagger
    doc = segment("A brutal sham of a vote.\n\nThe bridge opens in May.", "d")
    mine.annotate([doc])
    expected = fitted.predict_proba(["A brutal sham of a vote.", "The bridge opens in May."])
    assert np.allclose(doc.columns["bias_score"], expected[:, 1], atol=1e-12)


def test_scorer_rejects_a_tagger_of_another_kind() -> None:
    class Tagger:
        def tag(self, texts: list[str]) -> list[list[tuple[int, int, float]]]:
            return [[] for _ in texts]

    with pytest.raises(TypeError, match="LoadedTermTagger"):
        LoadedScorer(bias_model=None, tagger=Tagger())
