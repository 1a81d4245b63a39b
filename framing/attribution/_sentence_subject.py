"""The name that opens the sentence before a pronoun ("Raman rejected that. She told").

A pronoun that opens a sentence most often refers to the subject of the sentence before
it. :func:`previous_subject_name` finds that subject when it is a capitalised name (also
before an appositive, an age, a who-clause or a participle clause, or in commas after an
opening description: "Rovers' coach, Ellen Marsh, was ..."): the resolver then checks
that the text names that person in full and does not give them the other gender.
:func:`previous_group_subject` finds a plural common noun for "they" ("The researchers
pooled data. They wrote"). A pronoun after an opening adverbial ("In a 1998 interview,
she said") or after a quotation ('"Ask me in April," he said') counts as opening its
sentence, and the sentence before the adverbial's or the quotation's is read. Sentence
ends are read with ``str.rfind`` (a dot after a title or an initial, "Mr. Trump", "Sen.
Lee", "U.S.", ends no sentence), not with a pattern run over the text before each
pronoun.
"""

from __future__ import annotations

import re

__all__ = ["previous_group_subject", "previous_subject_name"]

# A capitalised name opening a sentence and followed by its verb ("Raman rejected"), or
# by a comma that opens an appositive or a who-clause ("Judge Ann Roe, who led ...").
_NAME_AT = re.compile(
    r"((?:[A-Z][\w'\u2019.-]*[ \t]+){0,3}[A-Z][\w'\u2019-]*)"
    r"(?:[ \t]+[a-z]|,[ \t]+(?:a|an|the|who|\d+,|[a-z]+ed|[a-z]+ing)[ \t])"
)
# A name set off by commas after a description that opens the sentence ("Rovers' coach,
# Ellen Marsh, was less forgiving", "His lawyer, Pieter Vance, said").
_APPOSITIVE_NAME_AT = re.compile(
    r"[^,.\n]{2,40},[ \t]+((?:[A-Z][\w'\u2019.-]*[ \t]+){0,3}[A-Z][\w'\u2019-]*),[ \t]+[a-z]"
)
# A plural common noun after a determiner, followed by its verb or a comma ("The
# researchers pooled", "Many voters, ...").
_GROUP_AT = re.compile(
    r"(?:The|These|Those|Both|Many|Some|Most)[ \t]+"
    r"(?!(?:are|were|have|had|will|would|could|should|may|might|must|can|do|did)\b)"
    r"((?:[a-z][\w-]*[ \t]+){0,2}[a-z][\w-]*s)"
    r"(?=,|[ \t]+[a-z])"
)
# An adverbial that opens a sentence before its subject ("In a 1998 interview, she").
_ADVERBIAL = re.compile(
    r"(?:In|On|At|During|After|Before|Later|Earlier|Last|Asked|Speaking|When|While|Since|"
    r"Then|Still|But|Yet|However|Meanwhile|Years|Decades|Months|Weeks|Back)\b[^.!?\n\"\u201c]*"
)
_OPENING_MARKS = "\"\u201c'"
_CLOSING_MARKS = "\"\u201d\u2019'"
#: How far back the sentence before a pronoun is looked for (characters).
_REACH = 400


def _ends_sentence(text: str, i: int) -> bool:
    """Whether the mark at ``text[i]`` ("." "!" "?") ends a sentence: it follows a word
    of three lower-case letters or a number (not "Mr.", "Sen.", "U.S.")."""
    before = text[i - 3 : i]
    return len(before) == 3 and (before.isalpha() and before.islower() or before[-1].isdigit())


def _sentence_start_before(text: str, end: int, lo: int) -> int | None:
    """Where the sentence that ends just before ``end`` starts: after the nearest earlier
    sentence end (at or after ``lo``) or line break, or the text's start when ``lo`` is
    0; None when there is none in reach."""
    i = end
    while i > lo:
        cands = [text.rfind(m + " ", lo, i) for m in ".!?"]
        cands.append(text.rfind("\n", lo, i))
        j = max(cands)
        if j < 0:
            break
        if text[j] == "\n" or _ends_sentence(text, j):
            k = j + 1
            while k < end and text[k] in " \t\n" + _CLOSING_MARKS:
                k += 1
            return k
        i = j  # (an abbreviation's dot: look further back)
    return 0 if lo == 0 else None


def previous_subject_name(text: str, pos: int) -> tuple[str, int] | None:
    """The capitalised name that opens the sentence before the one opening at ``pos``,
    and that sentence's start; None when ``pos`` does not open a sentence or that
    sentence opens otherwise.

    Examples
    --------
    >>> t = "Raman rejected that. She told the paper."
    >>> previous_subject_name(t, t.index("She"))
    ('Raman', 0)
    >>> previous_subject_name("In 2019 it rained. He left.", 19) is None
    True
    """
    return _previous_subject(text, pos, _APPOSITIVE_NAME_AT, _NAME_AT)


def previous_group_subject(text: str, pos: int) -> tuple[str, int] | None:
    """The plural common noun that opens the sentence before the one opening at ``pos``
    after "The", "These", "Those", "Both", "Many", "Some" or "Most" ("The researchers
    pooled the data. They wrote ..."), and that sentence's start; else None.

    Examples
    --------
    >>> t = "The researchers, led by Ann Roe, pooled data. They wrote that it helps."
    >>> previous_group_subject(t, t.index("They"))
    ('researchers', 0)
    """
    return _previous_subject(text, pos, _GROUP_AT)


def _step_back(text: str, k: int, lo: int) -> int:
    """``k`` moved back over blanks and quotation marks (not below ``lo``)."""
    while k > lo and text[k - 1] in " \t" + _OPENING_MARKS:
        k -= 1
    while k > lo and text[k - 1] in _CLOSING_MARKS:
        k -= 1
    return k


def _previous_subject(text: str, pos: int, *patterns: re.Pattern[str]) -> tuple[str, int] | None:
    """The first group of the first of ``patterns`` that matches at the start of the
    sentence before ``pos``, and that start (see :func:`previous_subject_name`)."""
    lo = max(0, pos - _REACH)
    k = _step_back(text, pos, lo)
    if k > lo and text[k - 1] == ",":
        # "In a 1998 interview with the Gazette, she said": an opening adverbial before
        # the pronoun; the sentence before is the one before the adverbial's
        opening = _sentence_start_before(text, k - 1, lo)
        if opening is None or not (
            text[opening] in _OPENING_MARKS
            or text[opening - 1] in _OPENING_MARKS  # (a '"' stepped over as a closer)
            or _ADVERBIAL.fullmatch(text, opening, k - 1)
        ):
            return None  # (the pronoun follows a quotation, '“Ask me,” he said', too)
        k = _step_back(text, opening, lo)
    # (the pronoun opens its sentence: a sentence end or a line break stands before it)
    if k <= lo or not (text[k - 1] == "\n" or text[k - 1] in ".!?" and _ends_sentence(text, k - 1)):
        return None
    start = _sentence_start_before(text, k - 1, lo)
    if start is None:
        return None
    while start < k and text[start] in _OPENING_MARKS:
        start += 1
    for pattern in patterns:
        m = pattern.match(text, start, k)
        if m is not None:
            return m.group(1), start
    return None
