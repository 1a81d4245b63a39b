"""The reporting-cue lexicon: format, inflection, classes, errors."""

from __future__ import annotations

import pytest

from framing.attribution import CLASSES, inflect, load_reporting_verbs
from framing.errors import InputError


@pytest.fixture(scope="module")
def lex():
    return load_reporting_verbs()


@pytest.mark.parametrize(
    ("form", "cls"),
    [
        ("said", "neutral"), ("claimed", "distancing"), ("alleges", "distancing"),
        ("admitted", "admission"), ("conceded", "admission"), ("insisted", "assertive"),
        ("denied", "denial"), ("slammed", "negative"), ("warned", "directive"),
        ("asked", "question"), ("revealed", "endorsing"), ("declined to comment", "non_comment"),
        ("pointed out", "endorsing"), ("went on to say", "neutral"), ("tweeted", "neutral"),
        ("wrote", "neutral"), ("written", "neutral"), ("believes", "belief"),
    ],
)  # fmt: skip
def test_forms_have_their_class(lex, form, cls):
    assert lex.lookup(form).cls == cls


def test_every_class_is_used_and_documented(lex):
    used = {e.cls for e in lex.single.values()} | {e.cls for e in lex.multi.values()}
    assert used == set(CLASSES) - {"other"}  # "other": learned cues outside the lexicon


def test_regular_inflection():
    assert inflect("note") == ["note", "noted", "notes", "noting"]
    assert inflect("stress") == ["stress", "stressed", "stresses", "stressing"]
    assert inflect("agree") == ["agree", "agreed", "agrees", "agreeing"]


def test_multiword_matcher_allows_curly_apostrophes_and_spacing(lex):
    text = "She didn’t respond to questions and pointed  out the error."
    assert [m.group() for m in lex.multi_re.finditer(text)] == ["didn’t respond to", "pointed  out"]


def test_bad_class_names_file_and_line(tmp_path):
    path = tmp_path / "bad.tsv"
    path.write_text("cue\tclass\tmode\tforms\nsay\tneutral\tspeech\t\nshout\tloud\tspeech\t\n")
    with pytest.raises(InputError, match=r"bad.tsv:3: unknown class"):
        load_reporting_verbs(path)


def test_bad_forms_count_is_an_error(tmp_path):
    path = tmp_path / "bad.tsv"
    path.write_text("cue\tclass\tmode\tforms\ngo\tneutral\tspeech\twent,gone\n")
    with pytest.raises(InputError, match=r"bad.tsv:2: forms"):
        load_reporting_verbs(path)


def test_missing_header_is_an_error(tmp_path):
    path = tmp_path / "bad.tsv"
    path.write_text("say\tneutral\tspeech\n")
    with pytest.raises(InputError, match="header"):
        load_reporting_verbs(path)
