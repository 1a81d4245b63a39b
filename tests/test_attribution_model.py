"""The cue classifier: estimator conventions and code-free persistence."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.base import clone

from framing.attribution import CueClassifier, extract_attributions, load_cue_model
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
