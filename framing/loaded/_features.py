"""Features for the loaded-term tagger and the bias classifier.

Only hashed strings (feature hashing as scikit-learn's ``FeatureHasher``) and numbers
are used, so a fitted model holds no vocabulary: it can ship without any text of its
training data. Nothing here imports scikit-learn: the one word list the features use,
its English stop words, is read from its source file (:func:`english_stop_words`).
"""

from __future__ import annotations

import ast
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from .._hashing import string_hash
from .._package_data import installed_file
from ..lexicon import EPISTEMIC_CATEGORIES, Matcher, builtin_lexicons, subjectivity_lexicon
from ..lexicon import vader_lexicon as _vader
from ..segment import TOKEN_PATTERN, normalize

__all__ = [
    "BOS",
    "DENSE_TOKEN_FEATURES",
    "EOS",
    "PAIR_BIGRAM",
    "PAIR_PW",
    "PAIR_WN",
    "SENTENCE_FEATURES",
    "TextTokens",
    "analyse_text",
    "builtin_matcher",
    "char_ngrams",
    "english_stop_words",
    "pair_index",
    "quote_marks",
    "sentence_features",
    "text_bigrams",
    "text_char_strings",
    "text_word_strings",
    "token_features",
    "token_pair_indices",
    "word_dense",
    "word_hash",
    "word_strings",
]

DENSE_TOKEN_FEATURES = (
    "vader_abs",
    "vader",
    "subjectivity",
    "polarity_abs",
    "stopword",
    "all_caps",
    "length",
    "digit",
    "capitalised",
    "position",
    "lexicon_intensity",
    "negated",
    "sent_loaded",
    "sent_vader_max",
    "sent_subjectivity",
)
#: Padding words before the first and after the last token.
BOS, EOS = "<s>", "</s>"
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


def builtin_matcher() -> Matcher:
    """The matcher over the built-in lexicons that the models' features use."""
    return _resources()[2]


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


@lru_cache(maxsize=1)
def english_stop_words() -> frozenset[str]:
    """scikit-learn's ``ENGLISH_STOP_WORDS`` (the ``stopword`` feature), without importing it.

    The shipped models were trained with exactly that set, and the project does not copy
    word lists, so the set is read from the installed scikit-learn's source file
    (``sklearn/feature_extraction/_stop_words.py``) as a literal, with :mod:`ast`: the file
    is parsed, never run. When the file is missing or no longer holds one literal list or
    set of strings, the name is imported from scikit-learn instead. Cached.

    Examples
    --------
    >>> "the" in english_stop_words(), "sham" in english_stop_words()
    (True, False)
    """
    words = _stop_words_from_source()
    if words is None:
        from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

        return frozenset(ENGLISH_STOP_WORDS)
    return words


def _stop_words_from_source() -> frozenset[str] | None:
    """The literal assigned to ``ENGLISH_STOP_WORDS`` in scikit-learn's stop-word module
    (a list or set, possibly wrapped in ``frozenset(...)``); None when not found."""
    try:
        path = installed_file("sklearn", "feature_extraction", "_stop_words.py")
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    except (ImportError, OSError, SyntaxError, UnicodeDecodeError, ValueError):
        return None
    return _assigned_literal(tree, "ENGLISH_STOP_WORDS")


def _assigned_literal(tree: ast.Module, name: str) -> frozenset[str] | None:
    for node in tree.body:
        if not (
            isinstance(node, ast.Assign)
            and len(node.targets) == 1
            and isinstance(node.targets[0], ast.Name)
            and node.targets[0].id == name
        ):
            continue
        value = node.value
        if (
            isinstance(value, ast.Call)
            and isinstance(value.func, ast.Name)
            and value.func.id in ("frozenset", "set")
            and len(value.args) == 1
            and not value.keywords
        ):
            value = value.args[0]
        if not isinstance(value, (ast.List, ast.Set, ast.Tuple)):
            return None
        try:
            words = ast.literal_eval(value)
        except ValueError:
            return None
        if not words or not all(isinstance(w, str) for w in words):
            return None
        return frozenset(words)
    return None


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


def char_ngrams(lw: str, lo: int, hi: int) -> list[str]:
    """Character ``lo``- to ``hi``-grams of ``" " + lw + " "`` (as scikit-learn's ``char_wb``)."""
    s = " " + lw + " "
    n = len(s)
    return [s[i : i + k] for k in range(lo, hi + 1) for i in range(n - k + 1)]


def word_strings(word: str, lw: str) -> list[str]:
    """Hashed tagger features of a word type alone (no context): word, affixes, shape and
    ``"c=" +`` its character 3- to 5-grams (:func:`char_ngrams`)."""
    out = ["w=" + lw, "s3=" + lw[-3:], "s4=" + lw[-4:], "b4=" + lw[:4], "shape=" + _shape(word)]
    return out + ["c=" + g for g in char_ngrams(lw, 3, 5)]


def word_dense(word: str, lw: str) -> list[float]:
    """Dense tagger features of a word type alone (the first 8 of ``DENSE_TOKEN_FEATURES``)."""
    vader, subj, _ = _resources()
    v = vader.get(lw, 0.0)
    pol, sub = subj.get(lw, (0.0, 0.0))
    return [
        abs(v) / 4,
        v / 4,
        sub,
        abs(pol),
        float(lw in english_stop_words()),
        float(word.isupper() and len(word) > 1),
        min(len(lw), 15) / 15,
        float(not lw.isalpha() and any(ch.isdigit() for ch in lw)),
    ]


def token_features(t: TextTokens) -> tuple[list[list[str]], list[list[float]]]:
    """Hashed-string and dense features of every token of a text, in context.

    A token's features are its word's own (:func:`word_strings`, :func:`word_dense`),
    its neighbours' words (``p=``, ``n=``, ``p2=``, ``n2=``), the lexicon categories of
    itself and its neighbours, and position, capitalisation, lexicon intensity, negation
    and sentence context. The word pairs it forms with its neighbours are hashed
    numerically (:func:`token_pair_indices`).
    """
    lw = t.lower
    n = len(lw)
    sent = _sentence_context(t)
    cats = [c or "-" for c in t.category]
    pad_w = [BOS, BOS, *lw, EOS, EOS]
    pad_c = [BOS, *cats, EOS]
    strings: list[list[str]] = []
    dense: list[list[float]] = []
    for i, w in enumerate(lw):
        p2, p1, n1, n2 = pad_w[i], pad_w[i + 1], pad_w[i + 3], pad_w[i + 4]
        word = t.words[i]
        strings.append(
            [
                *word_strings(word, w),
                "p=" + p1,
                "n=" + n1,
                "p2=" + p2,
                "n2=" + n2,
                "cat=" + cats[i],
                "pcat=" + pad_c[i],
                "ncat=" + pad_c[i + 2],
            ]
        )
        dense.append(
            [
                *word_dense(word, w),
                float(word[:1].isupper() and i > 0),
                i / max(n - 1, 1),
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


def word_hash(lw: str) -> int:
    """Non-negative 32-bit hash of a word (:func:`framing._hashing.string_hash`)."""
    return string_hash(lw)


def pair_index(
    a: np.ndarray, b: np.ndarray, salts: tuple[int, ...], n_features: int
) -> list[np.ndarray]:
    """Hashed feature indices of word pairs, from the two words' :func:`word_hash` values.

    Computed with NumPy on whole arrays, so that word-pair features cost no string
    building or hashing per pair. Each salt (a kind of pair) gives one index array.

    Examples
    --------
    >>> h = np.array([word_hash("sham"), word_hash("vote")], dtype=np.uint64)
    >>> int(pair_index(h[:1], h[1:], (PAIR_BIGRAM,), 2**18)[0][0]) < 2**18
    True
    """
    x = np.asarray(a, dtype=np.uint64) * _MIX1
    b = np.asarray(b, dtype=np.uint64)
    n = np.uint64(n_features)
    out = []
    for salt in salts:
        y = x ^ ((b + np.uint64(salt)) * _MIX2)
        y ^= y >> np.uint64(29)
        y = y & (n - np.uint64(1)) if n_features & (n_features - 1) == 0 else y % n
        out.append(y.astype(np.int64))
    return out


_MIX1 = np.uint64(0x9E3779B97F4A7C15)
_MIX2 = np.uint64(0xC2B2AE3D27D4EB4F)
#: ``pair_index`` salts: tagger (previous, word) and (word, next) pairs; classifier bigrams.
PAIR_PW, PAIR_WN, PAIR_BIGRAM = 1, 2, 3


def token_pair_indices(t: TextTokens, n_features: int) -> tuple[np.ndarray, np.ndarray]:
    """Per token, the hashed indices of its (previous, word) and (word, next) pairs."""
    h = np.array([word_hash(w) for w in [BOS, *t.lower, EOS]], dtype=np.uint64)
    (pw,) = pair_index(h[:-2], h[1:-1], (PAIR_PW,), n_features)
    (wn,) = pair_index(h[1:-1], h[2:], (PAIR_WN,), n_features)
    return pw, wn


def text_word_strings(t: TextTokens) -> list[str]:
    """Hashed word features of a text for the bias classifier (its bigrams: ``text_bigrams``)."""
    return ["u=" + w for w in t.lower]


def text_bigrams(t: TextTokens, n_features: int) -> np.ndarray:
    """Hashed indices of a text's word bigrams for the bias classifier."""
    h = np.array([word_hash(w) for w in t.lower], dtype=np.uint64)
    return pair_index(h[:-1], h[1:], (PAIR_BIGRAM,), n_features)[0]


def text_char_strings(t: TextTokens) -> list[str]:
    """Hashed character features of a text for the bias classifier: 2-5-grams of each word."""
    return [g for w in t.lower for g in char_ngrams(w, 2, 5)]


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
            quote_marks(text),
            text.count("!"),
        ]
    return out


def quote_marks(text: str) -> int:
    """Double quotation marks in ``text`` (straight and curly)."""
    return text.count('"') + text.count("\u201c") + text.count("\u201d")
