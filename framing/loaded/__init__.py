"""Loaded language: loaded-term and scare-quote spans, bias classifier."""

from ._bias import BiasClassifier
from ._evaluate import evaluate_loaded
from ._scare import find_scare_quotes
from ._scorer import LoadedScorer
from ._tagger import LoadedTermTagger, token_table
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
