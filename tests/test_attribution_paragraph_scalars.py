"""paragraph_scalars: the columns are voice_summary(detail=False) of each paragraph."""

from __future__ import annotations

import random

from framing.attribution._balance import SCALARS, paragraph_scalars, voice_summary


def _row(rng: random.Random) -> dict:
    names = rng.choice([[], ["A"], ["B"], ["A", "B"]])
    return {
        "speaker": "; ".join(names) or None,
        "speakers": names,
        "side": rng.choice(["x", "y", None]),
        "speaker_sides": [rng.choice(["x", None]) for _ in names],
        "quoted_tokens": rng.choice([0, 1, 5]),
        "kind": rng.choice(["direct", "indirect", "non_comment"]),
        "direct": rng.random() < 0.5,
        "speaker_type": rng.choice(["named", "anonymous"]),
    }


def test_paragraph_columns_match_the_summary_of_each_paragraph():
    rng = random.Random(5)
    for _ in range(300):
        n_paras = rng.randint(0, 6)
        by_para = {
            pid: [_row(rng) for _ in range(rng.randint(1, 3))]
            for pid in range(n_paras)
            if rng.random() < 0.5
        }
        free = {pid: rng.randint(1, 2) for pid in range(n_paras) if rng.random() < 0.3}
        sides = rng.choice([None, ["x", "y"]])
        cols = paragraph_scalars(by_para, free, n_paras, sides)
        assert list(cols) == list(SCALARS)
        for pid in range(n_paras):
            summary = voice_summary(by_para.get(pid, []), sides, free.get(pid, 0), detail=False)
            want = [summary[c] for c in SCALARS]
            got = [cols[c][pid] for c in SCALARS]
            assert repr(got) == repr(want), (by_para.get(pid), free.get(pid), sides)
        assert all(len(col) == n_paras for col in cols.values())
