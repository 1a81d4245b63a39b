"""Features for the loaded-term tagger and the bias classifier.

Only hashed strings (``FeatureHasher`` / ``HashingVectorizer``) and numbers are used,
so a fitted model holds no vocabulary: it can ship without any text of its
training data.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from ..lexicon import EPISTEMIC_CATEGORIES, Matcher, builtin_lexicons, subjectivity_lexicon
from ..lexicon import vader_lexicon as _vader
from ..segment import TOKEN_PATTERN, normalize

__all__ = [
    "DENSE_TOKEN_FEATURES",
    "SENTENCE_FEATURES",
    "TextTokens",
    "analyse_text",
    "sentence_features",
    "token_features",
]

DENSE_TOKEN_FEATURES = (
    "vader_abs",
    "vader",
    "subjectivity",
    "polarity_abs",
    "stopword",
    "capitalised",
    "all_caps",
    "position",
    "length",
    "digit",
    "lexicon_intensity",
    "negated",
    "sent_loaded",
    "sent_vader_max",
    "sent_subjectivity",
)
SENTENCE_FEATURES = (
    "n_tokens_log",
    "vader_abs_max",
    "vader_abs_mean",
    "vader_neg_share",
    "subjectivity_max",
    "subjectivity_mean",
    "subjective_share",
    "loaded_count",
    "loaded_intensity",
    "epistemic_count",
    "quote_marks",
    "exclamations",
)


@lru_cache(maxsize=1)
def _resources() -> tuple[dict[str, float], dict[str, tuple[float, float]], Matcher]:
    return _vader(), subjectivity_lexicon(), Matcher(builtin_lexicons())


@dataclass(slots=True)
class TextTokens:
    """A text's word tokens with lexicon information, computed once per text."""

    spans: list[tuple[int, int]]  # offsets into the original text
    words: list[str]
    lower: list[str]
    category: list[str | None]
    intensity: list[float]
    negated: list[bool]


@lru_cache(maxsize=8192)
def analyse_text(text: str) -> TextTokens:
    """Tokenise ``text`` (on its normalised view) and look tokens up in the built-in lexicons.

    Results are cached (the same texts are featurised for the tagger and the classifier);
    treat them as read-only.

    Examples
    --------
    >>> t = analyse_text("The so-called reform")
    >>> t.lower, t.category
    (['the', 'so-called', 'reform'], [None, 'delegitimising', None])
    """
    _, _, matcher = _resources()
    view = normalize(text)
    found = list(TOKEN_PATTERN.finditer(view.text))
    words = [m.group() for m in found]
    vspans = [m.span() for m in found]
    spans = vspans if view.index is None else [view.span(a, b) for a, b in vspans]
    lower = [w.lower() for w in words]
    n = len(words)
    cat: list[str | None] = [None] * n
    inten = [0.0] * n
    neg = [False] * n
    for m in matcher.match(words, vspans, view.text, lower):
        c = m.categories[0]
        for i in range(m.start, m.end):
            cat[i], inten[i], neg[i] = c, m.intensity, m.negated
    return TextTokens(spans, words, lower, cat, inten, neg)


def _shape(w: str) -> str:
    if len(w) > 1 and w.isupper():
        return "UP"
    if w[:1].isupper():
        return "Cap"
    if w.isalpha():
        return "low"
    if any(ch.isdigit() for ch in w):
        return "dig"
    if "-" in w:
        return "hyph"
    return "low"


def token_features(t: TextTokens) -> tuple[list[list[str]], list[list[float]]]:
    """Hashed-string and dense features of every token of a text, in context."""
    vader, subj, _ = _resources()
    lw = t.lower
    n = len(lw)
    sent = _sentence_context(t)
    cats = [c or "-" for c in t.category]
    pad_w = ["<s>", "<s>", *lw, "</s>", "</s>"]
    pad_c = ["<s>", *cats, "</s>"]
    strings: list[list[str]] = []
    dense: list[list[float]] = []
    for i, w in enumerate(lw):
        p2, p1, n1, n2 = pad_w[i], pad_w[i + 1], pad_w[i + 3], pad_w[i + 4]
        word = t.words[i]
        strings.append(
            [
                "w=" + w,
                "p=" + p1,
                "n=" + n1,
                "p2=" + p2,
                "n2=" + n2,
                "pw=" + p1 + "|" + w,
                "wn=" + w + "|" + n1,
                "s3=" + w[-3:],
                "s4=" + w[-4:],
                "b4=" + w[:4],
                "shape=" + _shape(word),
                "cat=" + cats[i],
                "pcat=" + pad_c[i],
                "ncat=" + pad_c[i + 2],
            ]
        )
        v = vader.get(w, 0.0)
        pol, sub = subj.get(w, (0.0, 0.0))
        dense.append(
            [
                abs(v) / 4,
                v / 4,
                sub,
                abs(pol),
                float(w in ENGLISH_STOP_WORDS),
                float(word[:1].isupper() and i > 0),
                float(word.isupper() and len(word) > 1),
                i / max(n - 1, 1),
                min(len(w), 15) / 15,
                float(not w.isalpha() and any(ch.isdigit() for ch in w)),
                t.intensity[i],
                float(t.negated[i]),
                *sent,
            ]
        )
    return strings, dense


def _sentence_context(t: TextTokens) -> tuple[float, float, float]:
    vader, subj, _ = _resources()
    n = max(len(t.lower), 1)
    loaded = sum(1 for c in t.category if c is not None and c not in EPISTEMIC_CATEGORIES)
    vmax = max((abs(vader.get(w, 0.0)) for w in t.lower), default=0.0) / 4
    smean = sum(subj.get(w, (0.0, 0.0))[1] for w in t.lower) / n
    return min(loaded, 5) / 5, vmax, smean


def sentence_features(texts: Sequence[str]) -> np.ndarray:
    """Dense per-text features (see ``SENTENCE_FEATURES``), one row per text."""
    vader, subj, _ = _resources()
    out = np.zeros((len(texts), len(SENTENCE_FEATURES)))
    for r, text in enumerate(texts):
        t = analyse_text(text)
        n = max(len(t.lower), 1)
        va = [abs(vader.get(w, 0.0)) / 4 for w in t.lower]
        neg = sum(1 for w in t.lower if vader.get(w, 0.0) < 0)
        sv = [subj.get(w, (0.0, 0.0))[1] for w in t.lower]
        charged = [x for c, x in zip(t.category, t.intensity, strict=True) if c is not None]
        loaded = [
            x
            for c, x in zip(t.category, t.intensity, strict=True)
            if c is not None and c not in EPISTEMIC_CATEGORIES
        ]
        out[r] = [
            np.log1p(len(t.lower)),
            max(va, default=0.0),
            sum(va) / n,
            neg / n,
            max(sv, default=0.0),
            sum(sv) / n,
            sum(1 for s in sv if s >= 0.5) / n,
            len(loaded),
            sum(loaded),
            len(charged) - len(loaded),
            text.count('"') + text.count("\u201c") + text.count("\u201d"),
            text.count("!"),
        ]
    return out
