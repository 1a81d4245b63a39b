"""Fast paths of the attribution scorer give what the plain definitions give."""

import random
import re

from framing.attribution._frames import Attribution, find_frames
from framing.attribution._name_records import _NAME
from framing.attribution._phrases import _sentence_bounds
from framing.attribution._quotes import Quote
from framing.attribution._scorer import _free_quote_counts
from framing.attribution._tokens import _TOKEN, _Para, _tokens
from framing.attribution._verbs import load_reporting_verbs

_ODD = [
    "",
    "   ",
    "He said: \u201cno.\u201d",
    "U.S. officials didn\u2019t say--or did they? A&B co-op e.g. i.e. 3.5 _x_ \u00e9t\u00e9 ...",
    "  leading and trailing blanks  ",
    "\u201cWe\u2019ll see,\u201d said Ann O\u2019Neil-Smith (D-Wash.) on Tuesday.",
]


def _pattern_tokens(s: str, start: int = 0, end: int | None = None) -> tuple[list, ...]:
    """Starts, strings, word flags and sentence-end flags of the pattern's tokens of ``s``
    lowered (the frames' tokens are lowered)."""
    found = list(_TOKEN.finditer(s.lower(), start, len(s) if end is None else end))
    words = [m.group() for m in found]
    ends = [w in (".", "!", "?") for w in words]
    return [m.start() for m in found], words, [w[0].isalnum() for w in words], ends


def test_tokens_are_those_of_the_token_pattern() -> None:
    for s in _ODD:
        low = s.lower()
        for start, end in [(0, len(s)), (1, max(1, len(s) - 1))]:
            assert _tokens(low, start, end) == _pattern_tokens(low, start, end)


def test_ascii_tokens_are_those_of_the_unicode_pattern() -> None:
    every = "".join(map(chr, range(128)))
    for s in [every, every[32:], "plain words.", *(f"a{c}b" for c in "\x1c\x1d\x1e\x1f")]:
        assert _tokens(s, 0, len(s)) == _pattern_tokens(s)


def test_chunked_tokens_are_those_of_the_token_pattern() -> None:
    import random

    rng = random.Random(4)
    # word characters, joiners, punctuation, blanks of several kinds, a control blank
    alphabet = list("ab Z9_'\u2019-&.,\"\u201c\u201d:;()\u00e9\u00a0\t\n  \x1c")
    for _ in range(8_000):
        s = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
        assert _tokens(s, 0, len(s)) == _pattern_tokens(s)


def test_sentence_bounds_are_the_run_of_the_token_sentence_id() -> None:
    s = "Mr. Lee came. He said it works! Then he left (at noon). Fine"
    p = _Para(s, 0, 0, len(s), [], s.lower())
    for i, sid in enumerate(p.sent):
        a, b = _sentence_bounds(p, i)
        assert all(x == sid for x in p.sent[a:b])
        assert (a == 0 or p.sent[a - 1] != sid) and (b == len(p.sent) or p.sent[b] != sid)


def test_name_pattern_matches_as_the_plain_pattern() -> None:
    plain = re.compile(
        r"(?<![\w'\u2019])(?:[A-Z][\w'\u2019\-]*\.?[ \t]+(?:[A-Z]\.[ \t]+)?)+"
        r"[A-Z][\w'\u2019\-]*[\w]"
    )
    s = (
        "Sen. Ann B. Lee and Jim O\u2019Neil met. x-Ray Tom Doe\u2019s aide, Mary-Kate Roe "
        "Jr. said. ABC News A. B. Carter. The Big Red Dog barked at Dr. No\tOne Two."
    )
    assert [m.span() for m in _NAME.finditer(s)] == [m.span() for m in plain.finditer(s)]


def test_name_pattern_matches_as_the_plain_pattern_on_random_text() -> None:
    plain = re.compile(
        r"(?<![\w'\u2019])(?:[A-Z][\w'\u2019\-]*\.?[ \t]+(?:[A-Z]\.[ \t]+)?)+"
        r"[A-Z][\w'\u2019\-]*[\w]"
    )
    rng = random.Random(7)
    alphabet = "ABJaxy. \t\n'\u2019-,9_\u00c9"
    for _ in range(3000):
        s = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        assert [m.span() for m in _NAME.finditer(s)] == [m.span() for m in plain.finditer(s)], s


def test_paragraph_without_cue_or_quotation_has_no_frame() -> None:
    s = "The weather was fine and the market opened late."
    assert find_frames(s, 0, 0, len(s), [], load_reporting_verbs(), s.lower()) == ([], [])


def test_free_quotations_are_those_no_content_contains() -> None:
    quotes = [Quote(10, 20, 9, 21, 0, 0, True, 1), Quote(30, 40, 29, 41, 0, 0, True, 2)]
    quotes.append(Quote(50, 60, 49, 61, 1, 0, True, 3))
    atts = [
        Attribution(0, (0, 4), "neutral", "speech", None, [(5, 25)]),
        Attribution(0, (0, 4), "neutral", "speech", None, [(31, 45)]),
        Attribution(1, (0, 4), "neutral", "speech", None, [(45, 70)]),
    ]
    # (10, 20) lies in (5, 25) and (50, 60) in (45, 70); (30, 40) starts before (31, 45)
    assert _free_quote_counts(atts, quotes) == {0: 1}
    assert _free_quote_counts([], quotes) == {0: 2, 1: 1}


def test_memoised_cue_scores_are_the_plain_sums(plain_cue_logit) -> None:
    import math

    import numpy as np

    from framing.attribution import CueWeights, extract_attributions

    texts = [
        "Said the mayor: it works.",
        "The minister said the plan works, and she added that it would pass.",
        "\u201cWe will win,\u201d Jane O\u2019Neil told reporters Tuesday. Officials said so.",
        "Critics, who warned against it, claimed \u201cnothing\u201d changed. He said",
        "According to a report by the agency, costs rose. X said",
    ]
    rng = np.random.default_rng(0)
    weights = CueWeights(rng.normal(size=2**18), intercept=-0.3)
    seen = 0
    for text in texts * 2:  # (the second time, from the memos)
        atts, _ = extract_attributions(text, [(0, len(text))], permissive=True)
        for att in atts:
            if att.cue is None:
                continue
            weights.keep(text, att)
            assert att.score == 1.0 / (1.0 + math.exp(-plain_cue_logit(weights, text, att)))
            seen += 1
    assert seen >= 10


def test_mark_positions_are_those_of_the_mark_pattern() -> None:
    import random

    from framing.attribution._quotes import _MARK_CHAR, _mark_positions

    rng = random.Random(6)
    alphabet = list("ab '\"`\u201c\u201d\u201e\u00ab\u00bb\u2039\u203a\u201a\u2018\u2019\n")
    for _ in range(5_000):
        s = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 16)))
        assert _mark_positions(s) == [m.start() for m in _MARK_CHAR.finditer(s)]


def test_next_word_initials_skip_only_multiword_regexes_that_cannot_match() -> None:
    import copy

    from framing.attribution._candidates import _candidates

    lex = load_reporting_verbs()
    plain = copy.copy(lex)
    plain.next_initials = {}  # (every multi-word regex is tried)
    heads = sorted({form.split()[0] for form in lex.multi})
    nexts = ["to", "out", "a", "on", "\u212aey", "\u017ftatement", "Issue", ",", "", "it"]
    texts = [f"{h.capitalize()} {w} it. She {h} {w}" for h in heads for w in nexts]
    texts += [f"{form} now" for form in lex.multi] + [f"{f.title()}, x" for f in lex.multi]
    for text in texts:
        for low in (text.lower(), None):
            p = _Para(text, 0, 0, len(text), [], low)
            got = _candidates(text, 0, p.starts, p.words, p.inq, lex)
            want = _candidates(text, 0, p.starts, p.words, p.inq, plain)
            assert [(c.start, c.end, c.entry) for c in got] == [
                (c.start, c.end, c.entry) for c in want
            ]


def test_right_extension_is_tried_where_it_can_match(monkeypatch) -> None:
    from framing.attribution import _frame_cue

    class _Every:
        def __contains__(self, item: object) -> bool:
            return True

    texts = [
        "Jane Doe said in a statement that it works.",
        "Jane Doe said In Her Tweet that it works.",
        "Jane Doe said  in  a  statement that it works.",
        "Jane Doe said\u00a0on\u00a0Twitter that it works.",
        "Jane Doe said, in a statement, that it works.",
        "Jane Doe said on TV it works. Officials said in",
        "Jane Doe said in-depth talks work.",
    ]
    lex = load_reporting_verbs()

    def frames() -> list:
        out = []
        for s in texts:
            atts, _ = find_frames(s, 0, 0, len(s), [], lex, s.lower(), permissive=True)
            out.append([(a.cue, a.source, a.content) for a in atts])
        return out

    fast = frames()
    monkeypatch.setattr(_frame_cue, "_IN_ON", _Every())
    assert frames() == fast
    assert any(
        s[c[0] : c[1]].endswith(("statement", "Tweet", "Twitter"))
        for s, f in zip(texts, fast, strict=True)
        for c, _, _ in f
    )


def test_name_registry_cuts_a_leading_role_only_at_a_sentence_start() -> None:
    from framing.attribution._speakers import SpeakerResolver

    for text, full in [
        ("Fishmonger Arno Dekker spoke.", "Arno Dekker"),
        ("It rained. Fishmonger Arno Dekker spoke.", "Arno Dekker"),
        ("It rained\nFishmonger Arno Dekker spoke.", "Arno Dekker"),
        ("It rained, Fishmonger Arno Dekker spoke.", "Fishmonger Arno Dekker"),
        ("x.Fishmonger Arno Dekker spoke.", "Fishmonger Arno Dekker"),
    ]:
        r = SpeakerResolver(text)
        assert r.full_names == {full}, text
        assert r.full == r.by_part["Dekker"] == [(text.index("Fishmonger"), full)]


def test_frames_without_quotation_are_those_of_the_paragraph_view() -> None:
    # (with ``low`` the tokens go to the cue candidates without a _Para; without it, a
    # _Para is built first: both must give the same frames and word starts)
    lex = load_reporting_verbs()
    rng = random.Random(11)
    vocab = "Jane Doe said told officials according to the report it was fine , . ; and he".split()
    texts = [
        "The weather was fine and the market opened late.",
        "Jane Doe said the talks were over, according to officials.",
        "Officials told reporters it was fine. He added that it was not.",
        "",
    ]
    texts += [" ".join(rng.choice(vocab) for _ in range(rng.randint(0, 25))) for _ in range(300)]
    found = 0
    for text in texts:
        seen: dict[int, tuple[list[int], list[bool]]] = {}
        plain: dict[int, tuple[list[int], list[bool]]] = {}
        got = find_frames(text, 0, 0, len(text), [], lex, text.lower(), word_starts=seen)
        want = find_frames(text, 0, 0, len(text), [], lex, None, word_starts=plain)
        assert seen == plain, text
        assert got[0] == want[0], text
        assert got[1] == want[1] == []
        found += bool(got[0])
    assert found > 10
