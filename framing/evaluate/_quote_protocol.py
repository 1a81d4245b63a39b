"""The published quote-extraction protocol (Gender Gap Tracker evaluation), ported.

A gold quotation counts as found when a predicted quotation in the same document covers
more than ``coverage`` of its characters (``|gold ∩ pred| / |gold| > coverage``; 0.3 and
0.8 are the published settings); each gold quotation takes the predicted one that covers
it most, and a predicted quotation is matched at most once. Among found quotations the
speaker is right when the gold and predicted speaker spans overlap (or, without spans,
when one name contains the other, case-insensitively; both empty also counts), and the
verb is right when the lower-cased strings are equal.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ._metrics import overlap, prf

__all__ = ["quote_protocol_scores"]


def _speaker_ok(g: Mapping[str, Any], p: Mapping[str, Any]) -> bool:
    gs, ps = g.get("speaker_start"), p.get("speaker_start")
    if gs is not None and ps is not None:
        return overlap((gs, g["speaker_end"]), (ps, p["speaker_end"])) > 0
    gn = (g.get("speaker") or "").strip().lower()
    pn = (p.get("speaker") or "").strip().lower()
    if not gn and not pn:
        return True
    return bool(gn and pn and (gn in pn or pn in gn))


def _verb_ok(g: Mapping[str, Any], p: Mapping[str, Any]) -> bool:
    gv = (g.get("verb") or "").strip().lower()
    pv = (p.get("verb") or "").strip().lower()
    return gv == pv


def quote_protocol_scores(
    gold: Sequence[Mapping[str, Any]],
    predicted: Sequence[Mapping[str, Any]],
    coverage: float = 0.3,
) -> dict[str, float]:
    """Score predicted quotations against gold ones with the coverage protocol.

    Parameters
    ----------
    gold, predicted : sequences of mappings
        Each with ``start``, ``end`` (the quotation's characters), optional ``doc_id``,
        ``speaker_start``/``speaker_end`` or ``speaker`` (a name), and ``verb``.
    coverage : float
        Share of a gold quotation's characters a prediction must cover (strictly more).

    Returns
    -------
    dict
        ``precision``, ``recall``, ``f1``, ``n_gold``, ``n_pred``, ``n_found``,
        ``speaker_accuracy`` and ``verb_accuracy`` (over found quotations; NaN when none).

    Examples
    --------
    >>> g = [{"start": 0, "end": 10, "speaker": "Jane Doe", "verb": "said"}]
    >>> p = [{"start": 2, "end": 10, "speaker": "Doe", "verb": "Said"}]
    >>> s = quote_protocol_scores(g, p, coverage=0.3)
    >>> s["f1"], s["speaker_accuracy"], s["verb_accuracy"]
    (1.0, 1.0, 1.0)
    >>> quote_protocol_scores(g, p, coverage=0.8)["f1"]
    0.0
    """
    by_doc: dict[Any, list[int]] = {}
    for j, p in enumerate(predicted):
        by_doc.setdefault(p.get("doc_id"), []).append(j)
    used: set[int] = set()
    found = speaker_ok = verb_ok = 0
    for g in gold:
        length = g["end"] - g["start"]
        if length <= 0:
            continue
        best, best_cov = None, coverage
        for j in by_doc.get(g.get("doc_id"), []):
            if j in used:
                continue
            p = predicted[j]
            cov = overlap((g["start"], g["end"]), (p["start"], p["end"])) / length
            if cov > best_cov:
                best, best_cov = j, cov
        if best is None:
            continue
        used.add(best)
        found += 1
        speaker_ok += _speaker_ok(g, predicted[best])
        verb_ok += _verb_ok(g, predicted[best])
    n_gold = sum(1 for g in gold if g["end"] > g["start"])
    p, r, f = prf(found, n_gold, len(predicted))
    nan = float("nan")
    return {
        "precision": p,
        "recall": r,
        "f1": f,
        "n_gold": n_gold,
        "n_pred": len(predicted),
        "n_found": found,
        "speaker_accuracy": speaker_ok / found if found else nan,
        "verb_accuracy": verb_ok / found if found else nan,
        "coverage": coverage,
    }
