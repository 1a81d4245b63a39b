"""Voice balance measures."""

from __future__ import annotations

import math

from framing.attribution import evenness, voice_summary


def test_evenness_bounds():
    assert evenness([3, 3, 3]) == 1.0
    assert evenness([7]) == 0.0
    assert math.isnan(evenness([]))
    assert 0.0 < evenness([9, 1]) < 0.5


def test_evenness_counts_absent_sides():
    assert evenness([4, 4], k=2) == 1.0
    assert evenness([4], k=2) == 0.0


def _row(speaker, side, tokens, **kw):
    return {"speaker": speaker, "side": side, "quoted_tokens": tokens, "direct": True, **kw}


def test_one_sided_paragraph_has_zero_balance():
    s = voice_summary([_row("A", "x", 10), _row("B", "x", 5)], sides=["x", "y"])
    assert s["balance"] == 0.0
    assert s["top_speaker_share"] == 10 / 15


def test_unmapped_speakers_form_their_own_unit():
    s = voice_summary([_row("A", "x", 10), _row("C", None, 10)], sides=["x", "y"])
    assert s["tokens_by_side"] == {"x": 10, "unmapped": 10}
    assert 0.0 < s["balance"] < 1.0


def test_no_voice_gives_nan_not_zero():
    s = voice_summary([], sides=["x", "y"])
    assert math.isnan(s["balance"]) and s["n_quotes"] == 0


def test_without_actors_balance_is_over_speakers():
    s = voice_summary([_row("A", None, 5), _row("B", None, 5)])
    assert s["balance"] == 1.0


def test_anonymous_and_unattributed_shares():
    rows = [_row("officials", None, 4, speaker_type="anonymous"), _row(None, None, 4)]
    s = voice_summary(rows, n_unattributed_quotes=2)
    assert s["anonymous_share"] == 0.5
    assert s["unattributed_share"] == 3 / 4


def test_non_comment_is_not_a_voice():
    s = voice_summary([_row("A", "x", 0, kind="non_comment")], sides=["x"])
    assert s["n_quotes"] == 0


def test_verb_classes_per_side():
    rows = [_row("A", "x", 3, cue_class="distancing"), _row("B", "y", 3, cue_class="neutral")]
    s = voice_summary(rows, sides=["x", "y"])
    assert s["classes_by_side"] == {"x": {"distancing": 1}, "y": {"neutral": 1}}


def test_shared_speakers_split_their_tokens():
    s = voice_summary([_row("A; B", None, 10, speakers=["A", "B"])])
    assert s["tokens_by_speaker"] == {"A": 5.0, "B": 5.0}


def test_scalar_only_summary_matches_the_detailed_one():
    rows = [
        {"speaker": "A", "speakers": ["A"], "quoted_tokens": 7, "direct": True},
        {"speaker": "B", "speakers": ["B"], "quoted_tokens": 3, "speaker_type": "anonymous"},
        {"speaker": None, "speakers": [], "quoted_tokens": 0},
        {"speaker": "A", "quoted_tokens": 2, "kind": "non_comment"},
    ]
    full = voice_summary(rows, None, 2)
    fast = voice_summary(rows, None, 2, detail=False)
    assert fast == {k: full[k] for k in fast}
    assert set(fast) >= {"balance", "top_speaker_share", "unattributed_share"}


def test_scalar_only_summary_with_sides_matches_the_detailed_one():
    rows = [
        {
            "speaker": "A",
            "speakers": ["A"],
            "side": "x",
            "speaker_sides": ["x"],
            "quoted_tokens": 7,
        },
        {"speaker": "B", "speakers": ["B"], "side": None, "speaker_sides": [None]},
        {"speaker": None, "speakers": [], "side": "y", "quoted_tokens": 4},
    ]
    full = voice_summary(rows, ["x", "y"], 1)
    fast = voice_summary(rows, ["x", "y"], 1, detail=False)
    assert fast == {k: full[k] for k in fast}
    assert 0.0 < fast["balance"] < 1.0


def test_scalar_only_summary_of_small_paragraphs_matches_the_detailed_one():
    import random

    rng = random.Random(3)
    for _ in range(3_000):
        rows = []
        for _ in range(rng.randint(0, 3)):
            name = rng.choice(["A", "B", None])
            rows.append(
                {
                    "speaker": name,
                    "speakers": [name] if name else [],
                    "side": rng.choice(["x", "y", None]),
                    "speaker_sides": [rng.choice(["x", None])] if name else [],
                    "quoted_tokens": rng.choice([0, 1, 5, None]),
                    "kind": rng.choice(["direct", "indirect", "non_comment"]),
                    "direct": rng.random() < 0.5,
                    "speaker_type": rng.choice(["person", "anonymous", "unknown"]),
                }
            )
        sides = rng.choice([None, ["x", "y"], ["x"]])
        free = rng.randint(0, 2)
        full = voice_summary(rows, sides, free)
        fast = voice_summary(rows, sides, free, detail=False)
        for k in fast:  # (NaN == NaN as reprs)
            assert repr(fast[k]) == repr(full[k]), (k, rows, sides, free)


def test_scalar_only_summary_of_one_row_matches_the_detailed_one():
    # one row takes a path of its own: every kind of row, with and without sides
    rows = [
        {"speaker": "A", "speakers": ["A"], "quoted_tokens": 4, "speaker_type": "anonymous"},
        {"speaker": None, "speakers": [], "quoted_tokens": 0, "direct": True},
        {"speaker": "A", "quoted_tokens": 3, "side": "x"},
        {"speaker": "A; B", "speakers": ["A", "B"], "speaker_sides": ["x", "y"]},
        {"speaker": "A", "speakers": ["A"], "kind": "non_comment"},
    ]
    for row in rows:
        for sides in (None, ["x", "y"]):
            for free in (0, 2):
                full = voice_summary([row], sides, free)
                fast = voice_summary([row], sides, free, detail=False)
                assert [repr(fast[k]) for k in fast] == [repr(full[k]) for k in fast], row
