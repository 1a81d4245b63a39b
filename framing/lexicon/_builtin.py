"""The project's built-in lexicons, read from the ``framing.lexicons`` package data."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from functools import lru_cache
from importlib import resources

from ._load import load_lexicon
from ._model import Lexicon, MergeMode, merge_lexicons
from ._tsv import read_tsv

__all__ = ["BUILTIN_FILES", "EPISTEMIC_CATEGORIES", "builtin_lexicons", "resolve_lexicons"]

#: Built-in lexicon files (in ``lexicons/``, shipped as ``framing.lexicons``).
BUILTIN_FILES = ("loaded.tsv", "epistemic.tsv")
#: Categories that frame a claim rather than charge wording; not part of ``loaded_count``.
EPISTEMIC_CATEGORIES = frozenset({"hedge", "factive", "certainty"})

LexiconSource = str | os.PathLike[str] | Lexicon


@lru_cache(maxsize=1)
def _builtin() -> tuple[Lexicon, ...]:
    root = resources.files("framing.lexicons")
    out = []
    for name in BUILTIN_FILES:
        with resources.as_file(root.joinpath(name)) as path:
            out.append(read_tsv(path))
    return tuple(out)


def builtin_lexicons() -> list[Lexicon]:
    """The project's own lexicons (``framing-loaded`` and ``framing-epistemic``).

    Examples
    --------
    >>> [lex.name for lex in builtin_lexicons()]
    ['framing-loaded', 'framing-epistemic']
    """
    return list(_builtin())


def resolve_lexicons(
    extra: LexiconSource | Iterable[LexiconSource] | None = None,
    mode: MergeMode = "over",
) -> list[Lexicon]:
    """Built-in lexicons combined with user lexicons (files or :class:`Lexicon` objects).

    Parameters
    ----------
    extra : path, Lexicon, or iterable of them, optional
    mode : {"over", "replace", "add"}
        See :func:`merge_lexicons`.

    Examples
    --------
    >>> from framing.lexicon import Entry, Lexicon
    >>> mine = Lexicon([Entry("regime", "government", 0.0)], {"name": "mine"})
    >>> lexes = resolve_lexicons(mine)
    >>> [e.category for lex in lexes for e in lex if e.term == "regime"]
    ['government']
    """
    base = builtin_lexicons()
    if extra is None:
        return base
    if isinstance(extra, (str, os.PathLike, Lexicon)):
        extra = [extra]
    user: Sequence[Lexicon] = [load_lexicon(x) for x in extra]
    return merge_lexicons(base, user, mode)
