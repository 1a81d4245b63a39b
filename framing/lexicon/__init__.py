"""Lexicons: the Lexicon model, file formats and the matcher."""

from ._vader import VADER_PROVENANCE, vader_lexicon

__all__ = ["VADER_PROVENANCE", "vader_lexicon"]
