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
    hash_features,
)
from ._cue_memos import _L2, _MASK, _crc32, _KeepMemos, add_up
from ._frames import Attribution

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
        # (built on first use by _memos; an attribute, always present, as keep reads it
        # on every call: a plain attribute load costs less than ``__dict__.get``)
        self._keep_memos: _KeepMemos | None = None

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
        # with string hashing, and so would the float sum), added from the left (add_up:
        # the same float on every Python version); the loops run in C.
        buckets = map(_BUCKET, map(zlib.crc32, map(str.encode, dict.fromkeys(features))))
        return add_up(map(weights.get, buckets, repeat(0.0)))

    def __getstate__(self) -> dict[str, Any]:
        """Pickled without the :meth:`keep` memos (rebuilt on first use; they hold
        closures, and a copy sent to a worker need not carry them)."""
        state = dict(self.__dict__)
        state["_keep_memos"] = None
        return state

    def _memos(self) -> _KeepMemos:
        """The :meth:`keep` memos (built on first use, and after unpickling)."""
        memos = self.__dict__.get("_keep_memos")
        if memos is None:
            if "_weights" not in self.__dict__:
                self._weight_of([])  # (builds the bucket -> weight table)
            memos = self._keep_memos = _KeepMemos(self.__dict__["_weights"])
        return memos

    def keep(self, text: str, att: Attribution) -> bool:
        """Keep a rule attribution (used as ``cue_filter``); sets ``att.score``.

        The features of :func:`cue_features` fall in groups (cue, left context, right
        context, source, content); the logit adds each group's summed weight, in that
        order. Each group's sum adds the same weights in the same order as
        :meth:`_weight_of` on the group's strings (so the score is the same float), but
        the weights are memoised by what the strings are made of (see
        :class:`~framing.attribution._cue_memos._KeepMemos`): on new text most cost a
        dict look-up, and few feature strings are built. (Two distinct strings that
        collide in a bucket count twice here, once in training: rare.)
        """
        if att.cue is None:
            z = self.intercept + self._weight_of(["nocue"])
            att.score = 1.0 / (1.0 + math.exp(-z))
            return att.score >= self.threshold
        # (the scoring body is here, not in a method of the memos: one call per attribution)
        memos = self._keep_memos or self._memos()
        cs, ce = att.cue
        cls, mode, kind = att.cue_class, att.mode, att.kind
        source, content = att.source, att.content
        cstart, cend = (content[0][0], content[-1][1]) if content else (-1, -1)
        # The score depends on the text and these parts only: the same attribution asked
        # again (the frames ask about an enclosing cue, the extractor then filters all of
        # them) is answered from a memo of the current text's calls.
        call = (cs, ce, cls, mode, kind, source, att.head is None, cstart, cend)
        if memos.text is text:
            score = memos.scored.get(call)
            if score is not None:
                att.score = score
                return score >= self.threshold
        else:
            memos.new_text(text)
        get = memos.weights.get
        weight, last = memos.cues[text[cs:ce], cls, mode, kind]
        z = self.intercept + weight
        # The context groups read two words on each side. A feature string made of a
        # memoised prefix and a word is hashed as the prefix's CRC32 continued with the
        # word's bytes (the CRC32 of the whole string), not built.
        ws = text[cs - 60 if cs > 60 else 0 : cs].rsplit(None, 2)
        if len(ws) >= 2:
            lw1, sp_lw1, l1, shape, tail = memos.l1[ws[-1]]
            w2 = ws[-2].lower().strip(_STRIP).encode()
            l2 = get(_crc32(sp_lw1, _crc32(w2, _L2)) & _MASK, 0.0)
            z += l1 + l2 + shape + tail + get(_crc32(lw1, last.left) & _MASK, 0.0)
        else:
            z += memos.context(last.last, ws, "l")
        ws = text[ce : ce + 60].split(None, 2)
        if len(ws) >= 2:
            rw1, r2crc, r1, shape, tail = memos.r1[ws[0]]
            r2 = get(_crc32(ws[1].lower().strip(_STRIP).encode(), r2crc) & _MASK, 0.0)
            z += r1 + r2 + shape + tail + get(_crc32(rw1, last.right) & _MASK, 0.0)
        else:
            z += memos.context(last.last, ws, "r")
        if source is not None:
            p0, p1, p2, p3, p4, p5, stype = memos.sources[text[source[0] : source[1]]]
            after = source[0] > cs
            z += p0 + p1 + p2 + p3 + p4 + p5 + memos.after[after] + last.srctype[stype]
        else:
            z += memos.nosrc
        if att.head is not None:
            z += memos.coord
        if content:
            n = cend - cstart + 1
            if n < 1:
                raise ValueError(f"content span ({cstart}, {cend}) is empty")
            clen = n.bit_length() - 1  # (int(log2(n)), as _content_key, exact for ints)
            head = text[cstart : cend if cend < cstart + 30 else cstart + 30].split(None, 1)
            c0 = memos.c0[head[0]] if head else memos.noc0
            cafter = cstart > cs
            z += (
                memos.clen[clen if clen < 10 else 10]
                + memos.cafter[cafter]
                + c0
                + last.cafter[cafter]
            )
        else:
            z += memos.nocontent
        score = memos.scored[call] = 1.0 / (1.0 + math.exp(-z))
        att.score = score
        return score >= self.threshold


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
