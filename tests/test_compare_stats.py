"""Statistics of framing.compare checked against scipy and hand-computed cases."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats

from framing.compare._keyness import g2, log_ratio
from framing.compare._stats import (
    benjamini_hochberg,
    bootstrap_weights,
    cliffs_delta,
    cohens_d,
    mann_whitney,
    percentile_interval,
    permutation_test_means,
    weighted_means,
)


@pytest.fixture
def samples() -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(42)
    return rng.normal(0.3, 1.0, 37), rng.normal(0.0, 1.5, 29)


def test_mann_whitney_matches_scipy(samples):
    x, y = samples
    ref = stats.mannwhitneyu(x, y, alternative="two-sided")
    stat, p = mann_whitney(x, y)
    assert stat == pytest.approx(ref.statistic)
    assert p == pytest.approx(ref.pvalue)


def test_mann_whitney_with_ties_matches_scipy():
    x = np.array([1, 2, 2, 3, 3, 3, 4], dtype=float)
    y = np.array([2, 3, 4, 4, 5, 5], dtype=float)
    ref = stats.mannwhitneyu(x, y, alternative="two-sided")
    assert mann_whitney(x, y) == pytest.approx((ref.statistic, ref.pvalue))


def test_mann_whitney_constant_samples_give_p_one():
    assert mann_whitney(np.zeros(4), np.zeros(3)) == (6.0, 1.0)


def test_mann_whitney_empty_sample_is_nan():
    stat, p = mann_whitney(np.array([]), np.array([1.0]))
    assert np.isnan(stat) and np.isnan(p)


def test_cliffs_delta_hand_computed():
    # pairs: (1,0) >, (1,2) <, (2,0) >, (2,2) =  ->  (2 - 1) / 4
    assert cliffs_delta(np.array([1.0, 2.0]), np.array([0.0, 2.0])) == 0.25
    assert cliffs_delta(np.array([5.0, 6.0]), np.array([1.0, 2.0, 3.0])) == 1.0
    assert cliffs_delta(np.array([1.0]), np.array([4.0, 5.0])) == -1.0


def test_cliffs_delta_equals_rescaled_mann_whitney_u(samples):
    x, y = samples
    u = stats.mannwhitneyu(x, y).statistic
    assert cliffs_delta(x, y) == pytest.approx(2 * u / (x.size * y.size) - 1)


def test_cohens_d_hand_computed():
    # means 3 and 2; variances 2 and 2 -> pooled sd sqrt(2); d = 1 / sqrt(2)
    assert cohens_d(np.array([2.0, 4.0]), np.array([1.0, 3.0])) == pytest.approx(2**-0.5)


def test_cohens_d_unequal_sizes(samples):
    x, y = samples
    nx, ny = x.size, y.size
    sp = np.sqrt(((nx - 1) * np.var(x, ddof=1) + (ny - 1) * np.var(y, ddof=1)) / (nx + ny - 2))
    assert cohens_d(x, y) == pytest.approx((x.mean() - y.mean()) / sp)


def test_cohens_d_undefined_cases_are_nan():
    assert np.isnan(cohens_d(np.array([1.0]), np.array([1.0, 2.0])))
    assert np.isnan(cohens_d(np.array([1.0, 1.0]), np.array([1.0, 1.0])))


def test_benjamini_hochberg_matches_scipy():
    p = np.random.default_rng(3).uniform(0, 0.2, 40)
    assert benjamini_hochberg(p) == pytest.approx(stats.false_discovery_control(p))


def test_benjamini_hochberg_skips_nan():
    p = np.array([0.01, np.nan, 0.04, 0.03])
    q = benjamini_hochberg(p)
    assert np.isnan(q[1])
    assert q[[0, 2, 3]] == pytest.approx(stats.false_discovery_control(p[[0, 2, 3]]))


def test_permutation_exact_matches_scipy():
    x = np.array([1.2, 3.4, 2.2, 5.0, 4.1])
    y = np.array([0.5, 1.1, 2.0, 0.7])

    def diff(a, b, axis):
        return np.mean(a, axis=axis) - np.mean(b, axis=axis)

    ref = stats.permutation_test((x, y), diff, n_resamples=10_000, alternative="two-sided")
    d, p = permutation_test_means(x, y, n_perm=10_000)
    assert d == pytest.approx(ref.statistic)
    assert p == pytest.approx(ref.pvalue)


def test_permutation_random_close_to_scipy(samples):
    x, y = samples

    def diff(a, b, axis):
        return np.mean(a, axis=axis) - np.mean(b, axis=axis)

    ref = stats.permutation_test(
        (x, y), diff, n_resamples=4000, alternative="two-sided", rng=np.random.default_rng(1)
    )
    _, p = permutation_test_means(x, y, n_perm=4000, seed=1)
    assert p == pytest.approx(ref.pvalue, abs=0.03)


def test_bootstrap_weights_rows_sum_to_n():
    w = bootstrap_weights(7, 50, np.random.default_rng(0))
    assert w.shape == (50, 7)
    assert np.all(w.sum(axis=1) == 7)


def test_weighted_means_equal_resampled_nanmeans():
    rng = np.random.default_rng(5)
    values = rng.normal(size=(9, 3))
    values[[1, 4], 2] = np.nan
    idx = rng.integers(0, 9, size=(20, 9))
    w = np.zeros((20, 9))
    for r in range(20):
        np.add.at(w[r], idx[r], 1)
    expected = np.array([np.nanmean(values[idx[r]], axis=0) for r in range(20)])
    assert weighted_means(w, values) == pytest.approx(expected)


def test_bootstrap_interval_close_to_scipy_percentile(samples):
    x, _ = samples
    rng = np.random.default_rng(0)
    draws = weighted_means(bootstrap_weights(x.size, 4000, rng), x[:, None])
    lo, hi = percentile_interval(draws)
    ref = stats.bootstrap((x,), np.mean, n_resamples=4000, method="percentile", rng=1)
    assert lo[0] == pytest.approx(ref.confidence_interval.low, abs=0.05)
    assert hi[0] == pytest.approx(ref.confidence_interval.high, abs=0.05)


@pytest.mark.parametrize(
    ("a", "b", "c", "d"), [(10, 2, 100, 100), (3, 40, 500, 2000), (0, 7, 80, 90)]
)
def test_g2_matches_scipy_log_likelihood(a, b, c, d):
    table = np.array([[a, b], [c - a, d - b]])
    ref = stats.chi2_contingency(table, correction=False, lambda_="log-likelihood")[0]
    value = float(g2(np.array([a]), np.array([b]), np.array([c]), np.array([d]))[0])
    assert abs(value) == pytest.approx(ref)
    assert np.sign(value) == np.sign(a / c - b / d)


def test_log_ratio_hand_computed():
    assert float(log_ratio(np.array([8]), np.array([2]), np.array([100]), np.array([100]))[0]) == 2
    # a zero count is replaced by 0.5
    assert float(log_ratio(np.array([0]), np.array([4]), np.array([10]), np.array([10]))[0]) == -3


finite = st.floats(min_value=-1e3, max_value=1e3, allow_nan=False, allow_infinity=False)


@settings(max_examples=60, deadline=None)
@given(st.lists(finite, min_size=1, max_size=15), st.lists(finite, min_size=1, max_size=15))
def test_cliffs_delta_is_antisymmetric_and_bounded(x, y):
    d = cliffs_delta(np.array(x), np.array(y))
    assert -1.0 <= d <= 1.0
    assert cliffs_delta(np.array(y), np.array(x)) == pytest.approx(-d)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.floats(min_value=0.0, max_value=1.0), min_size=1, max_size=30))
def test_benjamini_hochberg_is_at_least_p_and_keeps_order(p):
    p = np.array(p)
    q = benjamini_hochberg(p)
    assert np.all(q >= p - 1e-12) and np.all(q <= 1.0)
    order = np.argsort(p, kind="stable")
    assert np.all(np.diff(q[order]) >= -1e-12)


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 50), st.integers(0, 50), st.integers(60, 500), st.integers(60, 500))
def test_g2_swaps_sign_when_corpora_swap(a, b, c, d):
    ab = float(g2(np.array([a]), np.array([b]), np.array([c]), np.array([d]))[0])
    ba = float(g2(np.array([b]), np.array([a]), np.array([d]), np.array([c]))[0])
    assert ab == pytest.approx(-ba, abs=1e-9)
