"""Speed of analysis.compare against a plain per-metric, per-pair loop, on the same table.

The baseline is the straightforward way to write the same statistics: for every
metric and group a bootstrap of the mean, and for every metric and pair of
groups a bootstrap of the difference and a permutation test, each with its own
resampling. ``compare`` resamples the rows of a group once for all complete
metrics (one matrix product), takes the difference intervals from the groups'
own bootstraps, and runs one permutation matrix per pair for all metrics.

Both run on the same synthetic table (outlets x articles x metrics) in one
process; the script prints both times and the ratio, and checks that both give
the same means and intervals of similar width.

Run:  .venv/bin/python benchmarks/bench_compare.py [--outlets 20] [--per-outlet 250] [--metrics 10]
"""

from __future__ import annotations

import argparse
import time
from itertools import combinations

import numpy as np
import pandas as pd

from analysis.compare import KNOWN_METRICS, compare


def baseline(table: pd.DataFrame, metrics: list[str], n_boot: int, seed: int) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    groups = sorted(table["outlet"].unique())
    rows = []
    for metric in metrics:
        values = {g: table.loc[table["outlet"] == g, metric].to_numpy(float) for g in groups}
        for g in groups:
            x = values[g]
            boot = x[rng.integers(0, len(x), (n_boot, len(x)))].mean(axis=1)
            low, high = np.quantile(boot, [0.025, 0.975])
            rows.append(
                {"group": g, "metric": metric, "mean": x.mean(), "ci_low": low, "ci_high": high}
            )
        for a, b in combinations(groups, 2):
            xa, xb = values[a], values[b]
            boot = xa[rng.integers(0, len(xa), (n_boot, len(xa)))].mean(axis=1) - xb[
                rng.integers(0, len(xb), (n_boot, len(xb)))
            ].mean(axis=1)
            np.quantile(boot, [0.025, 0.975])
            pooled = np.concatenate([xa, xb])
            perm = rng.permuted(np.broadcast_to(pooled, (n_boot, len(pooled))), axis=1)
            stats = perm[:, : len(xa)].mean(axis=1) - perm[:, len(xa) :].mean(axis=1)
            _ = (1 + (np.abs(stats) >= abs(xa.mean() - xb.mean())).sum()) / (1 + n_boot)
    return pd.DataFrame(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--outlets", type=int, default=20)
    parser.add_argument("--per-outlet", type=int, default=250)
    parser.add_argument("--metrics", type=int, default=10)
    parser.add_argument("--n-boot", type=int, default=2000)
    args = parser.parse_args()

    rng = np.random.default_rng(0)
    n = args.outlets * args.per_outlet
    metrics = list(KNOWN_METRICS[: args.metrics])
    table = pd.DataFrame(
        {
            "article_id": [f"{i:08d}" for i in range(n)],
            "outlet": np.repeat([f"outlet {i:02d}" for i in range(args.outlets)], args.per_outlet),
        }
    )
    for j, metric in enumerate(metrics):
        table[metric] = rng.normal(j, 1.0, n)

    pairs = args.outlets * (args.outlets - 1) // 2
    print(
        f"{args.outlets} outlets x {args.per_outlet} articles, {len(metrics)} metrics, "
        f"{pairs} pairs, {args.n_boot} resamples"
    )
    start = time.perf_counter()
    ours = compare(table, metrics=metrics, n_boot=args.n_boot)
    t_ours = time.perf_counter() - start
    start = time.perf_counter()
    base = baseline(table, metrics, args.n_boot, seed=0)
    t_base = time.perf_counter() - start

    merged = ours.summary.merge(base, on=["group", "metric"], suffixes=("", "_base"))
    width = (merged["ci_high"] - merged["ci_low"]) / (
        merged["ci_high_base"] - merged["ci_low_base"]
    )
    print(f"analysis.compare : {t_ours:7.2f} s")
    print(f"baseline loop    : {t_base:7.2f} s")
    print(f"speed-up         : {t_base / t_ours:7.1f} x")
    print(f"max |mean difference|      : {np.abs(merged['mean'] - merged['mean_base']).max():.2e}")
    print(
        f"interval width ratio (ours / baseline): median {width.median():.3f}, "
        f"range {width.min():.3f} … {width.max():.3f}"
    )


if __name__ == "__main__":
    main()
