"""Speaker resolution: names, titles, roles, pronouns and speaker types.

A sieve over the document, in reading order:

1. the names in the text (runs of capitalised words, titles stripped) form a registry of
   full names; a surname or first name alone, or title + surname, maps back to the full
   name mentioned before (or after) it;
2. roles from appositives and pre-name titles (``Jane Doe, a spokeswoman for the
   ministry``; ``spokeswoman Jane Doe``) map ``the spokeswoman`` back to the person;
3. a pronoun goes to the subject of the sentence before it or to the most recent
   earlier speaker of compatible gender and number (``he``/``she`` to a person,
   ``they`` to a group, ``it`` to an organisation), else to the most recent person
   named before it (:mod:`._pronouns`);
4. everything else is typed from its head words: anonymous (``officials``, ``a person
   familiar with``), organisation, document, group, author (``I``/``we``), unknown.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from functools import lru_cache
from operator import itemgetter

from ._frames import Attribution
from ._interview import interview_turns
from ._name_parts import capitalised, head_caps, name_after_title_of
from ._name_records import (
    _NAME_MEMO_CAP,
    _NAME_MEMOS,
    _SENTENCE_ADVERBS,
    _SENTENCE_WORD,
    _TITLES,
    _name_record,
    _role_key,
    _sentence_pieces,
    _strip_possessive,
    is_organization_name,
)
from ._name_scan import name_runs
from ._phrases import _POSSESSIVE_ENDS
from ._pronouns import PRONOUNS, PronounResolution
from ._roles import RoleMemory
from ._speaker_types import _DETS, _PERSON_ROLES, _plural, speaker_type_of
from ._word_kinds import follows_a_capital, written_in_lower_case

__all__ = ["SpeakerResolver", "speaker_type_of"]


@lru_cache(maxsize=65536)
def _source_words(
    src: str,
) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], int, str]:
    """A source phrase's words (typographic apostrophes made straight), the same words in
    lower case without edge dots and commas, its capitalised words that are no
    determiner, how many sentence adverbs open it (``Later Manafort``: not the last
    word), and its type without role nouns (``speaker_type_of(src, roles=False)``).

    Memoised: the same phrases (``he``, ``officials``, a name) come back in a text.
    """
    ws = tuple(src.replace("\u2019", "'").split())
    # (the words of ``ws``: lower case before the split changes no blank)
    low = tuple(w.strip(".,") for w in src.replace("\u2019", "'").lower().split())
    lead = 0
    while lead < len(ws) - 1 and ws[lead].lower().strip(",") in _SENTENCE_ADVERBS:
        lead += 1
    # (not the names in a modifier of a common-noun head: "a lawyer for Donald Trump")
    caps = head_caps(ws, low, _TITLES)
    return ws, low, caps, lead, speaker_type_of(src, roles=False)


@lru_cache(maxsize=65536)
def _untitled(name: str) -> tuple[tuple[str, ...], str | None]:
    """The words of a name that are no title, and them joined when there are two or
    more (else None). Memoised: a text names the same people again and again."""
    toks = tuple(t for t in name.split() if t.lower().rstrip(".") not in _TITLES)
    return toks, " ".join(toks) if len(toks) >= 2 else None


_RELATIVE = frozenset(["who", "which"])
#: Words that open a common-noun phrase capitalised at a sentence start ("One pastor").
_QUANTIFIERS = frozenset("one another some several many two three four five".split())
_OF = ("of ", "of the ")
_FIRST = itemgetter(0)


class SpeakerResolver(PronounResolution, RoleMemory):
    """Resolve the speakers of one document's attributions, in reading order.

    Parameters
    ----------
    text : str
        The document text.
    actors : dict of side -> aliases, optional
        Which side each speaker belongs to; an alias matches a speaker name or source
        phrase case-insensitively (whole words).

    Examples
    --------
    >>> r = SpeakerResolver("Jane Doe arrived.")
    >>> r.canonical("Doe")
    'Jane Doe'
    """

    def __init__(self, text: str, actors: dict[str, list[str]] | None = None) -> None:
        self.text = text
        self.turns = interview_turns(text)  # (a Q&A's turn labels; mostly none)
        self.full: list[tuple[int, str]] = []  # (offset, full name)
        self.full_names: set[str] = set()
        self.by_part: dict[str, list[tuple[int, str]]] = {}
        self.roles: dict[str, str] = {}
        # (("her", "daughter") -> the name given as "her daughter, Anne Reed,")
        self.kin: dict[tuple[str, str], str] = {}
        self.gender: dict[str, str] = {}
        self._gender_by: dict[str, str] = {}  # (surname -> the person a pronoun gave it)
        self._voted: dict[str, str | None] = {}  # (surnames pronoun_gender was asked about)
        self._common: dict[str, bool] = {}  # (words _common_word was asked about)
        self._not_surnames: dict[str, bool] = {}  # (words _no_surname was asked about)
        self._side_re = _cached_side_patterns(
            tuple((side, tuple(aliases)) for side, aliases in (actors or {}).items())
        )
        self._side_memo: dict[str, str | None] = {}
        # (each name registered in place: one loop over the pattern's matches, no
        # generator and no method call per name)
        full_list, full_names, by_part = self.full, self.full_names, self.by_part
        roles, genders = self.roles, self.gender
        name_memos = _NAME_MEMOS
        for m in name_runs(text):  # (the matches of _NAME, found faster)
            pos, end = m.span()
            run = text[pos:end]
            at_start = pos == 0 or text[pos - 1] == "\n" or text[pos - 2 : pos] == ". "
            if "." in run and (". " in run or ".\t" in run) and _SENTENCE_WORD.search(run):
                pieces = _sentence_pieces(pos, run, at_start)
            else:
                pieces = ((pos, run, at_start),)
            for pos, phrase, at_start in pieces:
                # ("Secretary of State John Kerry", "president of the United States ...";
                # the letter before the blank is tested first: a cheap first sieve)
                if text[pos - 2] in "fe" and text.endswith(_OF, 0, pos):
                    pos, phrase = name_after_title_of(text, pos, phrase, _TITLES)
                # (memoised by phrase, one dict per sentence position: a look-up costs less
                # than a cached function's call)
                memo = name_memos[at_start]
                record = memo.get(phrase)
                if record is None:
                    if len(memo) >= _NAME_MEMO_CAP:
                        memo.clear()
                    record = memo[phrase] = _name_record(phrase, at_start)
                role, first, last, gender, full = record
                if gender is not None:
                    genders[last] = gender
                if full is None:
                    continue
                rec = (pos, full)
                full_list.append(rec)
                full_names.add(full)
                for part in (first, last):
                    if part in by_part:
                        by_part[part].append(rec)
                    else:
                        by_part[part] = [rec]
                # "spokeswoman Jane Doe" / "Health Minister Jane Doe"
                if role is not None:
                    roles[role] = full
                    continue
                # (the word before names a role only when it is made of letters: when it
                # ends with a letter, right before the run or before a blank; a cheap sieve)
                c1, c2 = text[pos - 1], text[pos - 2]
                if c1.isspace() and (c2.isalpha() or c2.isspace()) or c1.isalpha():
                    lo = pos - 40 if pos > 40 else 0
                    before = text[lo:pos].rsplit(None, 1)[-1:]  # the last word
                    if before and before[-1].isalpha() and before[-1].islower():
                        roles.setdefault(before[-1].lower(), full)

    def canonical(self, name: str, pos: int | None = None) -> str | None:
        """The full name a (partial) name refers to, or None."""
        toks, joined = _untitled(name)
        if not toks:
            return None
        if joined is not None and joined in self.full_names:
            return joined
        for key in (toks[-1], toks[0]):
            cands = self.by_part.get(key)
            if cands:
                if pos is not None:
                    # (occurrences are in text order: the last one at or before pos)
                    k = bisect.bisect_right(cands, pos, key=_FIRST)
                    if k:
                        return cands[k - 1][1]
                return cands[0][1]
        return None

    def _no_surname(self, word: str) -> bool:
        """Whether the text never writes ``word`` as a surname (memoised)."""
        found = self._not_surnames.get(word)
        if found is None:
            found = self._not_surnames[word] = not follows_a_capital(self.text, word)
        return found

    def _common_word(self, word: str) -> bool:
        """Whether the capitalised ``word`` is a common word, not a name: the text writes
        it in lower case elsewhere ("authorities", "evidence"), and it is no title or role
        ("Pope", "Judge"). Memoised."""
        low = word.lower().rstrip(".,")
        found = self._common.get(low)
        if found is None:
            found = self._common[low] = (
                low not in _TITLES
                and low not in _PERSON_ROLES
                and written_in_lower_case(self.text, low)
            )
        return found

    def _last_full_before(self, pos: int) -> tuple[int, str] | None:
        """The last full name registered before ``pos``: (offset, name), or None.

        (``full`` is in text order: a search, not a scan back from the document's end.)
        """
        k = bisect.bisect_left(self.full, pos, key=_FIRST)
        return self.full[k - 1] if k else None

    def side(self, *names: str | None) -> str | None:
        """The side whose aliases match one of ``names``."""
        if not self._side_re:
            return None  # (no actors map: no side, and nothing to remember)
        memo = self._side_memo
        for name in names:
            if not name:
                continue
            if name in memo:
                hit = memo[name]
            else:
                hit = next((side for side, pat in self._side_re if pat.search(name)), None)
                memo[name] = hit
            if hit is not None:
                return hit
        return None

    def resolve(self, atts: Iterable[Attribution]) -> None:
        """Fill ``speaker``, ``speaker_type`` and ``side`` of each attribution in place."""
        history: list[tuple[int, list[str], str]] = []  # (pos, speakers, type)
        text = self.text
        done: set[int] = set()  # (ids of the attributions resolved so far)
        for att in atts:
            done.add(id(att))
            h = att.head
            if h is not None and (id(h) in done or h.source is None):
                att.speaker, att.speaker_type, att.side = h.speaker, h.speaker_type, h.side
                continue
            # (a head the cue filter dropped, "X declared victory, saying ...": its source
            # is this attribution's)
            frame = att if h is None else h
            if frame.source is None:
                if att.speaker is None:
                    att.speaker_type = "unknown"
                att.side = self.side(att.speaker) if self._side_re else None
                if att.speaker:
                    history.append(
                        (att.content[0][0] if att.content else 0, [att.speaker], att.speaker_type)
                    )
                continue
            pos, end = frame.source
            src = text[pos:end]
            relative = src.lower() in _RELATIVE
            if relative and frame.appositive is not None:
                # "the senator, who said": resolve the antecedent
                src, pos = self.text[frame.appositive[0] : frame.appositive[1]], frame.appositive[0]
                names, stype = self._resolve_source(src, pos, history, antecedent=True)
                if stype == "person" and len(names) == 1:
                    self._learn_kin_before(pos, names[0])
            elif relative:  # no antecedent phrase found: the closest full name before
                last = self._last_full_before(pos)
                near = last[1] if last is not None and last[0] > pos - 80 else None
                names, stype = ([near], "person") if near else ([], "unknown")
            else:
                names, stype = self._resolve_source(src, pos, history)
            if frame is not att and not (len(names) == 1 and names[0] in self.full_names):
                names, stype = [], "unknown"  # (a dropped frame's source: a named person only)
            if frame.appositive and not relative and stype in ("person", "unknown") and names:
                self._learn_appositive_role(
                    text[frame.appositive[0] : frame.appositive[1]].split(), names[0]
                )
            if stype == "person" and len(names) == 1 and not relative:
                self._learn_party(end, src, names[0])
            att.speaker = "; ".join(names) if names else None
            att.speaker_type = stype if len(names) <= 1 else "group"
            att.side = self.side(att.speaker, src) if self._side_re else None
            if names:
                htype = att.speaker_type if len(names) == 1 else "group"
                if att.speaker_type == "unknown":
                    # "the mayor": reported as a person by office, unnamed (the history
                    # says "office": pronouns take it only when no named person is left)
                    att.speaker_type = speaker_type_of(src)
                    if att.speaker_type == "person":
                        htype = "office"
                history.append((pos, names, htype))

    def _resolve_source(
        self,
        src: str,
        pos: int,
        history: list[tuple[int, list[str], str]],
        antecedent: bool = False,
    ) -> tuple[list[str], str]:
        """Names and type of a source phrase. An ``antecedent`` (the phrase before
        "who") keeps the names in its modifiers: "who" follows the nearest noun, so in
        "a question from moderator Jane Doe, who" the name is the speaker."""
        ws, low, caps, lead, stype = _source_words(src)
        # (a sentence adverb before a name is no part of it: "Later Manafort said")
        if lead and ws[lead][:1].isupper():
            src = " ".join(ws[lead:])
            ws, low, caps, _, stype = _source_words(src)  # (ws is then ws[lead:])
        if src.endswith(_POSSESSIVE_ENDS):
            # a nominal cue's possessor ("Donald Trump's claim"): the name without the mark
            src = _strip_possessive(src)
            ws, low, caps, _, stype = _source_words(src)
        if len(low) == 1 and low[0] in PRONOUNS:
            return self._resolve_pronoun(PRONOUNS[low[0]], pos, history)
        if len(low) > 2 and low[1] == "of" and low[0] in ("one", "another"):
            return [src], "anonymous"  # "One of them", "one of his aides": unnamed
        # "Smith and Jones": several speakers
        if "and" in low and src[:1].isupper():
            parts = _AND_SPLIT.split(src)
            names = [self.canonical(p, pos) or p for p in parts if p and p[:1].isupper()]
            if len(names) > 1:
                return names, "group"
        if antecedent:
            caps = capitalised(ws)
        # (``stype``: typed without role nouns; a role noun alone is typed in resolve)
        if stype in ("person", "unknown") and "of" in low and caps:
            # "Sen. Rosa Whitfield of New Mexico": the person before the place (the word
            # before "of" is their surname, not a title: "Secretary of Defense Robert ...")
            k = low.index("of")
            before = capitalised(tuple(ws[:k]))
            full = self.canonical(" ".join(before), pos) if before and k > 0 else None
            if (
                full is not None
                and full in self.full_names
                and full.split()[-1] == ws[k - 1]
                and not is_organization_name(full)
            ):
                return [full], "person"
        if stype in ("person", "unknown") and caps:
            full = self.canonical(" ".join(caps), pos)
            if full is not None and not (
                stype == "organization" and len(caps) > 1 and full not in src
            ):
                # ("New York said", "North Korea said": a place speaks for its government)
                # (a company's or an institution's name: "Norvane Systems said")
                return [full], "organization" if is_organization_name(full) else "person"
        if stype == "document":
            m = _BY_AGENT.search(src)
            prev = src[: m.start()].split()[-1:] if m else []
            if m and not (prev and prev[0].lower() in ("obtained", "seen", "reviewed")):
                return [_strip_det(m.group(1) or m.group(2))], "document"
            return [_strip_det(src)], "document"
        head = _role_key(low, len(low) - 1) if low else ""
        if len(low) == 2 and (low[0], head) in self.kin:
            return [self.kin[(low[0], head)]], "person"  # "her daughter said"
        if head in self.roles and low[0] in ("the", "this"):
            return [self.roles[head]], "person"
        if (
            low[:1]
            and low[0] in ("the", "both")
            and head in ("leaders", "two", "men", "women", "pair", "candidates")
        ):
            for _, names, _ in reversed(history):
                if len(names) > 1:
                    return names, "group"
        if stype == "person":
            if _QUANTIFIERS.issuperset(low):
                return [src], "anonymous"  # "One described the plan as ...": one of them
            if len(caps) < len(capitalised(ws)) or _QUANTIFIERS.issuperset(low[: len(caps)]):
                # a name in a modifier ("One bastion of Trump"), or a quantifier before a
                # common noun ("One pastor", "Another official"): the phrase is the
                # speaker, typed in resolve; pronouns do not take it
                return [_strip_det(src)], "unknown"
            if len(ws) == 1 and _plural(low[0]) and ws[0][1:].islower() and self._no_surname(ws[0]):
                return [src], "group"  # "Swedes said", "Leftists insist": no one's name
            if len(ws) == 1 and self._common_word(ws[0]):
                # "Authorities said", "Evidence shows": a common word that opens a
                # sentence, as the text writes it in lower case elsewhere
                return [src], "group" if _plural(low[0]) else "unknown"
            # (the words after the last title: "Foreign Minister Petrov" is "Petrov")
            titled = [i for i, w in enumerate(low) if w.rstrip(".") in _TITLES]
            kept = list(ws[titled[-1] + 1 :]) if titled else list(ws)
            if not kept or not kept[0][:1].isupper():
                kept = _strip_det(src).split()  # ("Whitcombe's chief of staff")
            return [" ".join(kept)], "person"
        if stype in ("organization", "group", "anonymous"):
            return [_strip_det(src)], stype
        return ([_strip_det(src)] if src else []), stype


_AND_SPLIT = re.compile(r"\s*(?:,|\band\b)\s*")
# "by the industry group SEMI Europe" (the name, not the lower-case words before it);
# "by the Commerce Department", "by the state education department" (up to a preposition)
_BY_AGENT = re.compile(
    r"\bby\s+(?:(?:the\s+)?(?:[a-z][\w-]*\s+){1,3}([A-Z][\w.&'\u2019-]*(?:\s+[A-Z][\w.&'\u2019-]*)*)"
    r"|((?:the\s+)?[\w.&'\u2019-]+(?:\s+[A-Z][\w.&'\u2019-]*)*"
    r"(?:\s+(?!(?:on|in|at|for|with|from|to|of|last|this|that|which|who)\b)[a-z][\w-]*){0,2}))"
)


def _strip_det(s: str) -> str:
    ws = s.split()
    if ws and ws[0].lower() in _DETS:
        ws = ws[1:]
    return " ".join(ws)


def _side_patterns(actors: dict[str, list[str]]) -> list[tuple[str, re.Pattern[str]]]:
    out = []
    for side, aliases in actors.items():
        alts = [re.escape(a.strip()) for a in aliases if a and a.strip()]
        alts.append(re.escape(side))
        out.append((side, re.compile(r"(?<!\w)(?:" + "|".join(alts) + r")(?!\w)", re.IGNORECASE)))
    return out


@lru_cache(maxsize=64)
def _cached_side_patterns(
    actors: tuple[tuple[str, tuple[str, ...]], ...],
) -> list[tuple[str, re.Pattern[str]]]:
    """:func:`_side_patterns` of an actors map given as a tuple (compiled once per map)."""
    return _side_patterns({side: list(aliases) for side, aliases in actors})
