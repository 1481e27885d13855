"""The one-command report: load → score → attribute → compare → figures → one HTML file.

:func:`report` reads a folder of articles (or an article table, or a corpus by
name), runs every step of the pipeline and writes into ``out/``:

``report.html``
    One standalone page: the figures embedded as PNG, the tables behind them, a
    methods section (what each measure is, how well it agrees with human
    annotators), the data summary and every rejected input with its reason. It has
    no JavaScript and a Content-Security-Policy that forbids scripts, so text
    scraped from the web (even a ``<script>`` tag) can only ever be shown as text.
``tables/<name>.csv`` and ``tables/<name>.parquet``
    Every table, as CSV safe to open in a spreadsheet and as Parquet.
``figures/<name>.png|.svg|.csv``
    Every figure with the table behind it (:func:`analysis.save_figure`).
``.analysis-report``
    A marker listing the files written, so a later run may replace them.

Running it twice on the same input gives byte-identical files: the page shows the
package version and a fingerprint of the data instead of a date.
"""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path
from typing import Any

import pandas as pd

from analysis._callable import make_module_callable
from analysis.report._figures import _figures
from analysis.report._measures import (
    _MIN_PER_YEAR,
    _NO_GROUP,
    COMPARED,
    MEASURES,
)
from analysis.report._output import MARKER, _prepare_out, _write_marker, _write_tables
from analysis.report._page import _flat_attributions, _html_page
from analysis.report._validity import read_validity

__all__ = ["MARKER", "MEASURES", "read_validity", "report"]


def _fingerprint(articles: pd.DataFrame, rejections: pd.DataFrame) -> str:
    """A short hash of the data: the sorted article ids plus the rejected inputs."""
    digest = hashlib.sha256()
    for article_id in sorted(articles["article_id"].astype(str)):
        digest.update(article_id.encode() + b"\n")
    digest.update(b"--rejections--\n")
    for row in sorted(map(tuple, rejections.astype("string").fillna("").to_numpy().tolist())):
        digest.update("\x1f".join(row).encode("utf-8", "surrogatepass") + b"\n")
    return digest.hexdigest()[:16]


def _progress(progress: bool | None, total: int):
    from tqdm.auto import tqdm

    # None lets tqdm decide (shown on a terminal, hidden in a pipe); False always hides it.
    disable = None if progress is None else not progress
    return tqdm(total=total, desc="report", unit="step", disable=disable, leave=False)


def _load(path_or_articles: Any) -> tuple[pd.DataFrame, pd.DataFrame, str]:
    from analysis.corpora import load_corpus
    from analysis.load import RecordTable, load_articles, restore_accounting
    from analysis.schema import empty_rejections, validate_articles

    if isinstance(path_or_articles, pd.DataFrame):
        # A table read back from Parquet has its accounting as plain lists: tables again.
        articles = restore_accounting(validate_articles(path_or_articles))
        label = str(articles.attrs.get("source", "an article table"))
    else:
        path = Path(path_or_articles)
        if path.exists():
            articles = load_articles(path)
            label = str(path_or_articles)
        elif (
            isinstance(path_or_articles, str)
            and "/" not in path_or_articles
            and "\\" not in path_or_articles
        ):
            articles = load_corpus(path_or_articles)
            label = path_or_articles
        else:
            raise FileNotFoundError(
                f"no such file or folder: {str(path_or_articles)!r}; give a folder of articles, a file, "
                "or a corpus name (see analysis.load_corpus)"
            )
    rejections = articles.attrs.get("rejections")
    if isinstance(rejections, RecordTable):
        rejections = rejections.to_frame()
    elif rejections is None:
        rejections = empty_rejections()
    return articles, rejections, label


def _largest_groups(articles: pd.DataFrame, by: str, limit: int) -> list[str]:
    """The ``limit`` groups with the most articles (ties broken by name), sorted by name."""
    counts = articles[by].dropna().astype(str).value_counts()
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return sorted(name for name, _ in ranked[:limit])


def _check_column(articles: pd.DataFrame, column: str | None, argument: str) -> None:
    if column is not None and column not in articles.columns:
        raise KeyError(
            f"{argument}={column!r} is not a column of the article table; choose from: "
            f"{', '.join(map(str, articles.columns))}"
        )


#: Label of the articles without a group in the data summary (they are left out of comparisons).


def _data_summary(articles: pd.DataFrame, by: str) -> pd.DataFrame:
    """Articles per group: how many, the date range, the formats they came in."""
    rows = []
    for group, part in articles.groupby(by, sort=True, dropna=False):
        dates = part["date"].dropna()
        rows.append(
            {
                by: _NO_GROUP if pd.isna(group) else group,
                "articles": len(part),
                "words": int(part["word_count"].sum()),
                "first_date": dates.min() if len(dates) else pd.NaT,
                "last_date": dates.max() if len(dates) else pd.NaT,
                "undated": int(part["date"].isna().sum()),
                "formats": ", ".join(sorted(part["source_format"].dropna().astype(str).unique())),
            }
        )
    return pd.DataFrame(rows)


def report(
    path_or_articles: str | os.PathLike[str] | pd.DataFrame,
    *,
    out: str | os.PathLike[str],
    by: str = "outlet",
    paired_by: str | None = None,
    force: bool = False,
    progress: bool | None = None,
    title: str | None = None,
    n_boot: int = 2000,
    seed: int = 0,
    max_groups: int = 12,
) -> Path:
    """Run the whole pipeline on a corpus and write a standalone HTML report plus its tables.

    Parameters
    ----------
    path_or_articles
        A folder or file of articles (anything :func:`analysis.load_articles` reads), a
        corpus name (:func:`analysis.load_corpus`), or an article table.
    out
        Output folder. Created when missing; an existing folder must be empty or hold a
        previous report (its files are replaced), unless ``force=True``.
    by
        Column to compare groups by (default ``"outlet"``).
    paired_by
        Column of the unit shared across groups, e.g. ``"event_id"``: adds the paired
        comparison (differences within each event).
    force
        Write into a non-empty folder that holds no previous report (other files stay).
    progress
        Show a progress bar: None lets tqdm decide (only on a terminal), False hides it.
    title
        Heading of the page; default ``"Coverage report: <input>"``.
    n_boot, seed
        Bootstrap resamples and seed of :func:`analysis.compare`.
    max_groups
        Compare at most this many groups: the ones with the most articles (ties by name).
        Every pair of groups is tested, so 145 outlets would mean 10,000 pairs per measure
        and unreadable figures; the data summary still lists every group.

    Returns
    -------
    pathlib.Path
        The path of ``report.html``.

    Raises
    ------
    FileNotFoundError
        If the input does not exist.
    FileExistsError
        If ``out`` is a non-empty folder that holds no previous report and ``force`` is False.
    KeyError
        If ``by`` or ``paired_by`` is not a column of the article table.

    Example
    -------
    >>> page = report("data", out="reports/sample", progress=False)   # doctest: +SKIP
    >>> page.name                                                      # doctest: +SKIP
    'report.html'
    """
    # Imported from their modules, not through the package's lazy names: importing a
    # submodule such as analysis.score rebinds the package attribute of the same name.
    from analysis.attribute import count_sources, extract_attributions, top_speakers
    from analysis.compare import compare, source_shares, voices
    from analysis.load import RecordTable
    from analysis.score import score

    if isinstance(max_groups, bool) or not isinstance(max_groups, int) or max_groups < 2:
        raise ValueError(f"max_groups must be an integer of at least 2, got {max_groups!r}")
    # The steps' own bars follow ours: shown on a terminal unless progress=False.
    inner = sys.stderr.isatty() if progress is None else bool(progress)
    steps = ["load", "score", "attribute", "compare", "figures", "write"]
    with _progress(progress, len(steps)) as bar:

        def step(name: str) -> None:
            bar.set_postfix_str(name)

        step("load")
        articles, rejections, label = _load(path_or_articles)
        # The page reads the loader's tables (duplicates, notes, skipped) as DataFrames.
        attrs = {
            key: value.to_frame() if isinstance(value, RecordTable) else value
            for key, value in articles.attrs.items()
        }
        # The loader's side tables travel in attrs; pandas copies attrs into every derived
        # frame, so keep them here and work on a frame without them.
        articles = articles.copy(deep=False)
        articles.attrs = {}
        _check_column(articles, by, "by")
        _check_column(articles, paired_by, "paired_by")
        if not isinstance(path_or_articles, pd.DataFrame) and Path(path_or_articles).exists():
            source = Path(path_or_articles).resolve()
            if Path(out).resolve().is_relative_to(source):
                # The next run would read this report's own tables as articles.
                raise ValueError(
                    f"the output folder {str(out)!r} is inside the input {str(path_or_articles)!r}; "
                    "choose an output folder outside the data (e.g. reports/...)"
                )
        output = _prepare_out(out, force=force)
        # Marked at once, so that a run cut short can be re-run into the same folder.
        _write_marker(output.root, [])
        articles = articles.sort_values("article_id", kind="mergesort").reset_index(drop=True)
        fingerprint = _fingerprint(articles, rejections)
        bar.update()

        step("score")
        scores = score(articles, progress=inner)
        bar.update()

        step("attribute")
        quotes = extract_attributions(articles, progress=inner)
        per_article_sources = count_sources(quotes, by="article_id", articles=articles)
        bar.update()

        step("compare")
        compared = _largest_groups(articles, by, max_groups)
        chosen = articles[by].notna() & articles[by].astype(str).isin(compared)
        in_groups = articles[chosen].reset_index(drop=True)
        keys = ["article_id", by] + ([paired_by] if paired_by and paired_by != by else [])
        meta = ["title", "date", "word_count"]
        table = (
            articles[keys + [c for c in meta if c not in keys]]
            .merge(scores, on="article_id", how="left")
            .merge(per_article_sources, on="article_id", how="left", suffixes=("", "_sources"))
        )
        metrics = [m for m in COMPARED if m in table.columns]
        comparison = compare(
            table[chosen.to_numpy()],
            by=by,
            metrics=metrics,
            paired_by=paired_by,
            n_boot=n_boot,
            seed=seed,
        )
        group_quotes = quotes[quotes["article_id"].isin(in_groups["article_id"])]
        shares = source_shares(group_quotes, by=by, articles=in_groups)
        speakers = top_speakers(group_quotes, by=by, n=10, articles=in_groups)
        # Articles without a group (an outlet the page did not print) are left out of every
        # comparison, as compare() does.
        speakers = speakers[speakers[by].notna()].reset_index(drop=True)
        voice = voices(in_groups, group_quotes, by=by, n_boot=n_boot, seed=seed)
        # A year with a handful of articles would draw a confident-looking line through noise.
        per_year = table["date"].dt.year.value_counts()
        years = per_year[per_year >= _MIN_PER_YEAR].index
        over_time = (
            compare(
                table[table["date"].dt.year.isin(years)],
                by="date:Y",
                metrics=["tone_sentence_mean"],
                n_boot=n_boot,
                seed=seed,
            )
            if len(years) >= 2
            else None
        )
        bar.update()

        step("figures")
        figures = _figures(output, comparison, shares, speakers, voice, over_time, by)
        bar.update()

        step("write")
        summary = _data_summary(articles, by)
        tables = {
            "articles": table,
            "comparison": comparison.summary,
            "differences": comparison.pairwise,
            "attributions": _flat_attributions(quotes),
            "source_mix": shares,
            "top_speakers": speakers,
            "voices": voice.per_article,
            "voices_summary": voice.summary,
            "data_summary": summary,
            "rejections": rejections,
        }
        if paired_by:
            tables["paired_differences"] = comparison.differences
        if over_time is not None:
            tables["tone_by_year"] = over_time.summary
        _write_tables(output, tables)
        page = _html_page(
            compared=compared,
            title=title or f"Coverage report: {label}",
            fingerprint=fingerprint,
            articles=articles,
            rejections=rejections,
            attrs=attrs,
            summary=summary,
            comparison=comparison,
            voice=voice,
            speakers=speakers,
            quotes=quotes,
            table=table,
            figures=figures,
            by=by,
            paired_by=paired_by,
            tables=sorted(tables),
        )
        html_path = output.write_bytes("report.html", page.encode("utf-8"))
        _write_marker(output.root, sorted(set(output.written)))
        bar.update()
    return html_path


make_module_callable(__name__, report)
