"""Span precision/recall/F1 helpers shared by the evaluations (generic: offsets only)."""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["match_spans", "overlap", "prf"]

Span = tuple[int, int]


def overlap(a: Span, b: Span) -> int:
    """Number of characters two ``(start, end)`` spans share.

    Examples
    --------
    >>> overlap((0, 10), (5, 20)), overlap((0, 3), (3, 6))
    (5, 0)
    """
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def match_spans(gold: Sequence[Span], pred: Sequence[Span], mode: str = "overlap") -> int:
    """Number of one-to-one matches between gold and predicted spans.

    Parameters
    ----------
    gold, pred : sequences of (start, end)
    mode : {"exact", "overlap"}
        ``exact``: identical offsets. ``overlap``: at least one shared character; pairs
        are matched greedily by largest overlap, each span at most once.

    Examples
    --------
    >>> match_spans([(0, 5), (10, 20)], [(0, 5), (12, 30)], "exact")
    1
    >>> match_spans([(0, 5), (10, 20)], [(0, 5), (12, 30)], "overlap")
    2
    """
    if mode == "exact":
        remaining: dict[Span, int] = {}
        for g in gold:
            remaining[tuple(g)] = remaining.get(tuple(g), 0) + 1
        n = 0
        for p in pred:
            if remaining.get(tuple(p), 0) > 0:
                remaining[tuple(p)] -= 1
                n += 1
        return n
    if mode != "overlap":
        raise ValueError(f"mode must be 'exact' or 'overlap', not {mode!r}")
    pairs = []
    order = sorted(range(len(pred)), key=lambda j: pred[j][0])
    for i, g in enumerate(gold):
        for j in order:
            p = pred[j]
            if p[0] >= g[1]:
                break
            ov = overlap(g, p)
            if ov > 0:
                pairs.append((ov, i, j))
    pairs.sort(reverse=True)
    used_g: set[int] = set()
    used_p: set[int] = set()
    for _, i, j in pairs:
        if i in used_g or j in used_p:
            continue
        used_g.add(i)
        used_p.add(j)
    return len(used_g)


def prf(n_match: int, n_gold: int, n_pred: int) -> tuple[float, float, float]:
    """Precision, recall and F1 from match counts (0 where undefined).

    Examples
    --------
    >>> prf(8, 10, 16)
    (0.5, 0.8, 0.6153846153846154)
    """
    p = n_match / n_pred if n_pred else 0.0
    r = n_match / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f
