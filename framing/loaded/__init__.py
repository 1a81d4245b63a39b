"""Loaded language: loaded-term and scare-quote spans, bias classifier.

The scorer and the functions that score text import without scikit-learn; the
estimators and the training and evaluation functions, which need it, are imported on
first access (``from framing.loaded import BiasClassifier`` works as usual).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._lazy import lazy_exports
from ._scare import find_scare_quotes
from ._scorer import LoadedScorer
from ._tagger_weights import token_table

if TYPE_CHECKING:
    from ._bias import BiasClassifier
    from ._evaluate import evaluate_loaded
    from ._tagger import LoadedTermTagger
    from ._train import read_labelled_csv, train_bias

__all__ = [
    "BiasClassifier",
    "LoadedScorer",
    "LoadedTermTagger",
    "evaluate_loaded",
    "find_scare_quotes",
    "read_labelled_csv",
    "token_table",
    "train_bias",
]

#: Names imported on first access (they need scikit-learn), with their modules.
_LAZY = {
    "BiasClassifier": "._bias",
    "LoadedTermTagger": "._tagger",
    "evaluate_loaded": "._evaluate",
    "read_labelled_csv": "._train",
    "train_bias": "._train",
}


__getattr__, __dir__ = lazy_exports(__name__, globals(), _LAZY, __all__)
