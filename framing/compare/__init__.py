"""Comparing groups of documents: bootstrap intervals, tests, effect sizes, keyness.

``compare(analysis, by="outlet")`` returns a :class:`Comparison` with ``.groups``
(mean and document-bootstrap interval per group and metric), ``.pairwise`` (tests,
Benjamini-Hochberg q-values, Cliff's delta, Cohen's d) and ``.keyness``.
"""

from ._compare import Comparison, compare
from ._keyness import keyness
from ._metrics import doc_metrics
from ._tables import date_bucket

__all__ = ["Comparison", "compare", "date_bucket", "doc_metrics", "keyness"]
