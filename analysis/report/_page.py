"""The HTML page: one standalone file, no scripts, everything from the articles escaped."""

from __future__ import annotations

import base64
from collections.abc import Sequence
from typing import Any

import pandas as pd

from analysis._html import esc, markdown_to_html, table_html
from analysis.report._measures import (
    _NO_GROUP,
    _READABILITY,
    _SOURCES,
    _TONE,
    MEASURES,
    _definition,
)
from analysis.report._output import _Figure, _Output
from analysis.report._validity import _validity_markdown

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
