"""Fast scoring of many paragraphs with a fitted tagger and bias classifier.

Both models are linear over features that are sums of per-word, per-neighbour,
per-word-pair and per-category terms, plus a few per-paragraph numbers. This module
computes each word type's and each word pair's contribution once (hashing its feature
strings through the model's own hashers), keeps them in growing arrays, and scores a
batch of paragraphs with a handful of vectorised NumPy operations: no scikit-learn call
and no feature strings per paragraph. The models come as their scikit-learn-free fitted
states (:class:`~framing.loaded._bias_weights.BiasWeights`,
:class:`~framing.loaded._tagger_weights.TaggerWeights`, also what the estimators'
``to_weights()`` return), so nothing here imports scikit-learn. The results equal the
models' ``predict_proba`` up to floating-point rounding (``tests/test_loaded_fast.py``
checks it).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain, compress, repeat
from typing import TYPE_CHECKING, Any, NamedTuple

import numpy as np
from scipy import sparse

from .._hashing import feature_columns, hashed_rows
from ..lexicon import EPISTEMIC_CATEGORIES, Match
from ..segment import TOKEN_PATTERN, normalize
from ._features import (
    BOS,
    DENSE_TOKEN_FEATURES,
    EOS,
    PAIR_BIGRAM,
    PAIR_PW,
    PAIR_WN,
    _resources,
    english_stop_words,
    pair_index,
    quote_marks,
)
from ._type_hash import type_hashes

if TYPE_CHECKING:
    from ._bias_weights import BiasWeights
    from ._tagger_weights import TaggerWeights

__all__ = ["FastParagraph", "FastResult", "FastScorer", "fast_paragraph"]

# Per word type: tagger terms (column-major, one gather per column) of the word itself,
# as a capitalised non-first word, as previous / next / second previous / second next word.
_T_OWN, _T_CAP, _T_P1, _T_N1, _T_P2, _T_N2 = range(6)
# Per word type, summed per paragraph: classifier word and character terms (weight * idf,
# idf**2), the classifier's mean features folded into one term, textblob subjectivity
# (0 when the word is not in its lexicon) and whether the word is in it.
_S_WW, _S_NW, _S_WC, _S_NC, _S_LIN, _S_SUBJ, _S_HAS = range(7)
_N_S = 7
# Per word type, maximum per paragraph: VADER |valence| / 4, subjectivity.
_M_VABS, _M_SUBJ = range(2)


@lru_cache(maxsize=1)
def _lexicon_words() -> frozenset[str]:
    """Words of VADER's and textblob's lexicons and the stop words (the per-type look-ups)."""
    vader, subj, _ = _resources()
    return frozenset(vader).union(subj, english_stop_words())


class FastResult(NamedTuple):
    """What :meth:`FastScorer.score` returns, per paragraph."""

    #: The tagger's probability for each word token (empty list without a tagger).
    word_probs: list[np.ndarray]
    #: Bias probabilities (empty without a bias classifier).
    bias: np.ndarray
    #: Mean textblob subjectivity of the words in its lexicon (NaN when none is).
    subjectivity: np.ndarray


@dataclass(slots=True)
class FastParagraph:
    """One paragraph to score: its word tokens, lexicon matches and raw text."""

    words: Sequence[str]
    lower: Sequence[str]
    matches: Sequence[Match]
    text: str


def fast_paragraph(text: str) -> FastParagraph:
    """A :class:`FastParagraph` for a text, tokenised and matched as :func:`analyse_text` does.

    Examples
    --------
    >>> fast_paragraph("The so-called reform").lower
    ['the', 'so-called', 'reform']
    """
    _, _, matcher = _resources()
    view = normalize(text)
    found = list(TOKEN_PATTERN.finditer(view.text))
    words = [m.group() for m in found]
    lower = [w.lower() for w in words]
    matches = matcher.match(words, [m.span() for m in found], view.text, lower)
    return FastParagraph(words, lower, matches, text)


class FastScorer:
    """Scores paragraphs with a tagger and/or bias classifier through cached per-type terms.

    Parameters
    ----------
    bias : BiasWeights, optional
        Fitted classifier's state (``BiasClassifier.to_weights()``); its embedded tagger
        is used when ``tagger`` is None.
    tagger : TaggerWeights, optional
        Fitted tagger's state (``LoadedTermTagger.to_weights()``).
    max_types : int
        The cache is emptied before a batch when it holds more word types than this.
    chunk : int
        Paragraphs scored together (larger batches are cut into chunks of this size).

    Examples
    --------
    >>> from framing.loaded._bias_weights import BiasWeights
    >>> clf = BiasWeights.pretrained()
    >>> fast = FastScorer(clf)
    >>> res = fast.score([fast_paragraph("A sham vote")])
    >>> bool(np.isclose(res.bias[0], clf.predict_proba(["A sham vote"])[0, 1]))
    True
    """

    def __init__(
        self,
        bias: BiasWeights | None = None,
        tagger: TaggerWeights | None = None,
        max_types: int = 200_000,
        chunk: int = 512,
    ) -> None:
        if bias is not None and bias.tagger is not None:
            if tagger is not None and tagger is not bias.tagger:
                raise ValueError("tagger must be the bias classifier's own tagger")
            tagger = bias.tagger
        if bias is None and tagger is None:
            raise ValueError("FastScorer needs a bias classifier or a tagger")
        self.bias = bias
        self.tagger = tagger
        self.max_types = max_types
        self.chunk = chunk
        self._setup()

    def __getstate__(self) -> dict[str, Any]:
        return {
            "bias": self.bias,
            "tagger": self.tagger,
            "max_types": self.max_types,
            "chunk": self.chunk,
        }

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._setup()

    # -- weights and caches -------------------------------------------------------------------
    def _setup(self) -> None:
        t = self.tagger
        if t is not None:
            nf = t.weights.n_features - len(DENSE_TOKEN_FEATURES)
            coef = t.weights._coef
            self._t_nf = nf
            self._t_coef = coef[:nf]
            self._t_dense = coef[nf:]
            self._t_b = t.weights.intercept
        b = self.bias
        if b is not None:
            nf = b.n_features
            coef = b.weights._coef
            self._b_nf = nf
            # Per hashed block (words, characters): weight * idf and idf**2 per column.
            self._b_blocks = []
            blocks = 1 + bool(b.char_ngrams)
            for k in range(blocks):
                idf = b.idf[k]
                self._b_blocks.append((coef[k * nf : (k + 1) * nf] * idf, idf * idf))
            self._b_dense = coef[blocks * nf :] * b.dense_weight / b.dense_scale
            self._b_b = b.weights.intercept - float(
                np.dot(b.dense_mean / b.dense_scale * b.dense_weight, coef[blocks * nf :])
            )
        self._clear()

    def _clear(self) -> None:
        self._types: dict[str, int] = {}
        self._T = np.zeros((6, 1024))
        self._S = np.zeros((1024, _N_S))
        self._M = np.zeros((2, 1024))
        self._H = np.zeros(1024, dtype=np.uint64)
        self._cats: dict[str, int] = {}
        self._C = np.zeros((3, 0))
        self._add_types([BOS, EOS], [BOS, EOS])
        self._cat_ids(["-", BOS, EOS])

    def _grow(self, n: int) -> None:
        size = max(n, 2 * len(self._H))
        n0 = len(self._types)
        T = np.zeros((6, size))
        T[:, :n0] = self._T[:, :n0]
        S = np.zeros((size, _N_S))
        S[:n0] = self._S[:n0]
        M = np.zeros((2, size))
        M[:, :n0] = self._M[:, :n0]
        H = np.zeros(size, dtype=np.uint64)
        H[:n0] = self._H[:n0]
        self._T, self._S, self._M, self._H = T, S, M, H

    def _add_types(self, words: list[str], lower: list[str]) -> None:
        n0 = len(self._types)
        n = n0 + len(words)
        if n > len(self._H):
            self._grow(n)
        T, S, M = self._T[:, n0:n], self._S[n0:n], self._M[:, n0:n]
        t_nf = self._t_nf if self.tagger is not None else 2
        th = type_hashes(words, lower, t_nf, self._b_nf if self.bias is not None else 2)
        single = th.single
        vader, subj, _ = _resources()
        stop = english_stop_words()
        count = len(words)
        # VADER valence, textblob (polarity, subjectivity), stop word, in textblob's lexicon:
        # looked up only for the words in one of them (new words mostly are in none)
        v = np.zeros(count)
        ps = np.zeros((count, 2))
        is_stop = np.zeros(count, dtype=bool)
        has = np.zeros(count, dtype=bool)
        found = list(compress(range(count), map(_lexicon_words().__contains__, lower)))
        if found:
            fw = [lower[i] for i in found]
            v[found] = [vader.get(w, 0.0) for w in fw]
            ps[found] = [subj.get(w, (0.0, 0.0)) for w in fw]
            is_stop[found] = [w in stop for w in fw]
            has[found] = [w in subj for w in fw]
        sub = ps[:, 1]
        if self.tagger is not None:
            nf, coef = self._t_nf, self._t_coef
            # word_dense of each type, column by column
            dense = np.empty((count, 8))
            dense[:, 0] = np.abs(v) / 4
            dense[:, 1] = v / 4
            dense[:, 2] = sub
            dense[:, 3] = np.abs(ps[:, 0])
            dense[:, 4] = is_stop
            dense[:, 5] = th.all_caps
            dense[:, 6] = np.minimum(th.length, 15) / 15
            dense[:, 7] = th.digit
            T[_T_OWN] = th.own @ coef + dense @ self._t_dense[:8]
            T[_T_CAP] = self._t_dense[8] * th.first_upper
            for col, k in ((_T_P1, 0), (_T_N1, 1), (_T_P2, 2), (_T_N2, 3)):
                T[col] = 0.0 + coef[feature_columns(single[k], nf)]
        stats = np.zeros((len(words), 4))  # |valence| / 4, negative, subjectivity, subjective
        stats[:, 0], stats[:, 1], stats[:, 2], stats[:, 3] = np.abs(v) / 4, v < 0, sub, sub >= 0.5
        S[:, _S_HAS] = has
        if n0 < 2:  # the padding types add nothing to per-paragraph sums and maxima
            stats[: 2 - n0] = 0.0
        M[_M_VABS], M[_M_SUBJ] = stats[:, 0], stats[:, 2]
        S[:, _S_SUBJ] = stats[:, 2]
        if self.bias is not None:
            nf = self._b_nf
            cw, nw = self._b_blocks[0]
            cols = feature_columns(single[4], nf)  # "u=" + lw
            S[:, _S_WW], S[:, _S_NW] = 0.0 + cw[cols], 0.0 + nw[cols]
            if len(self._b_blocks) > 1:
                cc, nc = self._b_blocks[1]
                H = th.chars  # char_ngrams(lw, 2, 5)
                S[:, _S_WC], S[:, _S_NC] = H @ cc, H @ nc
            S[:, _S_LIN] = stats @ self._b_dense[[2, 3, 5, 6]]
        if n0 < 2:
            S[: 2 - n0] = 0.0
        self._H[n0:n] = single[5].view(np.uint32)  # word_hash of each
        self._types.update(zip(words, range(n0, n), strict=True))

    def _add_missing(
        self, paras: Sequence[FastParagraph], tokens: list[str], ids: np.ndarray, miss: np.ndarray
    ) -> None:
        """Add the new types among ``tokens`` (in order of first occurrence, with their
        lower-case forms there) and fill in their ids at ``miss``, where ``ids`` is -1."""
        lower = list(chain.from_iterable(p.lower for p in paras))
        if len(lower) != len(tokens):
            raise ValueError("each paragraph needs as many lower-case forms as words")
        at = miss.tolist()
        missed = list(map(tokens.__getitem__, at))
        # each new type's lower-case form at its first occurrence (the last one set, in
        # reverse order), the types in order of first occurrence
        lows = list(map(lower.__getitem__, at))
        first_lower = dict(zip(reversed(missed), reversed(lows), strict=True))
        new = list(dict.fromkeys(missed))
        self._add_types(new, list(map(first_lower.__getitem__, new)))
        ids[miss] = np.fromiter(map(self._types.__getitem__, missed), np.int64, len(missed))

    def _cat_ids(self, cats: list[str]) -> None:
        new = [c for c in dict.fromkeys(cats) if c not in self._cats]
        if not new:
            return
        rows = np.zeros((3, len(new)))
        if self.tagger is not None:
            nf, c = self._t_nf, self._t_coef
            for col, prefix in enumerate(("cat=", "pcat=", "ncat=")):
                rows[col] = hashed_rows([[prefix + x] for x in new], nf) @ c
        for x in new:
            self._cats[x] = len(self._cats)
        self._C = np.hstack([self._C, rows])

    # -- scoring --------------------------------------------------------------------------------
    def score(self, paras: Sequence[FastParagraph], words: bool = True) -> FastResult:
        """Word probabilities of the tagger (one array per paragraph), bias probabilities
        and mean subjectivity of each paragraph.

        Without a tagger, or with ``words=False``, the word list is empty; without a bias
        classifier the bias array is empty.
        """
        if len(self._types) > self.max_types:
            self._clear()
        n_par = len(paras)
        if not n_par:
            return FastResult([], np.zeros(0), np.zeros(0))
        if n_par > self.chunk:  # arrays that stay in the CPU cache are much faster
            parts = [
                self.score(paras[i : i + self.chunk], words) for i in range(0, n_par, self.chunk)
            ]
            return FastResult(
                [w for r in parts for w in r.word_probs],
                np.concatenate([r.bias for r in parts]),
                np.concatenate([r.subjectivity for r in parts]),
            )
        lens = np.fromiter(map(len, (p.words for p in paras)), dtype=np.int64, count=n_par)
        tokens = list(chain.from_iterable(p.words for p in paras))
        ids = np.fromiter(map(self._types.get, tokens, repeat(-1)), np.int64, len(tokens))
        miss = np.flatnonzero(ids < 0)
        if len(miss):
            self._add_missing(paras, tokens, ids, miss)
        # Paragraphs laid end to end, each padded with two BOS (id 0) and two EOS (id 1).
        seg = np.zeros(n_par, dtype=np.int64)  # where each padded paragraph starts
        np.cumsum(lens[:-1] + 4, out=seg[1:])
        size = int(seg[-1] + lens[-1] + 4)
        padded = np.ones(size, dtype=np.int64)
        padded[seg] = padded[seg + 1] = 0
        pos = np.arange(2, len(tokens) + 2) + 4 * np.repeat(np.arange(n_par), lens)
        padded[pos] = ids
        is_tok = padded > 1
        cat, inten, neg, lex_sums = self._lexicon_arrays(paras, seg, padded)
        n_types = len(self._types)
        per_para = sparse.csr_matrix(
            (np.ones(size), padded, np.append(seg, size)), shape=(n_par, n_types)
        )
        sums = per_para @ self._S[:n_types]  # pads add zeros
        maxima = np.column_stack(
            [np.maximum.reduceat(m, seg) for m in np.take(self._M, padded, axis=1)]
        )
        denom = np.maximum(lens, 1).astype(np.float64)
        with np.errstate(invalid="ignore", divide="ignore"):
            subjectivity = np.where(sums[:, _S_HAS] > 0, sums[:, _S_SUBJ] / sums[:, _S_HAS], np.nan)
        hashes = self._H[padded]
        word_probs: list[np.ndarray] = []
        probs = np.zeros(0)
        if self.tagger is not None:
            td, coef = self._t_dense, self._t_coef
            T = self._T
            pw, wn = pair_index(hashes[:-1], hashes[1:], (PAIR_PW, PAIR_WN), len(coef))
            para_of = np.repeat(np.arange(n_par), lens + 4)
            idx_in = np.arange(-2, size - 2) - seg[para_of]  # token index in its paragraph
            # every slot's six per-type terms in one gather, then shifted views of them
            Tp = np.take(T, padded, axis=1)
            s = Tp[_T_OWN]
            s += Tp[_T_CAP] * (idx_in > 0)
            s[1:] += Tp[_T_P1, :-1] + coef[pw]
            s[:-1] += Tp[_T_N1, 1:] + coef[wn]
            s[2:] += Tp[_T_P2, :-2]
            s[:-2] += Tp[_T_N2, 2:]
            Cp = np.take(self._C, cat, axis=1)
            s += Cp[0]
            s[1:] += Cp[1, :-1]
            s[:-1] += Cp[2, 1:]
            sent = (
                td[12] * np.minimum(lex_sums[:, 0], 5) / 5
                + td[13] * maxima[:, _M_VABS]
                + td[14] * sums[:, _S_SUBJ] / denom
                + self._t_b
            )
            s += (td[9] / np.maximum(lens - 1, 1))[para_of] * idx_in + sent[para_of]
            s += td[10] * inten + td[11] * neg
            probs = 1.0 / (1.0 + np.exp(-np.clip(s, -35, 35)))
            probs[~is_tok] = 0.0
            if words:
                word_probs = np.split(probs[is_tok], np.cumsum(lens)[:-1])
        if self.bias is None:
            return FastResult(word_probs, np.zeros(0), subjectivity)
        bias = self._bias(paras, seg, lens, sums, maxima, lex_sums, probs, hashes, padded)
        return FastResult(word_probs, bias, subjectivity)

    def _bias(
        self,
        paras: Sequence[FastParagraph],
        seg: np.ndarray,
        lens: np.ndarray,
        sums: np.ndarray,
        maxima: np.ndarray,
        lex_sums: np.ndarray,
        probs: np.ndarray,
        hashes: np.ndarray,
        padded: np.ndarray,
    ) -> np.ndarray:
        """Bias probabilities from per-paragraph sums (see :meth:`score`)."""
        assert self.bias is not None
        cw, nw = self._b_blocks[0]
        (big,) = pair_index(hashes[:-1], hashes[1:], (PAIR_BIGRAM,), len(cw))
        real = (padded[:-1] > 1) & (padded[1:] > 1)
        blocks = [
            (
                sums[:, _S_WW] + np.add.reduceat(cw[big] * real, seg),
                sums[:, _S_NW] + np.add.reduceat(nw[big] * real, seg),
            )
        ]
        if len(self._b_blocks) > 1:
            blocks.append((sums[:, _S_WC], sums[:, _S_NC]))
        denom = np.maximum(lens, 1).astype(np.float64)
        bd = self._b_dense
        score = sums[:, _S_LIN] / denom + self._b_b
        for dot, nrm in blocks:
            nrm = np.sqrt(nrm)
            nrm[nrm == 0] = 1.0
            score += dot / nrm
        texts = [p.text for p in paras]
        dense = [
            (0, np.log1p(lens)),
            (1, maxima[:, _M_VABS]),
            (4, maxima[:, _M_SUBJ]),
            (7, lex_sums[:, 0]),
            (8, lex_sums[:, 1]),
            (9, lex_sums[:, 2]),
            (10, np.array([quote_marks(t) for t in texts], dtype=np.float64)),
            (11, np.array([t.count("!") for t in texts], dtype=np.float64)),
        ]
        if self.bias.tagger is not None:
            th = self.bias.tagger.threshold
            dense += [
                (12, np.maximum.reduceat(probs, seg)),
                (13, np.add.reduceat((probs >= th).astype(np.float64), seg)),
                (14, np.add.reduceat(probs, seg) / np.sqrt(denom)),
            ]
        for k, v in dense:
            score += bd[k] * v
        return 1.0 / (1.0 + np.exp(-np.clip(score, -35, 35)))

    def _lexicon_arrays(
        self, paras: Sequence[FastParagraph], seg: np.ndarray, padded: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """Per padded slot: category id, intensity, negated; per paragraph: tokens in
        charged (loaded) matches, their intensity, and tokens in epistemic matches."""
        cids = self._cats
        at: list[int] = []
        span: list[int] = []
        cat_of: list[int] = []
        inten_of: list[float] = []
        neg_of: list[bool] = []
        sums = np.zeros((len(paras), 3))
        for k, (base, p) in enumerate(zip((seg + 2).tolist(), paras, strict=True)):
            if not p.matches:
                continue
            n_loaded = n_epi = 0
            total = 0.0
            for m in p.matches:
                ents = m.entries
                c = ents[0].category
                cid = cids.get(c)
                if cid is None:
                    self._cat_ids([c])
                    cid = cids[c]
                x = ents[0].intensity if len(ents) == 1 else max(e.intensity for e in ents)
                n = m.end - m.start
                if c in EPISTEMIC_CATEGORIES:
                    n_epi += n
                else:
                    n_loaded += n
                    total += n * x
                at.append(base + m.start)
                span.append(n)
                cat_of.append(cid)
                inten_of.append(x)
                neg_of.append(m.negated)
            sums[k] = (n_loaded, total, n_epi)
        if self.tagger is None:
            return padded, padded, padded, sums
        size = len(padded)
        # tokens "-" (id 0), BOS slots (id 1), EOS slots (id 2)
        cat = np.where(padded > 1, cids["-"], padded + 1)
        inten = np.zeros(size)
        neg = np.zeros(size)
        if at:
            k = np.array(span, dtype=np.int64)
            idx = np.array(at, dtype=np.int64)
            if k.max() > 1:  # phrases: one slot per token
                idx = np.repeat(idx - np.cumsum(k) + k, k) + np.arange(int(k.sum()))
            cat[idx] = np.repeat(np.array(cat_of, dtype=np.int64), k)
            inten[idx] = np.repeat(np.array(inten_of), k)
            neg[idx] = np.repeat(np.array(neg_of, dtype=np.float64), k)
        return cat, inten, neg, sums
