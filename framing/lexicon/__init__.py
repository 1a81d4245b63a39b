"""Lexicons: the Lexicon model, file formats and the matcher.

Examples
--------
>>> from framing.lexicon import Entry, Lexicon, Matcher
>>> lex = Lexicon([Entry("so-called", "delegitimising", 0.7, -0.5)], {"name": "demo"})
>>> [m.categories for m in Matcher(lex).match(["the", "so-called", "experts"])]
[('delegitimising',)]
"""

from ._liwc import read_dic, read_dicx
from ._load import FORMATS, load_lexicon
from ._matcher import NEGATORS, Match, Matcher
from ._model import Entry, Lexicon, LexiconError, MergeMode, Provenance, merge_lexicons, term_words
from ._mpqa import read_tff
from ._tsv import read_tsv
from ._vader import VADER_PROVENANCE, vader_lexicon
from ._wordlist import read_wordlist
from ._yaml import read_yaml

__all__ = [
    "FORMATS",
    "NEGATORS",
    "VADER_PROVENANCE",
    "Entry",
    "Lexicon",
    "LexiconError",
    "Match",
    "Matcher",
    "MergeMode",
    "Provenance",
    "load_lexicon",
    "merge_lexicons",
    "read_dic",
    "read_dicx",
    "read_tff",
    "read_tsv",
    "read_wordlist",
    "read_yaml",
    "term_words",
    "vader_lexicon",
]
