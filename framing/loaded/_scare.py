"""Scare quotes: quotation marks around a word or short phrase in the author's own voice.

``the "peace" talks`` distances the writer from the word; ``he called it "a disgrace,"``
is a quotation and ``the film "Black Panther"`` a title. The rules, applied to the
normalised view (curly quotes folded to straight ones), are:

* the quoted stretch holds 1 to ``max_words`` word tokens and no clause punctuation
  (a quotation usually ends with ``,`` ``.`` ``?`` ``!`` inside the marks);
* it is not a title: two or more words that are all capitalised;
* the opening mark does not follow ``:`` or ``,`` (which introduce quotations), nor a
  reporting or naming word within three tokens (``said``, ``called``, ``dubbed``,
  ``titled``, ``the word``...), which make it a partial quotation or a mention;
* the closing mark is not followed by a speaker and a reporting verb (``"...", he said``);
* single quotes count only when they cannot be apostrophes.
"""

from __future__ import annotations

import re

from ..segment import TOKEN_PATTERN

__all__ = ["INTRODUCERS", "find_scare_quotes"]

#: Words that, just before a quoted stretch, make it a quotation, mention or title.
INTRODUCERS = frozenset(
    """said say says saying told tell tells called call calls calling dubbed dub dubs termed
    term terms described describes describing labelled labeled label labels branded brands
    titled entitled named name names nicknamed wrote write writes writing word words phrase
    phrases slogan slogans headline headlined hashtag chant chanted chanting shouted shouting
    yelled read reads reading added adds asked asks tweeted posted declared declares stated
    states announced wrote song album film movie book novel show series episode podcast
    column article essay poem play report titled motto mantra catchphrase byline caption
    as like""".split()
)
_VERBS = r"(?:said|says|told|wrote|writes|added|adds|asked|tweeted|explained|noted|argued)\b"
_FOLLOWERS = re.compile(
    r"\s*(?:,\s*(?:he|she|they|it|we|i|the\s+\w+|[A-Z]\w+(?:\s+[A-Z]\w+)?)?\s*"
    + _VERBS
    + r"|\s+(?:he|she|they|we|i)\s+"
    + _VERBS
    + ")"
)
_DOUBLE = re.compile(r'"([^"\n]{1,80}?)"')
_SINGLE = re.compile(r"(?<![\w'])'([^'\n]{1,60}?)'(?![\w])")
_CLAUSE = frozenset(",.;:!?")
_CLAUSE_INSIDE = re.compile(r"[.!?;:]")


def find_scare_quotes(
    view: str, start: int = 0, end: int | None = None, max_words: int = 4
) -> list[tuple[int, int]]:
    """Scare-quoted stretches of ``view[start:end]`` as ``(start, end)`` view offsets.

    Offsets include the quotation marks.

    Examples
    --------
    >>> s = 'The "peace" talks failed. "We are done," he said. She read "War and Peace".'
    >>> [s[a:b] for a, b in find_scare_quotes(s)]
    ['"peace"']
    >>> s = "Officials called it 'restructuring'. The 'experts' disagreed."
    >>> [s[a:b] for a, b in find_scare_quotes(s)]
    ["'experts'"]
    """
    if end is None:
        end = len(view)
    out = []
    find = view.find
    # What ``_DOUBLE.finditer`` would find, with ``str.find`` (much faster on long quotations).
    a = find('"', start, end)
    while a >= 0:
        b = find('"', a + 1, end)
        if b < 0:
            break
        if 0 < b - a - 1 <= 80 and find("\n", a + 1, b) < 0:  # a pair of marks
            # a closing mark after clause punctuation ends a quotation: no call needed
            if view[b - 1] not in _CLAUSE and _is_scare(view, a, b + 1, start, max_words):
                out.append((a, b + 1))
            a = find('"', b + 1, end)
        else:
            a = b
    if find("'", start, end) >= 0 and (
        view.startswith("'", start)
        or find(" '", start, end) >= 0
        or find("('", start, end) >= 0
        or find("\n'", start, end) >= 0
    ):
        for m in _SINGLE.finditer(view, start, end):
            if _is_scare(view, *m.span(), start, max_words):
                out.append(m.span())
        out.sort()
    return out


def _is_scare(view: str, a: int, b: int, start: int, max_words: int) -> bool:
    inner = view[a + 1 : b - 1]
    if not inner or inner[0].isspace() or inner[-1].isspace():
        return False  # '" a' spacing means the marks are not a pair around a phrase
    if inner[-1] in _CLAUSE or _CLAUSE_INSIDE.search(inner):
        return False
    words = TOKEN_PATTERN.findall(inner)
    if not 1 <= len(words) <= max_words:
        return False
    if len(words) >= 2 and all(w[0].isupper() or w[0].isdigit() for w in words if len(w) > 3):
        return False  # a title or a proper name
    before = view[max(start, a - 60) : a].rstrip()
    if before.endswith((":", ",")):
        return False
    prev = TOKEN_PATTERN.findall(before)[-3:]
    if any(w.lower() in INTRODUCERS for w in prev):
        return False
    return not _FOLLOWERS.match(view, b)
