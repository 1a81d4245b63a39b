"""LoadedTermTagger and BiasClassifier follow scikit-learn conventions; code-free persistence."""

from __future__ import annotations

import pickle
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from sklearn.base import clone
from sklearn.exceptions import NotFittedError
from sklearn.model_selection import GridSearchCV
from sklearn.pipeline import Pipeline

from framing.errors import InputError
from framing.loaded import BiasClassifier, LoadedTermTagger, token_table

LOADED = ["sham", "thugs", "disgraceful", "radical", "corrupt"]
BIASED = [
    "The sham vote was rigged by thugs.",
    "A disgraceful, corrupt deal by radical elites.",
    "Corrupt thugs staged a sham trial.",
    "The radical mob pushed a disgraceful plan.",
    "Thugs and their corrupt allies cheered.",
    "A sham inquiry led by radical zealots.",
]
NEUTRAL = [
    "The council voted on the budget on Tuesday.",
    "The committee will meet again next month.",
    "Officials said the bridge opens in May.",
    "The report lists spending by department.",
    "Voters went to the polls in three districts.",
    "The court adjourned until Thursday morning.",
]
TEXTS = BIASED + NEUTRAL
Y = [1] * len(BIASED) + [0] * len(NEUTRAL)
WORDS = [{w for w in LOADED if w in t.lower()} for t in TEXTS]


def tagger_data() -> tuple[pd.DataFrame, np.ndarray]:
    table = token_table(TEXTS)
    y = np.array(
        [w.lower() in WORDS[t] for t, w in zip(table["text_id"], table["word"], strict=True)]
    )
    return table, y.astype(int)


@pytest.fixture(scope="module")
def tagger() -> LoadedTermTagger:
    X, y = tagger_data()
    return LoadedTermTagger(n_features=2**12, C=5.0).fit(X, y)


@pytest.fixture(scope="module")
def clf() -> BiasClassifier:
    return BiasClassifier(n_features=2**12).fit(TEXTS, Y)


def test_token_table_offsets_point_into_text() -> None:
    table = token_table(["The \u201csham\u201d vote."])
    assert [
        t[a:b] for t, a, b in zip(table["text"], table["start"], table["end"], strict=True)
    ] == [
        "The",
        "sham",
        "vote",
    ]


def test_tagger_fit_returns_self_and_learns(tagger: LoadedTermTagger) -> None:
    X = token_table(["What a sham, said the thugs."])
    pred = dict(zip(X["word"], tagger.predict(X), strict=True))
    assert pred["sham"] == 1 and pred["thugs"] == 1 and pred["said"] == 0
    proba = tagger.predict_proba(X)
    assert proba.shape == (len(X), 2) and np.allclose(proba.sum(axis=1), 1)
    assert list(tagger.classes_) == [0, 1]


def test_tagger_tag_gives_offsets(tagger: LoadedTermTagger) -> None:
    text = "They called it a sham."
    (found,) = tagger.tag([text])
    assert [text[a:b] for a, b, _ in found] == ["sham"]


def test_tagger_rejects_bad_input() -> None:
    with pytest.raises(ValueError, match="DataFrame"):
        LoadedTermTagger().fit(["a text"], [0])
    X, y = tagger_data()
    with pytest.raises(ValueError, match="0 .* and 1"):
        LoadedTermTagger(n_features=2**10).fit(X, y * 2)


def test_get_set_params_and_clone() -> None:
    for est in (LoadedTermTagger(C=2.0), BiasClassifier(C=3.0)):
        params = est.get_params()
        assert params["C"] in (2.0, 3.0)
        est.set_params(C=7.0)
        assert est.get_params()["C"] == 7.0
        twin = clone(est)
        assert twin.get_params() == est.get_params() and twin is not est


def test_clone_of_fitted_is_unfitted(clf: BiasClassifier) -> None:
    with pytest.raises(NotFittedError):
        clone(clf).predict_proba(["text"])
    with pytest.raises(NotFittedError):
        LoadedTermTagger().predict(token_table(["text"]))


def test_bias_classifier_predicts_in_classes_order(clf: BiasClassifier) -> None:
    proba = clf.predict_proba(["A corrupt sham by thugs.", "The council met on Tuesday."])
    assert proba.shape == (2, 2)
    assert proba[0, 1] > 0.5 > proba[1, 1]
    assert clf.predict(["A corrupt sham by thugs."]).tolist() == [1]


def test_bias_classifier_string_labels() -> None:
    labels = ["Biased" if y else "Non-biased" for y in Y]
    clf = BiasClassifier(n_features=2**10, char_ngrams=False).fit(TEXTS, labels)
    assert list(clf.classes_) == ["Biased", "Non-biased"]
    # predict_proba columns follow classes_: column 0 is "Biased" here
    assert clf.predict(["Corrupt thugs and a sham."])[0] == "Biased"


def test_bias_classifier_input_checks() -> None:
    with pytest.raises(ValueError, match="two classes"):
        BiasClassifier(n_features=2**10).fit(TEXTS, [1] * len(TEXTS))
    with pytest.raises(ValueError, match="one string"):
        BiasClassifier(n_features=2**10).fit("a text", [1])


def test_pandas_output_via_set_output(clf: BiasClassifier) -> None:
    out = clf.set_output(transform="pandas").transform(pd.Series(["A sham.", "A vote."]))
    assert list(out.columns) == ["bias_score"]
    clf.set_output(transform="default")


def test_save_load_round_trip_without_pickle(clf: BiasClassifier, tmp_path: Path) -> None:
    path = tmp_path / "bias.npz"
    clf.save(path, card={"data": "synthetic"})
    again = BiasClassifier.load(path)
    texts = ["Corrupt thugs again.", "The vote was counted."]
    assert np.allclose(again.predict_proba(texts), clf.predict_proba(texts), atol=1e-5)
    assert again.get_params() == clf.get_params()
    with np.load(path, allow_pickle=False) as data:  # plain numeric arrays only
        assert all(data[k].dtype.kind in "biuf" for k in data.files)


def test_tagger_save_load_round_trip(tagger: LoadedTermTagger, tmp_path: Path) -> None:
    path = tmp_path / "tagger.npz"
    tagger.save(path)
    again = LoadedTermTagger.load(path)
    X = token_table(["The thugs ran a sham."])
    assert np.allclose(again.predict_proba(X), tagger.predict_proba(X), atol=1e-5)


def test_load_refuses_other_model_kinds(tagger: LoadedTermTagger, tmp_path: Path) -> None:
    path = tmp_path / "tagger.npz"
    tagger.save(path)
    with pytest.raises(InputError, match="not a BiasClassifier"):
        BiasClassifier.load(path)


def test_bias_classifier_with_cross_fitted_tagger() -> None:
    clf = BiasClassifier(n_features=2**10, tagger=LoadedTermTagger(n_features=2**10), cv=2)
    clf.fit(TEXTS, Y, token_labels=WORDS)
    assert clf.tagger_ is not None
    assert clf.dense_feature_names()[-3:] == [
        "tagger_max",
        "tagger_n_loaded",
        "tagger_sum_norm",
    ]
    with pytest.raises(ValueError, match="token_labels"):
        BiasClassifier(n_features=2**10, tagger=LoadedTermTagger()).fit(TEXTS, Y)


def test_bias_classifier_with_tagger_round_trip(tmp_path: Path) -> None:
    clf = BiasClassifier(n_features=2**10, tagger=LoadedTermTagger(n_features=2**10), cv=2)
    clf.fit(TEXTS, Y, token_labels=WORDS)
    clf.save(tmp_path / "m.npz")
    again = BiasClassifier.load(tmp_path / "m.npz")
    assert np.allclose(again.predict_proba(TEXTS), clf.predict_proba(TEXTS), atol=1e-5)


def test_in_memory_pickle_still_works(clf: BiasClassifier) -> None:
    again = pickle.loads(pickle.dumps(clf))
    assert np.allclose(again.predict_proba(TEXTS), clf.predict_proba(TEXTS))


def test_pipeline_and_grid_search() -> None:
    pipe = Pipeline([("bias", BiasClassifier(n_features=2**10, char_ngrams=False))])
    grid = GridSearchCV(pipe, {"bias__C": [0.5, 2.0]}, cv=2).fit(TEXTS, Y)
    assert grid.best_params_["bias__C"] in (0.5, 2.0)
    assert grid.predict(["A sham run by thugs."]).shape == (1,)
