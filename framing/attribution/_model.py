"""The cue classifier: is a rule attribution a real one? (hashed features, logistic model).

Rules propose attributions from lexicon cues; some cues are nouns (``a tweet``, ``30
states``), names or idioms. A logistic regression over hashed string features of the
cue and its frame (cue form, class and mode, the words around it, what the rules found
as source and content) keeps or drops each proposal. Features are hashed with CRC32
into a fixed number of buckets, so a model file holds only numbers (``.npz`` through
:func:`framing.models.save_arrays`), never words.
"""

from __future__ import annotations

import math
import zlib
from functools import partial
from importlib import resources
from itertools import repeat
from operator import and_
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.linear_model import LogisticRegression

from ..errors import InputError
from ..models import load_arrays, save_arrays
from ._candidates import LearnedCues
from ._frames import Attribution
from ._speakers import speaker_type_of

__all__ = ["CueClassifier", "cue_features", "load_cue_model"]

MODEL_NAME = "attribution_cue"
_N_FEATURES = 2**18
_BUCKET = partial(and_, _N_FEATURES - 1)  # a CRC32 -> its hashed feature column


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


def _left_group(last: str, left: tuple[str, ...]) -> list[str]:
    lw = [w.lower().strip(_STRIP) for w in left]
    return [
        f"l1={lw[-1] if lw else '<s>'}",
        f"l2={' '.join(lw[-2:])}",
        f"l1shape={_shape(left[-1]) if left else '<s>'}",
        f"l1tail={left[-1][-1] if left else '<s>'}",
        f"cue+l1={last}|{lw[-1] if lw else ''}",
    ]


def _right_group(last: str, right: tuple[str, ...]) -> list[str]:
    rw = [w.lower().strip(_STRIP) for w in right]
    return [
        f"r1={rw[0] if rw else '</s>'}",
        f"r2={' '.join(rw[:2])}",
        f"r1shape={_shape(right[0]) if right else '</s>'}",
        f"r1tail={right[0][-1] if right else '</s>'}",
        f"cue+r1={last}|{rw[0] if rw else ''}",
    ]


def _source_group(last: str, src: str | None, after: bool) -> list[str]:
    if src is None:
        return ["nosrc"]
    sw = src.split()
    stype = speaker_type_of(src)
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
    """String features of one rule attribution (hashed by the classifier).

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
    f += _left_group(last, tuple(left))
    f += _right_group(last, tuple(right))
    src = text[att.source[0] : att.source[1]] if att.source is not None else None
    f += _source_group(last, src, att.source is not None and att.source[0] > att.cue[0])
    if att.head is not None:
        f.append("coord")
    f += _content_group(last, *_content_key(text, att))
    return f


def _hash(features: list[str]) -> list[int]:
    crc = zlib.crc32
    return [crc(x.encode("utf-8")) & (_N_FEATURES - 1) for x in features]


class CueClassifier(ClassifierMixin, BaseEstimator):
    """Logistic regression over CRC32-hashed feature strings.

    Parameters
    ----------
    C : float
        Inverse regularisation strength.
    threshold : float
        Probability above which :meth:`keep` keeps an attribution.

    Examples
    --------
    >>> clf = CueClassifier().fit([["a", "b"], ["c"], ["a"], ["c", "d"]], [1, 0, 1, 0])
    >>> clf.predict([["a"], ["c"]]).tolist()
    [1, 0]
    """

    def __init__(self, C: float = 1.0, threshold: float = 0.5) -> None:
        self.C = C
        self.threshold = threshold

    def _matrix(self, X: list[list[str]]) -> sparse.csr_matrix:
        rows, cols = [], []
        for i, feats in enumerate(X):
            for j in set(_hash(feats)):
                rows.append(i)
                cols.append(j)
        data = np.ones(len(rows), dtype=np.float64)
        return sparse.csr_matrix((data, (rows, cols)), shape=(len(X), _N_FEATURES))

    def fit(self, X: list[list[str]], y: Any) -> CueClassifier:
        """Fit on lists of feature strings and 0/1 labels."""
        y = np.asarray(y)
        lr = LogisticRegression(C=self.C, max_iter=2000, solver="liblinear")
        lr.fit(self._matrix(X), y)
        self.classes_ = lr.classes_
        self.coef_ = lr.coef_.ravel().astype(np.float64)
        self.intercept_ = float(lr.intercept_[0])
        return self

    def decision_function(self, X: list[list[str]]) -> np.ndarray:
        """Logit of the positive class."""
        coef = self.coef_
        return np.array([self.intercept_ + sum(coef[j] for j in set(_hash(f))) for f in X])

    def predict_proba(self, X: list[list[str]]) -> np.ndarray:
        """Class probabilities, columns in ``classes_``."""
        p = 1.0 / (1.0 + np.exp(-self.decision_function(X)))
        return np.column_stack([1 - p, p])

    def predict(self, X: list[list[str]]) -> np.ndarray:
        """0/1 labels at ``threshold``."""
        return self.classes_[(self.predict_proba(X)[:, 1] >= self.threshold).astype(int)]

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        """Names of the hashed buckets (``hash_<i>``)."""
        return np.array([f"hash_{i}" for i in range(_N_FEATURES)], dtype=object)

    @property
    def prior_set(self) -> LearnedCues | None:
        """Words outside the lexicon proposed as cues (hash buckets), or None."""
        prior = getattr(self, "prior_", None)
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
            nz = np.flatnonzero(self.coef_)
            weights = dict(zip(nz.tolist(), self.coef_[nz].tolist(), strict=True))
            self.__dict__["_weights"] = weights
        # Each distinct string once, in a fixed order (set order varies between processes,
        # with string hashing, and so would the float sum); the loop runs in C.
        buckets = map(_BUCKET, map(zlib.crc32, map(str.encode, dict.fromkeys(features))))
        return sum(map(weights.get, buckets, repeat(0.0)))

    def keep(self, text: str, att: Attribution) -> bool:
        """Keep a rule attribution (used as ``cue_filter``); sets ``att.score``.

        The features of :func:`cue_features` fall in groups (cue, left context, right
        context, source, content); the summed weight of each group is memoised by the
        group's inputs, so a repeated context costs one dict look-up. (Two distinct
        strings that collide in a bucket count twice here, once in training: rare.)
        """
        if att.cue is None:
            z = self.intercept_ + self._weight_of(["nocue"])
            att.score = 1.0 / (1.0 + math.exp(-z))
            return att.score >= self.threshold
        memo = self.__dict__.get("_group_memo")
        if memo is None or len(memo) > 200_000:
            memo = self.__dict__["_group_memo"] = {}
        cs, ce = att.cue
        cue = text[cs:ce]
        key = (0, cue, att.cue_class, att.mode, att.kind)
        g = memo.get(key)
        if g is None:
            g = memo[key] = (
                self._weight_of(_cue_group(cue, att.cue_class, att.mode, att.kind)),
                _last_word(cue),
            )
        z = self.intercept_ + g[0]
        last = g[1]
        # The context groups read two words on each side (the key holds no more, so
        # that contexts differing further away share an entry).
        left = (1, last, *text[max(0, cs - 60) : cs].rsplit(None, 2)[-2:])
        w = memo.get(left)
        if w is None:
            w = memo[left] = self._weight_of(_left_group(last, left[2:]))
        z += w
        right = (2, last, *text[ce : ce + 60].split(None, 2)[:2])
        w = memo.get(right)
        if w is None:
            w = memo[right] = self._weight_of(_right_group(last, right[2:]))
        z += w
        if att.source is not None:
            skey = (3, last, text[att.source[0] : att.source[1]], att.source[0] > cs)
        else:
            skey = (3, last, None, False)
        w = memo.get(skey)
        if w is None:
            w = memo[skey] = self._weight_of(_source_group(*skey[1:]))
        z += w
        if att.head is not None:
            z += self._weight_of(["coord"])
        ckey = (4, last, *_content_key(text, att))
        w = memo.get(ckey)
        if w is None:
            w = memo[ckey] = self._weight_of(_content_group(*ckey[1:]))
        z += w
        att.score = 1.0 / (1.0 + math.exp(-z))
        return att.score >= self.threshold

    def provenance(self) -> dict[str, Any]:
        """What the model is (for reports)."""
        return {"model": MODEL_NAME, "threshold": self.threshold, "C": self.C}

    def save(self, path: str | Path, meta: dict[str, Any] | None = None) -> None:
        """Write the model as numbers + JSON metadata (no pickle)."""
        info = {
            "kind": MODEL_NAME,
            "C": self.C,
            "threshold": self.threshold,
            "n_features": _N_FEATURES,
            "intercept": self.intercept_,
            "classes": [int(c) for c in self.classes_],
            **(meta or {}),
        }
        nz = np.flatnonzero(self.coef_)
        prior = np.asarray(getattr(self, "prior_", np.zeros(0)), dtype=np.int64)
        save_arrays(
            path, info, {"index": nz.astype(np.int64), "coef": self.coef_[nz], "prior": prior}
        )

    @classmethod
    def load(cls, path: str | Path) -> CueClassifier:
        """Read a model written by :meth:`save` (never executes code)."""
        meta, arrays = load_arrays(path)
        if meta.get("kind") != MODEL_NAME or meta.get("n_features") != _N_FEATURES:
            raise InputError(f"{path}: not an attribution cue model")
        clf = cls(C=float(meta["C"]), threshold=float(meta["threshold"]))
        coef = np.zeros(_N_FEATURES)
        coef[arrays["index"]] = arrays["coef"]
        clf.coef_ = coef
        clf.intercept_ = float(meta["intercept"])
        clf.classes_ = np.array(meta["classes"])
        clf.prior_ = arrays.get("prior", np.zeros(0, dtype=np.int64))
        return clf


def load_cue_model(path: str | Path | None = None) -> CueClassifier | None:
    """The shipped cue classifier (None when its file is not installed)."""
    if path is not None:
        return CueClassifier.load(path)
    ref = resources.files("framing.models").joinpath(f"{MODEL_NAME}.npz")
    if not ref.is_file():
        return None
    with resources.as_file(ref) as p:
        return CueClassifier.load(p)
