"""Stance toward targets: mentions, lexicon rules, classifier and the stance scorer.

The names that need scikit-learn (the classifier, training and evaluation) are imported
on first use, so that scoring with :class:`StanceScorer` never imports it.

Examples
--------
>>> from framing.segment import segment
>>> from framing.stance import StanceScorer
>>> doc = segment("Critics condemned Russia.")
>>> StanceScorer({"Russia": ["Moscow"]}, classifier=None).annotate([doc])
>>> doc.rows["stance"][0]["label"]
'against'
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._lazy import lazy_exports
from ._lexicon_scorer import LexiconStance
from ._scorer import StanceScorer, stance_label
from ._stance_weights import LABELS
from ._targets import GEO_ALIASES, Mention, TargetMatcher

if TYPE_CHECKING:
    from ._classifier import TargetStanceClassifier
    from ._evaluate import evaluate_stance
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

#: Names imported on first access (PEP 562): their modules import scikit-learn.
_LAZY = {
    "TargetStanceClassifier": "._classifier",
    "evaluate_stance": "._evaluate",
    "read_stance_data": "._train",
    "train_stance": "._train",
}


__getattr__, __dir__ = lazy_exports(__name__, globals(), _LAZY, __all__)
