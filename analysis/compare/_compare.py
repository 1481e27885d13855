"""compare(): group summaries with bootstrap intervals and pairwise tests, unpaired or paired by event."""

from __future__ import annotations

import html
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

import numpy as np
import pandas as pd

from analysis.compare._columns import DIFFERENCE_COLUMNS, KNOWN_METRICS, PAIRWISE_COLUMNS
from analysis.compare._stats import (
    _adjust,
    _boot_means,
    _cliffs_delta,
    _did_you_mean,
    _empty_result,
    _group_bootstrap,
    _interval,
    _key,
    _mann_whitney,
    _permutation,
    _permutation_block,
    _rank_biserial_paired,
    _resampled_means,
    _rng,
    _sign_flip,
    _sign_flip_block,
    _summary_row,
    _wilcoxon,
)
from analysis.schema import COMPARISON_COLUMNS

_PERIODS = {"Y": "Y", "Q": "Q", "M": "M", "W": "W", "D": "D"}
_TESTS = ("permutation", "mannwhitney")
_CORRECTIONS = ("holm", "bh", "none")


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
