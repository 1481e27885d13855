"""Speed of analysis.load_articles and analysis.find_duplicates against plain pandas, in one run.

The baseline is what a researcher would otherwise write:
``pd.read_json(path, lines=True)``, which parses the file but checks nothing
(no schema, no ids, no rejections, no text normalisation). ``load_articles``
does all of that on the same file; the ratio says what the checks cost.
``find_duplicates`` (MinHash + exact Jaccard) is timed against nothing: its
target is simply "seconds, not minutes" on 5,000 articles.

Usage::

    .venv/bin/python benchmarks/bench_load.py                 # article_bias_prediction (5,000, 32 MB)
    .venv/bin/python benchmarks/bench_load.py --corpus basil  # 300 articles

Targets (2 cores, one process): load_articles within 3x of pd.read_json and
under 5 s of CPU; find_duplicates under 10 s of CPU on 5,000 articles.
CPU time (``time.process_time``) is reported beside wall time because the
machine is shared: wall time grows with other people's jobs, CPU time does not.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
import warnings
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
SHARED = Path(os.environ.get("ANALYSIS_SHARED", REPO.parent / "shared"))


def _timed(function):
    wall, cpu = time.perf_counter(), time.process_time()
    result = function()
    return result, time.perf_counter() - wall, time.process_time() - cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", default="article_bias_prediction")
    args = parser.parse_args()
    path = SHARED / "corpora" / args.corpus / "articles.jsonl"
    if not path.is_file():
        print(f"skipped: {path} is absent (the corpora live in ../shared)")
        return 0

    import pandas as pd

    from analysis import find_duplicates, load_articles
    from analysis.load import LoadWarning

    # Warm the file cache and the imports so neither side pays for them.
    path.read_bytes()
    baseline, base_wall, base_cpu = _timed(
        lambda: pd.read_json(path, lines=True, dtype={"date": "string"})
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", LoadWarning)
        articles, load_wall, load_cpu = _timed(lambda: load_articles(path, progress=False))
    duplicates, dup_wall, dup_cpu = _timed(lambda: find_duplicates(articles))

    size_mb = path.stat().st_size / 1024**2
    print(f"corpus: {path} ({size_mb:.1f} MB)")
    print(f"{'step':32} {'rows':>6} {'wall s':>8} {'cpu s':>8}")
    print(f"{'pd.read_json(lines=True)':32} {len(baseline):>6} {base_wall:>8.2f} {base_cpu:>8.2f}")
    print(f"{'load_articles':32} {len(articles):>6} {load_wall:>8.2f} {load_cpu:>8.2f}")
    print(f"{'find_duplicates (groups: ' + str(duplicates['group'].nunique()) + ')':32} "
          f"{len(duplicates):>6} {dup_wall:>8.2f} {dup_cpu:>8.2f}")  # fmt: skip
    print(f"load_articles / read_json (cpu): {load_cpu / base_cpu:.1f}x")
    rejected = articles.attrs["summary"]["rejected"]
    assert len(articles) + rejected == len(baseline), "documents in must equal rows + rejections"
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
