"""Pronouns: which earlier speaker "he", "she", "they" or "it" stands for.

:class:`PronounResolution` is the part of
:class:`~framing.attribution._speakers.SpeakerResolver` that resolves a pronoun source.
In order:

1. "I" and "we" are the author; "you" is nobody the text names (in an interview, "I"
   answering and "you" asked are the interviewee, :mod:`._interview`);
2. a sentence-opening "he" or "she" takes the name that opens the sentence before
   ("Raman rejected that. She told ...", :mod:`._sentence_subject`), and "they" the
   plural subject that opens it ("The researchers pooled data. They wrote ...");
3. else the latest earlier speaker of a compatible gender and number (a group or plural
   anonymous source for "they", an organisation or document for "it");
4. else the last full name before it, else an unnamed office ("the minister said ... he
   added").

A person's gender comes from a title or role noun, from an earlier pronoun resolved to
them, or from the pronouns the text puts after their name (:mod:`._gender_votes`).
"""

from __future__ import annotations

import re

from ._gender_votes import pronoun_gender
from ._interview import turn_at
from ._name_records import _FEMALE, _MALE, _SKIP_NAME, is_organization_name
from ._sentence_subject import previous_group_subject, previous_subject_name
from ._speaker_types import _DETS

__all__ = ["PRONOUNS", "PronounResolution"]

#: How many of the latest speakers a pronoun looks back at (keeps long texts linear).
_PRONOUN_LOOKBACK = 64
#: What each pronoun refers to: a man, a woman, a group, a thing, the author or the reader.
PRONOUNS = {
    "he": "m",
    "she": "f",
    "they": "pl",
    "it": "n",
    "i": "author",
    "we": "author",
    "you": "reader",
}
# Capitalised words that open a sentence but no name ("This country ...", "The senator").
_NOT_A_NAME_START = _SKIP_NAME | _DETS | frozenset(["i", "we", "you", "there", "here"])

History = list[tuple[int, list[str], str]]


#: Cues after "he"/"she" that continue the last speaker ('“…,” he added'), and the
#: closing marks before such a pronoun.
_CONTINUING = re.compile(r"\w+\s+(?:added|adds|continued|went on)\b")
_AFTER_QUOTE = frozenset('"\u201d\u2019')


class PronounResolution:
    """Pronoun resolution for a speaker resolver (a mixin).

    The resolver provides ``text``, ``gender`` (surname -> "m"/"f"), ``_voted``
    (surnames :func:`pronoun_gender` was asked about), ``by_part``, ``full_names`` and
    ``full`` (its registry of names), ``turns`` (an interview's turn labels),
    :meth:`canonical` and :meth:`_last_full_before`.
    """

    text: str
    gender: dict[str, str]
    _voted: dict[str, str | None]
    by_part: dict[str, list[tuple[int, str]]]
    full_names: set[str]
    full: list[tuple[int, str]]
    turns: list[tuple[int, str]]
    _gender_by: dict[str, str]

    def _resolve_pronoun(self, kind: str, pos: int, history: History) -> tuple[list[str], str]:
        """Names and type of a pronoun source of ``kind`` (a value of :data:`PRONOUNS`) at
        offset ``pos``; ``history`` holds the earlier speakers as ``(offset, names,
        type)``."""
        if self.turns and kind in ("author", "reader"):
            # (in an interview, "I" answering and "you" asked are the interviewee)
            if turn_at(self.turns, pos) == ("a" if kind == "author" else "q"):
                who = self._interviewee()
                if who is not None:
                    return [who], "person"
        if kind == "author":
            return ["author"], "author"
        if kind == "reader":
            return [], "unknown"  # ("You might think ...": the reader, or anyone)
        if kind in ("m", "f"):
            since = history[-1][0] if history else -1
            subject = self._previous_subject(pos, kind, since)
            if subject is not None:
                return [subject], "person"
        elif kind == "pl":
            # "The researchers pooled the data. They wrote ...": the plural subject of
            # the sentence before (not when that sentence holds the latest attribution)
            group = previous_group_subject(self.text, pos)
            if group is not None and (not history or history[-1][0] < group[1]):
                return [group[0]], "group"
        # A pronoun refers back to a recent speaker: look at the latest ones only
        # (keeps paragraphs with thousands of attributions linear).
        for _, names, stype in reversed(history[-_PRONOUN_LOOKBACK:]):
            if kind in ("m", "f") and stype == "person" and len(names) == 1:
                if self._person_gender(names[0]) in (None, kind):
                    last = names[0].split()[-1]
                    if last not in self.gender:
                        self.gender[last] = kind
                        self._gender_by[last] = names[0]
                    return names, "person"
            if kind == "pl" and (
                len(names) > 1
                or stype == "group"
                or (  # "officials", not "one of the officials"
                    stype == "anonymous"
                    and names[0].endswith("s")
                    and not names[0].lower().startswith(("one ", "another "))
                )
            ):
                return names, "group" if len(names) > 1 else stype
            if kind == "n" and stype in ("organization", "document"):
                return names, stype
        if kind in ("m", "f"):
            earlier = self._last_full_before(pos)
            if (
                earlier is not None
                and not is_organization_name(earlier[1])  # (not "New York", "Acme Inc")
                and self._person_gender(earlier[1]) in (None, kind)
            ):
                return [earlier[1]], "person"
            other = _MALE if kind == "f" else _FEMALE
            for _, names, stype in reversed(history[-_PRONOUN_LOOKBACK:]):
                if stype == "office" and names[0].split()[-1].lower() not in other:
                    return names, "person"  # "the minister said … he added"
        return [], "unknown"

    def _interviewee(self) -> str | None:
        """The first person the text names before an interview's first turn."""
        first = self.turns[0][0]
        for pos, full in self.full:
            if pos >= first:
                break
            if not is_organization_name(full):
                return full
        return None

    def _person_gender(self, full: str) -> str | None:
        """The gender known for a person's surname (:meth:`_gender_of`), unless an earlier
        pronoun gave it to another person of that surname ("he" for Bill Jones says
        nothing of Ruth Jones)."""
        last = full.split()[-1]
        by = self._gender_by.get(last)
        if by is not None and by != full and any(f == full for _, f in self.by_part.get(last, ())):
            return None
        return self._gender_of(last)

    def _gender_of(self, last: str) -> str | None:
        """The gender known for a surname: from a title, a role noun or an earlier
        pronoun, else from the pronouns after its mentions (:func:`pronoun_gender`,
        asked once per surname that no two full names share)."""
        g = self.gender.get(last)
        if g is None and last not in self._voted:
            # (no vote for a surname that two people share: "Rakeyia Scott", "Keith Scott")
            shared = len({full for _, full in self.by_part.get(last, ())}) > 1
            g = self._voted[last] = None if shared else pronoun_gender(self.text, last)
            if g is not None:
                self.gender[last] = g
        return g

    def _previous_subject(self, pos: int, kind: str, since: int) -> str | None:
        """The person who opens the sentence before a sentence-opening pronoun ("Raman
        rejected that. She told ..."), when the text names them in full elsewhere and
        does not give them the other gender; else None. Not when that sentence holds the
        latest attribution (its source at ``since``): "…, attorney Marc Victor said. He
        said …" continues the speaker, not the reported clause's subject.
        """
        text = self.text
        if text[pos - 3 : pos].rstrip()[-1:] in _AFTER_QUOTE and _CONTINUING.match(text, pos):
            return None  # '“A second point,” he added': the last speaker goes on
        found = previous_subject_name(text, pos)
        # (not when that sentence holds the latest attribution)
        if found is None or since >= found[1]:
            return None
        name = found[0]
        if name.split()[0].lower() in _NOT_A_NAME_START:
            return None  # ("This country is ...", "The senator said")
        full = self.canonical(name, pos)
        if full is None or full not in self.full_names or is_organization_name(full):
            return None
        return full if self._person_gender(full) in (None, kind) else None
