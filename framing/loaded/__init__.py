"""Loaded language: loaded-term and scare-quote spans, bias classifier."""

from ._scare import find_scare_quotes
from ._scorer import LoadedScorer

__all__ = ["LoadedScorer", "find_scare_quotes"]
