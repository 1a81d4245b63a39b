"""Shared fixtures. Reference data lives in ../shared beside the repository, never inside it."""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest

SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture
def shared() -> Path:
    """The read-only ../shared folder; tests that need it skip cleanly when it is absent."""
    if not SHARED.is_dir():
        pytest.skip("../shared (reference data) is not available")
    return SHARED


@pytest.fixture
def seed_article(shared: Path) -> Path:
    path = shared / "examples" / "seed-article.txt"
    if not path.is_file():
        pytest.skip("seed article not available")
    return path


def _same_csr(a: Any, b: Any) -> bool:
    return (
        a.shape == b.shape
        and np.array_equal(a.indptr, b.indptr)
        and np.array_equal(a.indices, b.indices)
        and np.array_equal(a.data, b.data)
    )


@pytest.fixture
def same_csr() -> Callable[[Any, Any], bool]:
    """Whether two CSR matrices are equal to the bit: shape, indptr, indices and data."""
    return _same_csr


def _plain_cue_logit(w: Any, text: str, att: Any) -> float:
    """The cue model's logit from the feature groups of ``_cue_features``, unmemoised."""
    from framing.attribution import _cue_features as cf

    cue = text[att.cue[0] : att.cue[1]]
    last = cf._last_word(cue)
    left, right = cf._words_around(text, att.cue[0], att.cue[1])
    src = text[att.source[0] : att.source[1]] if att.source is not None else None
    after = att.source is not None and att.source[0] > att.cue[0]
    z = w.intercept + w._weight_of(cf._cue_group(cue, att.cue_class, att.mode, att.kind))
    z += w._weight_of(cf._context_group(last, tuple(left[-2:]), "l"))
    z += w._weight_of(cf._context_group(last, tuple(right[:2]), "r"))
    z += w._weight_of(cf._source_group(last, src, after))
    if att.head is not None:
        z += w._weight_of(["coord"])
    return z + w._weight_of(cf._content_group(last, *cf._content_key(text, att)))


@pytest.fixture
def plain_cue_logit() -> Callable[[Any, str, Any], float]:
    """``plain_cue_logit(weights, text, attribution)``: the reference for the memoised
    ``CueWeights.keep`` (each feature group summed by ``_weight_of``, no memo)."""
    return _plain_cue_logit


def _random_words(seed: int, n: int) -> list[str]:
    rng = random.Random(seed)
    alphabet = "abcdefghijklmnopqrstuvwxyzABCXYZ0123456789-'.&_"
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 14))) for _ in range(n)]


@pytest.fixture
def random_words() -> Callable[[int, int], list[str]]:
    """``random_words(seed, n)``: n reproducible word-like strings of 1 to 14 characters."""
    return _random_words


#: A tiny labelled set written for the loaded-terms tests: biased sentences (1) with their
#: loaded words, and neutral ones (0).
BIAS_TEXTS = [
    "The sham vote was rigged by thugs.",
    "A disgraceful, corrupt deal by radical elites.",
    "Corrupt thugs staged a sham trial.",
    "The radical mob pushed a disgraceful plan.",
    "The council voted on the budget on Tuesday.",
    "The committee will meet again next month.",
    "Officials said the bridge opens in May.",
    "Voters went to the polls in three districts.",
]
BIAS_LABELS = [1, 1, 1, 1, 0, 0, 0, 0]
BIAS_WORDS = [
    {"sham", "thugs"},
    {"disgraceful", "corrupt", "radical"},
    {"corrupt", "thugs", "sham"},
]
BIAS_WORDS += [{"radical", "disgraceful"}, set(), set(), set(), set()]


@pytest.fixture(scope="session")
def bias_set() -> tuple[list[str], list[int], list[set[str]]]:
    """The tiny labelled set: texts, sentence labels, loaded words of each text."""
    return BIAS_TEXTS, BIAS_LABELS, BIAS_WORDS


@pytest.fixture(scope="session")
def bias_with_tagger(bias_set: tuple[list[str], list[int], list[set[str]]]) -> Any:
    """A BiasClassifier with its own word tagger, fitted on the tiny set (2**10 features)."""
    from framing.loaded import BiasClassifier, LoadedTermTagger

    texts, labels, words = bias_set
    clf = BiasClassifier(n_features=2**10, tagger=LoadedTermTagger(n_features=2**10), cv=2)
    return clf.fit(texts, labels, token_labels=words)
