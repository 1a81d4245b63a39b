"""A document's stance rows, ``stance__<target>`` columns and target spans, written
from its scored units (the last step of :meth:`StanceScorer.annotate`).

A *unit* is a dict made by the scorer for a run of adjacent mentions of one target in one
voice: ``ms`` (its :class:`~framing.stance._targets.Mention` tuples), ``voice``
(``author`` / ``quoted``), ``score`` (-1..1) and, when the classifier judged it, ``p``
(probabilities in ``LABELS`` order). A paragraph's row for a target averages its units,
weighted by the kind of mention (:data:`KIND_WEIGHT`: a pronoun counts half).
"""

from __future__ import annotations

import math
from collections.abc import Collection
from typing import Any

from ..segment import Doc, Span
from ._scorer_parts import _top_label, stance_label
from ._targets import Mention

__all__ = ["KIND_WEIGHT", "write_stance"]

#: Weight of a unit in its paragraph's means, by the kind of its strongest mention.
KIND_WEIGHT = {"alias": 1.0, "short": 1.0, "pronoun": 0.5}


def write_stance(
    doc: Doc,
    items: list[dict[str, Any]],
    rounded: list[float],
    targets: Collection[str],
    threshold: float,
) -> None:
    """Write ``doc``'s target spans, stance rows and columns from its units ``items``.

    Parameters
    ----------
    doc : Doc
        Receives one ``target`` span per mention, the ``stance`` rows (sorted by
        paragraph, then target name) and a ``stance__<target>`` column per target.
    items : list of dict
        The document's units, in text order; each gets its weight ``w``.
    rounded : list of float
        Each unit's score rounded to 4 decimals (its spans' score).
    targets : collection of str
        Every target's name, in the order of the columns.
    threshold : float
        ``|score|`` from which a unit the classifier did not judge is favour / against.

    Examples
    --------
    >>> from framing.segment import segment
    >>> doc = segment("Acme grew.", "d")
    >>> unit = {"ms": [Mention(0, 0, 4, "Acme", "alias", False)], "voice": "author",
    ...         "score": 0.5}
    >>> write_stance(doc, [unit], [0.5], ["Acme"], 0.2)
    >>> doc.rows["stance"][0]["label"], doc.columns["stance__Acme"]
    ('favor', [0.5])
    """
    # (paragraph, target) -> its items, keyed by the pair's rank in the rows' order: an
    # int (para_id * n_targets + the target's rank by name) that sorts cheaply.
    by_rank = sorted(targets)
    n_targets = len(by_rank)
    rank = {t: r for r, t in enumerate(by_rank)}
    groups: dict[int, list[dict[str, Any]]] = {}
    add_span = doc.spans.append
    weight = KIND_WEIGHT.get
    for it, score in zip(items, rounded, strict=True):
        ms: list[Mention] = it["ms"]
        voice = it["voice"]
        # (Mentions are tuples: unpacking reads their fields in one step. A unit's
        # mentions share paragraph and target, which the loop leaves in pid, target.)
        for pid, start, end, target, kind, _ in ms:
            add_span(Span(pid, start, end, "target", target, score, voice, {"mention": kind}))
        if len(ms) == 1:
            it["w"] = weight(kind, 1.0)
        else:
            it["w"] = max(weight(m.kind, 1.0) for m in ms)
        key = pid * n_targets + rank[target]
        group = groups.get(key)
        if group is None:
            groups[key] = [it]
        else:
            group.append(it)
    cols = {t: [math.nan] * len(doc.paragraphs) for t in targets}
    rows: list[dict[str, Any]] = []
    for key in sorted(groups):
        its = groups[key]
        pid, r = divmod(key, n_targets)
        target = by_rank[r]
        if len(its) == 1:
            row = _single_row(pid, target, its[0], threshold)
        else:
            row = _group_row(pid, target, its, threshold)
        rows.append(row)
        cols[target][pid] = row["score"]
    doc.add_rows("stance", rows)
    for t, values in cols.items():
        doc.columns[f"stance__{t}"] = values


def _group_row(
    pid: int, target: str, its: list[dict[str, Any]], threshold: float
) -> dict[str, Any]:
    """The stance row of a paragraph and target with several units: means weighted by
    ``it["w"]``, overall and per voice, in one pass."""
    author: list[dict[str, Any]] = []
    quoted: list[dict[str, Any]] = []
    num = den = num_a = den_a = num_q = den_q = 0.0
    n_mentions = 0
    for it in its:
        w = it["w"]
        ws = w * it["score"]
        num += ws
        den += w
        n_mentions += len(it["ms"])
        if it["voice"] == "author":
            author.append(it)
            num_a += ws
            den_a += w
        else:
            quoted.append(it)
            num_q += ws
            den_q += w
    score = float(num / den)
    if author:
        a_score = float(author[0]["score"]) if len(author) == 1 else float(num_a / den_a)
    else:
        a_score = math.nan
    if quoted:
        q_score = float(quoted[0]["score"]) if len(quoted) == 1 else float(num_q / den_q)
    else:
        q_score = math.nan
    label = _mean_label(its, score, threshold)
    # In one voice, that voice's items, sums and label are the paragraph's.
    if author and quoted:
        a_label = _mean_label(author, a_score, threshold)
        q_label = _mean_label(quoted, q_score, threshold)
    else:
        a_label, q_label = (label, None) if author else (None, label)
    return {
        "para_id": pid,
        "target": target,
        "score": score,
        "label": label,
        "voice": "mixed" if author and quoted else ("quoted" if quoted else "author"),
        "author_score": a_score,
        "quoted_score": q_score,
        "author_label": a_label,
        "quoted_label": q_label,
        "n_mentions": n_mentions,
    }


def _single_row(pid: int, target: str, it: dict[str, Any], threshold: float) -> dict[str, Any]:
    """The stance row of a paragraph and target with one unit (the common case): what
    :func:`_group_row` gives, without averaging."""
    score = it["score"]  # (a float: the rules' tanh or a difference of probabilities)
    p = it.get("p")
    label = stance_label(score, threshold) if p is None else _top_label(p)
    author = it["voice"] == "author"
    return {
        "para_id": pid,
        "target": target,
        "score": score,
        "label": label,
        "voice": it["voice"],
        "author_score": score if author else math.nan,
        "quoted_score": math.nan if author else score,
        "author_label": label if author else None,
        "quoted_label": None if author else label,
        "n_mentions": len(it["ms"]),
    }


def _mean_label(items: list[dict[str, Any]], score: float, threshold: float) -> str:
    """The most probable class of the items' probabilities averaged with weights ``w``,
    or ``score`` against ``threshold`` when an item has none."""
    if len(items) == 1:
        p = items[0].get("p")
        if p is None:
            return stance_label(score, threshold)
    else:
        a = n = f = 0.0
        for it in items:
            q = it.get("p")
            if q is None:
                return stance_label(score, threshold)
            w = it["w"]
            a += w * q[0]
            n += w * q[1]
            f += w * q[2]
        p = [a, n, f]
    return _top_label(p)
