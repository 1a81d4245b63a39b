"""Memoised weights of the cue model's feature groups (the fast path of ``CueWeights.keep``).

:meth:`~framing.attribution.CueWeights.keep` scores every rule attribution the frames
propose, on text seen for the first time. Building and hashing the ~30 feature strings of
:func:`~framing.attribution._cue_features.cue_features` per attribution would dominate its
cost, so :class:`_KeepMemos` memoises each feature's weight by what the feature is made of
(a word, a source phrase, the cue's last word and a class), and adds each group's weights
one by one in the order of the group's strings, as ``CueWeights._weight_of`` does (see
:func:`add_up`): the same float as the plain definition. A feature string made of a
memoised prefix and a new word is hashed by continuing the prefix's CRC32, not built.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Hashable, Iterable
from functools import reduce
from operator import add
from typing import Any

from ._cue_features import _STRIP, N_FEATURES, _context_group, _shape
from ._speakers import speaker_type_of

#: Entries past which the memos start afresh (checked when a new text comes).
_MEMO_CAP = 200_000
_MASK = N_FEATURES - 1
_crc32 = zlib.crc32


def add_up(values: Iterable[float]) -> float:
    """The float sum of ``values`` added one by one from the left.

    What the builtin ``sum`` does up to Python 3.11; from 3.12 it compensates rounding
    (Neumaier), so its last bits depend on the Python version. The cue model adds its
    weights this way everywhere (``a + b + c`` on the fast path), so a score is the same
    float on every Python version, memoised or not.
    """
    return reduce(add, values, 0.0)


_L2 = _crc32(b"l2=")


class _Table(dict):
    """A memo: ``table[key]`` computes ``make(key)`` the first time (and counts it)."""

    __slots__ = ("make", "owner")

    def __init__(self, make: Callable[[Any], Any], owner: _KeepMemos) -> None:
        super().__init__()
        self.make = make
        self.owner = owner

    def __missing__(self, key: Hashable) -> Any:
        self.owner.entries += 1
        value = self[key] = self.make(key)
        return value


def _crc(prefix: str) -> int:
    """CRC32 of ``prefix`` (``zlib.crc32(rest, _crc(prefix))`` is the CRC32 of the two)."""
    return _crc32(prefix.encode())


class _Last:
    """What the features of the cue's last word need.

    ``own``: weights of ``last=<last>`` and ``suf=<its last three characters>``. For the
    features pairing it with a part (``cue+…``): ``left`` / ``right``: CRC32 of
    ``cue+l1=<last>|`` / ``cue+r1=<last>|`` (the word follows); ``srctype[type]``: weight
    of ``cue+srctype=<last>|<type>``; ``cafter``: weights of ``cue+cafter=<last>|False``
    and ``…|True``.
    """

    __slots__ = ("last", "own", "left", "right", "srctype", "cafter")

    def __init__(self, memos: _KeepMemos, last: str) -> None:
        w = memos.w
        self.last = last
        self.own = (w(f"last={last}"), w(f"suf={last[-3:]}"))
        self.left = _crc(f"cue+l1={last}|")
        self.right = _crc(f"cue+r1={last}|")
        self.srctype = _Table(lambda stype: w(f"cue+srctype={last}|{stype}"), memos)
        self.cafter = (w(f"cue+cafter={last}|False"), w(f"cue+cafter={last}|True"))


class _KeepMemos:
    """The cue model's feature weights, memoised by what each feature is made of.

    ``CueWeights.keep`` reads them to give its probability: ``intercept`` plus each
    group's sum (cue, left context, right context, source, ``coord``, content), each the
    weights of that group's strings added from the left in :func:`cue_features` order,
    exactly as ``CueWeights._weight_of(<group>)`` (a group's strings are distinct: their
    prefixes differ). A string is built and hashed only the first time its parts are seen.
    ``entries`` counts what the tables hold; past ``_MEMO_CAP`` they start afresh.
    """

    def __init__(self, weights: dict[int, float]) -> None:
        self.weights = weights
        self.text: str | None = None  # the text of the latest call, and its scores
        self.scored: dict[tuple, float] = {}
        self.clear()

    def clear(self) -> None:
        """Empty every memo."""
        self.entries = 0
        w = self.w
        # (feature, part) -> weight of "feature=part"
        self.one = _Table(lambda k: w(f"{k[0]}={k[1]}"), self)
        # the cue's last word -> what its pair features need
        self.lasts = _Table(lambda last: _Last(self, last), self)
        # (cue, class, mode, kind) -> (weight of the cue group, its _Last)
        self.cues = _Table(lambda k: self._cue_group(*k), self)
        # (class, mode, kind) -> weights of "class=", "mode=", "kind=", "class+kind="
        self.classes = _Table(
            lambda k: (
                w(f"class={k[0]}"),
                w(f"mode={k[1]}"),
                w(f"kind={k[2]}"),
                w(f"class+kind={k[0]}|{k[2]}"),
            ),
            self,
        )
        self.l1 = _Table(self._left_word, self)
        self.r1 = _Table(self._right_word, self)
        self.sources = _Table(self._source_parts, self)
        # a source's first word -> weights of "src0=<word>" and "src0shape=<its shape>";
        # its last word -> weight of "srclast=<word>" (words recur in new sources)
        self.src_first = _Table(
            lambda word: (w(f"src0={word.lower()}"), self.one["src0shape", _shape(word)]), self
        )
        self.src_last = _Table(lambda word: w(f"srclast={word.lower()}"), self)
        # the content's first word -> weight of "c0=<word, lower case>"
        self.c0 = _Table(lambda word: w(f"c0={word.lower()}"), self)
        self.after = (w("srcafter=False"), w("srcafter=True"))
        self.coord = w("coord")
        self.src = w("src")
        self.srclen = tuple(w(f"srclen={n}") for n in range(7))
        self.ncue = tuple(w(f"ncue={n}") for n in range(5))
        self.nosrc = w("nosrc")
        self.clen = tuple(w(f"clen={n}") for n in range(11))
        self.cafter = (w("cafter=False"), w("cafter=True"))
        self.noc0 = w("c0=")
        self.nocontent = w("nocontent")

    def new_text(self, text: str) -> None:
        """Start the memo of ``text``'s calls (and every memo afresh past ``_MEMO_CAP``)."""
        if self.entries > _MEMO_CAP:
            self.clear()
        self.text, self.scored = text, {}

    def w(self, feature: str) -> float:
        """Weight of one feature string (0.0 when its bucket has none)."""
        return self.weights.get(_crc32(feature.encode()) & _MASK, 0.0)

    def _left_word(self, word: str) -> tuple[bytes, bytes, float, float, float]:
        """What the left context needs of the word before the cue: the word as its features
        write it (``lw``) and `` lw``, in UTF-8 (CRC32 inputs), and the weights of ``l1=``,
        ``l1shape=``, ``l1tail=``."""
        lw = word.lower().strip(_STRIP)
        w = self.w
        return (
            lw.encode(),
            f" {lw}".encode(),
            w(f"l1={lw}"),
            self.one["l1shape", _shape(word)],
            self.one["l1tail", word[-1]],
        )

    def _right_word(self, word: str) -> tuple[bytes, int, float, float, float]:
        """What the right context needs of the word after the cue: the word as its
        features write it (``rw``) in UTF-8, the CRC32 of ``r2=<rw> ``, and the weights of
        ``r1=``, ``r1shape=``, ``r1tail=``."""
        rw = word.lower().strip(_STRIP)
        w = self.w
        return (
            rw.encode(),
            _crc(f"r2={rw} "),
            w(f"r1={rw}"),
            self.one["r1shape", _shape(word)],
            self.one["r1tail", word[-1]],
        )

    def _cue_group(self, cue: str, cls: str | None, mode: str | None, kind: str) -> tuple:
        """(weight of ``_cue_group(cue, cls, mode, kind)``, the memos of its last word)."""
        words = cue.lower().replace("\u2019", "'").split()
        last = words[-1] if words else ""
        one = self.one
        info = self.lasts[last]
        weight_last, weight_suf = info.own
        w_cls, w_mode, w_kind, w_cls_kind = self.classes[cls, mode, kind]
        total = (
            self.w(f"cue={' '.join(words)}")
            + weight_last
            + weight_suf
            + self.ncue[len(words) if len(words) < 4 else 4]
            + w_cls
            + w_mode
            + w_kind
            + one["cueshape", _shape(cue)]
            + w_cls_kind
        )
        return total, info

    def _source_parts(self, src: str) -> tuple[float, float, float, float, float, float, str]:
        """The weights of the first six features of ``_source_group(last, src, after)``
        (``src`` to ``src0shape``, which do not depend on ``last`` or ``after``), and the
        source's type."""
        sw = src.split()
        stype = speaker_type_of(src, as_trained=True)
        one = self.one
        if sw:
            src0, shape0 = self.src_first[sw[0]]
            srclast = self.src_last[sw[-1]]
        else:
            src0, shape0, srclast = one["src0", ""], one["src0shape", ""], one["srclast", ""]
        size = self.srclen[len(sw) if len(sw) < 6 else 6]
        return self.src, size, one["srctype", stype], src0, srclast, shape0, stype

    def context(self, last: str, words: list[str], side: str) -> float:
        """Weight of ``_context_group(last, words, side)`` with fewer than two words."""
        return add_up(map(self.w, _context_group(last, tuple(words), side)))
