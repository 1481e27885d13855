"""The statistics behind compare(): seeded bootstrap, rank effect sizes, tests and p-value corrections."""

from __future__ import annotations

import difflib
import math
import zlib
from collections.abc import Iterable, Sequence

import numpy as np

# Upper bound on the cells of one resampling matrix, to keep memory flat on big corpora.
_MAX_CELLS = 2_000_000

# --------------------------------------------------------------------------- helpers


def _did_you_mean(bad: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(str(bad), [str(c) for c in choices], n=1, cutoff=0.5)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _key(value: object) -> int:
    return zlib.crc32(str(value).encode("utf-8", "surrogatepass"))


def _rng(seed: int | tuple[int, ...], *parts: object) -> np.random.Generator:
    # One stream per (metric, group, ...): adding a metric or a group never changes the others.
    base = [int(v) for v in seed] if isinstance(seed, tuple) else [int(seed)]
    return np.random.default_rng([*base, *(_key(p) for p in parts)])


def _chunks(n_rows: int, n_cols: int) -> Iterable[tuple[int, int]]:
    step = max(1, _MAX_CELLS // max(1, n_cols))
    for start in range(0, n_rows, step):
        yield start, min(step, n_rows - start)


def _boot_means(x: np.ndarray, rng: np.random.Generator, n_boot: int) -> np.ndarray:
    n = len(x)
    out = np.empty(n_boot)
    for start, k in _chunks(n_boot, n):
        out[start : start + k] = x[rng.integers(0, n, size=(k, n))].mean(axis=1)
    return out


def _interval(boot: np.ndarray, ci: float) -> tuple[float, float]:
    alpha = (1.0 - ci) / 2.0
    low, high = np.quantile(boot, [alpha, 1.0 - alpha])
    return float(low), float(high)


def _rank(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Average ranks (1-based) and the sizes of the tie groups."""
    order = np.argsort(values, kind="mergesort")
    sorted_values = values[order]
    _, first, counts = np.unique(sorted_values, return_index=True, return_counts=True)
    avg = first + (counts + 1) / 2.0
    ranks = np.empty(len(values))
    ranks[order] = np.repeat(avg, counts)
    return ranks, counts


def _normal_p(z: float) -> float:
    return float(math.erfc(abs(z) / math.sqrt(2.0)))


def _tolerance(obs: float) -> float:
    # Permuted statistics equal to the observed one up to rounding count as "as extreme".
    return 1e-12 * max(1.0, abs(obs))


def _cliffs_delta(a: np.ndarray, b: np.ndarray) -> tuple[float, float]:
    """Cliff's delta and the Mann–Whitney U of ``a``."""
    ranks, _ = _rank(np.concatenate([a, b]))
    u_a = ranks[: len(a)].sum() - len(a) * (len(a) + 1) / 2.0
    return 2.0 * u_a / (len(a) * len(b)) - 1.0, float(u_a)


def _mann_whitney(a: np.ndarray, b: np.ndarray) -> tuple[float, float]:
    n_a, n_b = len(a), len(b)
    n = n_a + n_b
    _, counts = _rank(np.concatenate([a, b]))
    _, u_a = _cliffs_delta(a, b)
    tie = float((counts**3 - counts).sum())
    var = n_a * n_b / 12.0 * ((n + 1) - tie / (n * (n - 1)))
    if var <= 0:
        return u_a, 1.0
    diff = u_a - n_a * n_b / 2.0
    z = (abs(diff) - 0.5) / math.sqrt(var) if abs(diff) >= 0.5 else 0.0
    return u_a, _normal_p(z)


def _permutation(a: np.ndarray, b: np.ndarray, rng: np.random.Generator, n_perm: int) -> float:
    pooled = np.concatenate([a, b])
    n_a = len(a)
    obs = a.mean() - b.mean()
    extreme = 0
    for _, k in _chunks(n_perm, len(pooled)):
        perm = rng.permuted(np.broadcast_to(pooled, (k, len(pooled))), axis=1)
        stats = perm[:, :n_a].mean(axis=1) - perm[:, n_a:].mean(axis=1)
        extreme += int((np.abs(stats) >= abs(obs) - _tolerance(obs)).sum())
    return (1 + extreme) / (1 + n_perm)


def _rank_biserial_paired(d: np.ndarray) -> tuple[float, float, np.ndarray, np.ndarray]:
    """Matched-pairs rank-biserial r and W+, over the non-zero differences."""
    nz = d[d != 0]
    if len(nz) == 0:
        return 0.0, 0.0, nz, np.array([])
    ranks, counts = _rank(np.abs(nz))
    w_plus = float(ranks[nz > 0].sum())
    total = len(nz) * (len(nz) + 1) / 2.0
    return (2.0 * w_plus - total) / total, w_plus, nz, counts


def _wilcoxon(d: np.ndarray) -> tuple[float, float]:
    _, w_plus, nz, counts = _rank_biserial_paired(d)
    n = len(nz)
    if n == 0:
        return 0.0, 1.0
    var = n * (n + 1) * (2 * n + 1) / 24.0 - float((counts**3 - counts).sum()) / 48.0
    if var <= 0:
        return w_plus, 1.0
    diff = w_plus - n * (n + 1) / 4.0
    z = (abs(diff) - 0.5) / math.sqrt(var) if abs(diff) >= 0.5 else 0.0
    return w_plus, _normal_p(z)


def _sign_flip(d: np.ndarray, rng: np.random.Generator, n_perm: int) -> float:
    obs = d.mean()
    extreme = 0
    for _, k in _chunks(n_perm, len(d)):
        signs = rng.integers(0, 2, size=(k, len(d))) * 2 - 1
        stats = (signs * d).mean(axis=1)
        extreme += int((np.abs(stats) >= abs(obs) - _tolerance(obs)).sum())
    return (1 + extreme) / (1 + n_perm)


def _adjust(p: np.ndarray, method: str) -> np.ndarray:
    out = np.full(len(p), np.nan)
    ok = ~np.isnan(p)
    m = int(ok.sum())
    if m == 0 or method == "none":
        out[ok] = p[ok]
        return out
    values = p[ok]
    order = np.argsort(values, kind="mergesort")
    ranked = values[order]
    if method == "holm":
        adjusted = np.maximum.accumulate((m - np.arange(m)) * ranked)
    else:  # Benjamini–Hochberg
        adjusted = np.minimum.accumulate((m / np.arange(1, m + 1) * ranked)[::-1])[::-1]
    result = np.empty(m)
    result[order] = np.minimum(adjusted, 1.0)
    out[ok] = result
    return out


def _resampled_means(values: np.ndarray, rng: np.random.Generator, n_boot: int) -> np.ndarray:
    """Bootstrap means of every column of ``values`` (rows resampled together): n_boot × columns."""
    n, m = values.shape
    out = np.empty((n_boot, m))
    for start, k in _chunks(n_boot, n):
        idx = rng.integers(0, n, size=(k, n)) + (np.arange(k) * n)[:, None]
        weights = np.bincount(idx.ravel(), minlength=k * n).reshape(k, n).astype(float)
        out[start : start + k] = weights @ values / n
    return out


def _group_bootstrap(
    values: np.ndarray, metrics: Sequence[str], group: str, seed: int, n_boot: int
) -> np.ndarray:
    """n_boot × metrics bootstrap means of one group (NaN columns where n < 2).

    Metrics without missing values share one resampling of the group's rows (one
    matrix product instead of one loop per metric); the stream depends on the
    group only, so adding a metric does not change the others. A metric with
    missing values is resampled on its own rows, from its own stream.
    """
    n, m = values.shape
    out = np.full((n_boot, m), np.nan)
    complete = ~np.isnan(values).any(axis=0)
    if n >= 2 and complete.any():
        out[:, complete] = _resampled_means(values[:, complete], _rng(seed, group, "rows"), n_boot)
    for j in np.flatnonzero(~complete):
        x = values[:, j][~np.isnan(values[:, j])]
        if len(x) >= 2:
            out[:, j] = _boot_means(x, _rng(seed, metrics[j], group), n_boot)
    return out


def _summary_row(group: str, metric: str, values: np.ndarray, boot: np.ndarray, ci: float) -> dict:
    x = values[~np.isnan(values)]
    row = {"group": group, "metric": metric, "n": len(x), "mean": np.nan, "median": np.nan}
    row["ci_low"] = row["ci_high"] = np.nan
    if len(x):
        row.update(mean=float(x.mean()), median=float(np.median(x)))
    if len(x) >= 2:
        if np.ptp(x) == 0:  # a constant: the interval is the value, without rounding noise
            row["ci_low"] = row["ci_high"] = float(x[0])
        else:
            row["ci_low"], row["ci_high"] = _interval(boot, ci)
    return row


def _permutation_block(
    a: np.ndarray, b: np.ndarray, rng: np.random.Generator, n_perm: int
) -> np.ndarray:
    """Permutation p-values of the difference in means, for every column at once."""
    pooled = np.vstack([a, b])
    n_a, n = len(a), len(a) + len(b)
    observed = a.mean(axis=0) - b.mean(axis=0)
    total = pooled.sum(axis=0)
    base = np.r_[np.ones(n_a), np.zeros(n - n_a)]
    extreme = np.zeros(pooled.shape[1])
    tol = 1e-12 * np.maximum(1.0, np.abs(observed))
    for _, k in _chunks(n_perm, n):
        masks = rng.permuted(np.broadcast_to(base, (k, n)), axis=1)
        sums = masks @ pooled
        stats = sums / n_a - (total - sums) / (n - n_a)
        extreme += (np.abs(stats) >= np.abs(observed) - tol).sum(axis=0)
    return (1 + extreme) / (1 + n_perm)


def _sign_flip_block(d: np.ndarray, rng: np.random.Generator, n_perm: int) -> np.ndarray:
    """Sign-flip p-values of the mean difference, for every column at once."""
    n = len(d)
    observed = d.mean(axis=0)
    extreme = np.zeros(d.shape[1])
    tol = 1e-12 * np.maximum(1.0, np.abs(observed))
    for _, k in _chunks(n_perm, n):
        signs = (rng.integers(0, 2, size=(k, n)) * 2 - 1).astype(float)
        stats = signs @ d / n
        extreme += (np.abs(stats) >= np.abs(observed) - tol).sum(axis=0)
    return (1 + extreme) / (1 + n_perm)


def _empty_result(row: dict) -> dict:
    return {
        **row,
        "difference": np.nan,
        "ci_low": np.nan,
        "ci_high": np.nan,
        "effect_size": np.nan,
        "statistic": np.nan,
        "p_value": np.nan,
    }
