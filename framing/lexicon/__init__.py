"""Lexicons: the Lexicon model, file formats and the matcher.

Examples
--------
>>> from framing.lexicon import Entry, Lexicon, Matcher
>>> lex = Lexicon([Entry("so-called", "delegitimising", 0.7, -0.5)], {"name": "demo"})
>>> [m.categories for m in Matcher(lex).match(["the", "so-called", "experts"])]
[('delegitimising',)]
"""

from ._builtin import BUILTIN_FILES, EPISTEMIC_CATEGORIES, builtin_lexicons, resolve_lexicons
from ._liwc import read_dic, read_dicx
from ._load import FORMATS, load_lexicon
from ._matcher import NEGATORS, Match, Matcher
from ._model import Entry, Lexicon, LexiconError, MergeMode, Provenance, merge_lexicons, term_words
from ._mpqa import read_tff
from ._subjectivity import SUBJECTIVITY_PROVENANCE, subjectivity_lexicon
from ._tsv import read_tsv
from ._vader import VADER_PROVENANCE, vader_lexicon
from ._wordlist import read_wordlist
from ._yaml import read_yaml

__all__ = [
    "BUILTIN_FILES",
    "EPISTEMIC_CATEGORIES",
    "FORMATS",
    "NEGATORS",
    "SUBJECTIVITY_PROVENANCE",
    "VADER_PROVENANCE",
    "Entry",
    "Lexicon",
    "LexiconError",
    "Match",
    "Matcher",
    "MergeMode",
    "Provenance",
    "builtin_lexicons",
    "load_lexicon",
    "merge_lexicons",
    "read_dic",
    "read_dicx",
    "read_tff",
    "read_tsv",
    "read_wordlist",
    "read_yaml",
    "resolve_lexicons",
    "subjectivity_lexicon",
    "term_words",
    "vader_lexicon",
]
