"""The scorer interface and the built-in scorers."""

from ._base import Scorer
from ._voice import QUOTED_RANGES, quoted_ranges, voice_at

__all__ = ["QUOTED_RANGES", "Scorer", "quoted_ranges", "voice_at"]
