"""Passive cues: the noun phrase before ``is expected`` / ``was criticized`` is no source.

In ``Dylann Roof is accused of …`` or ``The vote is expected …`` the subject is what
is reported about, not who reports it. With a ``by`` agent (``was first reported by
MSNBC``) the agent is the source and the subject is the content (``This proposal was
rejected by 64 percent``); without one there is no source. Measured on PolNeAR train
with the shipped frames: of 296 passive cues whose rule source stood before the cue and
had no ``by`` after it, the gold attribution had no source 216 times and the rule source
was right 21 times; with ``by`` after the cue, the gold source was the agent (never the
rule source) and the gold content mostly the subject. Without an agent the subject joins
the content (``The vote is expected to slip``: on train the gold content overlapped the
subject in 198 of 237 such cues, and only the clause after the cue in 39).

"seem" and "appear", "reportedly" and "known as" are handled the same way: their subject
is what is reported about ("The court seemed to side with ...", "Trump reportedly said
..."), and the observer or reporter goes unnamed.
"""

from __future__ import annotations

import re

from ._frames import Attribution
from ._verbs import ReportingLexicon

__all__ = ["passive_sources"]

# A form of "be", optional adverbs, then a past participle (regular -ed or a common
# irregular ending): the whole cue must end with the participle.
_PASSIVE = re.compile(
    r"\b(?:is|are|was|were|been|being|be)\b"
    r"(?:\s+\w+ly|\s+not|\s+also|\s+still|\s+widely|\s+first)*"  # ("was first reported")
    r"\s+\w+(?:ed|en|wn|told|said|held|heard|thought|felt|taught|sought|brought)\s*$",
    re.IGNORECASE,
)
# Participles of mental states: "X is worried that ..." reports X's own view (X is the
# source; on train "worried", "convinced" and "outraged" kept their rule source 8 of 8).
_STATES = frozenset(
    "worried concerned convinced outraged pleased surprised disappointed frustrated impressed "
    "excited alarmed troubled annoyed angered shocked satisfied delighted thrilled amazed "
    "encouraged heartened dismayed disturbed offended incensed infuriated horrified relieved "
    "puzzled confused baffled determined committed prepared inclined opposed interested "
    "scared terrified enraged irritated embarrassed ashamed depressed bothered stunned".split()
)
_BY = re.compile(r"[ \t\u00a0]+by[ \t\u00a0]+", re.IGNORECASE)
_AGENT_WORD = re.compile(r"[\w'\u2019.&-]+")
_AGENT_STOP = frozenset(
    "that whether who which to for on in at after before when while as because if than "
    "about over during since".split()
)


#: "seem" and "appear": the subject is what an unnamed observer reports about, not the
#: source. On PolNeAR train, of 214 such cues with a rule source before them and a gold
#: cue, the gold attribution had no source 172 times and the rule source was right 34
#: times (the most frequent kind of source given where gold has none).
_RAISING = frozenset("seem seems seemed seeming appear appears appeared appearing".split())


#: Cues whose subject is no source either: "Trump reportedly said" (the reporter is not
#: named), "the area known as ..." (on train: gold had no source 12 times each, and the
#: rule source was right 3 times each).
_NO_SOURCE_CUES = frozenset(["reportedly", "known", "known as"])


def _subject_is_no_source(cue: str) -> bool:
    """Whether the cue's text ``cue`` ends with a form of "seem" or "appear" ("may seem",
    "appeared"), or is one of :data:`_NO_SOURCE_CUES` (after any auxiliary: "has
    reportedly")."""
    words = cue.lower().split()
    if not words:
        return False
    return (
        words[-1] in _RAISING
        or words[-1] in _NO_SOURCE_CUES
        or len(words) > 1  # (one word was just tested)
        and " ".join(words[-2:]) in _NO_SOURCE_CUES
    )


_TO_VERB = re.compile(r"[ \t\u00a0]+to[ \t\u00a0]+([a-z]+)")


def _hedged_speech(text: str, end: int, lex: ReportingLexicon | None) -> bool:
    """ "Cruz seemed to mock …": a speech or writing verb after "to" keeps the subject as
    the source (on PolNeAR train gold marks it so), "The day seemed to crystallize …" not."""
    m = _TO_VERB.match(text, end)
    entry = lex.lookup(m.group(1)) if m is not None and lex is not None else None
    return entry is not None and entry.mode in ("speech", "writing")


def _subject_to_content(att: Attribution) -> None:
    """No source: the subject joins the content, as PolNeAR's content spans it too.

    ("The vote is expected to slip"; fragments stay in text order: a content the rules
    found before the subject, "On Friday, the closure was announced", must not end first.)
    A mixed content keeps only the quotation it holds.
    """
    if att.kind != "mixed":
        att.content.append(att.source)  # type: ignore[arg-type]
        att.content.sort()
    att.source = None


def _agent(text: str, start: int) -> tuple[int, int] | None:
    """The noun phrase starting at ``start``: words up to punctuation or a clause word."""
    pos, end, n = start, None, 0
    while n < 12:
        m = _AGENT_WORD.match(text, pos)
        if m is None:
            break
        word = m.group().rstrip(".")
        if not word or (n and word.lower() in _AGENT_STOP):
            break
        end = m.start() + len(word)
        n += 1
        if len(word) < len(m.group()) and not word[-1:].isupper():
            break  # a full stop ends the phrase (but not "D.C." or "U.S.")
        gap = re.match(r"[ \t\u00a0]+", text[m.end() : m.end() + 3])
        if gap is None:
            break
        pos = m.end() + gap.end()
    return (start, end) if end is not None else None


def passive_sources(
    text: str, atts: list[Attribution], lex: ReportingLexicon | None = None
) -> None:
    """Re-point the source of passive cues (in place): the ``by`` agent, or none (also
    for "seem", "appear", "reportedly" and "known as").

    With an agent, the subject becomes the content; without one, the subject is the
    first fragment of the content.

    Examples
    --------
    >>> from framing.attribution._frames import Attribution
    >>> s = "The plan was criticized by local officials on Monday."
    >>> att = Attribution(0, (9, 23), "neutral", "speech", (0, 8))
    >>> passive_sources(s, [att])
    >>> s[att.source[0]:att.source[1]], s[att.content[0][0]:att.content[0][1]]
    ('local officials', 'The plan')
    """
    for att in atts:
        if att.cue is None or att.direct or att.source is None or att.source[0] > att.cue[0]:
            continue
        if att.head is not None:
            continue  # (a coordinated cue: its source is its head's)
        cue = text[att.cue[0] : att.cue[1]]
        if _subject_is_no_source(cue):
            if not _hedged_speech(text, att.cue[1], lex):
                _subject_to_content(att)  # "The court seemed to side with ...": no source
            continue
        if cue.isalpha():
            continue  # (a one-word cue holds no form of "be" before a participle)
        if not _PASSIVE.search(text, att.cue[0], att.cue[1]):
            continue
        if cue.rsplit(None, 1)[-1].lower() in _STATES:
            continue
        m = _BY.match(text, att.cue[1])
        agent = _agent(text, m.end()) if m is not None else None
        if agent is None:
            _subject_to_content(att)
            continue
        if att.kind != "mixed":  # (a mixed content keeps the quotation it holds)
            att.content = [att.source]  # "This proposal was rejected by X": the proposal
        att.source = agent  # the cue stays without "by" (joining it lost on train)
