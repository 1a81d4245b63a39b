"""What a run of capitalised words tells: a name, a title and its role, a gender.

The speaker resolver (:mod:`~framing.attribution._speakers`) registers the names of a
text from its runs of capitalised words (:data:`_NAME`, found by
:func:`~framing.attribution._name_scan.name_runs`). This module holds what reads one run:
the titles and role words, the words that are no part of a name, the cut of a run at a
sentence end (:func:`_sentence_pieces`) and the parse of a run (:func:`_name_record`).
"""

from __future__ import annotations

import re

from ._phrases import _POSSESSIVE_ENDS
from ._speaker_types import _ORG

# A run of capitalised words: ``(?<![\w'’])(?:W\.?[ \t]+(?:[A-Z]\.[ \t]+)?)+W\w`` with
# ``W = [A-Z][\w'’-]*``, written ``X X*`` for ``X+`` and with the look-behind after the
# first capital, so that the pattern starts with a character class (the regex engine
# then skips ahead to the next capital instead of trying every position). The ``W``
# before ``\.?[ \t]+`` is possessive (``*+``): a character given back to it could never
# be a dot or a blank, so backtracking there only wasted time; so are the blanks (what
# follows them is a capital) and a leading ``[a-z]*+`` (a plain range, cheaper to test
# than ``\w``; together the same maximal run). The look-ahead ``(?=[A-Z])`` right after
# the first word's blanks changes no match (both what may follow start with a capital)
# but fails a capitalised word followed by a lower-case one (the common case) before the
# engine sets up the optional initial and the repeat. (The resolver finds its matches with
# :func:`~framing.attribution._name_scan.name_runs`, the same pattern over class bytes.)
_NAME = re.compile(
    r"[A-Z](?<![\w'\u2019][A-Z])[a-z]*+[\w'\u2019\-]*+\.?[ \t]++(?=[A-Z])(?:[A-Z]\.[ \t]++)?"
    r"(?=[A-Z])(?:[A-Z][a-z]*+[\w'\u2019\-]*+\.?[ \t]++(?:[A-Z]\.[ \t]++)?)*"
    r"[A-Z][\w'\u2019\-]*[\w]"
)
_TITLES = frozenset(
    "mr mr. mrs mrs. ms ms. dr dr. president sen sen. senator rep rep. representative gov gov. "
    "governor minister secretary chairman chairwoman chair mayor judge justice general gen gen. "
    "commissioner prime vice chancellor king queen prince princess pope sheriff attorney chief "
    "speaker leader ambassador director professor prof prof. rev rev. lt col sgt capt adm "
    "spokesman spokeswoman spokesperson candidate nominee former acting deputy "
    "congressman congresswoman councilman councilwoman lady first u.s. us "
    # (offices, ranks and honorifics seen before names in news: "Hungarian PM Viktor
    # Orban", "Wells Fargo CEO John Stumpf", "Cardinal Reinhard Marx", "Sir Peter ...")
    "pm premier president-elect secretary-general ceo cfo coo founder principal executive "
    "superintendent supervisor cardinal archbishop bishop rabbi imam pastor reverend "
    "colonel lieutenant captain sergeant admiral sir dame lord sens sens. reps reps.".split()
)
_MALE = frozenset(
    "mr mr. he him his spokesman chairman congressman councilman king prince sir lord "
    "father son brother husband".split()
)
_FEMALE = frozenset(
    "mrs mrs. ms ms. she her hers spokeswoman chairwoman congresswoman "
    "councilwoman queen princess mother daughter sister wife lady dame".split()
)
_GENDERED = _MALE | _FEMALE
_SKIP_NAME = frozenset(
    "the a an in on at after before but and according when while as if this that it he she "
    "they we i amid during since for to with by from of over under which what who whose "
    "where why how or nor monday tuesday wednesday thursday friday saturday sunday "
    "january february march april may june july august september october november december".split()
)


#: Words that make a run of capitalised words a place, a building or an event, not a
#: person ("Georgetown Preparatory School", "Las Vegas Massacre", "Union Station").
#: (Not words that are also first names or surnames: "Bill", "Park", "Day", "Street".)
_NO_PERSON = frozenset(
    "school academy hospital church cathedral mosque synagogue temple city county province "
    "district valley river island islands beach avenue square station airport hotel casino "
    "tower bridge massacre war act amendment treaty summit convention festival prize award "
    "awards society movement caucus".split()
)
#: First words of place names ("New York", "Los Angeles", "South Carolina"; not "St.":
#: "St. Paul" may be the apostle): such a name speaks for an institution, not a person.
_PLACE_FIRST = frozenset("new las los san santa fort port lake mount north south east west".split())


def is_place_name(full: str) -> bool:
    """Whether a registered full name is a place's ("New York", "North Korea")."""
    return full.split()[0].lower() in _PLACE_FIRST


#: Last words of company and institution names that are no common surnames
#: ("Norvane Systems", "Vandersteen NV", "Downing Street" for the British government).
_ORGANIZATION_LAST = frozenset(
    "systems group holdings partners inc inc. corp corp. corporation ltd ltd. llc plc nv ag "
    "gmbh sa company co co. bank ministry department agency university institute foundation "
    "council committee commission association street airlines industries technologies "
    "motors trust".split()
)


def is_organization_name(full: str) -> bool:
    """Whether a registered full name is a company's or an institution's by its last word
    ("Norvane Systems", "Vandersteen NV"), or a place's (:func:`is_place_name`)."""
    return full.rsplit(None, 1)[-1].lower() in _ORGANIZATION_LAST or is_place_name(full)


#: The most words a person's name has ("Maria de la Cruz Lopez").
_LONGEST_NAME = 5


def _strip_possessive(s: str) -> str:
    """``s`` without its possessive mark: "Trump's" -> "Trump", "voters'" -> "voters"."""
    if s.endswith(("'s", "\u2019s")) and len(s) > 2:
        return s[:-2]
    if s.endswith(("s'", "s\u2019")):
        return s[:-1]
    return s


#: Sentence adverbs that open a run of capitalised words before a name ("Later Manafort
#: said", "Meanwhile Trump said"): no part of the name.
_SENTENCE_ADVERBS = frozenset(
    "later meanwhile instead still also then now yet however earlier afterward afterwards "
    "separately similarly indeed".split()
)
_SKIP_NAME = _SKIP_NAME | _SENTENCE_ADVERBS


#: ``_name_record`` of the phrases met, by phrase: ``[at_start]`` (False, then True);
#: each starts afresh past ``_NAME_MEMO_CAP`` entries.
_NAME_MEMOS: tuple[dict[str, tuple], dict[str, tuple]] = ({}, {})
_NAME_MEMO_CAP = 65_536


def _role_key(low: list[str] | tuple[str, ...], i: int) -> str:
    """The role that the lower-case word ``low[i]`` names, as the resolver keys it: the
    word without its dot, and "general" with the word before it ("attorney general" and
    "inspector general" are different offices)."""
    word = low[i].rstrip(".")
    return f"{low[i - 1].rstrip('.')} {word}" if word == "general" and i > 0 else word


def _name_record(
    phrase: str, at_start: bool
) -> tuple[str | None, str | None, str | None, str | None, str | None]:
    """A capitalised run parsed (titles cut): the title's role, the name's first and last
    word, the title's gender, and the full name to register (None for a single word or a
    name holding an organisation word).

    Runs once per new run (:data:`_NAME_MEMOS` holds the rest), so it is written for few
    Python steps.
    """
    toks = phrase.split()
    low = phrase.lower().split()  # (the same words: lower case adds or removes no blank)
    n = len(toks)
    cut = 0
    if not _TITLES.isdisjoint(low) or (
        "." in phrase and not _TITLES.isdisjoint([w.rstrip(".") for w in low])
    ):
        for i, w in enumerate(low):  # (cut after the last title)
            if w in _TITLES or w.rstrip(".") in _TITLES:
                cut = i + 1
    while cut < n and low[cut] in _SKIP_NAME:
        cut += 1
    if (
        cut == 0
        and n >= 3
        and at_start
        and not _initial(toks[1])
        and low[-1] not in _ORGANIZATION_LAST  # (not "Clean Rivers Trust")
    ):
        cut = 1  # "Fishmonger Arno Dekker" at a sentence start: a role, then the name
        # (not "Maya D. Song": a middle initial follows a first name)
    if cut == n:
        return (low[cut - 1].rstrip(".") if cut else None), None, None, None, None
    gender = role = None
    if cut:
        title = low[cut - 1]
        role = _role_key(low, cut - 1)
        if title in _GENDERED:
            gender = "m" if title in _MALE else "f"
    name = toks[cut:]
    for i in range(len(name) - 2, -1, -1):
        if name[i].endswith(_POSSESSIVE_ENDS):
            name = name[i + 1 :]  # "MSNBC's Chuck Todd": the name after the possessor
            break
    if name[-1].endswith(_POSSESSIVE_ENDS):  # "Donald Trump's (claim)"
        name[-1] = _strip_possessive(name[-1])
    first, last = name[0], name[-1]
    words = [w.lower() for w in name]
    if (
        len(name) < 2
        or len(name) > _LONGEST_NAME  # (a title-case headline, not a name)
        or not _ORG.isdisjoint(words)
        or not _NO_PERSON.isdisjoint(words)
    ):
        return role, first, last, gender, None
    return role, first, last, gender, " ".join(name)


# (the dot first, then the look-behind: the pattern starts with a literal, so the regex
# engine jumps from dot to dot instead of trying the look-behind at every position)
_SENTENCE_WORD = re.compile(r"\.(?<=[a-z]{3}\.)[ \t]+(?=[A-Z])")


def _sentence_pieces(pos: int, run: str, at_start: bool) -> list[tuple[int, str, bool]]:
    """The parts of a run of :data:`_NAME` that may hold a name: (offset, words, at a
    sentence start).

    A run is cut after a word of four letters or more that ends with a period and is no
    title (``on Monday. The judge``, ``in Tarn Valley. Valdor``): a sentence ends there,
    and the words after it start a new part. Initials and titles (``Maya D. Song``,
    ``Sen. Ann Lee``, ``Sens. Lee and Roe``) keep a run whole.
    """
    out = []
    start = 0
    for cut in _SENTENCE_WORD.finditer(run):
        word = run[: cut.start()].rsplit(None, 1)[-1].lower()
        if word in _TITLES or word.rstrip("s") in _TITLES:
            continue
        out.append((pos + start, run[start : cut.start()], at_start))
        start, at_start = cut.end(), True
    out.append((pos + start, run[start:], at_start))
    return out


def _initial(tok: str) -> bool:
    """``D.``: one capital letter and a period."""
    return len(tok) == 2 and tok[1] == "." and tok[0].isupper()
