"""Voice balance: who is quoted, how much, and how evenly across sides.

Definitions (per paragraph and per document):

* a *voice* is an attribution with content (``declined to comment`` is counted apart);
  its weight is the number of word tokens of its content (quoted tokens); an attribution
  with several speakers (``Smith and Jones said``) splits its weight (and its count)
  evenly among them and their sides (``speaker_sides``);
* the *unit* of balance is the side (``actors`` map ``{side: [aliases]}``; speakers on no
  side form one extra unit, ``unmapped``) or, without an actors map, the speaker itself;
* ``balance`` is the normalised Shannon entropy of quoted tokens over units,
  ``H / log(K)``, with ``K`` the number of sides in the actors map (+1 when unmapped
  voices are present) or, without actors, the number of distinct speakers present;
  one unit gives 0 (one-sided), equal shares give 1; no voice gives NaN;
* ``top_speaker_share``: the largest speaker's share of quoted tokens;
* ``anonymous_share``: share of voices whose speaker type is ``anonymous``;
* ``unattributed_share``: share of claims with no named source, i.e. voices without a
  resolved speaker plus quotations (of four words or more) that no frame attributes,
  over all voices plus those quotations.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

__all__ = ["UNMAPPED", "evenness", "voice_summary"]

UNMAPPED = "unmapped"


def evenness(weights: Iterable[float], k: int | None = None) -> float:
    """Normalised Shannon entropy of ``weights`` (0..1); NaN when all weights are zero.

    Parameters
    ----------
    weights : iterable of float
        Non-negative weights, one per unit present.
    k : int, optional
        Number of possible units (defaults to the number of positive weights).

    Examples
    --------
    >>> evenness([5, 5]), evenness([10]), evenness([5, 5], k=4)
    (1.0, 0.0, 0.5)
    """
    w = [x for x in weights if x > 0]
    if not w:
        return math.nan
    k = len(w) if k is None else max(k, len(w))
    if k <= 1 or len(w) == 1:
        return 0.0
    total = sum(w)
    h = -sum((x / total) * math.log(x / total) for x in w)
    return min(1.0, round(h / math.log(k), 12))


def voice_summary(
    rows: Sequence[Mapping[str, Any]],
    sides: Sequence[str] | None = None,
    n_unattributed_quotes: int = 0,
    detail: bool = True,
) -> dict[str, Any]:
    """Balance measures over quote rows (one paragraph or one document).

    Parameters
    ----------
    rows : sequence of mappings
        Rows of the ``quotes`` table (``speaker``, ``speaker_type``, ``side``, ``direct``,
        ``cue_class``, ``quoted_tokens``, ``kind``; ``speakers`` optional).
    sides : sequence of str, optional
        The sides of the actors map; None to balance over speakers.
    n_unattributed_quotes : int
        Quotations no frame attributes.
    detail : bool
        Include the breakdowns (False: only the scalar measures, faster).

    Returns
    -------
    dict
        ``n_quotes``, ``n_direct``, ``balance``, ``top_speaker_share``,
        ``anonymous_share``, ``unattributed_share``, and the breakdowns
        ``tokens_by_speaker``, ``tokens_by_side``, ``quotes_by_side``,
        ``classes_by_side`` (side -> dict of cue class -> count).

    Examples
    --------
    >>> rows = [{"speaker": "A", "side": "x", "quoted_tokens": 10, "direct": True},
    ...         {"speaker": "B", "side": "y", "quoted_tokens": 10, "direct": False}]
    >>> voice_summary(rows, sides=["x", "y"])["balance"]
    1.0
    """
    if not detail:
        scalars = _quick_scalars(rows, n_unattributed_quotes, sides)
        if scalars is not None:
            return dict(zip(SCALARS, scalars, strict=True))
    by_speaker: dict[str, float] = {}
    by_side: dict[str, float] = {}
    quotes_by_side: dict[str, float] = {}
    # side -> cue class -> count (plain dicts: a Counter's ``+=`` on a new key costs a
    # Python-level ``__missing__`` call; the sums are the same, in the same order)
    classes_by_side: dict[str, dict[str, float]] = {}
    anonymous = unattributed = n_direct = n = 0
    for r in rows:
        get = r.get
        if get("kind") == "non_comment":
            continue  # (no voice)
        n += 1
        tokens = float(get("quoted_tokens") or 0) or 1.0
        names = get("speakers") or ([r["speaker"]] if get("speaker") else [])
        member_sides = get("speaker_sides") or []
        if len(member_sides) != len(names) or not names:
            member_sides = [get("side")] * (len(names) or 1)
        if not names:
            unattributed += 1
        if get("speaker_type") == "anonymous":
            anonymous += 1
        if get("direct"):
            n_direct += 1
        k = len(names) or 1
        cue_class = get("cue_class") if detail else None
        if k == 1:
            # (one speaker, the usual case: no loop; a share of ``tokens / 1`` and a count
            # of ``1 / 1`` are ``tokens`` and ``1.0``, the same floats)
            name = names[0] if names else "(unknown)"
            side = member_sides[0] or UNMAPPED
            by_speaker[name] = by_speaker.get(name, 0) + tokens
            by_side[side] = by_side.get(side, 0) + tokens
            quotes_by_side[side] = quotes_by_side.get(side, 0) + 1.0
            if cue_class:
                cls = classes_by_side.get(side)
                if cls is None:
                    cls = classes_by_side[side] = {}
                cls[cue_class] = cls.get(cue_class, 0) + 1.0
            continue
        share = tokens / k
        for name, side in zip(names, member_sides, strict=True):
            side = side or UNMAPPED
            by_speaker[name] = by_speaker.get(name, 0) + share
            by_side[side] = by_side.get(side, 0) + share
            quotes_by_side[side] = quotes_by_side.get(side, 0) + 1 / k
            if cue_class:
                cls = classes_by_side.get(side)
                if cls is None:
                    cls = classes_by_side[side] = {}
                cls[cue_class] = cls.get(cue_class, 0) + 1 / k
    if sides:
        k = len(sides) + (1 if by_side.get(UNMAPPED) else 0)
        balance = evenness(by_side.values(), k) if n else math.nan
    else:
        named = {s: v for s, v in by_speaker.items() if s != "(unknown)"}
        balance = evenness(named.values()) if named else math.nan
    total = sum(by_speaker.values())
    claims = n + n_unattributed_quotes
    return {
        "n_quotes": n,
        "n_direct": n_direct,
        "balance": balance,
        "top_speaker_share": max(by_speaker.values()) / total if total else math.nan,
        "anonymous_share": anonymous / n if n else math.nan,
        "unattributed_share": (unattributed + n_unattributed_quotes) / claims
        if claims
        else math.nan,
        "tokens_by_speaker": by_speaker,
        "tokens_by_side": by_side,
        "quotes_by_side": quotes_by_side,
        "classes_by_side": classes_by_side,
    }


def _single_speaker_scalars(
    rows: Sequence[Mapping[str, Any]], n_free: int, sides: Sequence[str] | None
) -> tuple | None:
    """The scalar measures (in :data:`SCALARS` order) when no voice lists several speakers
    (else None).

    Same arithmetic as :func:`voice_summary` (each voice has one speaker, or none);
    the voices are picked from ``rows`` here, in one pass (this runs once per paragraph).
    """
    by_speaker: dict[str, float] = {}
    by_side: dict[str, float] = {}
    anonymous = unattributed = n_direct = n = 0
    for r in rows:
        get = r.get
        if get("kind") == "non_comment":
            continue
        listed = get("speakers")
        if listed and len(listed) > 1:
            return None
        n += 1
        tokens = float(get("quoted_tokens") or 0) or 1.0
        name = listed[0] if listed else (r["speaker"] if get("speaker") else None)
        if sides:
            member = get("speaker_sides")
            side = member[0] if name is not None and member and len(member) == 1 else get("side")
            side = side or UNMAPPED
            by_side[side] = by_side.get(side, 0) + tokens
        if name is None:
            unattributed += 1
            name = "(unknown)"
        by_speaker[name] = by_speaker.get(name, 0) + tokens
        if get("speaker_type") == "anonymous":
            anonymous += 1
        if get("direct"):
            n_direct += 1
    if sides:
        k = len(sides) + (1 if by_side.get(UNMAPPED) else 0)
        if len(by_side) == 1:  # (what evenness gives for one unit, without the call)
            balance = 0.0 if next(iter(by_side.values())) > 0 else math.nan
        else:
            balance = evenness(by_side.values(), k) if n else math.nan
    else:
        named = [v for s, v in by_speaker.items() if s != "(unknown)"]
        if len(named) == 1:
            balance = 0.0 if named[0] > 0 else math.nan
        else:
            balance = evenness(named) if named else math.nan
    total = sum(by_speaker.values())
    claims = n + n_free
    return (
        n,
        n_direct,
        balance,
        max(by_speaker.values()) / total if total else math.nan,
        anonymous / n if n else math.nan,
        (unattributed + n_free) / claims if claims else math.nan,
    )


def _one_row_scalars(
    r: Mapping[str, Any], n_free: int, sides: Sequence[str] | None
) -> tuple | None:
    """:func:`_single_speaker_scalars` of a single row, without the loop and the sums.

    Most quoted paragraphs hold one attribution. One voice of ``t > 0`` tokens is the
    largest speaker's whole share (1.0) and, as one unit, has balance 0 (NaN without a
    named speaker when balancing over speakers); a ``non_comment`` row is no voice.
    """
    get = r.get
    if get("kind") == "non_comment":
        return (0, 0, math.nan, math.nan, math.nan, 1.0 if n_free else math.nan)
    listed = get("speakers")
    if listed and len(listed) > 1:
        return None
    named = bool(listed) or bool(get("speaker"))
    unattributed = 0 if named else 1
    return (
        1,
        1 if get("direct") else 0,
        0.0 if sides or named else math.nan,
        1.0,
        1.0 if get("speaker_type") == "anonymous" else 0.0,
        (unattributed + n_free) / (1 + n_free),
    )


#: The scalar measures of :func:`voice_summary`, in its order.
SCALARS = (
    "n_quotes",
    "n_direct",
    "balance",
    "top_speaker_share",
    "anonymous_share",
    "unattributed_share",
)


def _quick_scalars(
    rows: Sequence[Mapping[str, Any]], n_free: int, sides: Sequence[str] | None
) -> tuple | None:
    """The scalar measures in :data:`SCALARS` order by the quick paths (one row, or one
    speaker per voice); None when a voice lists several speakers."""
    if len(rows) == 1:
        return _one_row_scalars(rows[0], n_free, sides)
    return _single_speaker_scalars(rows, n_free, sides)


def paragraph_scalars(
    by_para: Mapping[int, Sequence[Mapping[str, Any]]],
    free: Mapping[int, int],
    n_paras: int,
    sides: Sequence[str] | None,
) -> dict[str, list[Any]]:
    """The scalar measures of each paragraph, as one list per measure (the columns).

    The values of ``voice_summary(rows, sides, free.get(pid, 0), detail=False)`` for
    paragraph ``pid``'s rows (``by_para``, rows of the scorer's ``quotes`` table) and
    quotations no frame attributes (``free``); a paragraph in neither gets the summary of
    nothing. Only the quoted paragraphs are visited (a para_id is the paragraph's
    position); each paragraph's measures are a tuple, turned into columns in one C-level
    transposition.
    """
    values = [_quick_scalars((), 0, sides)] * n_paras
    for pid in by_para.keys() | free.keys():
        rows, n_free = by_para.get(pid, ()), free.get(pid, 0)
        s = _quick_scalars(rows, n_free, sides)
        if s is None:  # (several speakers in one voice: the general path)
            summary = voice_summary(rows, sides, n_free, detail=False)
            s = tuple([summary[c] for c in SCALARS])
        values[pid] = s
    if not values:
        return {c: [] for c in SCALARS}
    return dict(zip(SCALARS, map(list, zip(*values, strict=True)), strict=True))
