"""Attribution: quotations, reporting verbs, speakers and voice balance.

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

from ._balance import evenness, voice_summary
from ._candidates import LearnedCues, cue_bucket
from ._extract import extract_attributions
from ._frames import Attribution
from ._model import CueClassifier, load_cue_model
from ._quotes import Quote, find_quotes
from ._scorer import AttributionScorer
from ._speakers import SpeakerResolver, speaker_type_of
from ._train import train_cue_model
from ._verbs import CLASSES, CueEntry, ReportingLexicon, inflect, load_reporting_verbs

__all__ = [
    "CLASSES",
    "Attribution",
    "AttributionScorer",
    "CueClassifier",
    "CueEntry",
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
