"""Loaded language: loaded-term and scare-quote spans, bias classifier."""

from ._bias import BiasClassifier
from ._scare import find_scare_quotes
from ._scorer import LoadedScorer
from ._tagger import LoadedTermTagger, token_table

__all__ = ["BiasClassifier", "LoadedScorer", "LoadedTermTagger", "find_scare_quotes", "token_table"]
