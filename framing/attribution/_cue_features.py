"""The cue model's features: strings describing a rule attribution, hashed to columns.

Each rule attribution is described by feature strings in groups (the cue's form, class
and mode; the words left and right of it; what the rules found as source and content),
hashed with CRC32 into ``N_FEATURES`` buckets, so that a model file holds only numbers.
:mod:`framing.attribution._cue_weights` scores them (and memoises the groups' weights);
:class:`~framing.attribution.CueClassifier` fits on them.
"""

from __future__ import annotations

import math
import zlib
from functools import partial
from operator import and_

from ._frames import Attribution
from ._speakers import speaker_type_of

__all__ = ["MODEL_NAME", "N_FEATURES", "cue_features", "hash_features"]

MODEL_NAME = "attribution_cue"
N_FEATURES = 2**18
_BUCKET = partial(and_, N_FEATURES - 1)  # a CRC32 -> its hashed feature column


def _shape(w: str) -> str:
    if not w:
        return "_"
    if w[0].isupper():
        return "Xx" if w[1:].islower() else "X"
    if w[0].isdigit():
        return "d"
    if w[0].isalpha():
        return "x"
    return w[0]


def _words_around(text: str, start: int, end: int) -> tuple[list[str], list[str]]:
    left = text[max(0, start - 60) : start].split()[-3:]
    right = text[end : end + 60].split()[:3]
    return left, right


_STRIP = ",.;:\"'\u201c\u201d"


def _cue_group(cue: str, cls: str | None, mode: str | None, kind: str) -> list[str]:
    words = cue.lower().replace("\u2019", "'").split()
    last = words[-1] if words else ""
    return [
        f"cue={' '.join(words)}",
        f"last={last}",
        f"suf={last[-3:]}",
        f"ncue={min(len(words), 4)}",
        f"class={cls}",
        f"mode={mode}",
        f"kind={kind}",
        f"cueshape={_shape(cue)}",
        f"class+kind={cls}|{kind}",
    ]


def _last_word(cue: str) -> str:
    words = cue.lower().replace("\u2019", "'").split()
    return words[-1] if words else ""


def _context_group(last: str, words: tuple[str, ...], side: str) -> list[str]:
    """Features of the (up to) two words on one ``side`` of the cue (``"l"``: before it,
    ``words`` in text order, the nearest last; ``"r"``: after it, the nearest first)."""
    if side == "l":
        words = words[::-1]  # nearest first, as on the right
        edge = "<s>"
    else:
        edge = "</s>"
    low = [w.lower().strip(_STRIP) for w in words]
    pair = " ".join(low[:2][::-1] if side == "l" else low[:2])
    return [
        f"{side}1={low[0] if low else edge}",
        f"{side}2={pair}",
        f"{side}1shape={_shape(words[0]) if words else edge}",
        f"{side}1tail={words[0][-1] if words else edge}",
        f"cue+{side}1={last}|{low[0] if low else ''}",
    ]


def _source_group(last: str, src: str | None, after: bool) -> list[str]:
    if src is None:
        return ["nosrc"]
    sw = src.split()
    stype = speaker_type_of(src, as_trained=True)
    return [
        "src",
        f"srclen={min(len(sw), 6)}",
        f"srctype={stype}",
        f"src0={sw[0].lower() if sw else ''}",
        f"srclast={sw[-1].lower() if sw else ''}",
        f"src0shape={_shape(sw[0]) if sw else ''}",
        f"srcafter={after}",
        f"cue+srctype={last}|{stype}",
    ]


def _content_group(last: str, clen: int, cafter: bool, c0: str) -> list[str]:
    if clen < 0:
        return ["nocontent"]
    return [
        f"clen={clen}",
        f"cafter={cafter}",
        f"c0={c0}",
        f"cue+cafter={last}|{cafter}",
    ]


def _content_key(text: str, att: Attribution) -> tuple[int, bool, str]:
    if not att.content:
        return -1, False, ""
    s, e = att.content[0][0], att.content[-1][1]
    head = text[s : min(e, s + 30)].split(None, 1)[:1]
    return min(int(math.log2(e - s + 1)), 10), s > att.cue[0], head[0].lower() if head else ""


def cue_features(text: str, att: Attribution) -> list[str]:
    """String features of one rule attribution (hashed by the cue model).

    Examples
    --------
    >>> from framing.attribution import extract_attributions
    >>> s = "The minister said the plan works."
    >>> atts, _ = extract_attributions(s, [(0, len(s))])
    >>> "cue=said" in cue_features(s, atts[0])
    True
    """
    if att.cue is None:
        return ["nocue"]
    cue = text[att.cue[0] : att.cue[1]]
    last = _last_word(cue)
    left, right = _words_around(text, att.cue[0], att.cue[1])
    f = _cue_group(cue, att.cue_class, att.mode, att.kind)
    f += _context_group(last, tuple(left), "l")
    f += _context_group(last, tuple(right), "r")
    src = text[att.source[0] : att.source[1]] if att.source is not None else None
    f += _source_group(last, src, att.source is not None and att.source[0] > att.cue[0])
    if att.head is not None:
        f.append("coord")
    f += _content_group(last, *_content_key(text, att))
    return f


def hash_features(features: list[str]) -> list[int]:
    """The hashed columns (CRC32 buckets) of a list of feature strings, in order."""
    crc = zlib.crc32
    return [crc(x.encode("utf-8")) & (N_FEATURES - 1) for x in features]
