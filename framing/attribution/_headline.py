"""Headline attributions: ``Name: what they said`` at the start of a paragraph.

News headlines and summary lines attribute a claim with a colon and no quotation marks
(``Cruz: Trump Would Put Liberals On Court``, ``Poll: Voters see Sanders as electable``).
A paragraph that opens with one to five capitalised words and a colon, followed by text
that is not a quotation (those are framed as ``X: “…”`` already), gets an attribution
with the colon as cue, the words as source and the rest of the paragraph as content.
Labels are not sources: phrases that start with a determiner, hold an all-capitals word,
a single letter (``Q:``), a possessive (``Editor's Note``) or one of a few label words
are skipped, and so are kickers ("Breaking:", "Wow:") and topic labels ("Delegate
Update:", "Madagascar Outbreak:"). On PolNeAR train 75 of the 106 paragraphs this
accepts carry a gold colon cue (annotators do not mark every such headline), above the
precision at which an extra cue raises F1. Also ``In a new … poll, …`` lead-ins, where
the poll is the source.
"""

from __future__ import annotations

import re

from ._frames import Attribution

__all__ = ["headline_attributions", "poll_attributions"]

# (``*+``: a word character given back could never be the blank or colon that follows)
_HEAD = re.compile(
    r"((?:[A-Z][\w'\u2019.&-]*+[ \t\u00a0]+){0,4}[A-Z][\w'\u2019.&-]*+):[ \t\u00a0]+(\S)"
)
_LABELS = frozenset(
    "The A An Editor Note Update Correction Name Paid Contributing Photo Video Source "
    "Sources Email Related Read Watch Listen Caption Credit Disclosure Follow "
    # (tabloid and blog kickers: "Breaking: ...", "Wow: ...", "Revealed: ...")
    "Breaking Revealed Wow Look Bombshell Exclusive Shock Shocking Just Special So "
    "Opinion Analysis Editorial Explainer Live Recap".split()
)
#: Last words of a topic label, not a speaker ("Delegate Update", "Black Death Warning",
#: "Madagascar Outbreak", "Trump Effect", "Las Vegas Massacre Coverup").
_TOPIC_ENDS = frozenset(
    "Update Updates Warning Alert Outbreak Effect Bombshell Coverup Cover-Up Scandal "
    "Death Crisis Timeline Roundup".split()
)
_OPENERS = frozenset("\"'\u201c\u2018\u00ab\u201e`")
#: A headline's colon lies within this many characters of its paragraph's start (five
#: words and a colon fit in 160); callers may skip paragraphs without one.
HEAD_REACH = 160


def _label(words: list[str]) -> bool:
    first = words[0]
    return (
        first in _LABELS
        or words[-1] in _TOPIC_ENDS
        or len(first) == 1
        or any(len(w) > 1 and w.isupper() for w in words)
        or any(w.endswith(("'s", "\u2019s")) for w in words)
    )


def headline_attributions(
    text: str, pid: int, start: int, end: int, atts: list[Attribution]
) -> Attribution | None:
    """The ``Name: …`` attribution opening a paragraph, or None.

    ``atts`` are the paragraph's attributions already found: a colon or name they use
    is left to them.

    Examples
    --------
    >>> s = "Cruz: Trump would put liberals on the court."
    >>> att = headline_attributions(s, 0, 0, len(s), [])
    >>> s[att.source[0]:att.source[1]], s[att.cue[0]:att.cue[1]]
    ('Cruz', ':')
    """
    if text.find(":", start, min(end, start + HEAD_REACH)) < 0:
        return None
    m = _HEAD.match(text, start, end)
    if m is None or m.group(2) in _OPENERS:
        return None
    words = m.group(1).split()
    if _label(words):
        return None
    colon = m.end(1)
    if any(
        x is not None and x[0] <= colon and start < x[1] for a in atts for x in (a.cue, a.source)
    ):
        return None
    e = end
    while e > m.start(2) and text[e - 1] in " \t\n\u00a0":
        e -= 1
    if e - m.start(2) < 10:
        return None
    return Attribution(
        pid, (colon, colon + 1), "neutral", "speech", (m.start(1), colon), [(m.start(2), e)]
    )


# "In a new Washington Post-ABC News poll, 51 percent ...": the poll is the source.
_POLL_LEAD = re.compile(
    r"(?:(?<=^)|(?<=[.!?][ \t\u00a0])|(?<=\n)|(?<=[.!?][\"\u201d\u2019][ \t\u00a0]))"
    r"(In)[ \t\u00a0]+((?:a|an|the|this|that|one|[A-Z])[^,.;:!?\n]{0,80}?\b(?:polls?|surveys?)\b"
    r"[^,;:!?\n]{0,60}?),[ \t\u00a0]+"
)


def poll_attributions(text: str, pid: int, start: int, end: int) -> list[Attribution]:
    """``In a … poll, …`` attributions of a paragraph (cue ``In``, the poll as source).

    On PolNeAR train, 15 of the 20 sentences this matches carry a gold ``In`` cue.

    Examples
    --------
    >>> s = "In a new state poll, most voters backed the plan."
    >>> att = poll_attributions(s, 0, 0, len(s))[0]
    >>> s[att.source[0]:att.source[1]], s[att.content[0][0]:att.content[0][1]]
    ('a new state poll', 'most voters backed the plan')
    """
    out: list[Attribution] = []
    k = text.find("In", start, end)
    if k < 0 or (text.find("poll", start, end) < 0 and text.find("survey", start, end) < 0):
        return out  # (the words the pattern needs: C-level searches, no regex scan)
    # Every match opens with "In": the pattern is tried only there (the matches of
    # ``finditer``, without stepping the pattern through the whole paragraph).
    while k >= 0:
        m = _POLL_LEAD.match(text, k, end)
        if m is None:
            k = text.find("In", k + 1, end)
            continue
        k = text.find("In", m.end(), end)
        s = m.end()
        e = s
        while e < end and text[e] not in ".!?\n":
            e += 1
        if e - s < 10:
            continue
        out.append(
            Attribution(
                pid, (m.start(1), m.end(1)), "neutral", "speech", (m.start(2), m.end(2)), [(s, e)]
            )
        )
    return out
