"""framing: bias and framing analysis of news, paragraph by paragraph.

For every paragraph of every article, framing scores stance toward the targets you
name, attribution balance (who is quoted, with which reporting verb) and loaded terms,
separating the outlet's own voice from the voices it quotes.

Examples
--------
>>> import framing
>>> analysis = framing.analyze("The minister said the talks were “productive.”")
>>> list(analysis.tables)[:4]
['documents', 'paragraphs', 'sentences', 'spans']
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from ._source_tree import register_source_lexicons
from .analysis import Analysis, load, load_table
from .compare import Comparison, compare  # the function shadows the subpackage attribute
from .document import Document
from .errors import FramingError, InputError
from .pipeline import analyze
from .scorers import Scorer

__all__ = [
    "Analysis",
    "Comparison",
    "Document",
    "FramingError",
    "InputError",
    "Scorer",
    "__version__",
    "analyze",
    "compare",
    "example_actors",
    "example_corpus_path",
    "example_targets",
    "load",
    "load_table",
]

__version__ = "0.1.0"


def example_corpus_path() -> Path:
    """Path of the bundled example corpus (JSON Lines; fictional articles by three outlets).

    Examples
    --------
    >>> import framing
    >>> framing.example_corpus_path().name
    'example_corpus.jsonl'
    """
    return Path(str(resources.files("framing").joinpath("data", "example_corpus.jsonl")))


def example_targets() -> Path:
    """Path of the stance targets (YAML) that go with the example corpus."""
    return Path(str(resources.files("framing").joinpath("data", "example_targets.yaml")))


def example_actors() -> Path:
    """Path of the actors / sides map (YAML) that goes with the example corpus."""
    return Path(str(resources.files("framing").joinpath("data", "example_actors.yaml")))


register_source_lexicons()
