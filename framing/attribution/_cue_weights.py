"""The cue model's fitted weights and its predictions, without scikit-learn.

Rules propose attributions from lexicon cues; some cues are nouns (``a tweet``, ``30
states``), names or idioms. A logistic model over hashed string features of the cue and
its frame (cue form, class and mode, the words around it, what the rules found as source
and content) keeps or drops each proposal. Features are hashed with CRC32 into a fixed
number of buckets, so a model file holds only numbers (``.npz`` through
:func:`framing.models.save_arrays`), never words.

:class:`CueWeights` holds the fitted numbers (weights, intercept, threshold, learned cue
prior) and does every prediction; it needs NumPy only, so the scorer's path never imports
scikit-learn. :func:`load_cue_model` returns one. The scikit-learn estimator
:class:`~framing.attribution.CueClassifier` fits the weights and delegates its
predictions to a :class:`CueWeights`.
"""

from __future__ import annotations

import math
import zlib
from importlib import resources
from itertools import repeat
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import InputError
from ..models import load_arrays, save_arrays
from ._candidates import LearnedCues
from ._cue_features import (
    _BUCKET,
    _STRIP,
    MODEL_NAME,
    N_FEATURES,
    _content_key,
    _context_group,
    _shape,
    _source_group,
    hash_features,
)
from ._frames import Attribution
from ._speakers import speaker_type_of

__all__ = ["CueWeights", "load_cue_model"]


class CueWeights:
    """A fitted cue model as plain numbers: weights, intercept, threshold, cue prior.

    Everything the attribution scorer needs from the cue model, with NumPy only: the
    probability of each rule attribution (:meth:`keep`, the scorer's ``cue_filter``),
    the learned cue prior (:attr:`prior_set`), and the estimator-style predictions on
    lists of feature strings that :class:`~framing.attribution.CueClassifier` delegates
    to. Reads and writes the ``attribution_cue`` ``.npz`` format.

    Parameters
    ----------
    coef : ndarray of shape (N_FEATURES,)
        Weight of each hashed feature column.
    intercept : float
        Logit of the positive class with no feature.
    threshold : float
        Probability at or above which an attribution is kept.
    classes : sequence of int
        The class labels (negative, positive).
    prior : ndarray of int, optional
        :func:`~framing.attribution.cue_bucket` values of words outside the lexicon
        proposed as cues.
    C : float, optional
        The regularisation the weights were fitted with (reported by :meth:`provenance`).

    Examples
    --------
    >>> import numpy as np
    >>> coef = np.zeros(N_FEATURES)
    >>> coef[hash_features(["cue=said"])] = 3.0
    >>> w = CueWeights(coef, intercept=-1.0)
    >>> w.predict([["cue=said"], ["cue=state"]]).tolist()
    [1, 0]
    """

    def __init__(
        self,
        coef: np.ndarray,
        intercept: float,
        threshold: float = 0.5,
        classes: Any = (0, 1),
        prior: np.ndarray | None = None,
        C: float | None = None,
    ) -> None:
        coef = np.asarray(coef, dtype=np.float64)
        if coef.shape != (N_FEATURES,):
            raise ValueError(f"coef must have shape ({N_FEATURES},), not {coef.shape}")
        self.coef = coef
        self.intercept = float(intercept)
        self.threshold = float(threshold)
        self.classes = np.asarray(classes)
        self.prior = prior
        self.C = C

    # ------------------------------------------------------------------ file format
    @classmethod
    def from_arrays(
        cls, meta: dict[str, Any], arrays: dict[str, np.ndarray], source: str = "arrays"
    ) -> CueWeights:
        """Build from a model file's metadata and arrays (``source`` names it in errors)."""
        if meta.get("kind") != MODEL_NAME or meta.get("n_features") != N_FEATURES:
            raise InputError(f"{source}: not an attribution cue model")
        try:
            coef = np.zeros(N_FEATURES)
            coef[arrays["index"]] = arrays["coef"]
            return cls(
                coef,
                intercept=float(meta["intercept"]),
                threshold=float(meta["threshold"]),
                classes=np.array(meta["classes"]),
                prior=arrays.get("prior", np.zeros(0, dtype=np.int64)),
                C=float(meta["C"]),
            )
        except (KeyError, IndexError, TypeError, ValueError) as err:
            raise InputError(f"{source}: malformed attribution cue model ({err})") from err

    def to_arrays(
        self, meta: dict[str, Any] | None = None
    ) -> tuple[dict[str, Any], dict[str, np.ndarray]]:
        """The metadata and arrays of the model file (``meta`` adds entries)."""
        info = {
            "kind": MODEL_NAME,
            "C": self.C,
            "threshold": self.threshold,
            "n_features": N_FEATURES,
            "intercept": self.intercept,
            "classes": [int(c) for c in self.classes],
            **(meta or {}),
        }
        nz = np.flatnonzero(self.coef)
        prior = np.asarray(self.prior if self.prior is not None else [], dtype=np.int64)
        return info, {"index": nz.astype(np.int64), "coef": self.coef[nz], "prior": prior}

    @classmethod
    def load(cls, path: str | Path) -> CueWeights:
        """Read a model file (``allow_pickle=False``: never executes code)."""
        meta, arrays = load_arrays(path)
        return cls.from_arrays(meta, arrays, source=str(path))

    def save(self, path: str | Path, meta: dict[str, Any] | None = None) -> None:
        """Write the model as numbers + JSON metadata (no pickle)."""
        info, arrays = self.to_arrays(meta)
        save_arrays(path, info, arrays)

    def provenance(self) -> dict[str, Any]:
        """What the model is (for reports)."""
        return {"model": MODEL_NAME, "threshold": self.threshold, "C": self.C}

    # ------------------------------------------------------------------ predictions
    def decision_function(self, X: list[list[str]]) -> np.ndarray:
        """Logit of the positive class for lists of feature strings (each bucket once)."""
        coef = self.coef
        return np.array([self.intercept + sum(coef[j] for j in set(hash_features(f))) for f in X])

    def predict_proba(self, X: list[list[str]]) -> np.ndarray:
        """Class probabilities, columns in ``classes``."""
        p = 1.0 / (1.0 + np.exp(-self.decision_function(X)))
        return np.column_stack([1 - p, p])

    def predict(self, X: list[list[str]]) -> np.ndarray:
        """Class labels at ``threshold``."""
        return self.classes[(self.predict_proba(X)[:, 1] >= self.threshold).astype(int)]

    @property
    def prior_set(self) -> LearnedCues | None:
        """Words outside the lexicon proposed as cues (hash buckets), or None."""
        prior = self.prior
        if prior is None or len(prior) == 0:
            return None
        cached = self.__dict__.get("_prior_set")
        if cached is None:
            cached = self.__dict__["_prior_set"] = LearnedCues(frozenset(int(b) for b in prior))
        return cached

    def _weight_of(self, features: list[str]) -> float:
        """Summed weights of a group of feature strings (each distinct string once)."""
        weights = self.__dict__.get("_weights")
        if weights is None:
            nz = np.flatnonzero(self.coef)
            weights = dict(zip(nz.tolist(), self.coef[nz].tolist(), strict=True))
            self.__dict__["_weights"] = weights
        # Each distinct string once, in a fixed order (set order varies between processes,
        # with string hashing, and so would the float sum); the loop runs in C.
        buckets = map(_BUCKET, map(zlib.crc32, map(str.encode, dict.fromkeys(features))))
        return sum(map(weights.get, buckets, repeat(0.0)))

    def __getstate__(self) -> dict[str, Any]:
        """Pickled without the :meth:`keep` memos (rebuilt on first use; they hold
        closures, and a copy sent to a worker need not carry them)."""
        state = dict(self.__dict__)
        state.pop("_keep_memos", None)
        return state

    def _memos(self) -> _KeepMemos:
        memos = self.__dict__.get("_keep_memos")
        if memos is None or memos.entries + len(memos.groups) > _MEMO_CAP:
            if "_weights" not in self.__dict__:
                self._weight_of([])  # (builds the bucket -> weight table)
            memos = self.__dict__["_keep_memos"] = _KeepMemos(self.__dict__["_weights"])
        return memos

    def keep(self, text: str, att: Attribution) -> bool:
        """Keep a rule attribution (used as ``cue_filter``); sets ``att.score``.

        The features of :func:`cue_features` fall in groups (cue, left context, right
        context, source, content); the logit adds each group's summed weight. The weight
        of each feature is memoised by what it is made of (a word, a word and the cue's
        last word, a class), so on new text most features cost a dict look-up and no
        string is built or hashed; each group's weights are summed in the order of
        :func:`cue_features` (the same float sum as :meth:`_weight_of`). (Two distinct
        strings that collide in a bucket count twice here, once in training: rare.)
        """
        if att.cue is None:
            z = self.intercept + self._weight_of(["nocue"])
            att.score = 1.0 / (1.0 + math.exp(-z))
            return att.score >= self.threshold
        m = self._memos()
        cs, ce = att.cue
        # The score depends on the text and these parts only: the same attribution asked
        # again (the frames ask about an enclosing cue, the extractor then filters all
        # of them) is answered from a memo of the current text's calls.
        content = att.content
        call = (
            cs,
            ce,
            att.cue_class,
            att.mode,
            att.kind,
            att.source,
            att.head is None,
            content[0][0] if content else -1,
            content[-1][1] if content else -1,
        )
        if m.text is text:
            score = m.scored.get(call)
            if score is not None:
                att.score = score
                return score >= self.threshold
        else:
            m.text, m.scored = text, {}
        memo = m.groups
        cue = text[cs:ce]
        key = (0, cue, att.cue_class, att.mode, att.kind)
        g = memo.get(key)
        if g is None:
            g = memo[key] = m.cue_group(cue, att.cue_class, att.mode, att.kind)
        z = self.intercept + g[0]
        last = g[1]
        # The context groups read two words on each side.
        ws = text[max(0, cs - 60) : cs].rsplit(None, 2)
        z += (
            m.left(last, ws[-2], ws[-1])
            if len(ws) >= 2
            else self._weight_of(_context_group(last, tuple(ws), "l"))
        )
        ws = text[ce : ce + 60].split(None, 2)
        z += (
            m.right(last, ws[0], ws[1])
            if len(ws) >= 2
            else self._weight_of(_context_group(last, tuple(ws), "r"))
        )
        if att.source is not None:
            skey = (3, last, text[att.source[0] : att.source[1]], att.source[0] > cs)
        else:
            skey = (3, last, None, False)
        w = memo.get(skey)
        if w is None:
            w = memo[skey] = m.source(*skey[1:])
        z += w
        if att.head is not None:
            z += m.coord
        ckey = (4, last, *_content_key(text, att))
        w = memo.get(ckey)
        if w is None:
            w = memo[ckey] = m.content(*ckey[1:])
        z += w
        att.score = m.scored[call] = 1.0 / (1.0 + math.exp(-z))
        return att.score >= self.threshold


_MEMO_CAP = 200_000
_MASK = N_FEATURES - 1


class _Table(dict):
    """A memo: ``table[key]`` computes ``make(key)`` the first time (and counts it)."""

    __slots__ = ("make", "owner")

    def __init__(self, make: Any, owner: _KeepMemos) -> None:
        super().__init__()
        self.make = make
        self.owner = owner

    def __missing__(self, key: Any) -> Any:
        self.owner.entries += 1
        value = self[key] = self.make(key)
        return value


class _KeepMemos:
    """Weights of the cue model's features, memoised by what each feature is made of.

    Every group method returns the float sum, in :func:`cue_features` order, of the
    weights of that group's feature strings, exactly as ``CueWeights._weight_of(<group>)``
    (``sum`` over the same values in the same order; a group's strings are distinct, their
    prefixes differ); a string is built and hashed only the first time its part is seen.
    ``entries`` counts what the tables hold (the caller starts afresh past a cap).
    """

    def __init__(self, weights: dict[int, float]) -> None:
        self.weights = weights
        self.entries = 0
        self.groups: dict[tuple, Any] = {}  # whole groups, by their inputs
        self.text: str | None = None  # the text of the latest call, and its scores
        self.scored: dict[tuple, float] = {}
        w = self.w
        # (feature, part) -> weight of "feature=part"
        self.one = _Table(lambda k: w(f"{k[0]}={k[1]}"), self)
        # (feature, cue's last word, part) -> weight of "feature=last|part"
        self.pairs = _Table(lambda k: w(f"{k[0]}={k[1]}|{k[2]}"), self)
        self.l1 = _Table(lambda word: self._context_word("l", word), self)
        self.r1 = _Table(lambda word: self._context_word("r", word), self)
        self.src0 = _Table(lambda x: (w(f"src0={x.lower()}"), w(f"src0shape={_shape(x)}")), self)
        self.coord = sum((w("coord"),))
        self.nosrc = sum((w("nosrc"),))
        self.nocontent = sum((w("nocontent"),))
        self.src = w("src")

    def w(self, feature: str) -> float:
        """Weight of one feature string (0.0 when its bucket has none)."""
        return self.weights.get(zlib.crc32(feature.encode()) & _MASK, 0.0)

    def _context_word(self, side: str, word: str) -> tuple[str, float, float, float]:
        lw = word.lower().strip(_STRIP)
        w = self.w
        return (
            lw,
            w(f"{side}1={lw}"),
            w(f"{side}1shape={_shape(word)}"),
            w(f"{side}1tail={word[-1]}"),
        )

    def cue_group(self, cue: str, cls: str | None, mode: str | None, kind: str) -> tuple:
        """(weight of ``_cue_group(cue, cls, mode, kind)``, the cue's last word)."""
        words = cue.lower().replace("\u2019", "'").split()
        last = words[-1] if words else ""
        one = self.one
        w = self.w
        total = sum(
            (
                w(f"cue={' '.join(words)}"),
                w(f"last={last}"),
                w(f"suf={last[-3:]}"),
                w(f"ncue={min(len(words), 4)}"),
                one["class", cls],
                one["mode", mode],
                one["kind", kind],
                one["cueshape", _shape(cue)],
                one["class+kind", f"{cls}|{kind}"],
            )
        )
        return total, last

    def left(self, last: str, w2: str, w1: str) -> float:
        """Weight of ``_context_group(last, (w2, w1), "l")``."""
        lw1, l1, shape, tail = self.l1[w1]
        l2 = self.w(f"l2={w2.lower().strip(_STRIP)} {lw1}")
        return sum((l1, l2, shape, tail, self.pairs["cue+l1", last, lw1]))

    def right(self, last: str, w1: str, w2: str) -> float:
        """Weight of ``_context_group(last, (w1, w2), "r")``."""
        rw1, r1, shape, tail = self.r1[w1]
        r2 = self.w(f"r2={rw1} {w2.lower().strip(_STRIP)}")
        return sum((r1, r2, shape, tail, self.pairs["cue+r1", last, rw1]))

    def source(self, last: str, src: str | None, after: bool) -> float:
        """Weight of ``_source_group(last, src, after)``."""
        if src is None:
            return self.nosrc
        sw = src.split()
        if not sw:
            return sum(map(self.w, _source_group(last, src, after)))
        stype = speaker_type_of(src, as_trained=True)
        src0, shape0 = self.src0[sw[0]]
        one = self.one
        return sum(
            (
                self.src,
                one["srclen", min(len(sw), 6)],
                one["srctype", stype],
                src0,
                one["srclast", sw[-1].lower()],
                shape0,
                one["srcafter", after],
                self.pairs["cue+srctype", last, stype],
            )
        )

    def content(self, last: str, clen: int, cafter: bool, c0: str) -> float:
        """Weight of ``_content_group(last, clen, cafter, c0)``."""
        if clen < 0:
            return self.nocontent
        one = self.one
        return sum(
            (
                one["clen", clen],
                one["cafter", cafter],
                one["c0", c0],
                self.pairs["cue+cafter", last, cafter],
            )
        )


def load_cue_model(path: str | Path | None = None) -> CueWeights | None:
    """The shipped cue model's weights (None when its file is not installed).

    Returns the scikit-learn-free :class:`CueWeights` (what the scorer uses); for the
    estimator, use :meth:`~framing.attribution.CueClassifier.load` or
    :meth:`~framing.attribution.CueClassifier.pretrained`.

    Parameters
    ----------
    path : str or Path, optional
        A model file written by :meth:`CueWeights.save` or ``CueClassifier.save``;
        the shipped ``framing/models/attribution_cue.npz`` when omitted.

    Examples
    --------
    >>> model = load_cue_model()
    >>> model is None or 0.0 < model.threshold < 1.0
    True
    """
    if path is not None:
        return CueWeights.load(path)
    ref = resources.files("framing.models").joinpath(f"{MODEL_NAME}.npz")
    if not ref.is_file():
        return None
    with resources.as_file(ref) as p:
        return CueWeights.load(p)
