"""The runs of capitalised words of a text, found on a byte copy of its character classes.

:data:`~framing.attribution._name_records._NAME` starts with ``[A-Z]``: the regex engine
tests every character of the text against that class, one function call each, and this
scan over whole documents was the resolver's largest cost. :func:`name_runs` finds the same
matches with the same pattern written over *classes*: each character of the text becomes
one byte standing for what ``_NAME`` can tell about it (:data:`_CLASS_OF`), capitals all
``A``. The pattern then starts with a literal, which the engine finds with a plain byte
compare, and its repeats over lower-case letters become repeats of one literal (``a*+``).

The byte copy keeps every offset (one byte per character) and, for every class ``_NAME``
uses, whether a character is in it:

======================  =========  ==========================================
character               byte       classes of ``_NAME`` it is in
======================  =========  ==========================================
``A``-``Z``             ``A``      ``[A-Z]``, ``\\w``
``a``-``z``             ``a``      ``[a-z]``, ``\\w``
other word characters   ``_``      ``\\w`` (digits, ``_``, ``é``, ``ñ`` ...)
``'`` and ``’``         ``'``      the apostrophes (always together in ``_NAME``)
``-``, ``.``            same       the hyphen, the period
space, tab              space      ``[ \\t]``
anything else           ``?``      none
======================  =========  ==========================================

so both patterns match at the same offsets (``tests/test_attribution_name_scan.py`` checks
them against each other).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

__all__ = ["name_runs"]


def _class_table() -> bytes:
    """The byte of each ASCII character (a ``bytes.translate`` table)."""
    table = bytearray(b"?" * 256)
    for i in range(128):
        c = chr(i)
        if "A" <= c <= "Z":
            table[i] = ord("A")
        elif "a" <= c <= "z":
            table[i] = ord("a")
        elif c.isalnum() or c == "_":
            table[i] = ord("_")
        elif c in "'-.":
            table[i] = i
        elif c in " \t":
            table[i] = ord(" ")
    return bytes(table)


_CLASS_OF = _class_table()

# ``_NAME`` over the class bytes: ``[A-Z]`` -> ``A``, ``[a-z]`` -> ``a``, ``[ \t]`` ->
# `` ``, ``\w`` -> ``[Aa_]``, ``[\w'’\-]`` -> ``[Aa_'\-]`` (see the module docstring).
_WORDISH = r"[Aa_'\-]"
_NAME_BYTES = re.compile(
    (
        r"A(?<![Aa_']A)a*+" + _WORDISH + r"*+\.? ++(?=A)(?:A\. ++)?"
        r"(?=A)(?:Aa*+" + _WORDISH + r"*+\.? ++(?:A\. ++)?)*"
        r"A" + _WORDISH + r"*[Aa_]"
    ).encode()
)
_QMARK = ord("?")
_APOSTROPHE = ord("'")
_WORD = ord("_")


def _classes(text: str) -> bytes | bytearray:
    """``text`` as one class byte per character (see the module docstring)."""
    if text.isascii():
        return text.encode().translate(_CLASS_OF)
    # (a character outside ASCII becomes ``?``: those that are word characters or the
    # typographic apostrophe are set right, in the few places where they occur)
    raw = bytearray(text.encode("ascii", "replace"))
    find = raw.find
    i = find(_QMARK)
    while i >= 0:
        c = text[i]
        if c != "?":
            if c == "\u2019":
                raw[i] = _APOSTROPHE
            elif c.isalnum():  # (what ``\w`` matches outside ASCII)
                raw[i] = _WORD
        i = find(_QMARK, i + 1)
    return raw.translate(_CLASS_OF)


def name_runs(text: str) -> Iterator[re.Match[bytes]]:
    """The matches of ``_NAME`` in ``text``, as matches over its class bytes.

    Only their offsets (``span()``) are meaningful: the words are ``text[start:end]``.

    Examples
    --------
    >>> t = "Later Jane Doe and Dr. J. Smith met."
    >>> [t[slice(*m.span())] for m in name_runs(t)]
    ['Later Jane Doe', 'Dr. J. Smith']
    """
    return _NAME_BYTES.finditer(_classes(text))
