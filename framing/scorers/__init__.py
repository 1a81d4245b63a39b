"""The scorer interface and the built-in scorers."""

from ._base import Scorer
from ._registry import default_scorers, order_scorers
from ._voice import QUOTED_RANGES, quoted_ranges, voice_at
from .valence import ValenceScorer

__all__ = [
    "QUOTED_RANGES",
    "Scorer",
    "ValenceScorer",
    "default_scorers",
    "order_scorers",
    "quoted_ranges",
    "voice_at",
]
