"""Helpers of the stance scorer: probability columns, the rules' shift of the
classifier's log-odds, labels from scores, mentions' token ranges and the view of a
sentence in one voice."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from itertools import compress
from operator import not_
from typing import Any

import numpy as np

from ..errors import InputError
from ..segment import Span
from ._features import MentionParts
from ._lexicon_scorer import SentenceTokens
from ._stance_weights import LABELS
from ._targets import Mention


def _token_ranges(toks: SentenceTokens, ms: list[Mention]) -> list[tuple[int, int]]:
    """:func:`token_range` of each mention (one loop, no call per mention)."""
    ends, starts = toks.ends, toks.starts
    right, left = bisect.bisect_right, bisect.bisect_left
    out = []
    for m in ms:
        a = right(ends, m.start)
        out.append((a, left(starts, m.end, a)))
    return out


def _round4(values: list[float]) -> list[float]:
    """``round(v, 4)`` of each value, for a batch at once.

    Python rounds through a correctly rounded decimal string (a few thousand
    instructions per call). ``rint(v * 1e4) / 1e4`` gives the same float whenever the
    integer it picks is the right one: the division of two exact numbers is correctly
    rounded, as Python's string-to-float step is. It is the right integer unless
    ``v * 1e4`` (off by at most half a unit in its last place: under 1e-7 below 1e9) lies
    within 1e-6 of a half-integer; those values, and larger ones, take ``round()``.
    """
    x = np.array(values, dtype=np.float64)
    t = x * 1e4
    k = np.rint(t)
    out = (k / 1e4).tolist()
    with np.errstate(invalid="ignore"):  # (inf - inf: NaN, not unsure; inf is huge)
        unsure = (np.abs(np.abs(t - k) - 0.5) < 1e-6) | (np.abs(t) > 1e9)
    for i in np.flatnonzero(unsure).tolist():
        out[i] = round(values[i], 4)
    return out


def stance_label(score: float, threshold: float = 0.2) -> str:
    """``favor`` / ``against`` beyond ``±threshold``, else ``neutral``.

    Examples
    --------
    >>> stance_label(0.5), stance_label(-0.05), stance_label(-0.3)
    ('favor', 'neutral', 'against')
    """
    if score >= threshold:
        return "favor"
    if score <= -threshold:
        return "against"
    return "neutral"


def _top_label(p: list[float]) -> str:
    """The label of the largest of three probabilities in ``LABELS`` order, the first
    on a tie (``LABELS[p.index(max(p))]`` by two or three comparisons)."""
    a, n, f = p
    if a >= n and a >= f:
        return "against"
    return "neutral" if n >= f else "favor"


def _in_label_order(proba: np.ndarray, classes: Sequence[str]) -> np.ndarray:
    """Probability columns in ``LABELS`` order (against, neutral, favor); a class the
    model lacks gets probability 0."""
    classes = [str(c) for c in classes]
    P = np.zeros((len(proba), len(LABELS)))
    for j, label in enumerate(LABELS):
        if label in classes:
            P[:, j] = proba[:, classes.index(label)]
    return P


def _shift(P: np.ndarray, lex: np.ndarray, beta: np.ndarray) -> np.ndarray:
    """Probabilities with ``beta * lex`` added to the log-odds of favor and taken from
    those of against (rows renormalised)."""
    z = np.log(np.maximum(P, 1e-12))
    z[:, 2] += beta * lex
    z[:, 0] -= beta * lex
    z -= z.max(axis=1, keepdims=True)
    out = np.exp(z)
    out /= out.sum(axis=1, keepdims=True)
    return out


def _voice(toks: SentenceTokens, span: tuple[int, int]) -> bool:
    a, b = span
    return b > a and all(toks.quoted[a:b])


def _view(
    toks: SentenceTokens,
    a: int,
    quoted: bool,
    ranges: list[tuple[int, int]],
    cache: dict[Any, tuple[SentenceTokens, list[int] | None]],
    lexicon: dict[str, float],
) -> tuple[SentenceTokens, list[int] | None]:
    """The sentence as one voice sees it: the author's words, or the words of one quote.

    Returns the view and the sentence's token indices it keeps, ascending (None: all;
    :func:`_view_index` maps an index into the view).
    """
    if not ranges:
        return toks, None
    key: Any = "author"
    if quoted:
        pos = toks.starts[a]
        key = None
        for qa, qb in ranges:
            if qa <= pos < qb:
                key = (qa, qb)
                break
    hit = cache.get(key)
    if hit is not None:
        return hit
    q = toks.quoted
    if key is None:
        keep: list[int] = []
    elif quoted:
        # Tokens starting in the quote: one run, found by bisection; keep the quoted ones.
        i0 = bisect.bisect_left(toks.starts, key[0])
        i1 = bisect.bisect_left(toks.starts, key[1], lo=i0)
        keep = list(compress(range(i0, i1), q[i0:i1]))
    else:
        keep = list(compress(range(len(q)), map(not_, q)))
    if keep and keep[-1] - keep[0] + 1 == len(keep):  # one run (a quote; text before one)
        view = toks.span(keep[0], keep[-1] + 1, lexicon)
    else:
        view = toks.subset(keep, lexicon)
    hit = cache[key] = (view, keep)
    return hit


def _same_raw(toks: SentenceTokens, view: SentenceTokens, keep: list[int]) -> bool:
    """Whether the rules' raw evidence for a mention in ``view`` (made by :func:`_view`
    from the tokens ``keep`` of ``toks``) equals their raw evidence for it in ``toks``.

    So it does when the view is one run of tokens of one voice bounded, in ``toks``, by
    clause stops (a boundary or a token in the other voice) or the sentence's ends, and
    the run's first tokens keep their negation: the mention's clause then has the same
    words, polarities, negations and comma counts in both.
    """
    i0, i1 = keep[0], keep[-1] + 1
    if i1 - i0 != len(keep):
        return False
    quoted, bound = toks.quoted, toks.bound
    voice = quoted[i0]
    if i0 and not bound[i0 - 1] and quoted[i0 - 1] == voice:
        return False
    if i1 < len(quoted) and not bound[i1] and quoted[i1] == voice:
        return False
    return view.neg[:3] == toks.neg[i0 : i0 + 3]


def _view_index(keep: list[int] | None, a: int) -> int:
    """Index in a view (:func:`_view`) of the sentence's token ``a``; -1 if not in it."""
    if keep is None:
        return a
    i = bisect.bisect_left(keep, a)
    return i if i < len(keep) and keep[i] == a else -1


def _loaded_polarity(span: Span) -> float:
    """Polarity of a loaded-term span (its lexicon polarity, else mildly negative)."""
    pol = (span.extra or {}).get("polarity")
    if isinstance(pol, int | float) and pol:
        return max(-1.0, min(1.0, float(pol)))
    return -0.25


def _proba(classifier: Any, feats: list[MentionParts]) -> np.ndarray:
    if hasattr(classifier, "_proba_from_features"):
        return np.asarray(classifier._proba_from_features(feats))
    raise InputError("classifier must be a TargetStanceClassifier or StanceWeights")
