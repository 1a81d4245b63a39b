"""The cue classifier: estimator conventions and code-free persistence."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.base import clone
from sklearn.exceptions import NotFittedError

from framing.attribution import CueClassifier, CueWeights, extract_attributions, load_cue_model
from framing.attribution._model import cue_features
from framing.errors import InputError
from framing.models import save_arrays

X = [["cue=said", "src"], ["cue=state", "nosrc"], ["cue=said", "nosrc"], ["cue=state", "src"]] * 5
Y = [1, 0, 1, 0] * 5


def test_fit_predict_and_clone():
    clf = CueClassifier(C=2.0).fit(X, Y)
    assert clf.predict([["cue=said"], ["cue=state"]]).tolist() == [1, 0]
    assert clf.predict_proba(X).shape == (len(X), 2)
    assert clone(clf).get_params() == {"C": 2.0, "threshold": 0.5}


def test_save_and_load_round_trip(tmp_path):
    clf = CueClassifier().fit(X, Y)
    path = tmp_path / "m.npz"
    clf.save(path)
    again = CueClassifier.load(path)
    assert np.allclose(again.predict_proba(X), clf.predict_proba(X))


def test_loading_another_file_is_an_error(tmp_path):
    path = tmp_path / "other.npz"
    save_arrays(path, {"kind": "something-else"}, {"a": np.zeros(2)})
    with pytest.raises(InputError, match="not an attribution cue model"):
        CueClassifier.load(path)


def test_shipped_model_keeps_a_plain_reporting_cue():
    model = load_cue_model()
    if model is None:
        pytest.skip("no shipped cue model")
    s = "The senator said the bill would pass."
    atts, _ = extract_attributions(s, [(0, len(s))])
    assert model.keep(s, atts[0])
    assert "cue=said" in cue_features(s, atts[0])


def test_load_cue_model_returns_the_sklearn_free_weights():
    model = load_cue_model()
    if model is None:
        pytest.skip("no shipped cue model")
    assert isinstance(model, CueWeights)
    assert model.prior_set is not None
    assert model.provenance()["model"] == "attribution_cue"


def test_estimator_predictions_go_through_its_weights():
    clf = CueClassifier().fit(X, Y)
    w = clf.weights_
    assert isinstance(w, CueWeights)
    assert clf.weights_ is w  # cached while the fitted attributes stay the same
    assert np.array_equal(clf.predict_proba(X), w.predict_proba(X))
    assert np.array_equal(clf.decision_function(X), w.decision_function(X))


def test_changing_the_threshold_after_fitting_takes_effect():
    clf = CueClassifier().fit(X, Y)
    assert clf.predict([["cue=said"]]).tolist() == [1]
    clf.threshold = 0.999
    assert clf.predict([["cue=said"]]).tolist() == [0]
    assert clf.weights_.threshold == 0.999


def test_weights_and_estimator_keep_the_same_attributions(tmp_path):
    clf = CueClassifier(C=0.5, threshold=0.4).fit(X, Y)
    clf.prior_ = np.array([5, 7], dtype=np.int64)
    path = tmp_path / "m.npz"
    clf.save(path)
    w = CueWeights.load(path)
    assert w.prior_set.buckets == frozenset({5, 7})
    assert (w.C, w.threshold) == (0.5, 0.4)
    s = "The senator said the bill would pass, officials told reporters."
    atts, _ = extract_attributions(s, [(0, len(s))])
    assert atts
    for att in atts:
        kept = w.keep(s, att)
        score = att.score
        assert clf.keep(s, att) == kept
        assert att.score == score


def test_pretrained_estimator_shares_the_shipped_weights():
    if load_cue_model() is None:
        pytest.skip("no shipped cue model")
    clf = CueClassifier.pretrained()
    w = load_cue_model()
    assert np.array_equal(clf.coef_, w.coef)
    assert clf.get_params() == {"C": w.C, "threshold": w.threshold}


def test_unfitted_estimator_cannot_predict():
    with pytest.raises(NotFittedError):
        CueClassifier().predict([["cue=said"]])


def test_malformed_model_file_is_an_input_error(tmp_path):
    path = tmp_path / "bad.npz"
    meta = {"kind": "attribution_cue", "n_features": 2**18, "threshold": 0.5}
    save_arrays(path, meta, {"index": np.zeros(1, dtype=np.int64), "coef": np.ones(1)})
    with pytest.raises(InputError, match="bad.npz"):
        CueWeights.load(path)


def test_used_weights_pickle_and_keep_the_same_scores():
    import pickle

    from framing.attribution import AttributionScorer
    from framing.segment import segment

    scorer = AttributionScorer()
    if scorer.model is None:
        pytest.skip("no shipped cue model")
    s = "The minister said the plan works. Critics said in a statement it would fail."
    doc = segment(s, "d")
    scorer.annotate([doc])  # (fills the model's memos)
    again = pickle.loads(pickle.dumps(scorer))
    other = segment(s, "d")
    again.annotate([other])
    assert [r["score"] for r in other.rows["quotes"]] == [r["score"] for r in doc.rows["quotes"]]
