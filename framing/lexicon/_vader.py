"""Read the VADER lexicon that the ``vaderSentiment`` package installs (MIT licence).

The file is read at run time from the installed package; nothing of it is copied
into this project.
"""

from __future__ import annotations

from functools import lru_cache

from .._package_data import installed_file

__all__ = ["VADER_PROVENANCE", "vader_lexicon"]

VADER_PROVENANCE = {
    "name": "VADER lexicon",
    "version": "vaderSentiment package file vader_lexicon.txt",
    "licence": "MIT",
    "source": "Hutto & Gilbert (2014), installed with the vaderSentiment package",
}


@lru_cache(maxsize=1)
def vader_lexicon() -> dict[str, float]:
    """Token -> mean valence (-4..4) from the installed ``vaderSentiment`` lexicon.

    Returns
    -------
    dict of str to float
        7,500 lower-case tokens (words, slang, emoticons).

    Raises
    ------
    ImportError
        When ``vaderSentiment`` is not installed.

    Examples
    --------
    >>> lex = vader_lexicon()
    >>> lex["good"] > 0 > lex["bad"]
    True
    """
    try:
        raw = installed_file("vaderSentiment", "vader_lexicon.txt").read_bytes()
    except ImportError as exc:  # pragma: no cover - a declared dependency
        raise ImportError(f"the VADER lexicon needs the vaderSentiment package: {exc}") from exc
    out: dict[str, float] = {}
    for line in raw.decode("utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and parts[0]:
            try:
                out[parts[0]] = float(parts[1])
            except ValueError:
                continue
    return out
