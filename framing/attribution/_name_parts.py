"""Which capitalised words of a phrase can name a speaker.

Two constructions put capitalised words beside a name that are not part of it:

* a common-noun head with a modifier: in "a lawyer for Donald Trump", "the head of the
  Federal Reserve" or "the Rumble bar in San Antonio" the speaker is the lawyer, the head,
  the bar, not the name after the preposition (:func:`head_caps`);
* a title with a department: in "Secretary of State John Kerry" or "Minister of Foreign
  Affairs Sergei Lavrov" the words between "of" and the name belong to the title
  (:func:`name_after_title_of`).
"""

from __future__ import annotations

import re

from ._speaker_types import _DETS

__all__ = ["capitalised", "head_caps", "name_after_title_of"]

#: Prepositions that open a modifier of a source's head noun.
_MODIFIER_PREPS = frozenset("of for at in with from to on near inside outside among".split())


def head_caps(ws: tuple[str, ...], low: tuple[str, ...], titles: frozenset[str]) -> tuple[str, ...]:
    """The capitalised words (no determiner) of a source phrase that can name its speaker.

    ``ws`` are the phrase's words and ``low`` the same in lower case without edge dots and
    commas. When the word before the phrase's first preposition is a lower-case noun that
    is no title ("lawyer", "bar", "head"), the words after the preposition modify it and
    only the capitalised words before it count. A capitalised head ("Jane Doe of the
    ministry", "Secretary of State John Kerry") or a title ("the president of Mexico",
    "the former president of the United States Barack Obama") keeps every one.

    Examples
    --------
    >>> ws = tuple("A lawyer for Donald Trump".split())
    >>> head_caps(ws, tuple(w.lower() for w in ws), frozenset({"president"}))
    ()
    >>> ws = tuple("The Rumble bar in San Antonio".split())
    >>> head_caps(ws, tuple(w.lower() for w in ws), frozenset())
    ('Rumble',)
    """
    end = len(ws)
    for i in range(1, end) if not _MODIFIER_PREPS.isdisjoint(low) else ():
        if low[i] in _MODIFIER_PREPS:
            head = ws[i - 1]
            if head.isalpha() and head.islower() and head not in _DETS and head not in titles:
                end = i
            break
    return capitalised(ws[:end])


def capitalised(ws: tuple[str, ...]) -> tuple[str, ...]:
    """The capitalised words of ``ws`` that are no determiner ("The", "His")."""
    return tuple(w for w in ws if w[:1].isupper() and w.lower() not in _DETS)


def name_after_title_of(
    text: str, pos: int, phrase: str, titles: frozenset[str]
) -> tuple[int, str]:
    """A run of capitalised words at ``pos`` cut to its final name after "<Title> of".

    "Secretary of State John Kerry": the run "State John Kerry" follows "Secretary of", so
    "State" belongs to the title and the name is the run's last two words (three with a
    middle initial: "Jeh C. Johnson"). Other runs come back unchanged, as ``(pos, phrase)``.

    Examples
    --------
    >>> t = "Secretary of Homeland Security Jeh Johnson spoke."
    >>> name_after_title_of(t, 13, "Homeland Security Jeh Johnson", frozenset({"secretary"}))
    (31, 'Jeh Johnson')
    >>> name_after_title_of("A plan of Jane Doe.", 10, "Jane Doe", frozenset({"secretary"}))
    (10, 'Jane Doe')
    """
    words = phrase.split()
    if len(words) < 3:
        return pos, phrase
    # (the word before "of" or "of the")
    before = text[pos - 40 if pos > 40 else 0 : pos].split()[-3:]
    if before[-1:] == ["the"]:
        before.pop()
    if len(before) < 2 or before[-1] != "of" or before[-2].lower() not in titles:
        return pos, phrase
    if any(w.lower().rstrip(".") in titles for w in words):
        return pos, phrase  # (a title inside the run: _name_record cuts after it)
    spans = [m.span() for m in re.finditer(r"\S+", phrase)]
    keep = 3 if len(words) >= 4 and len(words[-2].rstrip(".")) == 1 else 2
    first = spans[-keep][0]
    return pos + first, phrase[first:]
