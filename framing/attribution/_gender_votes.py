"""A person's grammatical gender from the pronouns that follow their name in a text.

The resolver gives "he" or "she" to the latest earlier speaker whose gender does not
contradict it. Titles ("Mrs.", "spokesman") and role nouns give a gender for few names;
for the others, the text itself usually tells: "Brett Kavanaugh ... his nomination",
"Julie Swetnick said she ...". :func:`pronoun_gender` counts, after each mention of a
name in a subject's place, the first "he/his" or "she" of the same sentence when no
other capitalised word stands between, and answers only when the count is clear. It
reads the text, not a list of first names.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ._tokens import _STOP_LEFT

__all__ = ["pronoun_gender"]

# (the first personal pronoun after a mention, within its sentence)
_PRONOUN = re.compile(r"(?<![\w'\u2019])(he|his|himself|she|herself)(?![\w'\u2019])", re.I)
_SENTENCE_END = re.compile(r"[.!?]\s|\n")
_CAPITAL = re.compile(r"(?<![\w'\u2019])[A-Z]")
_MASCULINE = frozenset(["he", "his", "himself"])
# What may stand before a subject: a clause boundary or a word that opens a clause.
_BEFORE_SUBJECT = re.compile(
    r"(?:^|[\n.;:,\"\u201c\u201d\u2014(]|\b(?:and|but|that|as|when|while|because|after|before|if|"
    r"said|says))[\s\"\u201c]*$",
    re.I,
)
# The capitalised words and initials of a name before its last word ("Brett ", "Sen. Ann ").
_NAME_BEFORE = re.compile(r"(?:[A-Z][\w'\u2019.-]*\s+)*$")
#: At most this many words between a mention and the pronoun that votes.
_MAX_BETWEEN = 4
_QUOTE_MARKS = frozenset("\"\u201c\u201d\u2018\u2019'")
# (the words that stop a noun phrase's walk, less the coordinating conjunctions: "Lee
# spoke and he said" is the same person)
_CLAUSE_OPENERS = _STOP_LEFT - frozenset("and but or nor yet so as than".split())
#: How far after a mention a pronoun is looked for (characters; four words fit).
_WINDOW = 80
#: The least number of votes, and the share the larger side needs, for an answer.
_MIN_VOTES = 1
_MIN_SHARE = 0.75


def _mentions(text: str, name: str) -> Iterator[int]:
    """Offsets of the whole-word occurrences of ``name`` in ``text`` (found with
    ``str.find``: a pattern compiled for each name would cost more than the search)."""
    n = len(name)
    i = text.find(name)
    while i >= 0:
        prev = text[i - 1] if i else " "
        nxt = text[i + n] if i + n < len(text) else " "
        if not (_in_word(prev) or _in_word(nxt)):
            yield i
        i = text.find(name, i + n)


def _in_word(ch: str) -> bool:
    """Whether ``ch`` continues a word (a letter, digit, underscore or apostrophe)."""
    return ch.isalnum() or ch in "_'\u2019"


def _same_clause(between: str) -> bool:
    """Whether a pronoun after ``between`` likely refers to the name before it: at most
    four words stand between ("Lee said she", "Lee told the court he"), none of them
    capitalised (maybe another name: "Lee told Ann Roe she"), a quotation mark or a
    word that opens another clause ("Lee knew that she", "Lee said, “while he")."""
    words = between.split()
    return (
        len(words) <= _MAX_BETWEEN
        and not _CAPITAL.search(between)
        and _QUOTE_MARKS.isdisjoint(between)
        and _CLAUSE_OPENERS.isdisjoint(w.lower().strip(",;") for w in words)
    )


def pronoun_gender(text: str, name: str) -> str | None:
    """``"m"``, ``"f"`` or None: the gender the pronouns after ``name`` point to.

    Each whole-word mention of ``name`` that may be a subject (it opens a clause: after
    a sentence start, a punctuation mark, "and", "that", "said" ...) votes with the
    first "he/his/himself" or "she/herself" after it in the same sentence, when at
    most four words stand between, none capitalised (maybe another name), quoted or
    opening another clause ("Lee knew that she").
    "him" and "her" do not vote: after a subject they are mostly someone else ("Trump
    attacked her"). There is an answer when three quarters of the votes agree.

    Parameters
    ----------
    text : str
        The document.
    name : str
        A name as written in it (a surname, or a full name).

    Examples
    --------
    >>> t = "Ann Lee spoke. Lee said she was sure, and Lee said she would stay."
    >>> pronoun_gender(t, "Lee")
    'f'
    >>> pronoun_gender("Tom Ray said the plan works.", "Ray") is None
    True
    """
    if not name:
        return None
    male = female = 0
    for start in _mentions(text, name):
        # (the pronoun first: most mentions have none within reach, and need no more)
        seg = text[start + len(name) : start + len(name) + _WINDOW]
        hit = _PRONOUN.search(seg)
        if hit is None:
            continue
        between = seg[: hit.start()]
        end = _SENTENCE_END.search(between)
        if end is not None:
            # "Ashdown was charged with arson. He is being held": the pronoun that opens
            # the next sentence, when the rest of the mention's sentence names no one
            if not (
                end.end() == len(between)
                and between[end.start()] == "."
                and hit.group(1) in ("He", "She")
                and not _CAPITAL.search(between)
                and _QUOTE_MARKS.isdisjoint(between)
            ):
                continue
        elif not _same_clause(between):
            continue
        before = text[max(0, start - 60) : start]
        before = before[: _NAME_BEFORE.search(before).start()]
        if before and not _BEFORE_SUBJECT.search(before):
            continue  # (not a subject: "appointing Powell to the post, though he ...")
        if hit.group(1).lower() in _MASCULINE:
            male += 1
        else:
            female += 1
    votes = male + female
    if votes < _MIN_VOTES:
        return None
    if male >= _MIN_SHARE * votes:
        return "m"
    if female >= _MIN_SHARE * votes:
        return "f"
    return None
