"""Mention finding: aliases, possessives, case, demonyms, metonyms, short names, pronouns."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.errors import InputError
from framing.segment import segment
from framing.stance import TargetMatcher
from framing.stance._speaker_pronouns import _FIRST_PERSON
from framing.stance._target_pronouns import (
    _PERSON_PRONOUNS,
    _PRONOUN_RE,
    _THING_PRONOUNS,
    find_pronouns,
    spaced_text,
)
from framing.stance._targets import _is_word, _lower_preimage


def _found(text: str, targets: dict[str, list[str]], **kw: bool) -> list[tuple[str, str, str]]:
    doc = segment(text)
    found = TargetMatcher(targets, **kw).find(doc)
    return [(doc.text[m.start : m.end], m.target, m.kind) for m in found]


def test_possessive_straight_and_curly() -> None:
    got = _found("Russia's army and Russia\u2019s navy.", {"Russia": []})
    assert [g[0] for g in got] == ["Russia", "Russia"]


def test_multi_word_alias_wins_over_its_part() -> None:
    got = _found("Vladimir Putin arrived.", {"Russia": ["Putin", "Vladimir Putin"]})
    assert got == [("Vladimir Putin", "Russia", "alias")]


def test_capitalised_alias_matches_headline_caps_but_not_lower_case_word() -> None:
    got = _found("TURKEY ACTS. Turkey acts. We ate turkey.", {"Turkey": []}, expand=False)
    assert [g[0] for g in got] == ["TURKEY", "Turkey"]


def test_acronym_is_case_sensitive() -> None:
    got = _found("The US said we would help us.", {"United States": ["US"]}, expand=False)
    assert [g[0] for g in got] == ["US"]


def test_lower_case_article_in_alias_matches_sentence_initial_capital() -> None:
    got = _found("The Kremlin denied it.", {"Russia": ["the Kremlin"]}, expand=False)
    assert got[0][:2] == ("The Kremlin", "Russia")


def test_demonym_and_metonym_added_for_known_country() -> None:
    got = _found("Russian troops moved. Moscow and the Kremlin denied it.", {"Russia": []})
    assert [g[0] for g in got if g[2] == "alias"] == ["Russian", "Moscow", "the Kremlin"]


def test_no_expansion_when_disabled() -> None:
    got = _found("Moscow denied it.", {"Russia": []}, expand=False)
    assert got == []


def test_washington_is_united_states_via_us_alias() -> None:
    got = _found("Washington imposed tariffs.", {"USA": ["US"]})
    assert got == [("Washington", "USA", "alias")]


def test_short_name_after_full_name() -> None:
    got = _found("Joe Biden spoke. Later Biden left.", {"US": ["Joe Biden"]}, expand=False)
    assert ("Biden", "US", "short") in got


def test_short_name_before_full_name_is_not_a_mention() -> None:
    got = _found("Biden spoke. Then Joe Biden left.", {"US": ["Joe Biden"]}, expand=False)
    assert [g[0] for g in got] == ["Joe Biden"]


def test_pronoun_refers_back_to_person() -> None:
    got = _found("Putin arrived. He said little.", {"Russia": ["Putin"]})
    assert ("He", "Russia", "pronoun") in got


def test_pronoun_blocked_by_another_name() -> None:
    got = _found("Putin met Olaf Scholz. He said little.", {"Russia": ["Putin"]})
    assert all(kind != "pronoun" for _, _, kind in got)


def test_its_refers_to_country_in_same_sentence() -> None:
    got = _found("China raised its tariffs.", {"China": []})
    assert ("its", "China", "pronoun") in got


def test_no_pronoun_without_antecedent() -> None:
    got = _found("He said little.\nPutin arrived later.", {"Russia": ["Putin"]})
    assert all(kind != "pronoun" for _, _, kind in got)


def test_offsets_point_into_original_text_with_ligature() -> None:
    text = "The \ufb01nal word: Putin\u2019s plan."
    doc = segment(text)
    (m,) = TargetMatcher({"Russia": ["Putin"]}).find(doc)
    assert text[m.start : m.end] == "Putin"


def test_targets_must_be_a_mapping() -> None:
    with pytest.raises(InputError):
        TargetMatcher(["Russia"])  # type: ignore[arg-type]


_PRONOUN_ALPHABET = "hesimrltuHSIWwOoMyIa '-_.,\n\u00e9"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_PRONOUN_ALPHABET, max_size=60), st.integers(0, 5), st.integers(0, 5))
def test_pronoun_patterns_match_their_word_boundary_forms(text: str, lo: int, cut: int) -> None:
    """The pronoun regexes (boundary checked after the first letter) find what the plain
    ``\\b...\\b`` patterns find, also when searching from an offset."""
    plain = re.compile(
        r"\b(?:" + "|".join(sorted(_PERSON_PRONOUNS | _THING_PRONOUNS, key=len)[::-1]) + r")\b"
    )
    first = re.compile(r"\b(?:[Ww]e|[Oo]urs?|us|I|[Mm]y|[Mm]e)\b")
    end = max(lo, len(text) - cut)
    for fast, slow in ((_PRONOUN_RE, plain), (_FIRST_PERSON, first)):
        got = [m.span() for m in fast.finditer(text, lo, end)]
        assert got == [m.span() for m in slow.finditer(text, lo, end)]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_PRONOUN_ALPHABET, max_size=60), st.integers(0, 5), st.integers(0, 5))
def test_find_pronouns_finds_the_word_boundary_forms(text: str, lo: int, cut: int) -> None:
    """Pronouns found after spaces in the text with non-word characters as spaces (ASCII)
    or by ``_PRONOUN_RE`` (other text) are those of the plain ``\\b...\\b`` pattern."""
    plain = re.compile(
        r"\b(?:" + "|".join(sorted(_PERSON_PRONOUNS | _THING_PRONOUNS, key=len)[::-1]) + r")\b"
    )
    low = text.lower()
    end = max(lo, len(low) - cut)
    got = find_pronouns(low, spaced_text(low), lo, end)
    assert got == [(m.start(), m.end(), m.group()) for m in plain.finditer(low, lo, end)]


def _first_word_search(matcher: TargetMatcher, text: str) -> list[tuple[int, int, str, str]]:
    """The alias and short-name mentions of ``text`` as a search for the first words of
    the aliases in the lower-cased text, then their checks, finds them: every word start
    of each paragraph is checked with ``_check_at`` (pronouns left out)."""
    doc = segment(text)
    assert doc.view.index is None
    vt = doc.view.text
    low = vt.lower()
    if len(low) != len(vt):
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in vt)
    out: list[tuple[int, int, str, str]] = []
    first_pos: dict[str, int] = {}
    for para in doc.paragraphs:
        cur = para.start
        for start in range(para.start, para.end):
            if start < cur or start > para.start and _is_word(vt[start - 1]):
                continue
            checked = matcher._check_at(vt, low, start, para.end)
            if checked is None:
                continue
            hit, end = checked
            if isinstance(hit, str):
                name, full = matcher._shorts[hit]
                if vt[start].isupper() and first_pos.get(full, para.end) < start:
                    out.append((start, end, name, "short"))
                continue
            out.append((start, end, hit.target, "alias"))
            first_pos.setdefault(hit.alias, start)
            cur = end
    return out


def _mentions(matcher: TargetMatcher, text: str) -> list[tuple[int, int, str, str]]:
    return [(m.start, m.end, m.target, m.kind) for m in matcher.find(segment(text))]


def test_searching_extended_first_words_finds_what_first_words_find() -> None:
    # "U.S." is searched as "u.s" (a lone "u" is inside many words); the mentions must
    # be those of a search for the bare first words.
    acronyms = {"United States": ["U.S.", "US", "U.S.A.", "Trump"], "United Kingdom": ["U.K."]}
    mixed = {**acronyms, "Union": ["U Thant", "u-boat"]}  # (here "u" is searched)
    texts = [
        "The U.S. and the U.K. met; U.S.A. officials, US and UK envoys.\n"
        "Thus, a U. S. aide, bus u.s. U.S, (U.S.) U.Sx U.K.-U.S. ties.",
        "U Thant spoke. A u-boat, a U-Boat and U-boats. Trump left; Donald Trump spoke.",
        "Us, u, U.S.S.R. and the US-UK deal.",
    ]
    for targets in (acronyms, mixed):
        fast = TargetMatcher(targets, pronouns=False)
        plain = TargetMatcher(targets, pronouns=False)
        plain._keys = [(low, True, checks) for low, checks in plain._first.items()]
        assert any(not whole for _, whole, _ in fast._keys) == (targets is acronyms)
        for text in texts:
            assert _mentions(fast, text) == _first_word_search(plain, text), text


def test_lower_preimage_is_every_character_lower_casing_to_a_letter() -> None:
    chars: dict[str, list[str]] = {}
    for c in map(chr, range(0x110000)):
        low = c.lower()
        if len(low) == 1 and low.isascii() and low.isalnum():
            chars.setdefault(low, []).append(c)
    for low, cs in chars.items():
        assert sorted(_lower_preimage(low)) == sorted(cs), low
        assert all(re.fullmatch("(?i:" + low + ")", c) for c in cs)


def test_lower_preimage_of_letters_outside_ascii_is_every_character_lower_casing_to_them():
    for low in "\u00e9\u011f\u043f\u03c3\u03c9\u00e5\u03b8\u01c6":
        rx = re.compile("(?i:" + low + ")")
        every = [c for c in map(chr, range(0x110000)) if c.lower() == low and rx.fullmatch(c)]
        assert sorted(_lower_preimage(low)) == sorted(every), low


def test_lower_case_alias_with_a_letter_outside_ascii_first_is_found_in_any_case() -> None:
    got = _found("\u00c9lysee aides met. The \u00e9lysee said no.", {"France": ["\u00e9lysee"]})
    assert [g[0] for g in got] == ["\u00c9lysee", "\u00e9lysee"]


def test_lower_case_words_keep_their_word_character_class() -> None:
    # find looks for word boundaries in the text where the first-word search looked in
    # the lower-cased text: the same places, since lower-casing keeps \w and \W apart.
    word = re.compile(r"\w")
    for c in map(chr, range(0x110000)):
        low = c.lower()
        if len(low) == 1:
            assert bool(word.match(c)) == bool(word.match(low)) == _is_word(c), hex(ord(c))


_TRICKY_TARGETS = {
    "Russia": ["Putin", "Vladimir Putin", "the Kremlin", "Kremlin"],
    "China": ["Xi", "Xi Jinping"],
    "United States": ["US", "U.S.", "Trump", "Donald Trump"],
    "Istanbul": ["\u0130ST"],  # (lower-cases to four characters)
    "France": ["\u00e9lan vital"],  # (lower-case, starts with a non-ASCII letter)
}
_TRICKY_WORDS = [
    *(
        "the The THE Kremlin kremlin KREMLIN \u212aremlin White House white US Us us U.S. u.s."
    ).split(),
    *("U.S Russia Ru\u017f\u017fia russia RUSSIA Putin putin PUTIN Vladimir Xi xi Jinping").split(),
    *(
        "jinping Trump Donald \u0130ST \u0130st \u00e9lan \u00c9lan vital \u03a3\u0391\u03a3 7"
    ).split(),
]
_SEPARATORS = [" ", "  ", "\n", "-", ".", "'s ", "", ", ", "_"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_TRICKY_WORDS), st.sampled_from(_SEPARATORS))))
def test_one_search_finds_what_first_words_and_their_checks_find(
    parts: list[tuple[str, str]],
) -> None:
    text = "".join(w + sep for w, sep in parts)
    matcher = TargetMatcher(_TRICKY_TARGETS, pronouns=False)
    got = _mentions(matcher, text)
    assert got == _first_word_search(matcher, text)
    # (pronoun resolution relies on these mentions being sorted and apart)
    assert all(a[1] <= b[0] for a, b in zip(got, got[1:], strict=False))


def test_one_regex_per_first_word_picks_the_alias_a_loop_over_them_picks() -> None:
    from framing.stance._targets import _alias_pattern

    matcher = TargetMatcher(
        {"Russia": ["the Kremlin", "Kremlin"], "United States": ["the White House", "the US"]}
    )
    text = "the Kremlin, The White House; the White  House's; the US the Kremlins the USA the"
    for rx, aliases in matcher._first["the"]:
        assert not isinstance(aliases, str) and len(aliases) == 3
        for start in range(len(text)):
            m = rx.match(text, start)
            loop = None
            for al in aliases:  # longest first, as the matcher tries them
                hit = re.compile(_alias_pattern(al)).match(text, start)
                if hit:
                    loop = (al.alias, hit.end())
                    break
            got = None if m is None else (aliases[m.lastindex - 1].alias, m.end())
            assert got == loop, start


def _speaker(text: str) -> str | None:
    from framing.stance._speaker_pronouns import nearby_speaker

    doc = segment(text)
    mentions = TargetMatcher({"Russia": ["Putin"], "China": ["Xi"]}, pronouns=False).find(doc)
    qa, qb = text.index('"'), text.rindex('"') + 1
    starts = [m.start for m in mentions]
    longest = max(m.end - m.start for m in mentions)
    return nearby_speaker(doc, mentions, starts, longest, qa, qb)


def test_speaker_is_the_nearest_mention_before_the_quote() -> None:
    assert _speaker('Xi met Putin, who said: "We agree."') == "Russia"


def test_sentence_break_before_the_quote_leaves_the_mention_after_it() -> None:
    assert _speaker('Xi met Putin. "We agree," Xi said.') == "China"


def test_equally_near_mentions_before_and_after_the_quote_pick_the_one_before() -> None:
    assert _speaker('Putin "We agree." Xi') == "Russia"


def test_line_break_after_the_quote_leaves_no_speaker() -> None:
    assert _speaker('Putin spoke. "We agree."\nXi left.') is None


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_TRICKY_WORDS), st.sampled_from(_SEPARATORS))))
def test_aliases_after_the_are_found_as_first_words_find_them(
    parts: list[tuple[str, str]],
) -> None:
    # "the Kremlin" alone (its match moved back over "the" from each K) and beside an
    # alias of its second word's first letter ("White").
    text = "".join(w + sep for w, sep in parts)
    targets = {"Russia": ["the Kremlin"], "United States": ["the White House", "White"]}
    matcher = TargetMatcher(targets, expand=False, pronouns=False)
    assert _mentions(matcher, text) == _first_word_search(matcher, text)
