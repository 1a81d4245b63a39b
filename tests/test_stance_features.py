"""Stance mention features: word stems and the target's clause (hashed keys)."""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from framing._hashing import string_hash
from framing.stance._features import MentionFeaturizer, sparse_matrix

_NF = 2**20


@lru_cache(maxsize=1)
def _featurizer() -> MentionFeaturizer:
    return MentionFeaturizer()


def _row(text: str, target: str) -> np.ndarray:
    start = text.index(target)
    parts = _featurizer().features(text, start, start + len(target))
    return sparse_matrix([parts], _NF).toarray()[0]


def _col(key: str) -> int:
    return string_hash(key) % _NF


def test_inflected_words_share_a_stem_feature() -> None:
    one = _row("Critics condemned Acme on Monday.", "Acme")
    two = _row("Critics condemning Acme on Monday.", "Acme")
    for key in ("s:conde", "ls:conde"):
        assert one[_col(key)] > 0 and two[_col(key)] > 0


def test_short_words_have_no_stem() -> None:
    row = _row("Critics hit Acme on Monday.", "Acme")
    assert row[_col("s:hit")] == 0 and row[_col("ls:hit")] == 0


def test_the_mentions_own_words_are_not_in_its_stem_bag() -> None:
    row = _row("Officials praised Barcelona warmly.", "Barcelona")
    assert row[_col("s:barce")] == 0
    assert row[_col("s:offic")] > 0


def test_stems_of_window_words_fall_with_distance() -> None:
    row = _row("Analysts said critics condemned Acme.", "Acme")
    assert row[_col("ls:conde")] > row[_col("ls:analy")] > 0


def test_clause_words_stop_at_the_clause_boundary() -> None:
    row = _row("Acme praised the plan, but critics attacked it.", "Acme")
    assert row[_col("cr:praised")] > 0
    assert row[_col("cr:attacked")] == 0
    left = _row("Voters cheered, but critics attacked Acme.", "Acme")
    assert left[_col("cl:attacked")] > 0 and left[_col("cl:cheered")] == 0


def test_mentions_of_one_sentence_get_their_own_clause() -> None:
    fz = _featurizer()
    text = "Critics attacked Acme, while fans praised Baxter."
    parts = [fz.features(text, text.index(t), text.index(t) + len(t)) for t in ("Acme", "Baxter")]
    rows = sparse_matrix(parts, _NF).toarray()
    assert rows[0][_col("cl:attacked")] > 0 and rows[0][_col("cl:praised")] == 0
    assert rows[1][_col("cl:praised")] > 0 and rows[1][_col("cl:attacked")] == 0


def test_new_words_get_the_keys_of_the_scalar_hash() -> None:
    from framing.stance._sparse_batch import _KEY_PREFIXES, _STEM_PREFIXES, _WordKeys

    table = _WordKeys()
    words = ["Zorblatt", "café-owners", "hit", "naïveté", "x" * 40, "<ent>"]
    ids = table.rows(words + words[:2])
    assert ids == [0, 1, 2, 3, 4, 5, 0, 1]
    for w, i in zip(words, ids, strict=False):
        stem = w[:5] if len(w) > 5 and w.isalpha() else ""
        expected = [string_hash(p + w) for p in _KEY_PREFIXES]
        expected += [string_hash(p + stem) if stem else 0 for p in _STEM_PREFIXES]
        assert table.array[i].tolist() == expected


def test_word_key_table_grows_past_its_first_size() -> None:
    from framing.stance._sparse_batch import _WordKeys

    table = _WordKeys()
    first = table.array.shape[0]
    words = [f"w{k}" for k in range(first + 10)]
    assert table.rows(words[:10]) == list(range(10))
    ids = table.rows(words)
    assert ids == list(range(len(words))) and table.array.shape[0] >= len(words)
    assert table.array[len(words) - 1, 0] == string_hash("u:" + words[-1])
    assert table.array[9, 0] == string_hash("u:" + words[9])  # (kept when it grew)


def test_word_key_table_adds_only_the_new_words_of_a_batch() -> None:
    from framing.stance._sparse_batch import _WordKeys

    table = _WordKeys()
    assert table.rows(["a", "b"]) == [0, 1]
    assert table.rows(["b", "c", "a", "c"]) == [1, 2, 0, 2]
    assert table.rows(["c", "a"]) == [2, 0] and len(table.ids) == 3


def test_dense_numbers_are_in_the_order_of_their_names() -> None:
    from framing.stance._features import DENSE_NAMES

    kinds = ("w", "left", "right", "sent", "clause", "quoted")
    assert DENSE_NAMES[:12] == tuple(f"{p}_{k}" for k in kinds for p in ("pos", "neg"))
    assert DENSE_NAMES[12:] == (
        "target_quoted",
        "has_quote",
        "lexicon_raw",
        "lexicon_tanh",
        "predicate_object",
        "target_first",
        "relative_position",
        "clause_length",
        "n_names",
        "negations_in_clause",
    )


def test_dense_numbers_of_a_mention() -> None:
    import math

    from framing.stance._features import DENSE_NAMES

    fz = _featurizer()
    text = 'Critics said "Acme is not good" on Monday.'
    start = text.index("Acme")
    parts = fz.features(text, start, start + 4)
    dense = dict(zip(DENSE_NAMES, parts.dense, strict=True))
    # critics said " acme is not good " on monday . -> the mention is token 3 of 11.
    assert parts.a == 3 and len(parts.words) == 11
    assert dense["target_quoted"] == 1.0 and dense["has_quote"] == 1.0
    assert dense["target_first"] == 0.0 and dense["relative_position"] == 3 / 11
    # Its clause lies between the quote marks: "acme is not good".
    assert dense["clause_length"] == 0.3 and dense["negations_in_clause"] == 1.0
    # "not good" reads as negative, right of the mention.
    assert dense["pos_w"] == 0.0 and dense["neg_right"] > 0
    assert dense["neg_w"] == dense["neg_left"] + dense["neg_right"]
    assert dense["lexicon_raw"] < 0 and dense["lexicon_tanh"] == math.tanh(dense["lexicon_raw"])
    plain = dict(zip(DENSE_NAMES, fz.features("Acme praised it.", 0, 4).dense, strict=True))
    assert plain["target_first"] == 1.0 and plain["has_quote"] == 0.0
    assert plain["relative_position"] == 0.0 and plain["predicate_object"] == 0.0


def test_packed_lists_equal_numpy_conversions() -> None:
    from framing.stance._sparse_batch import packed

    floats = [0.0, -1.5, 1 / 3, 1e-300, 2.0**60]
    ints = [0, -7, 2**40, 5]
    keys = [0, 2**32 - 1, 2**63 + 5]
    for code, values, dtype in (("d", floats, np.float64), ("q", ints, np.int64)):
        out = packed(code, values)
        assert out.dtype == dtype and out.tobytes() == np.array(values, dtype=dtype).tobytes()
    assert packed("Q", keys).tolist() == keys
    out = packed("d", floats)
    out[0] = 9.0  # a writable array
    assert packed("q", []).shape == (0,)


def test_evaluative_word_keys_name_their_side_and_distance() -> None:
    from framing.stance._features import _K_CLAUSE, _K_POS, DENSE_NAMES

    fz = _featurizer()
    left = fz.features("Critics praised Acme while Berlin and Oslo watched.", 16, 20)
    dense = dict(zip(DENSE_NAMES, left.dense, strict=True))
    # "praised" is one token left of the mention, in its clause (which ends at "while").
    assert dense["pos_left"] > 0 and dense["pos_right"] == 0.0
    assert dense["pos_w"] == dense["pos_left"] and dense["pos_clause"] > 0
    assert _K_CLAUSE["L", "pos"] in left.own_keys and _K_POS["L", "1", "pos"] in left.own_keys
    assert not {_K_CLAUSE["R", "pos"], _K_POS["R", "1", "pos"]} & set(left.own_keys)
    assert left.own_values == [1.0] * len(left.own_keys)
    # Berlin and Oslo are masked names (the mention itself is not counted); 9 tokens.
    assert dense["n_names"] == 2 / 5 and dense["relative_position"] == 2 / 9
    right = fz.features("Acme praised the plan.", 0, 4)
    assert _K_POS["R", "1", "pos"] in right.own_keys and _K_CLAUSE["R", "pos"] in right.own_keys
    assert dict(zip(DENSE_NAMES, right.dense, strict=True))["pos_right"] > 0
