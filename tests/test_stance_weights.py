"""StanceWeights: the fitted stance model without scikit-learn, shared with the estimator."""

from __future__ import annotations

import pickle
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest

import framing.stance
from framing.errors import InputError
from framing.stance import StanceScorer, TargetStanceClassifier
from framing.stance._stance_weights import StanceWeights

_X = pd.DataFrame(
    {
        "text": [
            "Critics praised Acme.",
            "Critics attacked Acme.",
            "Acme opened an office.",
            "Voters applauded Smith after the speech.",
            "Smith was accused of corruption.",
            "Smith will travel to Paris.",
        ],
        "start": [16, 17, 0, 17, 0, 0],
        "end": [20, 21, 4, 22, 5, 5],
    }
)
_Y = ["favor", "against", "neutral"] * 2


def _fitted(**params: float) -> TargetStanceClassifier:
    return TargetStanceClassifier(n_features=2**10, **params).fit(_X, _Y)


def _pretrained_weights() -> StanceWeights:
    try:
        return StanceWeights.pretrained()
    except InputError:
        pytest.skip("pretrained stance model not built")


def test_pretrained_weights_predict_as_the_pretrained_estimator() -> None:
    w = _pretrained_weights()
    clf = TargetStanceClassifier.pretrained()
    assert np.array_equal(w.predict_proba(_X), clf.predict_proba(_X))
    assert np.array_equal(w.decision_function(_X), clf.decision_function(_X))
    assert w.predict(_X).tolist() == clf.predict(_X).tolist()
    assert list(w.classes_) == list(clf.classes_)
    assert w.provenance_ == clf.provenance_ and w.provenance_.get("data")


def test_estimator_round_trip_through_saved_weights(tmp_path) -> None:  # type: ignore[no-untyped-def]
    clf = _fitted(favor_bias=0.2)
    path = tmp_path / "m.npz"
    clf.save(path, data="handmade")
    w = StanceWeights.load(path)
    assert w.params == clf.get_params()
    assert w.provenance_ == {"data": "handmade"}
    # Weights are stored as float32: compare with the estimator read back from the file.
    assert np.array_equal(w.predict_proba(_X), TargetStanceClassifier.load(path).predict_proba(_X))


def test_estimator_predictions_follow_set_params() -> None:
    clf = _fitted()
    before = clf.decision_function(_X)
    clf.set_params(favor_bias=1.5)
    after = clf.decision_function(_X)
    j = list(clf.classes_).index("favor")
    assert np.allclose(after[:, j] - before[:, j], 1.5)
    others = [k for k in range(3) if k != j]
    assert np.array_equal(after[:, others], before[:, others])


def test_refit_replaces_the_cached_weights() -> None:
    clf = _fitted()
    first = clf.predict_proba(_X)
    clf.set_params(nb_weight=0.0).fit(_X[:3], _Y[:3])
    assert not np.array_equal(clf.predict_proba(_X), first)


def test_weights_pickle_without_the_transposed_cache() -> None:
    w = _pretrained_weights()
    w.predict_proba(_X)  # fills the cache
    again = pickle.loads(pickle.dumps(w))
    assert again._coef_t is None
    assert np.array_equal(again.predict_proba(_X), w.predict_proba(_X))


def test_load_refuses_mismatched_shapes_naming_the_file(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from framing.models import load_arrays, save_arrays

    clf = _fitted()
    path = tmp_path / "m.npz"
    clf.save(path)
    meta, arrays = load_arrays(path)
    meta["params"]["n_features"] = 2**11
    bad = tmp_path / "bad.npz"
    save_arrays(bad, meta, arrays)
    with pytest.raises(InputError, match="bad.npz"):
        StanceWeights.load(bad)


def test_scorer_uses_weights_for_pretrained_and_keeps_a_fitted_estimator() -> None:
    w = _pretrained_weights()
    assert isinstance(StanceScorer({"Acme": []}).classifier, StanceWeights)
    assert w.pretrained_
    clf = _fitted()
    assert StanceScorer({"Acme": []}, classifier=clf).classifier is clf


def test_lazy_exports_are_listed_and_importable() -> None:
    for name in ("TargetStanceClassifier", "train_stance", "read_stance_data", "evaluate_stance"):
        assert name in framing.stance.__all__
        assert name in dir(framing.stance)
        assert getattr(framing.stance, name) is not None
    with pytest.raises(AttributeError):
        framing.stance.no_such_name  # noqa: B018


_FRESH = """
import sys
from framing.segment import segment
from framing.stance import StanceScorer

text = 'Officials in Lisbon praised Acme for the new plant.\\nCritics attacked Acme.'
doc = segment(text, 'd', paragraphs='line')
scorer = StanceScorer({'Acme': []})
scorer.annotate([doc])
assert [r['label'] for r in doc.rows['stance']], doc.rows
bad = [m for m in ('sklearn', 'scipy.stats', 'nltk', 'textblob') if m in sys.modules]
print(' '.join(bad) or 'clean')
"""


def test_scoring_in_a_fresh_process_imports_no_scikit_learn() -> None:
    _pretrained_weights()
    out = subprocess.run(
        [sys.executable, "-c", _FRESH], capture_output=True, text=True, timeout=120, check=True
    )
    assert out.stdout.strip() == "clean", out.stdout + out.stderr
