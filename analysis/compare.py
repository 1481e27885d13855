"""Compare groups of articles (outlets, periods) with uncertainty.

:func:`compare` turns a per-article table (articles merged with their scores,
source counts or voices) into

* ``summary``: one row per group and metric (:data:`analysis.schema.COMPARISON_COLUMNS`:
  group, metric, n, mean, median, ci_low, ci_high). The interval is a **percentile
  bootstrap** interval of the mean (``n_boot`` resamples, seeded: same input,
  same numbers).
* ``pairwise``: one row per metric and pair of groups: the difference of means
  ``group_a − group_b`` with its bootstrap interval, an effect size, a test and
  a p-value corrected for multiple comparisons across **every row of the table**
  (Holm by default, or Benjamini–Hochberg).
* ``differences``: with ``paired_by="event_id"``, the per-event differences
  behind the paired comparison (empty otherwise).

All three come back together in one :class:`Comparison` (it shows itself as
tables in a notebook). Groups are the values of a column (``by="outlet"``) or
periods of a date column (``by="date:Y"``, ``"date:Q"``, ``"date:M"``,
``"date:W"``, ``"date:D"``; periods are compared with the period before);
``within="outlet"`` repeats the comparison for each outlet.

Effect sizes are rank-based and read the same way in both designs: from −1
(every value of A below B) through 0 to +1 (every value of A above B).
Unpaired: **Cliff's delta** (P(A > B) − P(A < B), equal to the rank-biserial
correlation of the Mann–Whitney U). Paired: the **matched-pairs rank-biserial
correlation** (Kerby 2014) of the per-event differences.

Tests: ``"permutation"`` (default; difference in means, ``n_perm`` random
relabellings, or random sign flips of the per-event differences when paired;
p = (1 + #as extreme) / (1 + n_perm)) or ``"mannwhitney"`` (Mann–Whitney U,
or the Wilcoxon signed-rank test when paired; normal approximation with tie and
continuity correction, so for fewer than about 10 values per group prefer the
permutation test).

:func:`voices` measures the tone of quoted text against the tone of the
writer's own text, and :func:`source_shares` splits attributions into the
source categories drawn by :func:`analysis.plot.source_mix`.

Example
-------
>>> table = articles.merge(scores, on="article_id")                  # doctest: +SKIP
>>> result = compare(table, by="outlet", metrics=["tone_compound"])  # doctest: +SKIP
>>> result.summary                                                   # doctest: +SKIP
"""

from __future__ import annotations

import difflib
import html
import math
import re
import sys
import types
import warnings
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

import numpy as np
import pandas as pd

from analysis.schema import COMPARISON_COLUMNS

__all__ = [
    "Comparison",
    "DIFFERENCE_COLUMNS",
    "KNOWN_METRICS",
    "PAIRWISE_COLUMNS",
    "SOURCE_CATEGORIES",
    "VOICE_COLUMNS",
    "Voices",
    "compare",
    "source_shares",
    "voices",
]

READABILITY_METRICS: tuple[str, ...] = (
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog_index",
    "coleman_liau_index",
    "automated_readability_index",
    "dale_chall_readability_score",
    "linsear_write_formula",
    "spache_readability",
    "mcalpine_eflaw",
    "text_standard",
    "reading_time",
)
COUNT_METRICS: tuple[str, ...] = (
    "words",
    "sentences",
    "syllables",
    "polysyllables",
    "difficult_words",
    "characters",
    "letters",
)
TONE_METRICS: tuple[str, ...] = (
    "tone_compound",
    "tone_pos",
    "tone_neu",
    "tone_neg",
    "tone_sentence_mean",
    "tone_share_positive",
    "tone_share_negative",
    "tone_share_neutral",
    "tone_sentences",
)
SOURCE_METRICS: tuple[str, ...] = (
    "attributions",
    "direct",
    "partial",
    "indirect",
    "anonymous",
    "named_speakers",
    "spokespeople",
    "officials",
    "politicians",
    "experts",
    "quoted_share",
    "source_diversity",
)
VOICE_METRICS: tuple[str, ...] = ("quoted_tone", "own_tone", "voice_gap", "quoted_text_share")

#: Columns compared by default when present and numeric, in this order.
KNOWN_METRICS: tuple[str, ...] = tuple(
    dict.fromkeys(
        TONE_METRICS
        + READABILITY_METRICS
        + COUNT_METRICS
        + ("word_count",)
        + SOURCE_METRICS
        + VOICE_METRICS
    )
)

#: Columns of ``Comparison.pairwise``.
PAIRWISE_COLUMNS: dict[str, str] = {
    "metric": "the measure compared",
    "group_a": "first group",
    "group_b": "second group",
    "n_a": "values in group_a (paired: number of pairs)",
    "n_b": "values in group_b (paired: number of pairs)",
    "n_pairs": "paired only: units (events) present in both groups; <NA> when unpaired",
    "difference": "mean(group_a) − mean(group_b); paired: mean of the per-unit differences",
    "ci_low": "lower end of the percentile-bootstrap interval of the difference",
    "ci_high": "upper end of that interval",
    "effect_size": "rank-based effect in [−1, 1]; > 0 means group_a tends to be higher",
    "effect_size_kind": "cliffs_delta (unpaired) or rank_biserial_paired",
    "statistic": "test statistic: difference in means (permutation), U (Mann–Whitney), W+ (Wilcoxon)",
    "p_value": "two-sided p-value of the test",
    "p_adjusted": "p-value corrected across every row of the table",
    "test": "the test used",
    "correction": "holm, bh (Benjamini–Hochberg) or none",
}

#: Columns of ``Comparison.differences`` (paired designs).
DIFFERENCE_COLUMNS: tuple[str, ...] = (
    "unit",
    "metric",
    "group_a",
    "group_b",
    "value_a",
    "value_b",
    "difference",
)

_PERIODS = {"Y": "Y", "Q": "Q", "M": "M", "W": "W", "D": "D"}
_TESTS = ("permutation", "mannwhitney")
_CORRECTIONS = ("holm", "bh", "none")
# Upper bound on the cells of one resampling matrix, to keep memory flat on big corpora.
_MAX_CELLS = 2_000_000


# --------------------------------------------------------------------------- result type


def _frame_html(df: pd.DataFrame, rows: int = 12) -> str:
    return df.head(rows).to_html(index=False, float_format=lambda v: f"{v:.3g}", escape=True)


@dataclass(frozen=True, repr=False)
class Comparison:
    """What :func:`compare` returns: the per-group summary and the pairwise differences.

    Attributes
    ----------
    summary
        Long table, one row per group and metric: ``COMPARISON_COLUMNS``.
    pairwise
        One row per metric and pair of groups: ``PAIRWISE_COLUMNS``.
    differences
        Paired designs: per-unit differences (``DIFFERENCE_COLUMNS``); empty otherwise.
    by, paired_by, ci, test, correction, n_boot, seed
        The settings that produced the tables.
    """

    summary: pd.DataFrame
    pairwise: pd.DataFrame
    differences: pd.DataFrame
    by: str
    paired_by: str | None = None
    ci: float = 0.95
    test: str = "permutation"
    correction: str = "holm"
    n_boot: int = 2000
    seed: int = 0
    groups: tuple[str, ...] = field(default=())
    within: str | None = None
    n_perm: int | None = None

    def _title(self) -> str:
        design = f"paired by {self.paired_by}" if self.paired_by else "unpaired"
        if self.within:
            design += f", within each {self.within}"
        return (
            f"Comparison by {self.by} ({design}): {len(self.groups)} groups, "
            f"{self.summary['metric'].nunique()} metrics; {self.ci:.0%} bootstrap intervals "
            f"({self.n_boot} resamples, seed {self.seed}); {self.test} test"
            + (f" ({self.n_perm} permutations)" if self.n_perm else "")
            + f", {self.correction} correction"
        )

    def __repr__(self) -> str:
        with pd.option_context("display.width", 120, "display.max_columns", 12):
            return (
                f"{self._title()}\n\nsummary ({len(self.summary)} rows):\n{self.summary.head(12)}\n\n"
                f"pairwise ({len(self.pairwise)} rows):\n{self.pairwise.head(12)}"
            )

    def _repr_html_(self) -> str:
        return (
            f"<p><b>{html.escape(self._title())}</b></p>"
            f"<p>summary ({len(self.summary)} rows)</p>{_frame_html(self.summary)}"
            f"<p>pairwise ({len(self.pairwise)} rows)</p>{_frame_html(self.pairwise)}"
        )


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


# --------------------------------------------------------------------------- grouping


def _resolve_groups(data: pd.DataFrame, by: str) -> tuple[pd.Series, list[str], bool]:
    """Return the group label of every row, the groups in order, and whether they are periods."""
    if not isinstance(by, str):
        raise TypeError(f"by must be a column name or '<date column>:<Y|Q|M|W|D>', got {by!r}")
    column, _, freq = by.partition(":")
    if by in data.columns:  # a column whose name has a colon
        column, freq = by, ""
    if column not in data.columns:
        raise ValueError(
            f"by={by!r}: there is no column {column!r}; choose from: {', '.join(map(str, data.columns))}"
            f"{_did_you_mean(column, data.columns)}"
        )
    if not freq:
        values = data[column]
        labels = values.astype("string")
        present = values.dropna().unique().tolist()
        try:  # numbers and dates in their own order (2 before 10), else alphabetical
            ordered = sorted(present)
        except TypeError:
            ordered = sorted(present, key=str)
        groups = list(dict.fromkeys(str(pd.Series([v]).astype("string").iloc[0]) for v in ordered))
        return labels, groups, False
    if freq.upper() not in _PERIODS:
        raise ValueError(
            f"by={by!r}: unknown period {freq!r}; use '{column}:Y' (year), ':Q' (quarter), "
            "':M' (month), ':W' (week) or ':D' (day)"
        )
    dates = data[column]
    if not pd.api.types.is_datetime64_any_dtype(dates):
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", UserWarning)  # "could not infer format"
                dates = pd.to_datetime(dates, errors="raise")
        except (TypeError, ValueError) as exc:
            raise ValueError(
                f"by={by!r}: column {column!r} is not a date column (dtype {data[column].dtype}); "
                f"convert it with pd.to_datetime(table[{column!r}])"
            ) from exc
    if getattr(dates.dt, "tz", None) is not None:
        dates = dates.dt.tz_localize(None)
    periods = dates.dt.to_period(_PERIODS[freq.upper()])
    labels = periods.astype("string")
    groups = [str(p) for p in sorted(periods.dropna().unique())]
    return labels, groups, True


def _default_metrics(data: pd.DataFrame, exclude: set[str]) -> list[str]:
    chosen = [
        m
        for m in KNOWN_METRICS
        if m in data.columns
        and m not in exclude
        and pd.api.types.is_numeric_dtype(data[m].dtype)
        and not pd.api.types.is_bool_dtype(data[m].dtype)
    ]
    if not chosen:
        numeric = [c for c in data.columns if pd.api.types.is_numeric_dtype(data[c].dtype)]
        raise ValueError(
            "no known score or count column in the table (e.g. tone_compound, flesch_kincaid_grade, "
            f"attributions); pass metrics=[...] naming the columns to compare. Numeric columns here: {numeric}"
        )
    return chosen


def _check_metrics(data: pd.DataFrame, metrics: Sequence[str] | str) -> list[str]:
    if isinstance(metrics, str):
        metrics = [metrics]
    metrics = list(dict.fromkeys(metrics))
    if not metrics:
        raise ValueError(
            "metrics is empty; name at least one numeric column, or leave metrics=None"
        )
    numeric = [c for c in data.columns if pd.api.types.is_numeric_dtype(data[c].dtype)]
    for metric in metrics:
        if metric not in data.columns:
            raise ValueError(
                f"unknown metric {metric!r}; choose from: {', '.join(map(str, numeric))}"
                f"{_did_you_mean(metric, data.columns)}"
            )
        if not pd.api.types.is_numeric_dtype(data[metric].dtype):
            raise ValueError(
                f"metric {metric!r} is not numeric (dtype {data[metric].dtype}); choose from: "
                f"{', '.join(map(str, numeric))}"
            )
    return metrics


def _as_float(series: pd.Series) -> np.ndarray:
    values = pd.to_numeric(series, errors="coerce").astype("float64").to_numpy(na_value=np.nan)
    # An infinite score is a failed computation, not a very large value: treat it as missing.
    return np.where(np.isfinite(values), values, np.nan)


# --------------------------------------------------------------------------- compare


def compare(
    data: pd.DataFrame,
    *,
    by: str = "outlet",
    metrics: Sequence[str] | str | None = None,
    ci: float = 0.95,
    paired_by: str | None = None,
    n_boot: int = 2000,
    seed: int = 0,
    test: str = "permutation",
    correction: str = "holm",
    pairs: str | None = None,
    within: str | None = None,
    n_perm: int | None = None,
) -> Comparison:
    """Compare groups of articles on one or more metrics, with intervals and tests.

    Parameters
    ----------
    data
        One row per article: the ``by`` column and numeric metric columns, e.g.
        ``articles.merge(scores, on="article_id")``. Not modified.
    by
        The grouping column (``"outlet"``), or a period of a date column written
        ``"<column>:<period>"`` with period ``Y`` (year, label ``"2019"``), ``Q``
        (``"2019Q1"``), ``M`` (``"2019-03"``), ``W`` or ``D``. Rows without a group
        are dropped with a warning.
    metrics
        Column(s) to compare. Default: every numeric column among the known score,
        count, source and voice columns (:data:`KNOWN_METRICS`).
    ci
        Coverage of the percentile-bootstrap intervals, between 0 and 1.
    paired_by
        Column naming the unit shared across groups (``"event_id"``). Pairwise
        differences are then taken within each unit, over the units present
        (non-missing) in both groups; several rows of one unit and group are
        averaged first.
    n_boot
        Bootstrap resamples.
        Rows are put in a canonical order first (by ``article_id`` when the
        table has it, else by value), so shuffling the input changes nothing.
    seed
        Seed of the random streams; the same seed gives the same numbers.
    test
        ``"permutation"`` (sign-flip when paired) or ``"mannwhitney"``
        (Wilcoxon signed-rank when paired).
    correction
        ``"holm"`` (family-wise error), ``"bh"`` (Benjamini–Hochberg false
        discovery rate) or ``"none"``; applied across all rows of ``pairwise``.
    pairs
        ``"all"`` pairs of groups (default for columns), or ``"adjacent"``
        groups only (default for periods: each period against the one before,
        ``group_a`` the later one, so ``difference`` is the change), or
        ``"none"`` (summary only: fast with many groups).
    n_perm
        Random permutations (sign flips) of the permutation test; default
        ``n_boot``. The smallest p-value it can give is 1 / (n_perm + 1), so the
        smallest Holm-adjusted one over m tests is m / (n_perm + 1): a warning
        says when that is above 0.05. Compare fewer metrics, raise ``n_perm``
        or use ``test="mannwhitney"`` then.
    within
        Repeat the comparison separately within each value of this column, e.g.
        ``compare(table, by="date:Y", within="outlet")`` for each outlet's tone
        over time. The tables gain a first column named ``within`` holding the
        value; the correction runs over all rows together.

    Returns
    -------
    Comparison
        ``.summary`` (COMPARISON_COLUMNS), ``.pairwise`` (PAIRWISE_COLUMNS) and
        ``.differences`` (paired designs).

    Raises
    ------
    ValueError
        Naming a bad ``by``, metric, ``test``, ``correction`` or ``ci``, with the
        allowed values.

    Example
    -------
    >>> result = compare(table, by="outlet", metrics="tone_compound", paired_by="event_id")  # doctest: +SKIP
    >>> result.pairwise[["group_a", "group_b", "difference", "p_adjusted"]]                   # doctest: +SKIP
    """
    if not isinstance(data, pd.DataFrame):
        raise TypeError(
            f"data must be a pandas DataFrame (one row per article), got {type(data).__name__}"
        )
    if test not in _TESTS:
        raise ValueError(
            f"test={test!r} is not known; choose from: {', '.join(_TESTS)}{_did_you_mean(test, _TESTS)}"
        )
    if correction not in _CORRECTIONS:
        raise ValueError(
            f"correction={correction!r} is not known; choose from: {', '.join(_CORRECTIONS)}"
            f"{_did_you_mean(correction, _CORRECTIONS)}"
        )
    if not 0 < ci < 1:
        raise ValueError(f"ci={ci!r} must be between 0 and 1, e.g. 0.95 for a 95% interval")
    if int(n_boot) < 1:
        raise ValueError(f"n_boot={n_boot!r} must be a positive number of resamples, e.g. 2000")
    n_boot = int(n_boot)
    n_perm = n_boot if n_perm is None else int(n_perm)
    if n_perm < 1:
        raise ValueError(f"n_perm={n_perm!r} must be a positive number of permutations, e.g. 2000")
    if pairs not in (None, "all", "adjacent", "none"):
        raise ValueError(f"pairs={pairs!r}; choose 'all', 'adjacent', 'none' or None (automatic)")

    if within is not None:
        return _compare_within(
            data,
            within=within,
            by=by,
            metrics=metrics,
            ci=ci,
            paired_by=paired_by,
            n_boot=n_boot,
            seed=seed,
            test=test,
            correction=correction,
            pairs=pairs,
            n_perm=n_perm,
        )
    labels, groups, is_period = _resolve_groups(data, by)
    if paired_by is not None and paired_by not in data.columns:
        raise ValueError(
            f"paired_by={paired_by!r} is not a column; choose from: {', '.join(map(str, data.columns))}"
            f"{_did_you_mean(paired_by, data.columns)}"
        )
    if paired_by is not None and paired_by == by.partition(":")[0]:
        raise ValueError(
            f"paired_by={paired_by!r} is also the by column, so no unit has two groups; pair by the "
            "column the groups share, e.g. compare(table, by='outlet', paired_by='event_id')"
        )
    exclude = {by.partition(":")[0], *([paired_by] if paired_by else [])}
    metrics = _default_metrics(data, exclude) if metrics is None else _check_metrics(data, metrics)
    pairs = pairs or ("adjacent" if is_period else "all")

    no_group = int(labels.isna().sum())
    if no_group:
        warnings.warn(
            f"compare: {no_group} of {len(data)} rows have no {by!r} value and were left out",
            UserWarning,
            stacklevel=2,
        )
    keep = labels.notna().to_numpy()
    group_of = labels.to_numpy(dtype=object)[keep]
    units = data[paired_by].astype("string").to_numpy(dtype=object)[keep] if paired_by else None

    # Rows in a canonical order, so that the order of the input rows cannot change
    # the resamples: by article_id when there is one, else by the values themselves.
    X = np.column_stack([_as_float(data[m]) for m in metrics])[keep]
    if "article_id" in data.columns:
        keys = data["article_id"].astype("string").fillna("").to_numpy(dtype=object)[keep]
        order = np.argsort(keys.astype(str), kind="stable")
    else:
        order = np.lexsort(X.T[::-1])
    X, group_of = X[order], group_of[order]
    units = units[order] if units is not None else None
    missing = {m: int(k) for m, k in zip(metrics, np.isnan(X).sum(axis=0), strict=True) if k}

    if pairs == "all":
        pair_list = list(combinations(groups, 2))
    elif pairs == "none":
        pair_list = []
    else:
        pair_list = [(groups[i + 1], groups[i]) for i in range(len(groups) - 1)]

    block = {g: X[group_of == g] for g in groups}
    boot = {g: _group_bootstrap(block[g], metrics, g, seed, n_boot) for g in groups}
    summary_rows = [
        _summary_row(g, metric, block[g][:, j], boot[g][:, j], ci)
        for j, metric in enumerate(metrics)
        for g in groups
    ]

    per_pair: dict[tuple[str, str], list[dict]] = {}
    diff_parts: dict[tuple[str, str], list[tuple[np.ndarray, np.ndarray, np.ndarray]]] = {}
    if paired_by:
        # Mean of every (unit, group) cell, for all metrics at once: units × groups × metrics.
        unit_codes, unit_names = pd.factorize(pd.Series(units, dtype="string"), sort=True)
        has_unit = unit_codes >= 0  # rows without a unit cannot be paired
        group_index = {g: i for i, g in enumerate(groups)}
        group_codes = np.array([group_index[g] for g in group_of], dtype=int)
        shape = (len(unit_names), len(groups), len(metrics))
        sums, counts = np.zeros(shape), np.zeros(shape)
        valid = ~np.isnan(X)
        cells = (unit_codes[has_unit], group_codes[has_unit])
        np.add.at(sums, cells, np.where(valid, X, 0.0)[has_unit])
        np.add.at(counts, cells, valid[has_unit].astype(float))
        present = np.zeros(shape[:2], dtype=bool)
        present[cells] = True
        with np.errstate(invalid="ignore", divide="ignore"):
            cell_means = np.where(counts > 0, sums / np.where(counts > 0, counts, 1.0), np.nan)
        unit_labels = np.asarray(unit_names.astype(str), dtype=object)
        for a, b in pair_list:
            ia, ib = group_index[a], group_index[b]
            common = present[:, ia] & present[:, ib]
            va, vb = cell_means[common, ia, :], cell_means[common, ib, :]
            per_pair[(a, b)] = _paired_rows(metrics, a, b, va - vb, ci, n_boot, n_perm, seed, test)
            labels_ab = unit_labels[common]
            diff_parts[(a, b)] = []
            for j in range(len(metrics)):
                both = ~np.isnan(va[:, j]) & ~np.isnan(vb[:, j])
                diff_parts[(a, b)].append((labels_ab[both], va[both, j], vb[both, j]))
    else:
        for a, b in pair_list:
            per_pair[(a, b)] = _unpaired_rows(
                metrics, a, b, block[a], block[b], boot[a], boot[b], ci, n_boot, n_perm, seed, test
            )
    pair_rows = [per_pair[p][j] for j in range(len(metrics)) for p in pair_list]
    ordered = [
        (metric, a, b, *diff_parts[(a, b)][j])
        for j, metric in enumerate(metrics)
        for a, b in pair_list
        if (a, b) in diff_parts
    ]

    if missing:
        detail = ", ".join(f"{m}: {k}" for m, k in missing.items())
        warnings.warn(
            f"compare: {sum(missing.values())} missing value(s) left out ({detail}); "
            "infinite values count as missing",
            UserWarning,
            stacklevel=2,
        )

    summary = pd.DataFrame(summary_rows, columns=list(COMPARISON_COLUMNS)).astype(
        {name: dtype for name, (dtype, _) in COMPARISON_COLUMNS.items()}
    )
    pairwise = pd.DataFrame(pair_rows, columns=list(PAIRWISE_COLUMNS))
    pairwise["correction"] = correction
    pairwise["p_adjusted"] = _adjust(pairwise["p_value"].to_numpy(dtype=float), correction)
    _warn_p_floor(pairwise, test, correction, n_perm)
    pairwise = pairwise.astype(
        {
            "metric": "string",
            "group_a": "string",
            "group_b": "string",
            "n_a": "int64",
            "n_b": "int64",
            "n_pairs": "Int64",
            "difference": "float64",
            "ci_low": "float64",
            "ci_high": "float64",
            "effect_size": "float64",
            "effect_size_kind": "string",
            "statistic": "float64",
            "p_value": "float64",
            "p_adjusted": "float64",
            "test": "string",
            "correction": "string",
        }
    )
    if ordered:
        sizes = [len(part[3]) for part in ordered]
        differences = pd.DataFrame(
            {
                "unit": np.concatenate([part[3] for part in ordered]),
                "metric": np.repeat([part[0] for part in ordered], sizes),
                "group_a": np.repeat([part[1] for part in ordered], sizes),
                "group_b": np.repeat([part[2] for part in ordered], sizes),
                "value_a": np.concatenate([part[4] for part in ordered]),
                "value_b": np.concatenate([part[5] for part in ordered]),
            }
        )
        differences["difference"] = differences["value_a"] - differences["value_b"]
    else:
        differences = pd.DataFrame({c: pd.Series(dtype="float64") for c in DIFFERENCE_COLUMNS})
    differences = differences.astype(
        {"unit": "string", "metric": "string", "group_a": "string", "group_b": "string"}
    )
    if paired_by and paired_by not in DIFFERENCE_COLUMNS:
        differences = differences.rename(columns={"unit": paired_by})
    return Comparison(
        summary=summary,
        pairwise=pairwise,
        differences=differences,
        by=by,
        paired_by=paired_by,
        ci=ci,
        test=test,
        correction=correction,
        n_boot=n_boot,
        seed=seed,
        groups=tuple(groups),
        n_perm=n_perm if test == "permutation" else None,
    )


def _warn_p_floor(pairwise: pd.DataFrame, test: str, correction: str, n_perm: int) -> None:
    tests = int(pairwise["p_value"].notna().sum())
    # Holm multiplies the smallest p-value by the number of tests (BH only the largest).
    if test != "permutation" or correction != "holm" or tests < 2:
        return
    floor = tests / (n_perm + 1)
    if floor > 0.05:
        warnings.warn(
            f"compare: {tests} tests with {n_perm} permutations each: no Holm-adjusted p-value "
            f"can fall below {min(floor, 1.0):.2g}. Compare fewer metrics or groups, raise n_perm "
            f"(to at least {int(40 * tests)}), or use test='mannwhitney'",
            UserWarning,
            stacklevel=3,
        )


def _compare_within(data: pd.DataFrame, *, within: str, **kwargs: Any) -> Comparison:
    """:func:`compare` run separately for each value of ``within``, tables stacked."""
    if within not in data.columns:
        raise ValueError(
            f"within={within!r} is not a column; choose from: {', '.join(map(str, data.columns))}"
            f"{_did_you_mean(within, data.columns)}"
        )
    by = kwargs["by"]
    if within == by.partition(":")[0]:
        raise ValueError(
            f"within={within!r} is also the by column; choose another column for within"
        )
    if kwargs["metrics"] is None:
        exclude = {
            by.partition(":")[0],
            within,
            *([kwargs["paired_by"]] if kwargs["paired_by"] else []),
        }
        kwargs["metrics"] = _default_metrics(data, exclude)
    values = data[within].astype("string")
    names = sorted(values.dropna().unique().tolist(), key=str)
    if values.isna().any():
        warnings.warn(
            f"compare: {int(values.isna().sum())} of {len(data)} rows have no {within!r} value and were left out",
            UserWarning,
            stacklevel=3,
        )
    seed = kwargs.pop("seed")
    parts: list[tuple[str, Comparison]] = []
    messages: list[str] = []
    for name in names:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", UserWarning)
            # A stream per value: two outlets of equal size never share resamples.
            result = compare(
                data[(values == name).to_numpy()], seed=(int(seed), _key(name)), **kwargs
            )
        messages += [f"{name}: {str(w.message).removeprefix('compare: ')}" for w in caught]
        parts.append((name, result))
    if messages:
        warnings.warn("compare: " + "; ".join(messages), UserWarning, stacklevel=3)

    def stack(attribute: str) -> pd.DataFrame:
        frames = [getattr(r, attribute).assign(**{within: name}) for name, r in parts]
        table = pd.concat(frames, ignore_index=True)
        table[within] = table[within].astype("string")
        return table[[within, *[c for c in table.columns if c != within]]]

    if not parts:
        raise ValueError(f"within={within!r}: the column has no values")
    pairwise = stack("pairwise")
    pairwise["p_adjusted"] = _adjust(
        pairwise["p_value"].to_numpy(dtype=float), kwargs["correction"]
    )
    groups = [g for _, r in parts for g in r.groups]
    first = parts[0][1]
    return Comparison(
        summary=stack("summary"),
        pairwise=pairwise,
        differences=stack("differences"),
        by=by,
        paired_by=kwargs["paired_by"],
        ci=kwargs["ci"],
        test=kwargs["test"],
        correction=kwargs["correction"],
        n_boot=first.n_boot,
        n_perm=first.n_perm,
        seed=seed,
        groups=tuple(sorted(set(groups), key=str)),
        within=within,
    )


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


def _unpaired_rows(
    metrics: Sequence[str],
    a_name: str,
    b_name: str,
    a_values: np.ndarray,
    b_values: np.ndarray,
    a_boot: np.ndarray,
    b_boot: np.ndarray,
    ci: float,
    n_boot: int,
    n_perm: int,
    seed: int,
    test: str,
) -> list[dict]:
    """One pairwise row per metric for two independent groups.

    The interval of the difference comes from the two groups' own bootstrap means
    (independent resamples of independent groups), so no extra resampling is needed.
    """
    complete = ~np.isnan(a_values).any(axis=0) & ~np.isnan(b_values).any(axis=0)
    p_block = np.full(len(metrics), np.nan)
    if test == "permutation" and len(a_values) >= 2 and len(b_values) >= 2 and complete.any():
        p_block[complete] = _permutation_block(
            a_values[:, complete], b_values[:, complete], _rng(seed, a_name, b_name, "perm"), n_perm
        )
    rows = []
    for j, metric in enumerate(metrics):
        a = a_values[:, j][~np.isnan(a_values[:, j])]
        b = b_values[:, j][~np.isnan(b_values[:, j])]
        row = {
            "metric": metric,
            "group_a": a_name,
            "group_b": b_name,
            "n_a": len(a),
            "n_b": len(b),
            "n_pairs": pd.NA,
            "effect_size_kind": "cliffs_delta",
            "test": test,
        }
        if len(a) == 0 or len(b) == 0:
            rows.append(_empty_result(row))
            continue
        row["difference"] = float(a.mean() - b.mean())
        row["effect_size"], _ = _cliffs_delta(a, b)
        if len(a) < 2 or len(b) < 2:
            rows.append(
                {**row, "ci_low": np.nan, "ci_high": np.nan, "statistic": np.nan, "p_value": np.nan}
            )
            continue
        row["ci_low"], row["ci_high"] = _interval(a_boot[:, j] - b_boot[:, j], ci)
        if test == "mannwhitney":
            row["statistic"], row["p_value"] = _mann_whitney(a, b)
        else:
            row["statistic"] = row["difference"]
            row["p_value"] = (
                float(p_block[j])
                if complete[j]
                else _permutation(a, b, _rng(seed, metric, a_name, b_name, "perm"), n_perm)
            )
        rows.append(row)
    return rows


def _paired_rows(
    metrics: Sequence[str],
    a_name: str,
    b_name: str,
    diffs: np.ndarray,
    ci: float,
    n_boot: int,
    n_perm: int,
    seed: int,
    test: str,
) -> list[dict]:
    """One pairwise row per metric from the per-unit differences (units × metrics, NaN = missing)."""
    complete = ~np.isnan(diffs).any(axis=0)
    n_units = len(diffs)
    boot = np.full((n_boot, len(metrics)), np.nan)
    p_block = np.full(len(metrics), np.nan)
    if n_units >= 2 and complete.any():
        rng = _rng(seed, a_name, b_name, "paired")
        boot[:, complete] = _resampled_means(diffs[:, complete], rng, n_boot)
        if test == "permutation":
            p_block[complete] = _sign_flip_block(diffs[:, complete], rng, n_perm)
    rows = []
    for j, metric in enumerate(metrics):
        d = diffs[:, j][~np.isnan(diffs[:, j])]
        n = len(d)
        row = {
            "metric": metric,
            "group_a": a_name,
            "group_b": b_name,
            "n_a": n,
            "n_b": n,
            "n_pairs": n,
            "effect_size_kind": "rank_biserial_paired",
            "test": "wilcoxon" if test == "mannwhitney" else "sign_flip",
        }
        if n == 0:
            rows.append(_empty_result(row))
            continue
        row["difference"] = float(d.mean())
        row["effect_size"] = _rank_biserial_paired(d)[0]
        if n < 2:
            rows.append(
                {**row, "ci_low": np.nan, "ci_high": np.nan, "statistic": np.nan, "p_value": np.nan}
            )
            continue
        if complete[j]:
            samples = boot[:, j]
        else:
            rng = _rng(seed, metric, a_name, b_name, "paired")
            samples = _boot_means(d, rng, n_boot)
        if np.ptp(d) == 0:
            row["ci_low"] = row["ci_high"] = float(d[0])
        else:
            row["ci_low"], row["ci_high"] = _interval(samples, ci)
        if test == "mannwhitney":
            row["statistic"], row["p_value"] = _wilcoxon(d)
        else:
            row["statistic"] = row["difference"]
            row["p_value"] = (
                float(p_block[j])
                if complete[j]
                else _sign_flip(d, _rng(seed, metric, a_name, b_name, "flip"), n_perm)
            )
        rows.append(row)
    return rows


# --------------------------------------------------------------------------- sources

#: Source categories of :func:`source_shares`, in drawing order. Each attribution
#: falls in exactly one: anonymous first, then by speaker_role, else "other".
SOURCE_CATEGORIES: tuple[str, ...] = (
    "spokespeople",
    "officials",
    "politicians",
    "experts",
    "anonymous",
    "other",
)
_ROLE_CATEGORY = {
    "spokesperson": "spokespeople",
    "official": "officials",
    "politician": "politicians",
    "expert": "experts",
}


def _with_group(attributions: pd.DataFrame, by: str, articles: pd.DataFrame | None) -> pd.DataFrame:
    if by in attributions.columns:
        return attributions
    if articles is None:
        raise ValueError(
            f"the attribution table has no {by!r} column; pass articles=... so each attribution "
            f"can be given its article's {by!r}"
        )
    if by not in articles.columns:
        raise ValueError(
            f"by={by!r} is not a column of the article table; choose from: {', '.join(map(str, articles.columns))}"
            f"{_did_you_mean(by, articles.columns)}"
        )
    return attributions.merge(articles[["article_id", by]], on="article_id", how="left")


def source_shares(
    attributions: pd.DataFrame,
    *,
    by: str = "outlet",
    articles: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Split each group's attributions into exclusive source categories and their shares.

    Categories (:data:`SOURCE_CATEGORIES`): an anonymous attribution counts as
    ``anonymous`` whatever its role (an unnamed official is anonymous); the others
    count by ``speaker_role`` as spokespeople, officials, politicians or experts;
    everything else (journalists, documents, citizens, unknown) is ``other``.
    Shares within a group sum to 1.

    Parameters
    ----------
    attributions
        The attribution table (``extract_attributions``), with ``speaker_role``
        and ``anonymous``.
    by
        Grouping column, taken from ``articles`` when the attribution table lacks it.
    articles
        The article table, needed when ``by`` is not in ``attributions``.

    Returns
    -------
    pandas.DataFrame
        Columns ``group, category, count, share, total``: one row per group and
        category (zeros included), groups sorted, categories in drawing order.

    Example
    -------
    >>> shares = source_shares(attributions, articles=articles)   # doctest: +SKIP
    >>> shares.pivot(index="group", columns="category", values="share")  # doctest: +SKIP
    """
    for column in ("speaker_role", "anonymous"):
        if column not in attributions.columns:
            raise ValueError(
                f"the attribution table has no {column!r} column; make it with analysis.extract_attributions(articles)"
            )
    table = _with_group(attributions, by, articles)
    roles = table["speaker_role"].astype("string").str.lower()
    category = roles.map(
        lambda r: _ROLE_CATEGORY.get(r, "other") if isinstance(r, str) else "other"
    )
    anonymous = table["anonymous"].fillna(False).astype(bool).to_numpy()
    category = np.where(anonymous, "anonymous", category.to_numpy(dtype=object))
    groups = table[by].astype("string")
    frame = pd.DataFrame({"group": groups.to_numpy(dtype=object), "category": category})
    frame = frame[groups.notna().to_numpy()]
    counts = frame.groupby(["group", "category"]).size()
    names = sorted(frame["group"].unique().tolist(), key=str)
    index = pd.MultiIndex.from_product(
        [names, list(SOURCE_CATEGORIES)], names=["group", "category"]
    )
    counts = counts.reindex(index, fill_value=0)
    out = counts.rename("count").reset_index()
    out["total"] = out.groupby("group")["count"].transform("sum")
    out["share"] = np.where(
        out["total"] > 0, out["count"] / out["total"].where(out["total"] > 0, 1), np.nan
    )
    out = out[["group", "category", "count", "share", "total"]]
    return out.astype({"group": "string", "category": "string", "count": "int64", "total": "int64"})


# --------------------------------------------------------------------------- voices

#: Columns of ``Voices.per_article`` (plus the ``by`` column after ``article_id``).
VOICE_COLUMNS: dict[str, str] = {
    "article_id": "the article",
    "quoted_tone": "mean VADER compound of the sentences inside direct/partial quotes (−1..1); NaN without quotes",
    "own_tone": "mean VADER compound of the sentences of the writer's own text (−1..1); NaN if none",
    "voice_gap": "quoted_tone − own_tone (> 0: the quotes are more positive than the writer)",
    "quoted_chars": "non-space characters inside direct/partial quote fragments (marks excluded)",
    "own_chars": "non-space characters outside them",
    "quoted_text_share": "quoted_chars / (quoted_chars + own_chars); not count_sources' quoted_share, "
    "which counts every character between double quotation marks, marks included",
    "quoted_sentences": "sentences (or sentence parts) scored inside quotes",
    "own_sentences": "sentences (or sentence parts) scored in the writer's own text",
}

_LETTER = re.compile(r"[^\W\d_]")
_LEADING_NON_WORD = re.compile(r"^[\W_]+")


@dataclass(frozen=True, repr=False)
class Voices:
    """What :func:`voices` returns.

    Attributes
    ----------
    per_article
        One row per article: ``article_id``, the ``by`` column, then :data:`VOICE_COLUMNS`.
    comparison
        :func:`compare` of ``per_article`` by ``by`` over ``quoted_tone``,
        ``own_tone``, ``voice_gap`` and ``quoted_text_share``.
    """

    per_article: pd.DataFrame
    comparison: Comparison

    @property
    def summary(self) -> pd.DataFrame:
        """Per-group summary (COMPARISON_COLUMNS) of quoted_tone, own_tone, voice_gap, quoted_text_share."""
        return self.comparison.summary

    def __repr__(self) -> str:
        return f"Voices: {len(self.per_article)} articles\n\nsummary:\n{self.summary}"

    def _repr_html_(self) -> str:
        return (
            f"<p><b>Voices: {len(self.per_article)} articles</b> (tone of quoted text vs the writer's own)</p>"
            f"{_frame_html(self.summary, rows=40)}"
        )


def _sentence_tone(text: str, spans: list[tuple[int, int]]) -> tuple[float, int]:
    """Mean VADER compound over the sentences of the spans, and the number of sentences."""
    from analysis import tone

    total, count = 0.0, 0
    for start, end in spans:
        # A stretch that starts where a quotation closes begins with '". ', which the
        # sentence splitter would count as a sentence of its own, scored 0.
        piece = _LEADING_NON_WORD.sub("", text[start:end])
        if not _LETTER.search(piece):
            continue
        scores = tone(piece)
        n = int(scores["tone_sentences"])
        if n and not math.isnan(scores["tone_sentence_mean"]):
            total += float(scores["tone_sentence_mean"]) * n
            count += n
    return (total / count if count else np.nan), count


def _fragments(row: pd.Series) -> list[tuple[int, int]]:
    frags = row.get("fragments")
    spans: list[tuple[int, int]] = []
    if frags is not None and not (isinstance(frags, float) and math.isnan(frags)):
        for frag in frags:
            try:
                start, end = int(frag[0]), int(frag[1])
            except (TypeError, ValueError, IndexError):
                continue
            spans.append((start, end))
    if not spans and pd.notna(row.get("start")) and pd.notna(row.get("end")):
        spans.append((int(row["start"]), int(row["end"])))
    return spans


def _merge(spans: list[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    clipped = sorted((max(0, s), min(length, e)) for s, e in spans if min(length, e) > max(0, s))
    merged: list[tuple[int, int]] = []
    for s, e in clipped:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return merged


def _complement(spans: list[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    out, pos = [], 0
    for s, e in spans:
        if s > pos:
            out.append((pos, s))
        pos = e
    if pos < length:
        out.append((pos, length))
    return out


def voices(
    articles: pd.DataFrame,
    attributions: pd.DataFrame,
    *,
    by: str = "outlet",
    kinds: Sequence[str] = ("direct", "partial"),
    ci: float = 0.95,
    n_boot: int = 2000,
    seed: int = 0,
) -> Voices:
    """Tone of the quoted text against the tone of the writer's own text.

    Does the negativity come from the sources or from the outlet? Each article's
    text is cut in two: the characters inside the quoted fragments of its
    attributions of the given ``kinds`` (direct and partial quotes), and the rest
    (the writer's own text, including attribution phrases such as "he said").
    Every contiguous stretch of either side is scored with :func:`analysis.tone`,
    and a side's tone is the **mean VADER compound of its sentences** (−1 most
    negative … +1 most positive), pooled over its stretches, so a sentence that a
    quotation cuts in two counts on both sides. Sentence means are used rather
    than the whole-text compound, which VADER pushes towards ±1 on long texts.
    Caveat: short partial quotes ("scare quotes") are often single words with
    no lexicon entry and score 0.

    Parameters
    ----------
    articles
        The article table (``article_id``, ``text`` and the ``by`` column).
    attributions
        The attribution table (``article_id``, ``kind``, ``fragments`` with
        ``start``/``end`` as fallback).
    by
        Grouping column for the per-group comparison.
    kinds
        Attribution kinds whose fragments count as quoted text.
    ci, n_boot, seed
        Passed to :func:`compare`.

    Returns
    -------
    Voices
        ``per_article`` (one row per article: ``article_id``, ``by``, then
        :data:`VOICE_COLUMNS`; ``quoted_tone`` is NaN for articles without quotes)
        and ``comparison`` (:func:`compare` by ``by``; ``voices.summary`` is its
        summary: a ``voice_gap`` interval below 0 means the quotes are more
        negative than the writer).

    Example
    -------
    >>> v = voices(articles, extract_attributions(articles))   # doctest: +SKIP
    >>> v.summary.query("metric == 'voice_gap'")                # doctest: +SKIP
    """
    for column in ("article_id", "text", by):
        if column not in articles.columns:
            raise ValueError(
                f"the article table has no {column!r} column; choose by from: "
                f"{', '.join(map(str, articles.columns))}{_did_you_mean(column, articles.columns)}"
            )
    for column in ("article_id", "kind"):
        if column not in attributions.columns:
            raise ValueError(
                f"the attribution table has no {column!r} column; make it with analysis.extract_attributions(articles)"
            )
    quoted = attributions[attributions["kind"].isin(list(kinds))]
    spans_by_article: dict[str, list[tuple[int, int]]] = {}
    for _, row in quoted.iterrows():
        spans_by_article.setdefault(str(row["article_id"]), []).extend(_fragments(row))

    rows = []
    for article_id, group, text in zip(
        articles["article_id"], articles[by], articles["text"], strict=True
    ):
        text = text if isinstance(text, str) else ""
        inside = _merge(spans_by_article.get(str(article_id), []), len(text))
        outside = _complement(inside, len(text))
        quoted_chars = sum(len(re.sub(r"\s", "", text[s:e])) for s, e in inside)
        own_chars = sum(len(re.sub(r"\s", "", text[s:e])) for s, e in outside)
        q_tone, q_sentences = _sentence_tone(text, inside)
        o_tone, o_sentences = _sentence_tone(text, outside)
        total = quoted_chars + own_chars
        rows.append(
            {
                "article_id": article_id,
                by: group,
                "quoted_tone": q_tone,
                "own_tone": o_tone,
                "voice_gap": q_tone - o_tone,
                "quoted_chars": quoted_chars,
                "own_chars": own_chars,
                "quoted_text_share": quoted_chars / total if total else np.nan,
                "quoted_sentences": q_sentences,
                "own_sentences": o_sentences,
            }
        )
    per_article = pd.DataFrame(rows, columns=["article_id", by, *list(VOICE_COLUMNS)[1:]])
    per_article = per_article.astype(
        {
            "article_id": "string",
            "quoted_tone": "float64",
            "own_tone": "float64",
            "voice_gap": "float64",
            "quoted_chars": "int64",
            "own_chars": "int64",
            "quoted_text_share": "float64",
            "quoted_sentences": "int64",
            "own_sentences": "int64",
        }
    )
    no_quotes = int(per_article["quoted_tone"].isna().sum())
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        comparison = compare(
            per_article,
            by=by,
            metrics=["quoted_tone", "own_tone", "voice_gap", "quoted_text_share"],
            ci=ci,
            n_boot=n_boot,
            seed=seed,
        )
    if no_quotes:
        warnings.warn(
            f"voices: {no_quotes} of {len(per_article)} articles have no quoted text; their quoted_tone "
            "and voice_gap are NaN and left out of the summary",
            UserWarning,
            stacklevel=2,
        )
    return Voices(per_article=per_article, comparison=comparison)


class _CallableModule(types.ModuleType):
    """Lets ``analysis.compare(table)`` work even after ``import analysis.compare``.

    Importing this module binds the *module* to ``analysis.compare``, shadowing the
    function the public API promises; calling the module calls :func:`compare`.
    """

    def __call__(self, *args: Any, **kwargs: Any) -> Comparison:
        return compare(*args, **kwargs)


sys.modules[__name__].__class__ = _CallableModule
