"""Noun-phrase and clause helpers over paragraph tokens (sources, subjects, spans)."""

from __future__ import annotations

import bisect

from ._tokens import (
    _ABBREV,
    _CLAUSE,
    _DAYS,
    _END,
    _MARK_CHARS,
    _NOUN_BEFORE,
    _STOP_LEFT,
    _SUBORDINATORS,
    _VERBISH,
    _Para,
)

__all__: list[str] = []

# Every word that can stop the walk of ``_left_np`` (one set test for the words of a name).
_LEFT_STOPS = _CLAUSE | _END | _STOP_LEFT
# Quotation-mark tokens (those ``_Para.is_mark`` tells apart, as one set test).
_QUOTE_MARKS = _MARK_CHARS | {"''", "``"}
# Punctuation ``_trim`` drops: clause and sentence punctuation but no quotation mark.
_TRIMMED = (_CLAUSE | _END) - _QUOTE_MARKS


#: Sentence adverbs, interjections and a question's auxiliary, which open a sentence
#: before its subject ("Probably she thinks", "Did you know").
_OPENERS = frozenset(
    "probably perhaps maybe surely clearly certainly obviously apparently evidently "
    "frankly honestly yes well oh ok okay did does q".split()
    + [":"]  # (an interview's question label, "Q: What would you ...")
)


#: Question and relative words, which open a clause at a sentence start, not a subject.
_WH_WORDS = frozenset("what whatever whoever whichever how why where".split())
#: Connective adverbs between a subject and its verb ("The report thus concluded").
_TRAILING_ADVERBS = frozenset("thus therefore hence too however".split())


def _left_np(p: _Para, i: int, sid: int, strict: bool = True) -> tuple[int, int] | None:
    """Token range [a, b) of the noun phrase ending before token ``i`` in sentence ``sid``
    (``b`` is ``i``, or before a connective adverb: "The report thus concluded")."""
    j = i
    words = p.words
    if j > 2 and words[j - 1] == ")" and p.sent[j - 1] == sid and p.inq[j - 1] < 0:
        # "Rep. Jim Doe (D-Wash.) said": step over the parenthetical
        k = j - 2
        while k > 0 and j - k < 8 and words[k] != "(" and words[k] != ")":
            k -= 1
        if words[k] == "(" and k > 0 and p.is_cap(k - 1):
            j = k
    paren = j
    # (a phrase longer than 12 tokens is no source: the walk stops one token past that)
    lim = i - 13 if i > 13 else 0
    sent, inq = p.sent, p.inq
    while j > lim and sent[j - 1] == sid and inq[j - 1] < 0:
        w = words[j - 1]
        if w in _LEFT_STOPS:
            if w == "." and j > 1:
                j -= 1  # (a dot inside the sentence ends no sentence: "Sen.", "Maya D. Lee")
                continue
            if w in _CLAUSE or w in _END:
                break
            if not (  # (a word of _STOP_LEFT)
                w == "and"
                and j - 1 > 0
                and j < i
                and p.is_cap(j)
                and (p.is_cap(j - 2) or words[j - 2] in _PRONOUNS)
            ):
                break
        j -= 1
    while j < i and words[j] in _OPENERS:
        j += 1  # "Probably she thinks", "Yes, the police asked": not part of the subject
    if j == i or j == paren < i or i - j > 12:
        return None
    if words[i - 1] in _NOUN_BEFORE or strict and not _VERBISH.isdisjoint(words[j:i]):
        return None
    end = i
    while end - 1 > j and words[end - 1] in _TRAILING_ADVERBS:
        end -= 1  # "The report thus concluded": the adverb is no part of the subject
    if (
        end - 1 > j
        and words[end - 1] in ("he", "she")
        and (
            j == 0
            or sent[j - 1] != sid
            or words[j - 1] in _SUBORDINATORS
            and (j == 1 or sent[j - 2] != sid)
        )
    ):
        # "On a phone-in on Monday he called": at a sentence start, the pronoun only (not
        # in "…, something she has asked": a relative clause)
        return (end - 1, end)
    return (j, end)


#: Possessive endings of a token or phrase ("trump's", "the voters'").
_POSSESSIVE_ENDS = ("'s", "\u2019s", "s'", "s\u2019")
_POSSESSOR_DET = frozenset("the a an this that his her their its our".split())


def _possessor(p: _Para, i: int, sid: int) -> tuple[int, int] | None:
    """Token range [a, i) of the possessor before a nominal cue at token ``i``
    ("Donald Trump's claim", "Sen. Lee's view", "an inspector general's report"): the
    possessive token, the capitalised words and abbreviation dots before it, and a
    determiner up to three lower-case words before them; None when token ``i - 1`` is no
    possessive (or a pronoun's contraction, "he's")."""
    words = p.words
    k = i - 1
    if k < 0 or p.sent[k] != sid or p.inq[k] >= 0 or not _is_possessive(words[k]):
        return None
    j = k
    while (
        j > 0
        and i - j < 6
        and p.sent[j - 1] == sid
        and p.inq[j - 1] < 0
        and (p.is_cap(j - 1) or words[j - 1] == "." and j > 1 and p.is_cap(j - 2))
    ):
        j -= 1
    t = j  # lower-case words back to a determiner: "the former staffer's"
    while (
        t > 0
        and j - t < 3
        and p.sent[t - 1] == sid
        and p.inq[t - 1] < 0
        and words[t - 1].isalpha()
        and words[t - 1] not in _POSSESSOR_DET
        and words[t - 1] not in _STOP_LEFT
        and words[t - 1] not in _VERBISH
    ):
        t -= 1
    if t > 0 and p.sent[t - 1] == sid and words[t - 1] in _POSSESSOR_DET and p.inq[t - 1] < 0:
        j = t - 1
    return (j, i)


#: Pronouns whose "'s" is a contraction ("he's said"), never a possessor.
_CONTRACTED_PRONOUNS = frozenset("he she it that who there what here let".split())


def _is_possessive(word: str) -> bool:
    """Whether the lower-case token ``word`` is a possessive ("trump's", "voters'")."""
    return word.endswith(_POSSESSIVE_ENDS) and word[:-2] not in _CONTRACTED_PRONOUNS


def _right_np(p: _Para, i: int, sid: int, limit: int = 8) -> tuple[int, int] | None:
    """Token range of the noun phrase starting at token ``i`` (an inverted source)."""
    j = i
    words = p.words
    n = len(words)
    dot = 0  # the first dot inside the phrase
    while j < n and p.sent[j] == sid and p.inq[j] < 0:
        w = words[j]
        if w == "." and j > i and j + 1 < n and p.sent[j + 1] == sid and words[j + 1].isalnum():
            dot = dot or j  # (not the sentence's end: "Maya D. Lee", "Sen.")
            j += 1
            continue
        if w in _CLAUSE or w in _END or (w in _STOP_LEFT and j > i):
            break
        j += 1
    if j - i > limit and dot:
        j = dot  # (too long: the words before the first dot, "Rep")
    if j == i or j - i > limit:
        return None
    return (i, j)


_PRONOUNS = frozenset("he she they it we i".split())
_NOT_EVERY = frozenset("every all each everyone everybody".split())
_SUBJ_DET = frozenset("the a an his her their its our this these those".split())
# Sentence openers that start an adverbial, not the subject ("In New Hampshire, Rubio
# ...", "Facing criticism, Mr. Trump ..."): the subject follows the first comma.
_LEAD = frozenset(
    "in on at as after before during since despite with without for from by like unlike "
    "under over amid among while when though although because if unless until once here "
    "there now then instead still meanwhile however also along of to thus indeed".split()
)
_CONJ = frozenset("and but so yet or".split())
#: Time words that open a lead-in phrase before the subject ("Earlier this week, Jo Lee
#: pressed …, insisting"; "Tuesday, the mayor …").
_TIME_LEAD = _DAYS | frozenset(
    "earlier later last yesterday today tonight throughout besides shortly recently "
    "initially previously ultimately eventually currently originally separately "
    "additionally similarly finally".split()
)
_TIME_NOUNS = frozenset("week weekend month year morning evening afternoon spring fall".split())
_DASHES = frozenset(["-", "\u2013", "\u2014"])


def _subject(p: _Para, s0: int, limit: int) -> tuple[int, int] | None:
    """The subject at a sentence start: a pronoun, or capitalised words after a determiner."""
    words = p.words
    while s0 < limit and (words[s0] in _CONJ or words[s0] in _OPENERS):
        s0 += 1
    if s0 < limit and words[s0] == ",":
        s0 += 1
    if s0 >= limit or words[s0] in _WH_WORDS:
        return None  # ("What we believe is ...": a clause, not a subject)
    if (
        words[s0] in _LEAD
        or words[s0] in _TIME_LEAD
        or (words[s0] in ("this", "more") and s0 + 1 < limit and words[s0 + 1] in _TIME_LEAD)
        or (words[s0] == "this" and s0 + 1 < limit and words[s0 + 1] in _TIME_NOUNS)
        or (words[s0].endswith("ing") and len(words[s0]) > 4)
    ):
        comma = next((t for t in range(s0 + 1, limit) if words[t] == ","), None)
        return None if comma is None else _subject(p, comma + 1, limit)
    if words[s0] in _PRONOUNS:
        return (s0, s0 + 1)
    if words[s0] == "not" and s0 + 2 < limit and words[s0 + 1] in _NOT_EVERY:
        # "Not every speaker opposed ...": the quantified phrase up to its verb
        k = s0 + 2
        while k < limit and k - s0 < 5 and words[k].isalpha() and words[k] not in _VERBISH:
            k += 1
        return (s0, k) if k == limit else None
    j = s0
    if words[j] in _SUBJ_DET:
        j += 1
        if j < limit and not p.is_cap(j) and words[j].isalpha():
            j += 1
            # "A rebel commander, speaking ...": a noun after the modifier, then a comma
            if (
                j + 1 < limit
                and words[j + 1] == ","
                and words[j].isalpha()
                and not p.is_cap(j)
                and words[j] not in _VERBISH
            ):
                return (s0, j + 1)
            if j < limit and words[j] == "of":
                # "A group of former drivers has sued": the "of" phrase up to the verb
                k = j + 1
                while k < limit and k - j < 5 and words[k].isalpha() and not p.is_cap(k):
                    if words[k] in _VERBISH:
                        break
                    k += 1
                if k > j + 1 and (k == limit or words[k] in _VERBISH):
                    return (s0, k)
    while j < limit and j - s0 < 6:
        if p.is_cap(j) and words[j][0].isalnum():
            j += 1
        elif words[j] == "." and j > s0 and words[j - 1] in _ABBREV and j + 1 < limit:
            j += 1  # "Mr. Lee"
        else:
            break
    if j == s0 or (j == s0 + 1 and words[s0] in _SUBJ_DET):
        return None
    if j + 3 < limit and words[j] == "(" and words[j + 2] == ")" and words[j + 3] in _DASHES:
        return _subject(p, j + 4, limit)  # a dateline: "Washington (AFP) – Jo Lee said"
    return (s0, j)


def _is_name(p: _Para, a: int, b: int) -> bool:
    """Capitalised words only (titles with their dots allowed, and "of" or "of the"
    between two: "Rosa Whitfield of New Mexico", "Kasia Wrobel of the University of
    Gdansk"): a name."""
    words = p.words
    return p.is_cap(a) and all(
        p.is_cap(t)
        or words[t] in (".", "and")
        or words[t] == "of"
        and a < t < b - 1
        and (p.is_cap(t + 1) or words[t + 1] == "the")
        or words[t] == "the"
        and a < t < b - 1
        and words[t - 1] == "of"
        and p.is_cap(t + 1)
        for t in range(a, b)
    )


def _span(p: _Para, a: int, b: int) -> tuple[int, int]:
    return (p.starts[a], p.end(b - 1))


def _sentence_bounds(p: _Para, i: int) -> tuple[int, int]:
    """Token range of the sentence holding token ``i`` (sentence ids never decrease)."""
    sent = p.sent
    sid = sent[i]
    return bisect.bisect_left(sent, sid, 0, i), bisect.bisect_right(sent, sid, i)


def _trim(p: _Para, a: int, b: int) -> tuple[int, int]:
    """Drop punctuation (not quotation marks) at both ends of a token range."""
    words = p.words
    while a < b and words[a] in _TRIMMED:
        a += 1
    while b > a and words[b - 1] in _TRIMMED:
        b -= 1
    return a, b


def _quote_tokens(p: _Para, qi: int) -> tuple[int, int]:
    q = p.quotes[qi]
    a = bisect.bisect_left(p.starts, q.mark_start)
    b = bisect.bisect_left(p.starts, q.mark_end if q.mark_end > q.end else q.end)
    return a, b


def _near_subject(p: _Para, ca: int, s0: int) -> tuple[int, int] | None:
    """A pronoun or a capitalised name right before token ``ca`` (after ``s0``).

    ``The bill did something Republicans wanted``: the words next to the verb are its
    subject, not the sentence start.
    """
    j = ca - 1
    if j <= s0 or p.inq[j] >= 0:
        return None
    if p.words[j] in _PRONOUNS:
        return (j, ca)
    a = ca
    while a - 1 > s0 and p.is_cap(a - 1) and p.words[a - 1][0].isalpha() and ca - a < 4:
        a -= 1
    return (a, ca) if a < ca else None
