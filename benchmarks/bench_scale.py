"""Scale: push 100,000 articles through load → score → attribute in chunks; memory must stay flat.

The research corpora (``$ANALYSIS_CORPORA`` or ``../shared/corpora``: BASIL,
Article Bias Prediction, NEUS AllSides; 6,779 articles) are repeated with a
small deterministic edit per copy (the title gets ``(copy k)``, the text a last
line ``Copy k.``) so every article has its own id and its own text. They are
written as JSONL shards into a temporary folder, one shard at a time, and each
shard is loaded with ``analysis.load_articles``, scored with ``analysis.score``
and attributed with ``analysis.extract_attributions``; only the per-article
results (the score table and ``count_sources``) are kept, as a researcher would.

At each checkpoint (default 10k, 30k and 100k articles) it prints, per stage,
the articles per second so far (wall clock; ``all/cpu-s`` divides by this
process's CPU seconds instead, which other load on a shared machine does not
inflate), and the process's resident memory now and at its peak. Flat memory between checkpoints means memory does not grow with the
number of articles (only the small per-article result tables do).

Usage::

    .venv/bin/python benchmarks/bench_scale.py                 # 100,000 articles
    .venv/bin/python benchmarks/bench_scale.py --n 20000 --checkpoints 5000,10000,20000
    .venv/bin/python benchmarks/bench_scale.py --n-jobs 2      # score with two worker processes
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import resource
import sys
import tempfile
import time
import warnings
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPORA = Path(os.environ.get("ANALYSIS_CORPORA", REPO.parent / "shared" / "corpora"))
CORPORA = ("basil", "article_bias_prediction", "neus_allsides")


def _rss_mb() -> float:
    """Resident memory now (Linux /proc; falls back to the peak elsewhere)."""
    try:
        with open("/proc/self/statm") as fh:
            pages = int(fh.read().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / 1024**2
    except OSError:
        return _peak_mb()


def _peak_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 if sys.platform != "darwin" else peak / 1024**2


def _base_records(folder: Path) -> list[dict]:
    records = []
    for name in CORPORA:
        path = folder / name / "articles.jsonl"
        if not path.is_file():
            continue
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                row = json.loads(line)
                records.append(
                    {
                        "outlet": row.get("outlet"),
                        "title": row.get("title"),
                        "date": row.get("date"),
                        "text": row.get("text"),
                    }
                )
    if not records:
        raise SystemExit(
            f"no corpus found under {folder}; set ANALYSIS_CORPORA or pass --corpora "
            f"(a folder holding {', '.join(CORPORA)}/articles.jsonl)"
        )
    return records


def _copies(records: list[dict], n: int) -> Iterator[dict]:
    """``n`` articles: the records repeated, copy k with a small edit that changes its id."""
    for i, base in zip(range(n), itertools.cycle(records)):
        copy = i // len(records)
        if copy == 0:
            yield base
        else:
            yield {
                **base,
                "title": f"{base['title']} (copy {copy})",
                "text": f"{base['text']}\n\nCopy {copy}.",
            }


def _write_shard(path: Path, rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False))
            fh.write("\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=100_000, help="articles in total (default 100000)")
    parser.add_argument(
        "--checkpoints",
        default="10000,30000,100000",
        help="comma-separated article counts at which to print (default 10000,30000,100000)",
    )
    parser.add_argument("--shard-size", type=int, default=2000, help="articles per JSONL shard")
    parser.add_argument("--n-jobs", type=int, default=1, help="worker processes for scoring")
    parser.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA, help="corpora folder")
    args = parser.parse_args(argv)

    import pandas as pd

    import analysis
    from analysis import count_sources, extract_attributions, load_articles

    checkpoints = sorted({min(int(c), args.n) for c in args.checkpoints.split(",") if c} | {args.n})
    records = _base_records(args.corpora)
    print(
        f"bench_scale: {args.n:,} articles from {len(records):,} corpus articles "
        f"({args.corpora}), shards of {args.shard_size:,}, scoring n_jobs={args.n_jobs}; "
        f"analysis {analysis.__version__}, pandas {pd.__version__}, Python {sys.version.split()[0]}"
    )
    print(f"memory after imports: {_rss_mb():.0f} MB resident\n")
    header = (
        f"{'articles':>9} {'rows':>9} {'rejected':>8} {'load/s':>8} {'score/s':>8} "
        f"{'attrib/s':>8} {'all/s':>7} {'all/cpu-s':>9} {'attributions':>12} {'RSS MB':>7} "
        f"{'peak MB':>8}"
    )
    print(header)
    print("-" * len(header))

    # Wall and CPU seconds per stage: on a shared machine CPU time is the fairer throughput.
    seconds = {"load": 0.0, "score": 0.0, "attribute": 0.0}
    cpu = {"load": 0.0, "score": 0.0, "attribute": 0.0}
    kept_scores: list[pd.DataFrame] = []
    kept_counts: list[pd.DataFrame] = []
    done = rows = rejected = attributions = 0
    source = _copies(records, args.n)
    next_checkpoint = iter(checkpoints)
    checkpoint = next(next_checkpoint)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="bench_scale_") as tmp, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        shard_path = Path(tmp) / "shard.jsonl"
        while done < args.n:
            batch = list(itertools.islice(source, min(args.shard_size, checkpoint - done)))
            _write_shard(shard_path, batch)

            t, c = time.perf_counter(), time.process_time()
            articles = load_articles(shard_path, progress=False)
            seconds["load"] += time.perf_counter() - t
            cpu["load"] += time.process_time() - c

            t, c = time.perf_counter(), time.process_time()
            scores = analysis.score(articles, n_jobs=args.n_jobs, progress=False)
            seconds["score"] += time.perf_counter() - t
            cpu["score"] += time.process_time() - c

            t, c = time.perf_counter(), time.process_time()
            quotes = extract_attributions(articles)
            counts = count_sources(quotes, articles=articles)
            seconds["attribute"] += time.perf_counter() - t
            cpu["attribute"] += time.process_time() - c

            done += len(batch)
            rows += len(articles)
            rejected += len(articles.attrs["rejections"])
            attributions += len(quotes)
            kept_scores.append(scores)
            kept_counts.append(counts)
            del articles, scores, quotes, counts

            if done == checkpoint:
                total = time.perf_counter() - started
                print(
                    f"{done:>9,} {rows:>9,} {rejected:>8,} {done / seconds['load']:>8.0f} "
                    f"{done / seconds['score']:>8.0f} {done / seconds['attribute']:>8.0f} "
                    f"{done / total:>7.0f} {done / sum(cpu.values()):>9.0f} {attributions:>12,} "
                    f"{_rss_mb():>7.0f} {_peak_mb():>8.0f}",
                    flush=True,
                )
                checkpoint = next(next_checkpoint, args.n)
    scores = pd.concat(kept_scores, ignore_index=True)
    print(
        f"\nkept: score table {scores.shape[0]:,} x {scores.shape[1]} "
        f"({scores.memory_usage(deep=True).sum() / 1024**2:.0f} MB); stage seconds: "
        + ", ".join(f"{k} {v:.0f} ({cpu[k]:.0f} CPU)" for k, v in seconds.items())
        + f"; wall {time.perf_counter() - started:.0f} s"
    )
    if rows + rejected != args.n:
        print(f"ACCOUNTING ERROR: {args.n} articles in, {rows} rows + {rejected} rejections out")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
