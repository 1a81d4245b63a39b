"""Interview transcripts ("Q: ... A: ..."): whose voice "I" and "you" are.

In a question-and-answer piece the answers are the interviewee's words: "I" and "we" in
an answer are the interviewee, not the author, and "you" in a question is the
interviewee too. :func:`interview_turns` finds the turn labels (a line opening with
"Q:", "A:", "Question:" or "Answer:"; a period may stand for the colon) when a text has
at least two questions and two answers; :func:`turn_at` says in which turn an offset
lies. The speaker step (:mod:`._pronouns`) takes the interviewee to be the first person
the text names before the first turn (the headline's or the introduction's subject).
"""

from __future__ import annotations

import bisect
import re

__all__ = ["interview_turns", "turn_at"]

_TURN = re.compile(r"^[ \t]*(Q|A|Question|Answer)[ \t]*[:.][ \t]", re.MULTILINE)


def interview_turns(text: str) -> list[tuple[int, str]]:
    """Offsets and kinds (``"q"`` or ``"a"``) of a Q&A's turn labels, in text order;
    empty unless the text has two questions and two answers at least.

    Examples
    --------
    >>> interview_turns("Intro.\\nQ: Why?\\nA: Because.\\nQ: When?\\nA: Now.")
    [(7, 'q'), (15, 'a'), (27, 'q'), (36, 'a')]
    >>> interview_turns("A: one answer is no interview.")
    []
    """
    if "Q" not in text:
        return []  # (no question label: no pattern run over the text)
    turns = [(m.start(), "q" if m.group(1)[0] == "Q" else "a") for m in _TURN.finditer(text)]
    n_q = sum(1 for _, kind in turns if kind == "q")
    if n_q < 2 or len(turns) - n_q < 2:
        return []
    return turns


def turn_at(turns: list[tuple[int, str]], pos: int) -> str | None:
    """The kind of the turn that offset ``pos`` lies in (None before the first one).

    Examples
    --------
    >>> turn_at([(7, "q"), (15, "a")], 20)
    'a'
    >>> turn_at([(7, "q"), (15, "a")], 3) is None
    True
    """
    k = bisect.bisect_right(turns, (pos, "~"))
    return turns[k - 1][1] if k else None
