"""Small statistics toolkit: bootstrap, tests, effect sizes, multiple-testing correction.

Everything here works on plain numpy arrays and is checked against scipy and against
hand-computed cases in ``tests/test_compare_stats.py``.
"""

from __future__ import annotations

from itertools import combinations
from math import comb

import numpy as np

__all__ = [
    "benjamini_hochberg",
    "bootstrap_weights",
    "cliffs_delta",
    "cohens_d",
    "mann_whitney",
    "percentile_interval",
    "permutation_test_means",
    "weighted_means",
]


def bootstrap_weights(n: int, n_boot: int, rng: np.random.Generator) -> np.ndarray:
    """Resampling weights: how often each of ``n`` units is drawn in each of ``n_boot`` resamples.

    Parameters
    ----------
    n : int
        Number of units (documents) in the group.
    n_boot : int
        Number of bootstrap resamples.
    rng : numpy.random.Generator
        Source of randomness.

    Returns
    -------
    numpy.ndarray of shape (n_boot, n)
        Integer counts; every row sums to ``n``. Drawing the indices once and turning
        them into counts lets every metric's resampled mean come out of one matrix product.

    Examples
    --------
    >>> w = bootstrap_weights(3, 2, np.random.default_rng(0))
    >>> w.shape, w.sum(axis=1).tolist()
    ((2, 3), [3.0, 3.0])
    """
    if n == 0:
        return np.zeros((n_boot, 0), dtype=np.float64)
    idx = rng.integers(0, n, size=(n_boot, n))
    weights = np.zeros((n_boot, n), dtype=np.float64)
    rows = np.repeat(np.arange(n_boot), n)
    np.add.at(weights, (rows, idx.ravel()), 1.0)
    return weights


def weighted_means(weights: np.ndarray, values: np.ndarray) -> np.ndarray:
    """Means of each column of ``values`` under each row of ``weights``, ignoring NaN.

    Parameters
    ----------
    weights : numpy.ndarray of shape (n_boot, n)
    values : numpy.ndarray of shape (n, m)
        One row per unit, one column per metric; NaN where a unit has no value.

    Returns
    -------
    numpy.ndarray of shape (n_boot, m)
        NaN where a resample holds no unit with a value.

    Examples
    --------
    >>> weighted_means(np.array([[1.0, 1.0], [2.0, 0.0]]), np.array([[1.0], [3.0]])).ravel()
    array([2., 1.])
    """
    present = ~np.isnan(values)
    filled = np.where(present, values, 0.0)
    num = weights @ filled
    den = weights @ present.astype(np.float64)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(den > 0, num / np.where(den > 0, den, 1.0), np.nan)


def percentile_interval(draws: np.ndarray, level: float = 0.95) -> tuple[np.ndarray, np.ndarray]:
    """Percentile bootstrap interval along axis 0, ignoring NaN draws.

    Examples
    --------
    >>> lo, hi = percentile_interval(np.arange(101.0)[:, None])
    >>> round(float(lo[0]), 6), round(float(hi[0]), 6)
    (2.5, 97.5)
    """
    alpha = (1.0 - level) / 2.0
    draws = np.asarray(draws, dtype=np.float64)
    if draws.ndim == 1:
        draws = draws[:, None]
    lo = np.full(draws.shape[1], np.nan)
    hi = np.full(draws.shape[1], np.nan)
    for j in range(draws.shape[1]):
        col = draws[:, j]
        col = col[~np.isnan(col)]
        if col.size:
            lo[j], hi[j] = np.quantile(col, [alpha, 1.0 - alpha])
    return lo, hi


def mann_whitney(x: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """Two-sided Mann-Whitney U test of ``x`` against ``y``.

    Returns ``(U, p)`` with ``U`` the statistic of ``x`` (scipy's convention);
    ``(nan, nan)`` when either sample is empty or both are constant and equal.

    Examples
    --------
    >>> mann_whitney(np.array([1.0, 2.0, 3.0]), np.array([4.0, 5.0, 6.0]))
    (0.0, 0.1)
    """
    x = np.asarray(x, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    if x.size == 0 or y.size == 0:
        return float("nan"), float("nan")
    both = np.concatenate([x, y])
    if np.all(both == both[0]):
        return float(x.size * y.size / 2.0), 1.0
    from scipy import stats  # imported on use: scipy.stats is slow to import

    res = stats.mannwhitneyu(x, y, alternative="two-sided", method="auto")
    return float(res.statistic), float(res.pvalue)


def cliffs_delta(x: np.ndarray, y: np.ndarray) -> float:
    """Cliff's delta: P(X > Y) - P(X < Y) over all pairs, in [-1, 1].

    Examples
    --------
    >>> cliffs_delta(np.array([1.0, 2.0]), np.array([0.0, 2.0]))
    0.25
    """
    x = np.sort(np.asarray(x, dtype=np.float64))
    y = np.sort(np.asarray(y, dtype=np.float64))
    if x.size == 0 or y.size == 0:
        return float("nan")
    # for each x: how many y are below and above it (sorted search, O(n log n))
    below = np.searchsorted(y, x, side="left")
    above = y.size - np.searchsorted(y, x, side="right")
    return float((below.sum() - above.sum()) / (x.size * y.size))


def cohens_d(x: np.ndarray, y: np.ndarray) -> float:
    """Cohen's d: difference in means over the pooled standard deviation (ddof=1).

    NaN when a sample has fewer than two values or the pooled deviation is zero.

    Examples
    --------
    >>> round(cohens_d(np.array([2.0, 4.0]), np.array([1.0, 3.0])), 4)
    0.7071
    """
    x = np.asarray(x, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    nx, ny = x.size, y.size
    if nx < 2 or ny < 2:
        return float("nan")
    pooled = ((nx - 1) * x.var(ddof=1) + (ny - 1) * y.var(ddof=1)) / (nx + ny - 2)
    if pooled <= 0:
        return float("nan")
    return float((x.mean() - y.mean()) / np.sqrt(pooled))


def permutation_test_means(
    x: np.ndarray, y: np.ndarray, *, n_perm: int = 9999, seed: int = 0
) -> tuple[float, float]:
    """Two-sided permutation test of the difference in means ``mean(x) - mean(y)``.

    Exact (every relabelling) when there are at most ``n_perm`` of them, else
    ``n_perm`` random relabellings with ``(b + 1) / (n_perm + 1)`` one-sided p-values.
    The two-sided p-value is twice the smaller one-sided one, capped at 1 (as in
    ``scipy.stats.permutation_test``).

    Returns
    -------
    (difference, p)

    Examples
    --------
    >>> d, p = permutation_test_means(np.array([1.0, 2.0, 3.0]), np.array([4.0, 5.0, 6.0]))
    >>> d, p
    (-3.0, 0.1)
    """
    x = np.asarray(x, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    nx, ny = x.size, y.size
    if nx == 0 or ny == 0:
        return float("nan"), float("nan")
    pooled = np.concatenate([x, y])
    n = pooled.size
    observed = x.mean() - y.mean()
    total = pooled.sum()
    # a small tolerance so floating-point noise does not decide ties
    tol = 1e-12 * max(1.0, abs(observed))
    if comb(n, nx) <= n_perm:
        sums = np.array([pooled[list(c)].sum() for c in combinations(range(n), nx)])
        diffs = sums / nx - (total - sums) / ny
        greater = float(np.mean(diffs >= observed - tol))
        less = float(np.mean(diffs <= observed + tol))
        return float(observed), min(1.0, 2.0 * min(greater, less))
    rng = np.random.default_rng(seed)
    keys = rng.random((n_perm, n))
    perms = np.argsort(keys, axis=1)[:, :nx]
    sums = pooled[perms].sum(axis=1)
    diffs = sums / nx - (total - sums) / ny
    greater = (int(np.sum(diffs >= observed - tol)) + 1) / (n_perm + 1)
    less = (int(np.sum(diffs <= observed + tol)) + 1) / (n_perm + 1)
    return float(observed), min(1.0, 2.0 * min(greater, less))


def benjamini_hochberg(p: np.ndarray) -> np.ndarray:
    """Benjamini-Hochberg adjusted p-values (q-values); NaN entries stay NaN and are not counted.

    Examples
    --------
    >>> benjamini_hochberg(np.array([0.01, 0.04, np.nan, 0.03])).round(3).tolist()
    [0.03, 0.04, nan, 0.04]
    """
    p = np.asarray(p, dtype=np.float64)
    q = np.full(p.shape, np.nan)
    ok = ~np.isnan(p)
    m = int(ok.sum())
    if m == 0:
        return q
    pv = p[ok]
    order = np.argsort(pv)
    ranked = pv[order] * m / np.arange(1, m + 1)
    ranked = np.minimum.accumulate(ranked[::-1])[::-1]
    out = np.empty(m)
    out[order] = np.minimum(ranked, 1.0)
    q[ok] = out
    return q
