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

import base64
import hashlib
import json
import os
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from analysis._callable import make_module_callable
from analysis._html import esc, markdown_to_html, table_html
from analysis._safe import safe_filename, safe_path

__all__ = ["MARKER", "MEASURES", "read_validity", "report"]

#: Name of the marker file that says "this folder holds a report written by analysis".
MARKER = ".analysis-report"

_VADER = (
    "Source: the VADER lexicon and rules (Hutto & Gilbert 2014), built for social-media text; it "
    "scores wording, not stance."
)
_TEXTSTAT = "Computed exactly as textstat 0.7.13 does."

#: Each compared measure: its label and a note on its source. The definition (range, direction,
#: formula) of the score columns is the score module's own (analysis.score.SCORE_COLUMNS).
MEASURES: dict[str, tuple[str, str]] = {
    "tone_sentence_mean": ("Tone (sentence mean)", _VADER),
    "tone_compound": ("Tone (whole text)", _VADER),
    "tone_share_negative": ("Share of negative sentences", _VADER),
    "flesch_reading_ease": ("Flesch reading ease", _TEXTSTAT),
    "flesch_kincaid_grade": ("Flesch–Kincaid grade", _TEXTSTAT),
    "gunning_fog": ("Gunning fog index", _TEXTSTAT),
    "dale_chall_readability_score": ("Dale–Chall score", _TEXTSTAT),
    "words": ("Words", _TEXTSTAT),
    "attributions": (
        "Attributions",
        "Number of quotations and attributions found in the article (direct, partial and indirect "
        "speech, 'according to'), by a rule-based extractor with a documented list of reporting "
        "verbs (analysis.extract_attributions).",
    ),
    "quoted_share": (
        "Quoted share",
        "0..1: share of the body text's characters that stand inside double quotation marks (marks "
        "included); higher means more of the text is given to quoted sources.",
    ),
    "source_diversity": (
        "Source diversity",
        "Shannon entropy, in bits, of the article's attributions over its sources (a source is the "
        "resolved speaker name, else the organisation, else the speaker phrase). 0 means one voice; "
        "higher means more voices, more evenly heard. Missing for an article without attributions.",
    ),
}


def _definition(name: str) -> str:
    from analysis.score import SCORE_COLUMNS

    label_note = MEASURES[name][1]
    if name in SCORE_COLUMNS:
        return f"{SCORE_COLUMNS[name]} {label_note}"
    return label_note


#: Metrics compared between groups, in the order shown; those absent from the data are skipped.
COMPARED = (
    "tone_sentence_mean",
    "tone_compound",
    "tone_share_negative",
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "gunning_fog",
    "dale_chall_readability_score",
    "words",
    "attributions",
    "quoted_share",
    "source_diversity",
)


@dataclass
class _Figure:
    name: str
    title: str
    how_to_read: str
    png: bytes


@dataclass
class _Output:
    """Where the report goes, and the relative names of every file written there."""

    root: Path
    written: list[str] = field(default_factory=list)

    def path(self, name: str) -> Path:
        return _inside(self.root, name)

    def write_bytes(self, name: str, data: bytes) -> Path:
        target = self.path(name)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        self.written.append(name)
        return target


def _inside(root: Path, name: str) -> Path:
    """Return ``root/name`` (``name`` is ``file`` or ``folder/file``), checked to stay inside ``root``."""
    folder, _, file = name.rpartition("/")
    if "/" in folder or (folder and safe_filename(folder, strict=True) != folder):
        raise ValueError(f"output folder name {folder!r} is not allowed; use one plain folder name")
    if safe_filename(file, strict=True) != file:
        raise ValueError(
            f"output file name {file!r} is not allowed: use letters, digits, '.', '-' and '_' "
            "(nothing may leave the output folder)"
        )
    return safe_path(root / folder if folder else root, file, strict=True)


def _prepare_out(out: str | os.PathLike[str], *, force: bool) -> _Output:
    """Create ``out`` or check that it may be written; clear the files of a previous report."""
    root = Path(out)
    if root.exists() and not root.is_dir():
        raise NotADirectoryError(
            f"--out {str(root)!r} is a file, not a folder; choose a folder name"
        )
    root.mkdir(parents=True, exist_ok=True)
    marker = root / MARKER
    entries = sorted(p.name for p in root.iterdir())
    if marker.is_file():
        try:
            previous = json.loads(marker.read_text(encoding="utf-8")).get("files", [])
            if not isinstance(previous, list) or not all(isinstance(n, str) for n in previous):
                raise ValueError("'files' is not a list of names")
        except (ValueError, AttributeError) as exc:
            raise ValueError(
                f"the report marker {marker} is damaged; delete the folder {root} or pass force=True (--force)"
            ) from exc
        for name in previous:
            # Only names this module could have written are removed; anything else stays.
            try:
                _inside(root, name).unlink(missing_ok=True)
            except (ValueError, IsADirectoryError):
                continue
    elif entries and not force:
        shown = ", ".join(entries[:5]) + (", ..." if len(entries) > 5 else "")
        raise FileExistsError(
            f"output folder {str(root)!r} is not empty ({shown}) and holds no previous report "
            f"(no {MARKER} file); choose an empty or new folder, or pass force=True (--force) to write "
            "the report files into it anyway (other files are left alone)"
        )
    return _Output(root)


def _write_marker(root: Path, files: list[str]) -> None:
    marker = {"generator": "analysis", "files": files}
    (root / MARKER).write_text(json.dumps(marker, indent=1) + "\n", encoding="utf-8")


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
    from analysis.load import load_articles
    from analysis.schema import empty_rejections, validate_articles

    if isinstance(path_or_articles, pd.DataFrame):
        articles = validate_articles(path_or_articles)
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
    if rejections is None:
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
_NO_GROUP = "(none)"


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


def _validity_markdown() -> str | None:
    """The text of docs/validity.md when the package runs from a checkout, else None."""
    path = Path(__file__).resolve().parents[1] / "docs" / "validity.md"
    if not path.is_file():
        return None
    return path.read_text(encoding="utf-8")


# No script may run in the page: not ours (there is none) and not one smuggled in with article text.
_CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"

_STYLE = """
body { font: 16px/1.5 Georgia, 'Times New Roman', serif; color: #1a1a1a; max-width: 62rem;
       margin: 0 auto; padding: 1rem 1.5rem 4rem; background: #fff; }
h1, h2, h3, h4, nav, caption, table, .meta, .note { font-family: Helvetica, Arial, sans-serif; }
h1 { font-size: 1.9rem; margin-bottom: .2rem; }
h2 { border-top: 2px solid #1a1a1a; padding-top: .6rem; margin-top: 2.5rem; }
.meta { color: #555; font-size: .9rem; }
nav ol { columns: 2; font-size: .95rem; }
figure { margin: 1.5rem 0; }
figure img { max-width: min(100%, 46rem); height: auto; border: 1px solid #ddd; }
figcaption { font-size: .95rem; color: #333; }
table.data { border-collapse: collapse; font-size: .85rem; margin: 1rem 0; }
table.data th, table.data td { border-bottom: 1px solid #ddd; padding: .25rem .6rem; text-align: left;
       vertical-align: top; }
table.data th { background: #f3f3f3; }
table.data td.num, table.data th.num { text-align: right; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: bold; padding: .3rem 0; }
.na { color: #999; }
.note { font-size: .85rem; color: #555; }
.scroll { overflow-x: auto; }
.accounting { font-size: 1.05rem; background: #f6f6ee; padding: .6rem 1rem; border-left: 4px solid #b8a642; }
dl.measures dt { font-weight: bold; font-family: Helvetica, Arial, sans-serif; margin-top: .6rem; }
dl.measures dd { margin-left: 1.2rem; }
code { font-size: .9em; }
"""


def _figure_html(fig: _Figure) -> str:
    data = base64.b64encode(fig.png).decode("ascii")
    return (
        f'<figure id="fig-{esc(fig.name)}"><img src="data:image/png;base64,{data}" '
        f'alt="{esc(fig.title)}"><figcaption><strong>{esc(fig.title)}.</strong> '
        f'{esc(fig.how_to_read)} <span class="note">Files: <code>figures/{esc(fig.name)}.png</code>, '
        f"<code>.svg</code> and the table behind it, <code>.csv</code>.</span></figcaption></figure>"
    )


def _page(*, title: str, meta: str, sections: Sequence[tuple[str, str, str]]) -> str:
    nav = "".join(
        f'<li><a href="#{esc(key)}">{esc(heading)}</a></li>' for key, heading, _ in sections
    )
    body = "\n".join(
        f'<section id="{esc(key)}">\n<h2>{esc(heading)}</h2>\n{content}\n</section>'
        for key, heading, content in sections
    )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="{esc(meta)}">\n'
        f"<title>{esc(title)}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n"
        f'<header>\n<h1>{esc(title)}</h1>\n<p class="meta">{esc(meta)}</p>\n</header>\n'
        f'<nav aria-label="Contents"><ol>{nav}</ol></nav>\n{body}\n</body>\n</html>\n'
    )


def read_validity(path: str | os.PathLike[str] | None = None) -> dict[str, pd.DataFrame]:
    """Return the agreement tables of ``docs/validity.md`` as DataFrames, keyed by their heading.

    Parameters
    ----------
    path
        The Markdown file; by default ``docs/validity.md`` of the checkout the package runs from.

    Returns
    -------
    dict of str to pandas.DataFrame
        One table per Markdown pipe table, keyed by the nearest heading above it
        (``"Tone / VADER against NYT ratings"``; a second table under one heading gets `` (2)``).
        Empty when the file is absent.

    Example
    -------
    >>> tables = read_validity()            # doctest: +SKIP
    >>> list(tables)[:1]                    # doctest: +SKIP
    ['Tone: VADER against human ratings']
    """
    text = _validity_markdown() if path is None else Path(path).read_text(encoding="utf-8")
    if text is None:
        return {}
    tables: dict[str, pd.DataFrame] = {}
    heading = "validity"
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        stripped = lines[i].strip()
        if stripped.startswith("#"):
            heading = stripped.lstrip("#").strip()
        if stripped.startswith("|"):
            block = []
            while i < len(lines) and lines[i].strip().startswith("|"):
                block.append(lines[i].strip().strip("|"))
                i += 1
            rows = [[c.strip() for c in b.split("|")] for b in block]
            body = [r for r in rows[1:] if not all(set(c) <= set(":- ") for c in r)]
            key, n = heading, 2
            while key in tables:
                key, n = f"{heading} ({n})", n + 1
            tables[key] = pd.DataFrame(body, columns=rows[0]).map(_number)
            continue
        i += 1
    return tables


def _number(cell: str) -> object:
    try:
        return (
            float(cell.replace(",", "").replace("−", "-"))
            if re.fullmatch(r"[-+−]?[\d,]*\.?\d+", cell)
            else cell
        )
    except ValueError:
        return cell


def _render(
    output: _Output, ax: Any, name: str, data: pd.DataFrame, title: str, how: str
) -> _Figure:
    """Save the figure of ``ax`` with its table under ``figures/`` and keep its PNG for the page."""
    import matplotlib.pyplot as plt

    from analysis.figures import save_figure

    fig = ax.figure if hasattr(ax, "figure") else ax
    paths = save_figure(fig, name, data=data, folder=output.path("figures"))
    plt.close(fig)
    for path in paths:
        output.written.append(f"figures/{path.name}")
    png = next(p for p in paths if p.suffix == ".png").read_bytes()
    return _Figure(name=paths[0].stem, title=title, how_to_read=how, png=png)


def _write_tables(output: _Output, tables: dict[str, pd.DataFrame]) -> None:
    from analysis._safe import write_table

    folder = output.path("tables")
    for name, table in tables.items():
        for path in write_table(table, folder, name, formats=("csv", "parquet")):
            output.written.append(f"tables/{path.name}")


def _summary_wide(summary: pd.DataFrame, metrics: Sequence[str]) -> pd.DataFrame:
    """One row per group and metric, in the order of ``metrics``, with the interval as two columns."""
    part = summary[summary["metric"].isin(metrics)].copy()
    part["order"] = part["metric"].map({m: i for i, m in enumerate(metrics)})
    part = part.sort_values(["order", "group"], kind="mergesort").drop(columns="order")
    return part.reset_index(drop=True)


def _pairwise_columns(pairwise: pd.DataFrame) -> pd.DataFrame:
    columns = [
        c
        for c in (
            "metric",
            "group_a",
            "group_b",
            "n_pairs",
            "difference",
            "ci_low",
            "ci_high",
            "effect_size",
            "p_adjusted",
        )
        if c in pairwise.columns
    ]
    return pairwise[columns].sort_values(["metric", "group_a", "group_b"], kind="mergesort")


#: Years with fewer articles are left out of the tone-over-time figure.
_MIN_PER_YEAR = 5

_TONE = ("tone_sentence_mean", "tone_compound", "tone_share_negative")
_READABILITY = (
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "gunning_fog",
    "dale_chall_readability_score",
)
_SOURCES = ("attributions", "quoted_share", "source_diversity", "anonymous")


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
        attrs = dict(articles.attrs)
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


def _flat_attributions(quotes: pd.DataFrame) -> pd.DataFrame:
    """The attribution table with its list column written as text ("12-40;52-80"), sorted."""
    flat = quotes.copy()
    if "fragments" in flat.columns:
        flat["fragments"] = (
            flat["fragments"]
            .map(
                lambda spans: (
                    ";".join(f"{int(s)}-{int(e)}" for s, e in spans)
                    if isinstance(spans, (list, tuple))
                    else pd.NA
                )
            )
            .astype("string")
        )
    order = [c for c in ("article_id", "start", "end") if c in flat.columns]
    return flat.sort_values(order, kind="mergesort").reset_index(drop=True) if order else flat


def _examples(quotes: pd.DataFrame, table: pd.DataFrame, by: str, n: int = 5) -> pd.DataFrame:
    """The first ``n`` attributions of each group (by article id and offset), for reading by eye."""
    columns = ["article_id", "kind", "speaker", "speaker_role", "content"]
    if quotes.empty:
        return pd.DataFrame(columns=[by, *columns])
    rows = quotes[columns + ["start"]].merge(table[["article_id", by]], on="article_id")
    rows = rows[rows[by].notna()].sort_values([by, "article_id", "start"], kind="mergesort")
    rows = rows.groupby(by, sort=True).head(n)
    rows["content"] = rows["content"].map(
        lambda t: t if not isinstance(t, str) or len(t) <= 200 else t[:199] + "…"
    )
    return rows[[by, *columns]].reset_index(drop=True)


def _accounting(articles: pd.DataFrame, rejections: pd.DataFrame, attrs: dict[str, Any]) -> str:
    n_rows, n_rej = len(articles), len(rejections)
    duplicates = attrs.get("duplicates")
    dropped = 0
    if isinstance(duplicates, pd.DataFrame) and "kept" in duplicates.columns:
        dropped = int((~duplicates["kept"].astype(bool)).sum())
    total = n_rows + n_rej + dropped
    parts = f"{n_rows:,} articles + {n_rej:,} rejected inputs" + (
        f" + {dropped:,} duplicates dropped" if dropped else ""
    )
    text = (
        f'<p class="accounting"><strong>{total:,} documents in = {parts}.</strong> Every document '
        "read became a row of the article table or is listed, with its reason, under "
        '<a href="#rejected">Rejected inputs</a>.</p>'
    )
    counted = (attrs.get("summary") or {}).get("documents")
    if counted is not None and counted != total:
        # The loader counts documents as it reads them; a mismatch means something was lost.
        text += (
            f'<p class="accounting"><strong>Warning:</strong> the loader counted {counted:,} '
            f"documents but {total:,} are accounted for here.</p>"
        )
    for key, what in (
        (
            "skipped",
            "file(s) were not read as articles (documentation, hidden or unknown file types)",
        ),
        ("notes", "note(s) were recorded while reading (kept articles with something to check)"),
    ):
        table = attrs.get(key)
        if isinstance(table, pd.DataFrame) and len(table):
            text += f"<p>{len(table):,} {what}:</p>" + table_html(pd.DataFrame(table), max_rows=100)
    return text


def _methods(comparison: Any) -> str:
    measures = "".join(
        f"<dt>{esc(label)} <code>{esc(name)}</code></dt><dd>{esc(_definition(name))}</dd>"
        for name, (label, _) in MEASURES.items()
    )
    stats = (
        f"<p>Each group's mean comes with a {comparison.ci:.0%} percentile-bootstrap interval "
        f"({comparison.n_boot:,} resamples, seed {comparison.seed}): the range of means we would "
        "expect from other samples of the same kind of articles. Differences between groups use a "
        f"{esc(comparison.test)} test with the {esc(comparison.correction)} correction across every "
        "comparison in the table, so a small adjusted p-value is not a fluke of testing many things "
        "at once. The effect size is rank-based, from −1 (every article of the first group lower) "
        "to +1 (every one higher).</p>"
    )
    validity = _validity_markdown()
    if validity is None:
        valid_html = (
            "<p>The agreement of each measure with human annotations is documented in "
            "<code>docs/validity.md</code> of the repository (made by <code>make eval</code>); it was "
            "not found next to this installation.</p>"
        )
    else:
        valid_html = (
            "<p>How well each measure agrees with human judgements, from <code>docs/validity.md</code> "
            "(made by <code>make eval</code>):</p>" + markdown_to_html(validity, heading_offset=2)
        )
    return (
        '<h3>The measures</h3><dl class="measures">' + measures + "</dl>"
        "<h3>Statistics</h3>" + stats + '<h3 id="validity">Validity</h3>' + valid_html
    )


def _html_page(
    *,
    compared: list[str],
    title: str,
    fingerprint: str,
    articles: pd.DataFrame,
    rejections: pd.DataFrame,
    attrs: dict[str, Any],
    summary: pd.DataFrame,
    comparison: Any,
    voice: Any,
    speakers: pd.DataFrame,
    quotes: pd.DataFrame,
    table: pd.DataFrame,
    figures: dict[str, _Figure],
    by: str,
    paired_by: str | None,
    tables: Sequence[str],
) -> str:
    from analysis import __version__

    groups = articles[by].nunique(dropna=True)
    meta = (
        f"analysis {__version__} · data fingerprint {fingerprint} · {len(articles):,} articles, "
        f"{groups:,} groups by {by}" + (f", paired by {paired_by}" if paired_by else "")
    )

    def fig(name: str) -> str:
        return _figure_html(figures[name]) if name in figures else ""

    def numbers(metrics: Sequence[str]) -> str:
        part = _summary_wide(comparison.summary, metrics)
        return (
            '<div class="scroll">'
            + table_html(part, caption="Per group: mean, median and interval")
            + "</div>"
        )

    sections: list[tuple[str, str, str]] = []
    n_groups = int(articles[by].nunique(dropna=True))
    scope = (
        f"<p>The comparisons below cover the {len(compared)} {esc(by)} groups with the most "
        f"articles (of {n_groups}): {esc(', '.join(compared))}.</p>"
        if len(compared) < n_groups
        else ""
    )
    no_group = int(articles[by].isna().sum())
    if no_group:
        scope += (
            f"<p>{no_group:,} article(s) with no {esc(by)} (listed as {esc(_NO_GROUP)}) are left "
            "out of the comparisons.</p>"
        )
    sections.append(
        (
            "data",
            "Data",
            _accounting(articles, rejections, attrs)
            + scope
            + '<div class="scroll">'
            + table_html(summary, caption=f"Articles per {by}", digits=0)
            + "</div>",
        )
    )
    sections.append(
        (
            "tone",
            "Tone",
            "<p>How positive or negative the language of each group's articles is, as the VADER "
            "sentiment lexicon scores it. It measures wording, not stance: a report on a disaster "
            "reads negative however fairly it is written.</p>"
            + fig("tone_by_group")
            + numbers(_TONE),
        )
    )
    sections.append(
        (
            "readability",
            "Readability",
            "<p>How hard the articles are to read by the classic formulas (sentence length, word "
            "length, unfamiliar words). Flesch reading ease: higher is easier; the grade formulas: "
            "higher is harder.</p>" + fig("readability_by_group") + numbers(_READABILITY),
        )
    )
    speaker_table = table_html(speakers, caption=f"Most-cited speakers per {by}", max_rows=60)
    examples = table_html(
        _examples(quotes, table, by),
        caption=f"The first attributions of each {by}, as found (content cut at 200 characters)",
    )
    sections.append(
        (
            "sources",
            "Sources",
            "<p>Who gets to speak: every quotation and attribution the extractor found, grouped by "
            "the role of the speaker. Anonymous attributions count as anonymous whatever the role.</p>"
            + fig("source_mix")
            + numbers(_SOURCES)
            + fig("top_speakers")
            + '<div class="scroll">'
            + speaker_table
            + "</div>"
            + '<div class="scroll">'
            + examples
            + "</div>",
        )
    )
    sections.append(
        (
            "voices",
            "Voices: quoted text versus the writer's own",
            "<p>The tone of the words inside quotation marks against the tone of the rest of the "
            "article. A negative gap means the negativity comes from the sources rather than from "
            "the outlet's own sentences.</p>"
            + fig("voices")
            + '<div class="scroll">'
            + table_html(voice.summary, caption="Quoted versus own tone per group")
            + "</div>",
        )
    )
    if "tone_by_year" in figures:
        sections.append(("time", "Tone over time", fig("tone_by_year")))
    pairwise = _pairwise_columns(comparison.pairwise)
    design = (
        f"Differences are taken within each {esc(paired_by)} present in both groups (a paired "
        "comparison), so each group is compared on the same events."
        if paired_by
        else "Groups are compared as independent samples."
    )
    sections.append(
        (
            "differences",
            "Differences between groups",
            f"<p>{design} <code>difference</code> is <code>group_a − group_b</code>; an interval "
            "that excludes 0 and a small adjusted p-value mark a difference unlikely to be chance.</p>"
            + fig("paired_differences")
            + '<div class="scroll">'
            + table_html(pairwise, caption="Pairwise differences", max_rows=200)
            + "</div>",
        )
    )
    sections.append(("methods", "Methods and validity", _methods(comparison)))
    rejected = (
        table_html(rejections, caption="Rejected inputs", max_rows=500)
        if len(rejections)
        else "<p>No input was rejected.</p>"
    )
    sections.append(("rejected", "Rejected inputs", rejected))
    shown = [
        c
        for c in (
            "article_id",
            by,
            "date",
            "title",
            "word_count",
            "tone_sentence_mean",
            "flesch_reading_ease",
            "attributions",
        )
        if c in table.columns
    ]
    sections.append(
        (
            "articles",
            "Articles",
            '<div class="scroll">'
            + table_html(
                table[shown].sort_values([by, "date", "article_id"], kind="mergesort"), max_rows=500
            )
            + "</div>",
        )
    )
    files = "".join(
        f"<li><code>tables/{esc(name)}.csv</code> and <code>.parquet</code></li>" for name in tables
    )
    sections.append(
        (
            "files",
            "Files",
            "<p>Every table of this report is in the output folder (CSV cells that a spreadsheet "
            "would run as a formula start with <code>'</code>):</p><ul>" + files + "</ul>",
        )
    )
    return _page(title=title, meta=meta, sections=sections)


def _figures(
    output: _Output,
    comparison: Any,
    shares: pd.DataFrame,
    speakers: pd.DataFrame,
    voice: Any,
    over_time: Any,
    by: str,
) -> dict[str, _Figure]:
    """Draw every figure of the report, save each with the exact table behind it."""
    from analysis import plot

    summary = comparison.summary
    figures: dict[str, _Figure] = {}

    def add(name: str, ax: Any, data: pd.DataFrame, title: str, how: str) -> None:
        figures[name] = _render(output, ax, name, data.reset_index(drop=True), title, how)

    tone_metric = "tone_sentence_mean"
    if tone_metric in set(summary["metric"]):
        add(
            "tone_by_group",
            plot.tone_by_outlet(comparison, metric=tone_metric),
            summary[summary["metric"] == tone_metric],
            f"Tone by {by}",
            "Each dot is a group's mean sentence tone; the bar is its interval. Further right is "
            "more positive; bars that do not overlap mark a clear difference.",
        )
    readable = [m for m in ("flesch_kincaid_grade", "gunning_fog") if m in set(summary["metric"])]
    if readable:
        add(
            "readability_by_group",
            plot.readability_by_outlet(comparison, metrics=readable),
            summary[summary["metric"].isin(readable)],
            f"Readability by {by}",
            "Grade-level formulas: the years of schooling a reader needs. Further right is harder.",
        )
    if len(shares) and shares["total"].sum() > 0:
        add(
            "source_mix",
            plot.source_mix(shares),
            shares,
            f"Source mix by {by}",
            "Each bar splits a group's attributions by who speaks; the shares sum to 100%.",
        )
    if len(speakers):
        add(
            "top_speakers",
            plot.top_speakers(speakers, by=by, n=10),
            speakers,
            f"Most-cited speakers by {by}",
            "The speakers each group attributes most statements to, by number of attributions.",
        )
    vs = voice.summary
    if vs[vs["metric"] == "quoted_tone"]["n"].sum() > 0:
        add(
            "voices",
            plot.quoted_vs_own(voice),
            vs[vs["metric"].isin(["quoted_tone", "own_tone"])],
            "Quoted versus own tone",
            "For each group, one end is the mean tone of quoted text, the other the tone of the "
            "writer's own sentences; the length of the line is the gap.",
        )
    if over_time is not None:
        add(
            "tone_by_year",
            plot.tone_over_time(over_time, metric=tone_metric),
            over_time.summary,
            "Tone over time",
            f"Mean sentence tone of all articles per year, with its interval band (years with fewer "
            f"than {_MIN_PER_YEAR} articles are left out).",
        )
    if comparison.paired_by and len(comparison.differences):
        diffs = comparison.differences
        add(
            "paired_differences",
            plot.paired_differences(comparison, metric=tone_metric),
            diffs[diffs["metric"] == tone_metric],
            f"Paired differences in tone, within each {comparison.paired_by}",
            "Each grey dot is one event: the tone of group A's article minus group B's on the same "
            "event. The black dot and bar are the mean difference and its interval; right of the "
            "red line means A is more positive.",
        )
    return figures


make_module_callable(__name__, report)
