"""Evaluation on public datasets: readers and metrics."""

from ._metrics import match_spans, overlap, prf
from ._polnear import (
    PolnearDoc,
    evaluate_polnear,
    polnear_quote_protocol,
    read_polnear,
    score_polnear,
)
from ._quote_protocol import quote_protocol_scores

__all__ = [
    "PolnearDoc",
    "evaluate_polnear",
    "match_spans",
    "overlap",
    "polnear_quote_protocol",
    "prf",
    "quote_protocol_scores",
    "read_polnear",
    "score_polnear",
]
