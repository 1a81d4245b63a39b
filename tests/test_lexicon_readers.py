"""Lexicon readers: every format, malformed lines with file:line errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from framing.lexicon import (
    Entry,
    Lexicon,
    LexiconError,
    load_lexicon,
    merge_lexicons,
    read_dic,
    read_dicx,
    read_tff,
    read_tsv,
    read_wordlist,
    read_yaml,
)


def write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    p = tmp_path / name
    p.write_bytes(text.encode(encoding))
    return p


TSV = (
    "#! name: mine\n#! version: 2\n#! licence: CC0-1.0\n#! source: me\n"
    "#! category smear: words that smear\n# comment\n"
    "term\tcategory\tintensity\tpolarity\tcase\n"
    "thug\tsmear\t0.8\t-1\n"
    "so-called\tdoubt\t0.5\t-0.5\n"
    "attack*\tfight\n"
    "Big Tech\tlabel\t0.3\t0\texact\n"
)


def test_tsv_reads_entries_and_provenance(tmp_path: Path) -> None:
    lex = read_tsv(write(tmp_path, "m.tsv", TSV))
    assert lex.provenance.to_dict() == {
        "name": "mine",
        "version": "2",
        "licence": "CC0-1.0",
        "source": "me",
    }
    assert [(e.term, e.category, e.intensity, e.polarity) for e in lex][:2] == [
        ("thug", "smear", 0.8, -1.0),
        ("so-called", "doubt", 0.5, -0.5),
    ]
    assert lex.entries[2].intensity == 1.0 and lex.entries[3].case_sensitive
    assert lex.categories == {"smear": "words that smear"}
    assert lex.entries[0].line == 8


@pytest.mark.parametrize(
    ("row", "reason"),
    [
        ("thug\tsmear\thigh\t-1", "intensity must be a number"),
        ("thug\tsmear\t1.5\t-1", "intensity must be within"),
        ("thug\tsmear\t0.5\t-3", "polarity must be within"),
        ("thug\t\t0.5\t-1", "must not be empty"),
        ("at*tack\tsmear\t0.5\t0", "wildcard"),
        ("thug\tsmear\t0.5\t0\tupper", "case must be"),
        ("thug\tsmear\t0.5\t0\tany\textra\tmore", "fields but the header"),
    ],
)
def test_tsv_malformed_line_names_file_and_line(tmp_path: Path, row: str, reason: str) -> None:
    p = write(
        tmp_path, "bad.tsv", "term\tcategory\tintensity\tpolarity\tcase\nok\tsmear\n" + row + "\n"
    )
    with pytest.raises(LexiconError, match=reason) as info:
        read_tsv(p)
    assert str(info.value).startswith(f"{p}:3:")
    assert info.value.line == 3


def test_tsv_skip_mode_records_bad_lines(tmp_path: Path) -> None:
    p = write(tmp_path, "bad.tsv", "term\tcategory\tintensity\nok\tx\t0.2\nbad\tx\tnope\nfine\tx\n")
    lex = read_tsv(p, errors="skip")
    assert [e.term for e in lex] == ["ok", "fine"]
    assert lex.skipped == [(3, "intensity must be a number, got 'nope'")]


def test_tsv_needs_a_known_header(tmp_path: Path) -> None:
    with pytest.raises(LexiconError, match=r":1: the first row"):
        read_tsv(write(tmp_path, "h.tsv", "word\tcat\nthug\tsmear\n"))


YAML = """\
name: mine
version: "1.0"
licence: CC0-1.0
categories:
  hedge:
    description: distance from a claim
    intensity: 0.4
    entries:
      - perhaps
      - {term: sort of, intensity: 0.2}
  smear:
    polarity: -1
    entries:
      - term: Deep State
        case: exact
"""


def test_yaml_reads_defaults_and_overrides(tmp_path: Path) -> None:
    lex = read_yaml(write(tmp_path, "m.yaml", YAML))
    got = [(e.term, e.category, e.intensity, e.polarity, e.case_sensitive) for e in lex]
    assert got == [
        ("perhaps", "hedge", 0.4, 0.0, False),
        ("sort of", "hedge", 0.2, 0.0, False),
        ("Deep State", "smear", 1.0, -1.0, True),
    ]
    assert lex.categories == {"hedge": "distance from a claim"}
    assert lex.entries[1].line == 10


@pytest.mark.parametrize(
    ("text", "line", "reason"),
    [
        ("categories:\n  a:\n    entries:\n      - {term: x, intensity: 2}\n", 4, "within"),
        ("categories:\n  a:\n    entries:\n      - {word: x}\n", 4, "unknown keys"),
        ("categories:\n  a:\n    entries: [x\n", 4, "invalid YAML"),
        ("categories:\n  a:\n    terms: [x]\n", 3, "unknown keys"),
        ("name: x\n", 1, "no 'categories'"),
        ("categories:\n  a:\n    entries:\n      - !!python/object:os.system x\n", 4, "plain"),
    ],
)
def test_yaml_malformed_names_line(tmp_path: Path, text: str, line: int, reason: str) -> None:
    p = write(tmp_path, "bad.yaml", text)
    with pytest.raises(LexiconError, match=reason) as info:
        read_yaml(p)
    assert info.value.line == line


DIC = "%\n1\tharm\n2\tcare\n%\nhurt*\t1\ncivil rights\t2\nkind\t1 2\nlike\t<of>2/1\n"


def test_dic_reads_wildcards_phrases_and_multi_category(tmp_path: Path) -> None:
    lex = read_dic(write(tmp_path, "m.dic", DIC))
    got = [(e.term, e.category) for e in lex]
    assert got == [
        ("hurt*", "harm"),
        ("civil rights", "care"),
        ("kind", "harm"),
        ("kind", "care"),
    ]
    assert lex.skipped == [(8, "conditional entry 'like' skipped")]


@pytest.mark.parametrize(
    ("text", "line", "reason"),
    [
        ("%\n1\tharm\n%\nhurt\t9\n", 4, "unknown category"),
        ("%\n1\tharm\n%\nhurt\tx1\n", 4, "must be numbers"),
        ("%\n1\tharm\n%\nhurt\n", 4, "no category id"),
        ("1\tharm\n", 1, "must start with"),
        ("%\n1\tharm\n1\tcare\n%\n", 3, "defined twice"),
    ],
)
def test_dic_malformed(tmp_path: Path, text: str, line: int, reason: str) -> None:
    with pytest.raises(LexiconError, match=reason) as info:
        read_dic(write(tmp_path, "bad.dic", text))
    assert info.value.line == line


def test_dic_unclosed_legend(tmp_path: Path) -> None:
    with pytest.raises(LexiconError, match="not closed"):
        read_dic(write(tmp_path, "bad.dic", "%\n1\tharm\n"))


def test_dicx_reads_marks_and_weights(tmp_path: Path) -> None:
    p = write(tmp_path, "m.dicx", 'DicTerm,harm,care\nhurt*,X,\n"civil rights",,0.5\nkind,x,X\n')
    lex = read_dicx(p)
    got = [(e.term, e.category, e.intensity) for e in lex]
    assert got == [
        ("hurt*", "harm", 1.0),
        ("civil rights", "care", 0.5),
        ("kind", "harm", 1.0),
        ("kind", "care", 1.0),
    ]


@pytest.mark.parametrize(
    ("row", "reason"),
    [("hurt,yes,", "empty, X or a number"), ("hurt,,", "no category"), ("hurt,X,X,X", "cells")],
)
def test_dicx_malformed(tmp_path: Path, row: str, reason: str) -> None:
    with pytest.raises(LexiconError, match=reason) as info:
        read_dicx(write(tmp_path, "bad.dicx", f"DicTerm,harm,care\nok,X,\n{row}\n"))
    assert info.value.line == 3


TFF = (
    "type=strongsubj len=1 word1=abuse pos1=noun stemmed1=n priorpolarity=negative\n"
    "type=weaksubj len=1 word1=admir pos1=verb stemmed1=y priorpolarity=positive\n"
)


def test_tff_reads_clues(tmp_path: Path) -> None:
    lex = read_tff(write(tmp_path, "c.tff", TFF))
    got = [(e.term, e.category, e.intensity, e.polarity, e.pos) for e in lex]
    assert got == [
        ("abuse", "strongsubj", 1.0, -1.0, "noun"),
        ("admir*", "weaksubj", 0.5, 1.0, "verb"),
    ]


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("type=weaksubj len=1 word1=x pos1=adj stemmed1=n priorpolarity=weakneg", "priorpolarity"),
        ("type=medium len=1 word1=x pos1=adj stemmed1=n priorpolarity=negative", "type must be"),
        ("type=weaksubj len=1 pos1=adj stemmed1=n priorpolarity=negative", "missing field"),
        ("type=weaksubj len=1 word1=x pos1=adj stemmed1=1 priorpolarity=negative", "stemmed1"),
        ("type=weaksubj word1 pos1=adj", "key=value"),
    ],
)
def test_tff_malformed(tmp_path: Path, line: str, reason: str) -> None:
    p = write(tmp_path, "bad.tff", TFF + line + "\n")
    with pytest.raises(LexiconError, match=reason) as info:
        read_tff(p)
    assert info.value.line == 3
    assert len(read_tff(p, errors="skip")) == 2


def test_wordlist_latin1_crlf_and_comments(tmp_path: Path) -> None:
    text = "; header\r\n\r\nna\u00efve\r\nsort of\r\n# note\r\n"
    lex = read_wordlist(write(tmp_path, "neg.txt", text, encoding="latin-1"), polarity=-1)
    assert [(e.term, e.category, e.polarity) for e in lex] == [
        ("na\u00efve", "neg", -1.0),
        ("sort of", "neg", -1.0),
    ]


def test_wordlist_malformed(tmp_path: Path) -> None:
    with pytest.raises(LexiconError, match=r"bad\.txt:2: .*wildcard"):
        read_wordlist(write(tmp_path, "bad.txt", "fine\nf**k\n"))


def test_load_lexicon_dispatches_on_extension(tmp_path: Path) -> None:
    assert load_lexicon(write(tmp_path, "m.tsv", TSV)).name == "mine"
    assert load_lexicon(write(tmp_path, "m.dic", DIC)).name == "m"
    lex = load_lexicon(write(tmp_path, "w.txt", "a\n"), category="c", name="renamed")
    assert lex.name == "renamed" and lex.entries[0].lexicon == "renamed"
    assert lex.entries[0].category == "c"


def test_load_lexicon_unknown_format_and_missing_file(tmp_path: Path) -> None:
    with pytest.raises(LexiconError, match="unknown lexicon format"):
        load_lexicon(write(tmp_path, "x.csv", "a\n"))
    with pytest.raises(LexiconError, match="not found"):
        load_lexicon(tmp_path / "nope.tsv")


def test_lexicon_error_is_a_value_error() -> None:
    assert issubclass(LexiconError, ValueError)


def test_entry_with_bad_term_is_refused() -> None:
    with pytest.raises(LexiconError, match="no word characters"):
        Lexicon([Entry("!!", "x")], {"name": "bad"})


def test_merge_over_replaces_same_term_keeps_others() -> None:
    base = Lexicon([Entry("regime", "smear"), Entry("thug", "smear")], {"name": "base"})
    user = Lexicon([Entry("REGIME", "gov", 0.1)], {"name": "user"})
    merged = merge_lexicons([base], [user], "over")
    assert [(e.term, e.category) for lex in merged for e in lex] == [
        ("thug", "smear"),
        ("REGIME", "gov"),
    ]


def test_merge_replace_and_add() -> None:
    base = Lexicon([Entry("thug", "smear")], {"name": "base"})
    user = Lexicon([Entry("thug", "other")], {"name": "user"})
    assert merge_lexicons([base], [user], "replace") == [user]
    assert len(merge_lexicons([base], [user], "add")) == 2
    with pytest.raises(ValueError, match="mode"):
        merge_lexicons([base], [user], "mix")  # type: ignore[arg-type]


def test_builtin_lexicons_load_from_package_data() -> None:
    from framing.lexicon import EPISTEMIC_CATEGORIES, builtin_lexicons

    lexes = builtin_lexicons()
    assert [lex.name for lex in lexes] == ["framing-loaded", "framing-epistemic"]
    cats = {e.category for lex in lexes for e in lex}
    assert EPISTEMIC_CATEGORIES <= cats
    assert {"pejorative", "delegitimising", "euphemism", "hyperbole", "fear"} <= cats
    assert all(0 < e.intensity <= 1 for lex in lexes for e in lex)
    assert all(lex.provenance.licence == "MIT" for lex in lexes)
    assert all(lex.categories for lex in lexes)


def test_resolve_lexicons_merges_user_file_over_builtin(tmp_path: Path) -> None:
    from framing.lexicon import resolve_lexicons

    p = write(tmp_path, "mine.tsv", "term\tcategory\tintensity\nregime\tgovernment\t0.1\n")
    lexes = resolve_lexicons([p])
    hits = [(lex.name, e.category) for lex in lexes for e in lex if e.term == "regime"]
    assert hits == [("mine", "government")]
    assert [lex.name for lex in resolve_lexicons(p, mode="replace")] == ["mine"]


def test_valence_and_subjectivity_are_read_from_installed_packages() -> None:
    from framing.lexicon import subjectivity_lexicon, vader_lexicon

    assert vader_lexicon()["horrible"] < 0
    pol, subj = subjectivity_lexicon()["outrageous"]
    assert pol < 0 and subj > 0.5
