"""Stance toward targets: mentions, lexicon rules, classifier and the stance scorer.

Examples
--------
>>> from framing.segment import segment
>>> from framing.stance import StanceScorer
>>> doc = segment("Critics condemned Russia.")
>>> StanceScorer({"Russia": ["Moscow"]}, classifier=None).annotate([doc])
>>> doc.rows["stance"][0]["label"]
'against'
"""

from ._classifier import LABELS, TargetStanceClassifier
from ._evaluate import evaluate_stance
from ._lexicon_scorer import LexiconStance
from ._scorer import StanceScorer, stance_label
from ._targets import GEO_ALIASES, Mention, TargetMatcher
from ._train import read_stance_data, train_stance

__all__ = [
    "GEO_ALIASES",
    "LABELS",
    "LexiconStance",
    "Mention",
    "StanceScorer",
    "TargetMatcher",
    "TargetStanceClassifier",
    "evaluate_stance",
    "read_stance_data",
    "stance_label",
    "train_stance",
]
