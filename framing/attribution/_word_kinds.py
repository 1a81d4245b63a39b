"""What a text tells about one of its capitalised words: a surname, or a common word.

A source that is one capitalised word ("Danneels said", "Swedes said", "Authorities
said") may be a surname or a common word that opens a sentence. The text itself tells
them apart: a surname follows a first name or a title somewhere ("Cardinal Danneels"),
and a common word also appears in lower case ("the authorities"). Both tests search with
``str.find`` and ``in`` (a pattern compiled for each word costs more than the search).
"""

from __future__ import annotations

__all__ = ["follows_a_capital", "written_in_lower_case"]


def follows_a_capital(text: str, word: str) -> bool:
    """Whether ``text`` writes ``word`` right after a capitalised word, as a surname after
    a first name or a title.

    Examples
    --------
    >>> follows_a_capital("Cardinal Danneels spoke. Danneels left.", "Danneels")
    True
    >>> follows_a_capital("Swedes voted in Ohio. Swedes stayed home.", "Swedes")
    False
    """
    i = text.find(word)
    while i >= 0:
        if i > 1 and text[i - 1] == " ":
            before = text[max(0, i - 30) : i - 1].split()
            prev = before[-1] if before else ""
            # (a title's dot, "Sen. Lee", but not a sentence's end, "in Ohio. Lee")
            if prev[:1].isupper() and not (prev.endswith(".") and len(prev) > 4 or prev[-1] == ":"):
                return True
        i = text.find(word, i + len(word))
    return False


def written_in_lower_case(text: str, word: str) -> bool:
    """Whether ``text`` writes ``word`` (given in lower case) as a lower-case word after a
    blank.

    Examples
    --------
    >>> written_in_lower_case("Evidence grew. The evidence was clear.", "evidence")
    True
    """
    return any(f" {word}{end}" in text for end in " ,.;:")
