"""Subjectivity and polarity of English adjectives from textblob's installed ``en-sentiment.xml``.

The file (Pattern's lexicon, public domain / PDDL) is read at run time from the
installed ``textblob`` package; nothing of it is copied into this project.
"""

from __future__ import annotations

from functools import lru_cache

from .._package_data import installed_file

try:  # defusedxml refuses entity tricks; the stdlib parser is the fallback
    from defusedxml.ElementTree import fromstring as _fromstring
except ImportError:  # pragma: no cover
    from xml.etree.ElementTree import fromstring as _fromstring

__all__ = ["SUBJECTIVITY_PROVENANCE", "subjectivity_lexicon"]

SUBJECTIVITY_PROVENANCE = {
    "name": "Pattern en-sentiment",
    "version": "textblob package file en/en-sentiment.xml",
    "licence": "PDDL (public domain)",
    "source": "De Smedt & Daelemans (2012), installed with the textblob package",
}


@lru_cache(maxsize=1)
def subjectivity_lexicon() -> dict[str, tuple[float, float]]:
    """Word -> (polarity -1..1, subjectivity 0..1), averaged over the word's senses.

    Examples
    --------
    >>> lex = subjectivity_lexicon()
    >>> lex["outrageous"][1] > 0.5 > lex["public"][1]
    True
    """
    try:
        raw = installed_file("textblob", "en", "en-sentiment.xml").read_bytes()
    except ImportError as exc:  # pragma: no cover - a declared dependency
        raise ImportError(f"the subjectivity lexicon needs the textblob package: {exc}") from exc
    sums: dict[str, list[float]] = {}
    for node in _fromstring(raw).iter("word"):
        form = (node.get("form") or "").lower()
        if not form:
            continue
        try:
            pol = float(node.get("polarity", "0"))
            subj = float(node.get("subjectivity", "0"))
        except ValueError:
            continue
        acc = sums.setdefault(form, [0.0, 0.0, 0.0])
        acc[0] += pol
        acc[1] += subj
        acc[2] += 1
    return {w: (p / n, s / n) for w, (p, s, n) in sums.items()}
