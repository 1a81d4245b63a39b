"""Attribution: quotations, reporting verbs, speakers and voice balance.

Scoring never imports scikit-learn: the scorer's cue model is a
:class:`CueWeights` (NumPy only, from :func:`load_cue_model`). The names that need
scikit-learn (the estimator :class:`CueClassifier` and :func:`train_cue_model`) are
imported on first access.

Examples
--------
>>> from framing.segment import segment
>>> from framing.attribution import AttributionScorer
>>> doc = segment("\u201cIt will pass,\u201d said Jane Doe, a spokeswoman for the ministry.", "d")
>>> AttributionScorer().annotate([doc])
>>> row = doc.rows["quotes"][0]
>>> row["speaker"], row["cue"], row["direct"]
('Jane Doe', 'said', True)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._lazy import lazy_exports
from ._balance import evenness, voice_summary
from ._candidates import LearnedCues, cue_bucket
from ._cue_weights import CueWeights, load_cue_model
from ._extract import extract_attributions
from ._frames import Attribution
from ._quotes import Quote, find_quotes
from ._scorer import AttributionScorer
from ._speakers import SpeakerResolver, speaker_type_of
from ._verbs import CLASSES, CueEntry, ReportingLexicon, inflect, load_reporting_verbs

if TYPE_CHECKING:
    from ._model import CueClassifier
    from ._train import train_cue_model

__all__ = [
    "CLASSES",
    "Attribution",
    "AttributionScorer",
    "CueClassifier",
    "CueEntry",
    "CueWeights",
    "LearnedCues",
    "Quote",
    "ReportingLexicon",
    "SpeakerResolver",
    "cue_bucket",
    "evenness",
    "extract_attributions",
    "find_quotes",
    "inflect",
    "load_cue_model",
    "load_reporting_verbs",
    "speaker_type_of",
    "train_cue_model",
    "voice_summary",
]

# Names whose modules import scikit-learn: imported on first access (PEP 562).
_LAZY = {"CueClassifier": "._model", "train_cue_model": "._train"}


__getattr__, __dir__ = lazy_exports(__name__, globals(), _LAZY, __all__)
