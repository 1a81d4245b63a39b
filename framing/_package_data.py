"""Data files of installed dependencies, read without importing them.

Some lexicons and word lists the scorers use ship inside other packages (VADER's
lexicon, textblob's adjective polarities, scikit-learn's English stop words). Reading
them through ``importlib.resources.files(package)`` would import the package, and with
it everything its ``__init__`` imports (textblob pulls in nltk, scikit-learn pulls in
scipy.stats: together seconds of start-up). :func:`installed_file` finds the package
folder from its import spec, which runs no code of the package.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

__all__ = ["installed_file"]


def installed_file(package: str, *parts: str) -> Path:
    """Path of the file ``parts`` inside the installed top-level ``package``.

    Raises
    ------
    ImportError
        When the package is not installed (``what`` names it) or has no such file.

    Examples
    --------
    >>> installed_file("vaderSentiment", "vader_lexicon.txt").name
    'vader_lexicon.txt'
    """
    spec = importlib.util.find_spec(package)
    folders = list(spec.submodule_search_locations or []) if spec is not None else []
    if not folders:
        raise ImportError(f"the package {package!r} is not installed")
    for folder in folders:
        path = Path(folder).joinpath(*parts)
        if path.is_file():
            return path
    raise ImportError(f"the installed package {package!r} has no file {'/'.join(parts)}")
