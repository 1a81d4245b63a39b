"""TargetStanceClassifier: scikit-learn conventions, persistence without pickle, inputs."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from sklearn.base import clone
from sklearn.exceptions import NotFittedError
from sklearn.model_selection import GridSearchCV
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import FunctionTransformer

from framing.errors import InputError
from framing.stance import TargetStanceClassifier

_SENTENCES = [
    ("Critics praised {} for a wise decision.", "favor"),
    ("Voters applauded {} after the speech.", "favor"),
    ("{} won a well-deserved award.", "favor"),
    ("Critics condemned {} for the brutal crackdown.", "against"),
    ("{} was accused of corruption.", "against"),
    ("Protesters attacked {} over the failed plan.", "against"),
    ("{} met officials on Tuesday.", "neutral"),
    ("{} will travel to Paris next week.", "neutral"),
    ("The report mentions {} twice.", "neutral"),
]
_NAMES = ["Acme", "Smith", "Oslo", "Jones"]


def _data() -> tuple[pd.DataFrame, list[str]]:
    rows, labels = [], []
    for name in _NAMES:
        for tpl, label in _SENTENCES:
            text = tpl.format(name)
            start = text.index(name)
            rows.append({"text": text, "start": start, "end": start + len(name)})
            labels.append(label)
    return pd.DataFrame(rows), labels


def _small() -> TargetStanceClassifier:
    return TargetStanceClassifier(n_features=2**10, C=10.0)


def test_fit_returns_self_and_learns_attributes() -> None:
    X, y = _data()
    clf = _small()
    assert clf.fit(X, y) is clf
    assert list(clf.classes_) == ["against", "favor", "neutral"]
    assert clf.coef_.shape == (3, 2**10 + len(clf.get_feature_names_out()) - 2**10)


def test_predicts_training_pattern_on_new_name() -> None:
    X, y = _data()
    clf = _small().fit(X, y)
    text = "Critics condemned Baxter for the brutal crackdown."
    pred = clf.predict(pd.DataFrame({"text": [text], "start": [18], "end": [24]}))
    assert pred.tolist() == ["against"]


def test_predict_proba_rows_sum_to_one_in_classes_order() -> None:
    X, y = _data()
    clf = _small().fit(X, y)
    proba = clf.predict_proba(X)
    assert proba.shape == (len(X), 3)
    assert np.allclose(proba.sum(axis=1), 1.0)
    assert (clf.classes_[proba.argmax(axis=1)] == clf.predict(X)).all()


def test_get_set_params_and_clone() -> None:
    clf = TargetStanceClassifier(C=0.5)
    params = clf.get_params()
    assert params["C"] == 0.5
    other = clone(clf).set_params(C=2.0)
    assert other.C == 2.0 and clf.C == 0.5
    assert not hasattr(clone(_small().fit(*_data())), "coef_")


def test_not_fitted_error() -> None:
    with pytest.raises(NotFittedError):
        TargetStanceClassifier().predict(pd.DataFrame({"text": ["A."], "start": [0], "end": [1]}))


def test_save_load_round_trip(tmp_path) -> None:  # type: ignore[no-untyped-def]
    X, y = _data()
    clf = _small().fit(X, y)
    path = tmp_path / "m.npz"
    clf.save(path)
    again = TargetStanceClassifier.load(path)
    assert again.get_params() == clf.get_params()
    assert np.allclose(again.predict_proba(X), clf.predict_proba(X), atol=1e-5)
    with np.load(path, allow_pickle=False) as data:  # no object arrays inside
        assert all(data[k].dtype.kind in "biuf" for k in data.files)


def test_load_rejects_foreign_file(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "x.npz"
    path.write_bytes(b"not a model")
    with pytest.raises(InputError, match="x.npz"):
        TargetStanceClassifier.load(path)


def test_pipeline_and_grid_search() -> None:
    X, y = _data()
    pipe = Pipeline([("id", FunctionTransformer(lambda d: d)), ("clf", _small())])
    pipe.fit(X, y)
    assert len(pipe.predict(X)) == len(X)
    grid = GridSearchCV(_small(), {"C": [1.0, 10.0]}, cv=2).fit(X, y)
    assert grid.best_params_["C"] in (1.0, 10.0)


def test_bad_input_names_the_row() -> None:
    X = pd.DataFrame({"text": ["Acme."], "start": [3], "end": [30]})
    with pytest.raises(InputError, match="row 0"):
        _small().fit(X, ["favor"])


def test_missing_columns() -> None:
    with pytest.raises(InputError, match="start"):
        _small().fit(pd.DataFrame({"text": ["x"]}), ["favor"])


def test_unknown_label() -> None:
    X, y = _data()
    with pytest.raises(InputError, match="positive"):
        _small().fit(X, ["positive"] * len(y))


def test_long_text_is_cut_to_the_mention_sentence() -> None:
    X, y = _data()
    clf = _small().fit(X, y)
    filler = "The weather was mild and the trains ran on time. " * 12
    text = filler + "Critics condemned Baxter for the brutal crackdown."
    start = text.index("Baxter")
    one = pd.DataFrame({"text": [text], "start": [start], "end": [start + 6]})
    assert clf.predict(one).tolist() == ["against"]


def test_pretrained_loads_and_predicts() -> None:
    try:
        clf = TargetStanceClassifier.pretrained()
    except InputError:
        pytest.skip("pretrained model not built")
    X = pd.DataFrame(
        {"text": ["Critics condemned Baxter for the brutal crackdown."], "start": [18], "end": [24]}
    )
    assert clf.predict(X).tolist() == ["against"]
    assert clf.provenance_.get("data")


def test_train_stance_from_csv(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from framing.stance import train_stance

    X, y = _data()
    data = X.assign(label=y)
    csv_path = tmp_path / "labels.csv"
    data.to_csv(csv_path, index=False)
    out = tmp_path / "model.npz"
    info = train_stance(csv_path, out, n_features=2**10)
    assert info["n_train"] == len(data) and out.exists()
    clf = TargetStanceClassifier.load(out)
    assert set(clf.predict(X)) <= {"against", "neutral", "favor"}


def test_batch_features_equal_one_mention_at_a_time() -> None:
    from framing.stance._features import MentionFeaturizer, sparse_matrix, token_range
    from framing.stance._lexicon_scorer import tokenize_sentence

    fz = MentionFeaturizer()
    text = "Critics praised Acme and Baxter Corp, but Oslo denied it."
    toks = tokenize_sentence(text, 0, len(text))
    spans = [token_range(toks, s, e) for s, e in ((16, 20), (25, 36), (42, 46), (0, 7))]
    parts = [fz.from_tokens(toks, a, b) for a, b in spans]
    parts.append(fz.features("Acme.", 0, 4))
    batch = sparse_matrix(parts, 2**12).toarray()
    for i, p in enumerate(parts):
        assert np.array_equal(batch[i], sparse_matrix([p], 2**12).toarray()[0])


def test_masked_bag_counts_the_target_once_as_a_placeholder() -> None:
    from framing.stance._features import MentionFeaturizer, sparse_matrix

    fz = MentionFeaturizer()
    one = sparse_matrix([fz.features("Critics praised Acme Corp today.", 16, 25)], 2**16)
    two = sparse_matrix([fz.features("Critics praised Acme today.", 16, 20)], 2**16)
    # Same sentence around a one- or two-word target: the same features.
    assert np.array_equal(one.toarray(), two.toarray())


def test_scorer_fast_path_gives_decision_function_probabilities() -> None:
    from framing.segment import segment
    from framing.stance import StanceScorer

    X, y = _data()
    clf = _small().fit(X, y)
    text = "Critics condemned Baxter for the brutal crackdown."
    doc = segment(text)
    scorer = StanceScorer({"Baxter": []}, classifier=clf, lexicon_weight=0.0, direct_weight=0.0)
    scorer.annotate([doc])
    proba = clf.predict_proba(pd.DataFrame({"text": [text], "start": [18], "end": [24]}))[0]
    classes = list(clf.classes_)
    expected = proba[classes.index("favor")] - proba[classes.index("against")]
    assert doc.rows["stance"][0]["score"] == pytest.approx(expected)


def test_word_key_table_starts_again_past_its_limit():
    from framing.stance import _features, _sparse_batch

    clf = TargetStanceClassifier.pretrained()
    X = pd.DataFrame({"text": ["Critics praised Ostrenia warmly."], "start": [15], "end": [23]})
    before = clf.predict_proba(X)
    _features.trim_word_keys(limit=0)  # the table holds words: it starts again
    assert len(_sparse_batch._WORDS.ids) == 0
    np.testing.assert_allclose(clf.predict_proba(X), before)


def test_nb_weight_zero_is_the_logistic_regression_alone() -> None:
    X, y = _data()
    lr = TargetStanceClassifier(n_features=2**10, C=10.0, nb_weight=0.0).fit(X, y)
    mixed = TargetStanceClassifier(n_features=2**10, C=10.0, nb_weight=0.5).fit(X, y)
    z_lr, z_nb = mixed._component_scores(X)
    np.testing.assert_allclose(lr.decision_function(X), z_lr, atol=1e-8)
    np.testing.assert_allclose(mixed.decision_function(X), 0.5 * z_lr + 0.5 * z_nb, atol=1e-8)
    assert not np.allclose(z_nb, 0.0)


def test_nb_weight_outside_zero_one_is_refused() -> None:
    with pytest.raises(InputError, match="nb_weight"):
        TargetStanceClassifier(n_features=2**10, nb_weight=1.5).fit(*_data())


def test_nblr_weight_mixes_the_nb_weighted_regression_into_one_matrix() -> None:
    X, y = _data()
    clf = TargetStanceClassifier(n_features=2**10, C=10.0, nb_weight=0.5, nblr_weight=0.25)
    z_lr, z_nb, z_x = clf.fit(X, y)._component_scores(X)
    expected = 0.75 * (0.5 * z_lr + 0.5 * z_nb) + 0.25 * z_x
    np.testing.assert_allclose(clf.decision_function(X), expected, atol=1e-8)
    assert not np.allclose(z_x, z_lr)
    # Alone, the NB-weighted regression learns the training pattern too.
    assert (clf.classes_[z_x.argmax(axis=1)] == np.asarray(y)).mean() > 0.9


def test_nblr_weight_zero_fits_two_models_only() -> None:
    clf = TargetStanceClassifier(n_features=2**10, C=10.0).fit(*_data())
    assert len(clf._component_scores(_data()[0])) == 2


def test_nblr_weight_outside_zero_one_is_refused() -> None:
    with pytest.raises(InputError, match="nblr_weight"):
        TargetStanceClassifier(n_features=2**10, nblr_weight=-0.1).fit(*_data())


def test_save_load_keeps_the_three_model_average(tmp_path) -> None:  # type: ignore[no-untyped-def]
    X, y = _data()
    clf = TargetStanceClassifier(n_features=2**10, nblr_weight=0.3, favor_bias=0.1).fit(X, y)
    clf.save(tmp_path / "m.npz")
    back = TargetStanceClassifier.load(tmp_path / "m.npz")
    assert back.get_params()["nblr_weight"] == 0.3
    np.testing.assert_allclose(back.decision_function(X), clf.decision_function(X), atol=1e-5)


def test_load_refuses_an_older_format_naming_the_file(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from framing.models import load_arrays, save_arrays

    path = tmp_path / "m.npz"
    _small().fit(*_data()).save(path)
    meta, arrays = load_arrays(path)
    save_arrays(path, {**meta, "format": 2}, arrays)
    with pytest.raises(InputError, match=r"m\.npz: model format 2"):
        TargetStanceClassifier.load(path)
