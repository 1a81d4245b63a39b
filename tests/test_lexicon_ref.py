"""Readers on the real published lexicons in ../shared/lexicons-ref (skipped when absent).

Nothing of these files is copied into the project; they are read at run time.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from framing.lexicon import LexiconError, Matcher, load_lexicon

REF = Path(__file__).resolve().parents[2] / "shared" / "lexicons-ref"


def ref(rel: str) -> Path:
    p = REF / rel
    if not p.is_file():
        pytest.skip(f"reference lexicon {rel} not available")
    return p


def test_mfd2_dic() -> None:
    lex = load_lexicon(ref("mfd2/mfd2.0.dic"))
    assert len(lex) == 2103
    assert len(lex.category_names()) == 10
    assert sum(" " in e.term for e in lex) > 50
    assert lex.skipped == []


def test_mfd2_matches_phrases() -> None:
    m = Matcher(load_lexicon(ref("mfd2/mfd2.0.dic")))
    assert any(len(x.categories) and x.end - x.start == 2 for x in m.match("civil rights".split()))


def test_mpqa_tff_strict_reports_the_malformed_line() -> None:
    p = ref("mpqa_subjectivity_clues/subjclueslen1-HLTEMNLP05.tff")
    with pytest.raises(LexiconError, match=r"\.tff:\d+: unknown priorpolarity 'weakneg'"):
        load_lexicon(p)
    lex = load_lexicon(p, errors="skip")
    assert len(lex) > 8000
    assert any("weakneg" in reason for _, reason in lex.skipped)
    assert {e.category for e in lex} == {"strongsubj", "weaksubj"}


def test_huliu_negative_is_latin1() -> None:
    lex = load_lexicon(ref("huliu_opinion_lexicon/negative-words.txt"), errors="skip")
    assert len(lex) > 4700
    assert "na\u00efve" in {e.term for e in lex}
    # censored words such as a word with inner '*' are not valid terms
    assert all("*" in reason for _, reason in lex.skipped)


def test_huliu_positive() -> None:
    assert len(load_lexicon(ref("huliu_opinion_lexicon/positive-words.txt"))) > 2000


@pytest.mark.parametrize(
    ("name", "count"),
    [("hedges_hyland2005.txt", 100), ("factives_hooper1975.txt", 27), ("npov_lexicon.txt", 654)],
)
def test_recasens_lists_with_stray_cr_headers(name: str, count: int) -> None:
    lex = load_lexicon(ref(f"recasens2013_bias/{name}"))
    assert len(lex) == count
    assert not any(e.term.startswith(("#", "Continuum", "Syntax")) for e in lex)
