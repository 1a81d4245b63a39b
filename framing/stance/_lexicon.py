"""Word resources for stance: polarity of evaluative words, predicate verbs, negators.

Polarity (-1..1) merges three sources, read at run time or written here:

* the VADER lexicon from the installed ``vaderSentiment`` package (MIT), valence / 4;
* textblob's ``en-sentiment.xml`` adjective polarities from the installed ``textblob``
  package (MIT), averaged over senses; when both have a word the two are averaged;
* :data:`NEWS_POLARITY`, a short list written for this project of words that carry
  evaluation in international and political news but are missing from both.

Predicate verbs are matched by their stems: :data:`SUPPORT_STEMS` (the subject acts in
favour of the object: support, praise, back) and :data:`ATTACK_STEMS` (the subject acts
against the object: condemn, accuse, sanction). Both lists are our own.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from functools import lru_cache

from .._package_data import installed_file
from ..lexicon import vader_lexicon

__all__ = [
    "ATTACK_STEMS",
    "NEGATORS",
    "NEWS_POLARITY",
    "SUPPORT_STEMS",
    "TOKEN_RE",
    "fold",
    "polarity_lexicon",
    "predicate_class",
]

# Words, or single punctuation marks (kept: they delimit clauses and quotes).
TOKEN_RE = re.compile(r"\w+(?:['\-.&]\w+)*|[^\w\s]")

_FOLD = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u00a0": " ",
    }
)


_FOLD_PAIRS = tuple((chr(k), v) for k, v in _FOLD.items())


def fold(text: str) -> str:
    """Fold curly quotes and dashes to ASCII, one character for one (offsets kept).

    Examples
    --------
    >>> print(fold("\u201cIt\u2019s\u201d \u2013 ok"))
    "It's" - ok
    """
    if text.isascii():
        return text
    for a, b in _FOLD_PAIRS:  # a few C-speed scans beat a per-character table
        if a in text:
            text = text.replace(a, b)
    return text


NEGATORS = frozenset(
    "not no never n't nor neither without cannot hardly barely none nobody nothing "
    "don't doesn't didn't isn't wasn't aren't weren't won't wouldn't can't couldn't "
    "shouldn't hasn't haven't hadn't".split()
)

# Our own short list: evaluation in political / international news (value -1..1).
NEWS_POLARITY: dict[str, float] = {
    **dict.fromkeys(
        "stability partnership partnerships cooperation cooperative progressive friendship "
        "alliance allies ally prosperity reconciliation breakthrough landmark historic "
        "reform reforms bipartisan integrity transparency accountable".split(),
        0.4,
    ),
    **dict.fromkeys(
        "sanction sanctions sanctioned hegemony unilateralism aggression invasion invaded "
        "authoritarian regime propaganda crackdown repression dictator dictatorship "
        "autocrat autocratic provocation annexation annexed occupation corrupt corruption "
        "scandal indicted impeachment collusion disinformation misinformation atrocities "
        "war-crimes genocide extremist extremists radical coup rogue illegal illegitimate".split(),
        -0.5,
    ),
}

SUPPORT_STEMS: tuple[str, ...] = (
    "support",
    "backed",
    "backing",
    "backs",
    "prais",
    "hail",
    "endors",
    "applaud",
    "commend",
    "welcom",
    "defend",
    "champion",
    "thank",
    "congratulat",
    "laud",
    "celebrat",
    "honor",
    "honour",
    "admir",
    "reward",
    "embrac",
    "rescu",
    "help",
    "vindicat",
    "exonerat",
    "acquit",
)
ATTACK_STEMS: tuple[str, ...] = (
    "condemn",
    "accus",
    "sanction",
    "criticiz",
    "criticis",
    "blam",
    "denounc",
    "attack",
    "slam",
    "blast",
    "punish",
    "rebuk",
    "chastis",
    "lambast",
    "decri",
    "decry",
    "indict",
    "oppos",
    "reject",
    "threaten",
    "mock",
    "ridicul",
    "scold",
    "censur",
    "impeach",
    "arrest",
    "convict",
    "sued",
    "sues",
    "suing",
    "fined",
    "ousted",
    "oust",
    "fired",
    "fire",
    "insult",
    "smear",
    "vilif",
    "demoniz",
    "demonis",
    "discredit",
    "undermin",
    "betray",
    "target",
    "warn",
)
_SUPPORT_RE = re.compile("^(?:" + "|".join(SUPPORT_STEMS) + r")\w*$")
_ATTACK_RE = re.compile("^(?:" + "|".join(ATTACK_STEMS) + r")\w*$")
# Words that begin like a stem but are no predicate.
_NOT_PREDICATE = frozenset(
    "help helpful helpless honorary opposite opposition targets fireworks firearm firearms "
    "fire firefighters warning warnings".split()
)


@lru_cache(maxsize=65536)
def predicate_class(word: str) -> int:
    """+1 for a support verb, -1 for an attack verb, 0 otherwise (``word`` lower case).

    Examples
    --------
    >>> predicate_class("praised"), predicate_class("accuses"), predicate_class("said")
    (1, -1, 0)
    """
    if word in _NOT_PREDICATE:
        return 0
    if _SUPPORT_RE.match(word):
        return 1
    if _ATTACK_RE.match(word):
        return -1
    return 0


@lru_cache(maxsize=1)
def _textblob_polarity() -> dict[str, float]:
    try:
        # Found from textblob's import spec: importing textblob would import nltk.
        raw = installed_file("textblob", "en", "en-sentiment.xml").read_bytes()
    except ImportError:  # pragma: no cover - declared dependency
        return {}
    senses: dict[str, list[float]] = {}
    for el in ET.fromstring(raw).iter("word"):
        form = (el.get("form") or "").lower()
        pol = el.get("polarity")
        if form and pol is not None and " " not in form:
            senses.setdefault(form, []).append(float(pol))
    return {w: sum(v) / len(v) for w, v in senses.items()}


@lru_cache(maxsize=1)
def polarity_lexicon() -> dict[str, float]:
    """Lower-case word -> polarity in -1..1 (VADER, textblob, our news words).

    Examples
    --------
    >>> lex = polarity_lexicon()
    >>> lex["praise"] > 0 > lex["brutal"]
    True
    """
    out: dict[str, float] = {}
    vader = vader_lexicon()
    blob = _textblob_polarity()
    for w, v in vader.items():
        if w.isalpha() or "-" in w or "'" in w:
            out[w] = max(-1.0, min(1.0, v / 4.0))
    for w, v in blob.items():
        if w in out:
            out[w] = (out[w] + v) / 2.0
        elif abs(v) >= 0.2:  # weak textblob-only polarities are mostly noise in news
            out[w] = v
    out.update(NEWS_POLARITY)
    return out
