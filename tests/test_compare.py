"""framing.compare: group means, document bootstrap, pairwise rows, metrics, keyness."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from framing.compare import Comparison, compare, date_bucket, keyness
from framing.compare._synthetic import synthetic_analysis
from framing.errors import InputError


def _tables() -> dict[str, pd.DataFrame]:
    """Four documents in two outlets, values chosen by hand."""
    documents = pd.DataFrame(
        {
            "doc_id": ["a1", "a2", "b1", "b2", "bad"],
            "outlet": ["A", "A", "B", "B", "B"],
            "n_paragraphs": [2, 1, 1, 2, 0],
            "n_tokens": [100, 50, 40, 60, 0],
            "error": [None, None, None, None, "empty"],
        }
    )
    paragraphs = pd.DataFrame(
        {
            "doc_id": ["a1", "a1", "a2", "b1", "b2", "b2"],
            "para_id": [0, 1, 0, 0, 0, 1],
            "n_tokens": [60, 40, 50, 40, 30, 30],
            "valence": [0.25, 0.75, -0.5, 0.0, 0.75, 0.25],
            "loaded_count": [3, 1, 0, 2, 0, 3],
            "stance__X": [-0.5, np.nan, 0.5, np.nan, 0.2, 0.4],
        }
    )
    quotes = pd.DataFrame(
        {
            "doc_id": ["a1", "a1", "a1", "a2", "b1", "b2"],
            "para_id": [0, 0, 1, 0, 0, 1],
            "side": ["gov", "gov", "opp", None, "opp", "gov"],
            "speaker_type": ["person", "anonymous", "person", "anonymous", "person", "person"],
            "cue": ["said", "Claimed", "said", "said", "warned", "said"],
            "cue_class": ["neutral", "doubt", "neutral", "neutral", "alarm", "neutral"],
            "direct": [True, False, True, False, True, True],
        }
    )
    spans = pd.DataFrame(
        {
            "doc_id": ["a1", "a1", "a1", "a1", "b1", "b1", "b2", "b2", "b2"],
            "para_id": [0, 0, 0, 1, 0, 0, 1, 1, 1],
            "start": [0] * 9,
            "end": [1] * 9,
            "text": ["regime", "Regime", "thugs", "regime", "thugs", "thugs", "thugs", "x", "x"],
            "kind": ["loaded"] * 7 + ["target", "target"],
            "label": ["c"] * 9,
        }
    )
    return {"documents": documents, "paragraphs": paragraphs, "quotes": quotes, "spans": spans}


def _row(result: Comparison, group: str, feature: str) -> pd.Series:
    g = result.groups
    return g[(g.group == group) & (g.feature == feature)].iloc[0]


def test_compare_returns_comparison_with_three_tables():
    result = compare(_tables(), n_boot=50)
    assert isinstance(result, Comparison)
    assert {"mean", "ci_low", "ci_high", "n_docs", "count", "total"} <= set(result.groups.columns)
    assert {"group", "ref_group", "p", "q", "effect", "effect_d"} <= set(result.pairwise.columns)
    assert set(result.to_frame()["kind"]) == {"group", "pairwise", "keyness"}


def test_group_mean_is_mean_over_documents():
    result = compare(_tables(), n_boot=50)
    # a1: 4 loaded / 100 tokens = 4.0 per 100; a2: 0 -> mean 2.0; raw counts 4 of 150
    row = _row(result, "A", "loaded_per_100")
    assert row["mean"] == pytest.approx(2.0)
    assert (row["count"], row["total"], row["n_docs"]) == (4, 150, 2)
    # stance: a1 mean of -0.5 only, a2 0.5 -> 0.0
    assert _row(result, "A", "stance__X")["mean"] == pytest.approx(0.0)


def test_documents_with_errors_are_left_out():
    result = compare(_tables(), n_boot=20)
    assert _row(result, "B", "valence")["n_docs"] == 2


def test_quote_shares_per_document():
    result = compare(_tables(), n_boot=20)
    # a1: 1 of 3 anonymous, a2: 1 of 1 -> mean 2/3; raw 2 of 4
    row = _row(result, "A", "anonymous_share")
    assert row["mean"] == pytest.approx((1 / 3 + 1) / 2)
    assert (row["count"], row["total"]) == (2, 4)
    assert _row(result, "A", "voice_share__gov")["mean"] == pytest.approx((2 / 3 + 0) / 2)
    # verb classes of the gov side: a1 has gov said + gov claimed
    assert _row(result, "A", "verb_class__gov__doubt")["mean"] == pytest.approx(0.5)


def test_voice_ratio_is_pooled_count_ratio():
    result = compare(_tables(), n_boot=200)
    row = _row(result, "A", "voice_ratio__gov__opp")
    assert row["mean"] == pytest.approx(2.0)
    assert (row["count"], row["total"]) == (2, 1)
    # only a1 quotes either side (a2's one quote has no side): no interval from one document
    assert row["n_docs"] == 1 and np.isnan(row["ci_low"])


def test_pairwise_matches_scipy_on_document_values():
    result = compare(_tables(), n_boot=50)
    pw = result.pairwise
    row = pw[pw.feature == "valence"].iloc[0]
    a = [0.5, -0.5]  # a1 mean of 0.25 and 0.75, a2
    b = [0.0, 0.5]
    ref = stats.mannwhitneyu(a, b, alternative="two-sided")
    assert (row["group"], row["ref_group"]) == ("A", "B")
    assert row["stat"] == pytest.approx(ref.statistic)
    assert row["p"] == pytest.approx(ref.pvalue)
    assert row["diff"] == pytest.approx(np.mean(a) - np.mean(b))
    assert row["effect"] == pytest.approx(-0.25)  # pairs: 0.5>0, 0.5=0.5, -0.5<0, -0.5<0.5
    for _fam, sub in pw.groupby("family"):  # one Benjamini-Hochberg family per feature family
        assert sub["q"].to_numpy() == pytest.approx(stats.false_discovery_control(sub["p"]))


def test_bootstrap_interval_contains_mean_and_is_seeded():
    a = synthetic_analysis(30, seed=2)
    r1 = compare(a, n_boot=200, seed=7, with_keyness=False)
    r2 = compare(a, n_boot=200, seed=7, with_keyness=False)
    g = r1.groups.dropna(subset=["ci_low"])
    assert np.all(g["ci_low"] <= g["mean"] + 1e-12)
    assert np.all(g["mean"] <= g["ci_high"] + 1e-12)
    pd.testing.assert_frame_equal(r1.groups, r2.groups)


def test_bootstrap_resamples_documents_not_paragraphs():
    # one document with many identical paragraphs and one with a single paragraph:
    # resampling documents gives an interval spanning both document means
    docs = pd.DataFrame({"doc_id": ["d1", "d2"], "outlet": ["A", "A"], "error": [None, None]})
    paras = pd.DataFrame({"doc_id": ["d1"] * 50 + ["d2"], "valence": [1.0] * 50 + [0.0]})
    result = compare({"documents": docs, "paragraphs": paras}, n_boot=500)
    row = _row(result, "A", "valence")
    assert row["mean"] == pytest.approx(0.5)
    assert row["ci_low"] == pytest.approx(0.0) and row["ci_high"] == pytest.approx(1.0)


def test_synthetic_effects_are_detected():
    result = compare(synthetic_analysis(90, seed=3), n_boot=200)
    pw = result.pairwise
    row = pw[
        (pw.feature == "loaded_per_100") & (pw.group == "Outlet A") & (pw.ref_group == "Outlet C")
    ]
    assert row["q"].iloc[0] < 0.01
    assert row["effect"].iloc[0] < -0.5
    assert row["ci_high"].iloc[0] < 0


def test_metrics_selects_families_and_names():
    result = compare(_tables(), n_boot=20, metrics=["stance", "valence"])
    assert set(result.groups.feature) == {"stance__X", "valence"}


def test_missing_inputs_are_skipped_not_invented():
    t = _tables()
    del t["quotes"]
    result = compare(t, n_boot=20)
    assert not result.groups.feature.str.startswith(("voice", "anonymous", "verb")).any()
    assert "bias_score" not in set(result.groups.feature)


def test_group_by_mapping_and_unknown_column():
    t = _tables()
    result = compare(t, by={"a1": "x", "a2": "y", "b1": "x", "b2": "y"}, n_boot=20)
    assert set(result.groups.group) == {"x", "y"}
    with pytest.raises(InputError, match="leaning"):
        compare(t, by="leaning")


def test_permutation_test_option():
    result = compare(_tables(), n_boot=20, test="permutation")
    assert result.pairwise["test"].str.startswith("permutation").all()


def test_keyness_loaded_counts_and_totals():
    k = keyness(_tables(), "outlet", "loaded", min_count=1)
    row = k[(k.group == "A") & (k.term == "regime")].iloc[0]
    # "regime" 3 times in A (case folded), 0 in B; A has 150 tokens, B 100
    assert (row.count_group, row.count_ref, row.total_group, row.total_ref) == (3, 0, 150, 100)
    assert row.g2 > 0 and row.log_ratio > 0
    table = np.array([[3, 0], [147, 100]])
    ref = stats.chi2_contingency(table, correction=False, lambda_="log-likelihood")[0]
    assert row.g2 == pytest.approx(ref)


def test_keyness_verbs_counts_cues():
    k = keyness(_tables(), "outlet", "verbs", min_count=1)
    row = k[(k.group == "B") & (k.term == "warned")].iloc[0]
    assert (row.count_group, row.total_group, row.total_ref) == (1, 2, 4)


def test_keyness_without_spans_raises():
    t = _tables()
    del t["spans"]
    with pytest.raises(InputError, match="spans"):
        keyness(t, "outlet", "loaded")


def test_group_by_date_bucket():
    a = synthetic_analysis(12, seed=5)
    buckets = date_bucket(a, "Q")
    assert set(buckets) <= {"2024Q1", "2024Q2", "2024Q3"}
    result = compare(a, by=buckets, n_boot=20, with_keyness=False)
    assert result.by == "date (Q)"
    assert set(result.groups.group) == set(buckets)


def test_single_document_has_no_interval():
    t = _tables()
    result = compare(t, by={"a1": "x", "a2": "y", "b1": "y"}, n_boot=50)
    row = _row(result, "x", "valence")
    assert row["n_docs"] == 1 and np.isnan(row["ci_low"]) and np.isnan(row["ci_high"])
    pw = result.pairwise[result.pairwise.feature == "valence"].iloc[0]
    assert np.isnan(pw["ci_low"]) and not np.isnan(pw["p"])


def test_one_group_gives_no_pairwise_rows():
    t = _tables()
    result = compare(t, by={"a1": "x", "a2": "x"}, n_boot=20)
    assert result.pairwise.empty
    assert set(result.groups.group) == {"x"}


def test_own_paragraph_column_is_compared_when_named():
    t = _tables()
    t["paragraphs"] = t["paragraphs"].assign(my_score=[1.0, 0.0, 1.0, 0.0, 0.5, 0.5])
    result = compare(t, n_boot=20, metrics=["my_score"])
    assert set(result.groups.feature) == {"my_score"}
    # a1: mean(1, 0) = 0.5, a2: 1.0 -> 0.75
    assert _row(result, "A", "my_score")["mean"] == pytest.approx(0.75)
    assert "my_score" not in set(compare(t, n_boot=20).groups.feature)
