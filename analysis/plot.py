"""Figures of the comparison tables, in one house style.

Every function takes a table first (a :class:`~analysis.compare.Comparison`,
its ``summary``, a :class:`~analysis.compare.Voices`, a source-share table ...),
everything else by keyword, draws on ``ax`` (a new figure when ``ax=None``) and
returns the Axes. Nothing is computed here beyond reshaping: the numbers come
from :mod:`analysis.compare`; saving (picture + table) is
:func:`analysis.save_figure`.

House style
-----------
``with plot.style():`` applies the house rcParams (fonts, grid, no top/right
spines) for the figures made inside it; the plotting functions use it
themselves, and nothing changes matplotlib's global settings at import.
Colours are fixed per group name (:func:`group_colors`): "Fox News" keeps its
colour across figures, whichever other groups are shown.

Axis labels say what is measured and which way is "more":
"← more negative | more positive →", "higher = harder to read".

Example
-------
>>> from analysis import compare, plot, save_figure
>>> result = compare(table, by="outlet", metrics="tone_compound")     # doctest: +SKIP
>>> ax = plot.tone_by_outlet(result)                                  # doctest: +SKIP
>>> save_figure(ax.figure, "tone_by_outlet", data=result.summary)     # doctest: +SKIP
"""

from __future__ import annotations

import contextlib
import re
import zlib
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes

__all__ = [
    "PALETTE",
    "group_colors",
    "METRIC_LABELS",
    "paired_differences",
    "quoted_vs_own",
    "readability_by_outlet",
    "source_mix",
    "style",
    "tone_by_outlet",
    "tone_over_time",
    "top_speakers",
]

#: Okabe–Ito colours (distinguishable with the common colour-vision deficiencies), then extras.
PALETTE: tuple[str, ...] = (
    "#0072B2",
    "#D55E00",
    "#009E73",
    "#CC79A7",
    "#E69F00",
    "#56B4E9",
    "#000000",
    "#7F7F7F",
    "#8C564B",
    "#17BECF",
    "#6A3D9A",
)

#: Colours of the source categories of :func:`source_mix`.
CATEGORY_COLORS: dict[str, str] = {
    "spokespeople": "#0072B2",
    "officials": "#56B4E9",
    "politicians": "#D55E00",
    "experts": "#009E73",
    "anonymous": "#7F7F7F",
    "other": "#D9D9D9",
}

_STYLE: dict[str, Any] = {
    "figure.figsize": (7.0, 4.2),
    "figure.dpi": 100,
    "figure.facecolor": "white",
    "savefig.facecolor": "white",
    "font.family": "DejaVu Sans",
    "font.size": 10,
    "axes.titlesize": 11,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "axes.labelsize": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "axes.grid.axis": "x",
    "axes.axisbelow": True,
    "grid.color": "#E5E5E5",
    "grid.linewidth": 0.8,
    "legend.frameon": False,
    "legend.fontsize": 9,
    "xtick.labelsize": 9,
    "ytick.labelsize": 9,
    "lines.linewidth": 1.6,
    "svg.hashsalt": "analysis",
    "svg.fonttype": "path",
}

_TONE_DIRECTION = "← more negative | more positive →"
_HARDER = "higher = harder to read"

#: Axis label of each metric: what it is, its scale and which way is "more".
METRIC_LABELS: dict[str, str] = {
    "tone_compound": f"Tone, VADER compound (−1 … +1)\n{_TONE_DIRECTION}",
    "tone_sentence_mean": f"Tone, mean VADER compound of sentences (−1 … +1)\n{_TONE_DIRECTION}",
    "tone_pos": "Share of positive words, VADER (0 … 1)\nhigher = more positive wording",
    "tone_neg": "Share of negative words, VADER (0 … 1)\nhigher = more negative wording",
    "tone_share_negative": "Share of negative sentences (0 … 1)\nhigher = more negative",
    "tone_share_positive": "Share of positive sentences (0 … 1)\nhigher = more positive",
    "quoted_tone": f"Tone of quoted text (VADER compound)\n{_TONE_DIRECTION}",
    "own_tone": f"Tone of the writer's own text (VADER compound)\n{_TONE_DIRECTION}",
    "voice_gap": "Quoted minus own tone\n← quotes more negative | quotes more positive →",
    "flesch_reading_ease": "Flesch reading ease (0 … 100)\nhigher = easier to read",
    "flesch_kincaid_grade": f"Flesch–Kincaid grade (US school years)\n{_HARDER}",
    "gunning_fog": f"Gunning fog index (years of schooling)\n{_HARDER}",
    "smog_index": f"SMOG grade (years of schooling)\n{_HARDER}",
    "coleman_liau_index": f"Coleman–Liau index (US grade)\n{_HARDER}",
    "automated_readability_index": f"Automated readability index (US grade)\n{_HARDER}",
    "dale_chall_readability_score": f"Dale–Chall score\n{_HARDER}",
    "linsear_write_formula": f"Linsear Write (US grade)\n{_HARDER}",
    "spache_readability": f"Spache (US grade)\n{_HARDER}",
    "mcalpine_eflaw": f"McAlpine EFLAW\n{_HARDER}",
    "text_standard": f"Consensus grade (textstat text_standard)\n{_HARDER}",
    "reading_time": "Reading time (seconds)\nhigher = longer",
    "quoted_share": "Share of text inside quotation marks (0 … 1)\nhigher = more quoted",
    "quoted_text_share": "Share of text inside direct/partial quotes (0 … 1)\nhigher = more quoted",
}

#: Grade-level readability measures: one scale (years of schooling), so one axis.
GRADE_METRICS: tuple[str, ...] = (
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog_index",
    "coleman_liau_index",
    "automated_readability_index",
)


@contextlib.contextmanager
def style(**overrides: Any) -> Iterator[None]:
    """Apply the house style inside a ``with`` block, then restore matplotlib's settings.

    Parameters
    ----------
    **overrides
        rcParams to change on top of the house style (``figure.figsize=(8, 5)``).

    Example
    -------
    >>> with style():
    ...     fig, ax = plt.subplots()
    """
    with mpl.rc_context({**_STYLE, **overrides}):
        yield


def group_colors(groups: Iterable[object]) -> dict[str, str]:
    """Return a fixed colour for each group name.

    A group's colour depends on its name (a CRC32 of it picks a slot of
    :data:`PALETTE`); when two names of one figure want the same slot, the later
    one in sorted order moves to the next free slot. So the same outlets get the
    same colours in every figure.

    Example
    -------
    >>> group_colors(["Fox News", "HuffPost"]) == group_colors(["HuffPost", "Fox News"])
    True
    """
    names = sorted({str(g) for g in groups})
    taken: set[int] = set()
    out: dict[str, str] = {}
    for name in names:
        slot = zlib.crc32(name.encode("utf-8", "surrogatepass")) % len(PALETTE)
        if len(taken) < len(PALETTE):
            while slot in taken:
                slot = (slot + 1) % len(PALETTE)
        taken.add(slot)
        out[name] = PALETTE[slot]
    return out


# --------------------------------------------------------------------------- helpers


def _axes(ax: Axes | None, size: tuple[float, float] | None = None) -> Axes:
    if ax is not None:
        return ax
    _, new = plt.subplots(figsize=size) if size else plt.subplots()
    return new


def _summary(data: Any, *, name: str = "data") -> pd.DataFrame:
    """Accept a Comparison, a Voices or a summary table; return the summary table."""
    table = getattr(data, "summary", data)
    if not isinstance(table, pd.DataFrame):
        raise TypeError(
            f"{name} must be a Comparison (from analysis.compare) or its .summary table, "
            f"got {type(data).__name__}"
        )
    missing = [
        c for c in ("group", "metric", "mean", "ci_low", "ci_high") if c not in table.columns
    ]
    if missing:
        raise ValueError(
            f"{name} lacks column(s) {missing}; pass the result of analysis.compare(...) or its .summary"
        )
    if table.empty:
        raise ValueError(f"{name} has no rows: there is nothing to draw (was the table empty?)")
    return table


def _one_metric(table: pd.DataFrame, metric: str | None, preferred: Sequence[str]) -> str:
    available = list(dict.fromkeys(table["metric"].astype(str)))
    if metric is None:
        for candidate in preferred:
            if candidate in available:
                return candidate
        if len(available) == 1:
            return available[0]
        raise ValueError(f"the table holds several metrics {available}; choose one with metric=...")
    if metric not in available:
        import difflib

        close = difflib.get_close_matches(metric, available, n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        raise ValueError(
            f"metric {metric!r} is not in the table; choose from: {', '.join(available)}{hint}"
        )
    return metric


def _label(metric: str) -> str:
    return METRIC_LABELS.get(metric, metric.replace("_", " "))


def _points_with_intervals(
    ax: Axes, rows: pd.DataFrame, *, y: np.ndarray, colors: dict[str, str]
) -> None:
    for yi, (_, row) in zip(y, rows.iterrows(), strict=True):
        color = colors[str(row["group"])]
        low, high = row["ci_low"], row["ci_high"]
        if pd.notna(low) and pd.notna(high):
            ax.plot([low, high], [yi, yi], color=color, linewidth=2.2, solid_capstyle="butt")
        ax.plot([row["mean"]], [yi], "o", color=color, markersize=7, markeredgecolor="white")


def _interval_note(data: Any) -> str:
    ci = getattr(data, "ci", None)
    n_boot = getattr(data, "n_boot", None)
    if ci is None:
        return "points: means; bars: bootstrap intervals"
    return f"points: means; bars: {ci:.0%} bootstrap intervals ({n_boot} resamples)"


# --------------------------------------------------------------------------- figures


def tone_by_outlet(
    data: Any,
    *,
    metric: str | None = None,
    ax: Axes | None = None,
    title: str | None = None,
) -> Axes:
    """Mean tone per group with its interval: one row per outlet.

    Parameters
    ----------
    data
        A :class:`~analysis.compare.Comparison` or its ``summary`` table.
    metric
        Tone column to draw; default ``tone_compound`` (else ``tone_sentence_mean``).
    ax
        Axes to draw on; a new figure when None.
    title
        Figure title; a default says what is shown.

    Returns
    -------
    matplotlib.axes.Axes

    Example
    -------
    >>> ax = tone_by_outlet(compare(table, metrics="tone_compound"))   # doctest: +SKIP
    """
    table = _summary(data)
    within = getattr(data, "within", None)
    if within:
        raise ValueError(
            f"this comparison was repeated within each {within!r}, so a group appears more than "
            "once; draw it with tone_over_time(...), or compare without within="
        )
    metric = _one_metric(table, metric, ("tone_compound", "tone_sentence_mean", "quoted_tone"))
    rows = table[table["metric"].astype(str) == metric].reset_index(drop=True)
    with style():
        ax = _axes(ax)
        colors = group_colors(rows["group"])
        y = np.arange(len(rows))[::-1]
        _points_with_intervals(ax, rows, y=y, colors=colors)
        ax.axvline(0, color="#999999", linewidth=0.8, zorder=1)
        ax.set_yticks(y, [f"{g}  (n={n})" for g, n in zip(rows["group"], rows["n"], strict=True)])
        ax.set_ylim(-0.7, len(rows) - 0.3)
        ax.set_xlabel(_label(metric))
        ax.set_title(title or f"Tone by {getattr(data, 'by', 'group')}")
        ax.text(
            0,
            -0.22,
            _interval_note(data),
            transform=ax.transAxes,
            fontsize=8,
            color="#555555",
            va="top",
        )
    return ax


def readability_by_outlet(
    data: Any,
    *,
    metrics: Sequence[str] | None = None,
    ax: Axes | None = None,
    title: str | None = None,
) -> Axes:
    """Readability per group: for each measure, one point with its interval per outlet.

    Parameters
    ----------
    data
        A :class:`~analysis.compare.Comparison` or its ``summary`` table.
    metrics
        Measures to draw (rows of the figure). Default: the grade-level measures
        present (Flesch–Kincaid, Gunning fog, SMOG, Coleman–Liau, ARI), which
        share one scale, years of schooling, where higher = harder to read.
    ax
        Axes to draw on; a new figure when None.
    title
        Figure title.

    Returns
    -------
    matplotlib.axes.Axes

    Example
    -------
    >>> ax = readability_by_outlet(compare(table))   # doctest: +SKIP
    """
    table = _summary(data)
    available = list(dict.fromkeys(table["metric"].astype(str)))
    if metrics is None:
        metrics = [m for m in GRADE_METRICS if m in available]
        if not metrics:
            raise ValueError(
                f"no grade-level readability measure in the table (looked for {list(GRADE_METRICS)}); "
                "compare the score table, or pass metrics=[...]"
            )
    else:
        metrics = [
            _one_metric(table, m, ()) for m in ([metrics] if isinstance(metrics, str) else metrics)
        ]
    rows = table[table["metric"].astype(str).isin(metrics)]
    groups = sorted(rows["group"].astype(str).unique().tolist())
    colors = group_colors(groups)
    with style(**{"figure.figsize": (7.0, 1.2 + 0.9 * len(metrics))}):
        ax = _axes(ax)
        step = 0.7 / max(1, len(groups))
        # One row per measure, the groups side by side within it (first group on top).
        for i, metric in enumerate(metrics):
            base = len(metrics) - 1 - i
            sub = rows[rows["metric"].astype(str) == metric]
            for j, group in enumerate(groups):
                point = sub[sub["group"].astype(str) == group].reset_index(drop=True)
                if len(point):
                    yi = base + 0.35 - (j + 0.5) * step
                    _points_with_intervals(ax, point.head(1), y=np.array([yi]), colors=colors)
        grade = all(m in GRADE_METRICS for m in metrics)
        # Measures on different scales or directions: each row says which way is "harder".
        names = [
            _label(m).split("\n")[0]
            if grade or len(metrics) == 1
            else _label(m).replace("\n", "\n(") + ")"
            for m in metrics
        ]
        ax.set_yticks(np.arange(len(metrics))[::-1], names)
        ax.set_ylim(-0.6, len(metrics) - 0.4)
        if grade:
            ax.set_xlabel(f"US school grade (years of schooling needed)\n{_HARDER}")
        elif len(metrics) == 1:
            ax.set_xlabel(_label(metrics[0]))
        else:
            ax.set_xlabel("score (each row: measure and its direction)")
        handles = [
            mpl.lines.Line2D([], [], marker="o", linestyle="", color=colors[g], label=g)
            for g in groups
        ]
        ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0))
        ax.set_title(title or f"Readability by {getattr(data, 'by', 'group')}")
    return ax


def source_mix(
    data: pd.DataFrame,
    *,
    ax: Axes | None = None,
    title: str | None = None,
) -> Axes:
    """Who gets to speak: stacked shares of source categories per group.

    Parameters
    ----------
    data
        The table of :func:`analysis.compare.source_shares` (``group, category,
        count, share, total``). Categories are exclusive (an anonymous official
        counts as anonymous), so each bar sums to 100%.
    ax
        Axes to draw on; a new figure when None.
    title
        Figure title.

    Returns
    -------
    matplotlib.axes.Axes

    Example
    -------
    >>> shares = source_shares(attributions, articles=articles)   # doctest: +SKIP
    >>> ax = source_mix(shares)                                     # doctest: +SKIP
    """
    from analysis.compare import SOURCE_CATEGORIES

    if not isinstance(data, pd.DataFrame) or not {"group", "category", "share"} <= set(
        data.columns
    ):
        raise ValueError(
            "source_mix needs the table of analysis.compare.source_shares(attributions, articles=...) "
            "with columns group, category, share"
        )
    wide = data.pivot_table(
        index="group", columns="category", values="share", aggfunc="sum", observed=True
    )
    categories = [c for c in SOURCE_CATEGORIES if c in wide.columns] + [
        c for c in wide.columns if c not in SOURCE_CATEGORIES
    ]
    wide = wide.reindex(columns=categories).fillna(0.0)
    totals = data.groupby("group")["total"].first() if "total" in data.columns else None
    groups = list(wide.index.astype(str))
    with style(**{"axes.grid.axis": "x"}):
        ax = _axes(ax)
        y = np.arange(len(groups))[::-1]
        left = np.zeros(len(groups))
        for category in categories:
            values = wide[category].to_numpy(dtype=float)
            ax.barh(
                y,
                values,
                left=left,
                color=CATEGORY_COLORS.get(category, "#BBBBBB"),
                edgecolor="white",
                height=0.65,
                label=category,
            )
            for yi, x0, v in zip(y, left, values, strict=True):
                if v >= 0.06:
                    ax.text(
                        x0 + v / 2,
                        yi,
                        f"{v:.0%}",
                        ha="center",
                        va="center",
                        fontsize=8,
                        color="white" if category not in ("other",) else "#333333",
                    )
            left += values
        labels = [f"{g}  (n={int(totals[g])})" if totals is not None else g for g in groups]
        ax.set_yticks(y, labels)
        ax.set_xlim(0, 1)
        ax.xaxis.set_major_formatter(mpl.ticker.PercentFormatter(1.0))
        ax.set_xlabel("Share of attributions (each bar = 100%)")
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.18), ncol=min(3, len(categories)))
        ax.set_title(title or "Who gets to speak: sources by category")
    return ax


def top_speakers(
    data: pd.DataFrame,
    *,
    by: str = "outlet",
    n: int = 10,
    ax: Axes | None = None,
    title: str | None = None,
) -> Axes:
    """The most attributed speakers of each group, as horizontal bars in one panel per group.

    Parameters
    ----------
    data
        The table of :func:`analysis.top_speakers`: the ``by`` column, a name
        column (``speaker_name`` or ``speaker``) and a count column
        (``attributions``, ``count`` or ``n``); its ``rank`` column, when
        present, sets the order (else the count, then the name).
    by
        Grouping column.
    n
        Speakers shown per group.
    ax
        Axes to draw on; a new figure when None.
    title
        Figure title.

    Returns
    -------
    matplotlib.axes.Axes

    Example
    -------
    >>> ax = top_speakers(analysis.top_speakers(attributions, articles=articles))   # doctest: +SKIP
    """
    if by not in data.columns:
        raise ValueError(
            f"top_speakers: the table has no {by!r} column; pass by=... (columns: {list(data.columns)})"
        )
    name_col = next((c for c in ("speaker_name", "speaker", "name") if c in data.columns), None)
    count_col = next(
        (c for c in ("attributions", "count", "n", "quotes") if c in data.columns), None
    )
    if name_col is None or count_col is None:
        raise ValueError(
            "top_speakers needs a speaker column (speaker_name or speaker) and a count column "
            f"(attributions, count or n); got columns {list(data.columns)}"
        )
    # Rows without a group cannot go under a heading: left out, as compare() leaves them out.
    data = data[data[by].notna()]
    if data.empty:
        raise ValueError(f"top_speakers: no row has a {by!r} value: there is nothing to draw")
    groups = sorted({str(g) for g in data[by]})
    colors = group_colors(groups)
    # One heading row (the group's name, no bar) above each group's speakers.
    labels: list[str] = []
    values: list[float] = []
    bar_colors: list[str] = []
    headings: list[tuple[int, str]] = []
    for group in groups:
        sub = data[data[by].map(str) == group]
        if "rank" in sub.columns:  # the ranking of analysis.top_speakers, ties as it broke them
            sub = sub.sort_values("rank", kind="mergesort").head(n)
        else:
            sub = sub.sort_values(
                [count_col, name_col], ascending=[False, True], kind="mergesort"
            ).head(n)
        headings.append((len(labels), group))
        labels.append(group)
        values.append(0.0)
        bar_colors.append(colors[group])
        for name, count in zip(sub[name_col], sub[count_col], strict=True):
            labels.append("(unnamed)" if pd.isna(name) else str(name))
            values.append(float(count))
            bar_colors.append(colors[group])
    with style(**{"figure.figsize": (7.0, 1.0 + 0.24 * max(1, len(labels)))}):
        ax = _axes(ax)
        y = np.arange(len(labels))[::-1]
        ax.barh(y, values, color=bar_colors, height=0.7)
        ax.set_yticks(y, labels)
        ticks = ax.get_yticklabels()
        for position, group in headings:
            ticks[position].set_fontweight("bold")
            ticks[position].set_color(colors[group])
            if position:
                ax.axhline(y[position] + 0.5, color="#999999", linewidth=0.6)
        ax.set_ylim(-0.6, len(labels) - 0.4)
        measure = count_col.replace("_", " ")
        label = "Attributions" if measure == "attributions" else f"Attributions ({measure})"
        ax.set_xlabel(f"{label}\nhigher = quoted or cited more often")
        ax.set_title(title or f"Most quoted speakers by {by} (top {n})")
    return ax


def _period_start(label: str) -> pd.Timestamp:
    text = str(label).split("/")[0]
    try:
        return pd.Period(text).start_time
    except (ValueError, TypeError):
        return pd.Timestamp(text)


def tone_over_time(
    data: Any,
    *,
    metric: str | None = None,
    hue: str | None = None,
    ax: Axes | None = None,
    title: str | None = None,
) -> Axes:
    """Mean tone per period with its interval band.

    Parameters
    ----------
    data
        A :class:`~analysis.compare.Comparison` made with ``by="date:Y"`` (or
        ``:Q``, ``:M``, ...), or its ``summary``; groups are period labels
        such as ``"2019"`` or ``"2019Q1"``. Made with ``within="outlet"``, it
        draws one line per outlet.
    metric
        Tone column; default ``tone_compound``.
    hue
        Column of the summary that splits it into lines; default the
        comparison's ``within`` column, if any.
    ax
        Axes to draw on; a new figure when None.
    title
        Figure title.

    Returns
    -------
    matplotlib.axes.Axes

    Example
    -------
    >>> ax = tone_over_time(compare(table, by="date:Y", metrics="tone_compound"))   # doctest: +SKIP
    >>> ax = tone_over_time(compare(table, by="date:Y", within="outlet"))         # doctest: +SKIP
    """
    table = _summary(data)
    metric = _one_metric(table, metric, ("tone_compound", "tone_sentence_mean"))
    rows = table[table["metric"].astype(str) == metric].copy()
    try:
        rows["_x"] = [_period_start(g) for g in rows["group"]]
    except (ValueError, TypeError) as exc:
        raise ValueError(
            "tone_over_time needs period groups such as '2019' or '2019Q1': use compare(..., by='date:Y')"
        ) from exc
    hue = hue if hue is not None else getattr(data, "within", None)
    if hue is not None and hue not in rows.columns:
        raise ValueError(
            f"hue={hue!r} is not a column of the summary; columns: {list(rows.columns)}"
        )
    series = [(None, rows)] if hue is None else list(rows.groupby(hue, sort=True))
    colors = group_colors([name for name, _ in series if name is not None]) if hue else {}
    with style(**{"axes.grid.axis": "y"}):
        ax = _axes(ax)
        for name, sub in series:
            sub = sub.sort_values("_x")
            color = colors.get(str(name), PALETTE[0])
            ax.fill_between(
                sub["_x"],
                sub["ci_low"],
                sub["ci_high"],
                color=color,
                alpha=0.18 if hue is None else 0.1,
                linewidth=0,
            )
            ax.plot(
                sub["_x"],
                sub["mean"],
                "o-",
                color=color,
                markersize=4,
                label=None if name is None else str(name),
            )
        ax.axhline(0, color="#999999", linewidth=0.8, zorder=1)
        ticks = rows.drop_duplicates("_x").sort_values("_x")
        if len(ticks) <= 16:  # label the periods themselves ("2019", "2019Q1"), not dates
            ax.set_xticks(list(ticks["_x"]), [str(g).split("/")[0] for g in ticks["group"]])
        first, _, direction = _label(metric).partition("\n")
        if direction == _TONE_DIRECTION:
            direction = "↓ more negative | more positive ↑"
        # Rotated labels have only the axis height: drop the range in brackets.
        first = re.sub(r"\s*\(.*?\)", "", first)
        ax.set_ylabel(f"{first}\n{direction}".strip())
        ax.set_xlabel(f"period ({getattr(data, 'by', 'date')})")
        if hue:
            ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0))
        ax.set_title(title or "Tone over time (mean and interval per period)")
    return ax


def quoted_vs_own(
    data: Any,
    *,
    ax: Axes | None = None,
    title: str | None = None,
) -> Axes:
    """Tone of quoted text against the writer's own text, per group (a dumbbell per outlet).

    Each row shows both means with their intervals and, at the right, the mean
    within-article gap (quoted − own) with its interval: the paired comparison.

    Parameters
    ----------
    data
        A :class:`~analysis.compare.Voices` (from :func:`analysis.voices`), its
        ``comparison`` or ``summary`` (metrics ``quoted_tone`` and ``own_tone``).
    ax
        Axes to draw on; a new figure when None.
    title
        Figure title.

    Returns
    -------
    matplotlib.axes.Axes

    Example
    -------
    >>> ax = quoted_vs_own(voices(articles, attributions))   # doctest: +SKIP
    """
    source = getattr(data, "comparison", data)
    table = _summary(source)
    metrics = set(table["metric"].astype(str))
    if not {"quoted_tone", "own_tone"} <= metrics:
        raise ValueError(
            "quoted_vs_own needs the result of analysis.voices(...) (metrics quoted_tone and own_tone)"
        )
    groups = sorted(table["group"].astype(str).unique().tolist())
    markers = {
        "own_tone": ("o", "#333333", "writer's own text"),
        "quoted_tone": ("D", "#D55E00", "inside quotation marks"),
    }
    with style():
        ax = _axes(ax)
        y = np.arange(len(groups))[::-1]
        for yi, group in zip(y, groups, strict=True):
            sub = table[table["group"].astype(str) == group]
            sub = sub.set_index(sub["metric"].astype(str))
            own, quoted = sub.loc["own_tone"], sub.loc["quoted_tone"]
            if "voice_gap" in sub.index and pd.notna(sub.loc["voice_gap", "ci_low"]):
                # The within-article difference is the comparison that answers the question.
                gap = sub.loc["voice_gap"]
                ax.text(
                    1.01,
                    yi,
                    f"quoted − own {gap['mean']:+.3f}\n[{gap['ci_low']:+.3f}, {gap['ci_high']:+.3f}]",
                    transform=ax.get_yaxis_transform(),
                    va="center",
                    fontsize=8,
                    color="#555555",
                )
            ax.plot([own["mean"], quoted["mean"]], [yi, yi], color="#BBBBBB", linewidth=3, zorder=1)
            for metric, offset in (("own_tone", 0.12), ("quoted_tone", -0.12)):
                marker, color, _ = markers[metric]
                row = sub.loc[metric]
                if pd.notna(row["ci_low"]):
                    ax.plot(
                        [row["ci_low"], row["ci_high"]],
                        [yi + offset] * 2,
                        color=color,
                        linewidth=1.5,
                    )
                ax.plot([row["mean"]], [yi + offset], marker, color=color, markersize=7, zorder=3)
        ax.axvline(0, color="#999999", linewidth=0.8, zorder=1)
        n_quoted = {
            str(g): int(n)
            for g, n in table.loc[
                table["metric"].astype(str) == "quoted_tone", ["group", "n"]
            ].values
        }
        ax.set_yticks(y, [f"{g}\n({n_quoted.get(g, 0)} articles with quotes)" for g in groups])
        ax.set_ylim(-0.7, len(groups) - 0.3)
        ax.set_xlabel(f"Tone, mean VADER compound of sentences (−1 … +1)\n{_TONE_DIRECTION}")
        handles = [
            mpl.lines.Line2D([], [], marker=m, color=c, linestyle="", label=lab)
            for m, c, lab in markers.values()
        ]
        ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.25), ncol=2)
        ax.set_title(title or "Whose negativity? Quoted text vs the writer's own")
    return ax


def paired_differences(
    data: Any,
    *,
    metric: str | None = None,
    ax: Axes | None = None,
    title: str | None = None,
) -> Axes:
    """Per-event differences between groups: one dot per event, the mean with its interval.

    Parameters
    ----------
    data
        A :class:`~analysis.compare.Comparison` made with ``paired_by=...``
        (its ``differences`` and ``pairwise`` are drawn), or its ``differences``
        table alone (then only the dots and their mean).
    metric
        The measure; default ``tone_compound`` when present.
    ax
        Axes to draw on; a new figure when None.
    title
        Figure title.

    Returns
    -------
    matplotlib.axes.Axes

    Example
    -------
    >>> ax = paired_differences(compare(table, metrics="tone_compound", paired_by="event_id"))  # doctest: +SKIP
    """
    diffs = getattr(data, "differences", data)
    pairwise = getattr(data, "pairwise", None)
    if not isinstance(diffs, pd.DataFrame) or not {
        "metric",
        "group_a",
        "group_b",
        "difference",
    } <= set(diffs.columns):
        raise ValueError(
            "paired_differences needs compare(..., paired_by='event_id') or its .differences table"
        )
    if diffs.empty:
        raise ValueError(
            "there are no paired differences: was compare(...) called with paired_by='event_id'?"
        )
    metric = _one_metric(diffs, metric, ("tone_compound", "tone_sentence_mean"))
    rows = diffs[diffs["metric"].astype(str) == metric]
    pairs = list(
        dict.fromkeys(zip(rows["group_a"].astype(str), rows["group_b"].astype(str), strict=True))
    )
    rng = np.random.default_rng(0)  # fixed jitter: the same figure every run
    with style():
        ax = _axes(ax)
        y = np.arange(len(pairs))[::-1]
        for yi, (a, b) in zip(y, pairs, strict=True):
            sub = rows[(rows["group_a"].astype(str) == a) & (rows["group_b"].astype(str) == b)]
            d = sub["difference"].to_numpy(dtype=float)
            ax.plot(
                d,
                yi + rng.uniform(-0.18, 0.18, len(d)),
                "o",
                color="#7F7F7F",
                alpha=0.45,
                markersize=3.5,
                markeredgewidth=0,
            )
            mean, low, high = float(np.mean(d)), np.nan, np.nan
            if pairwise is not None:
                match = pairwise[
                    (pairwise["metric"].astype(str) == metric)
                    & (pairwise["group_a"].astype(str) == a)
                    & (pairwise["group_b"].astype(str) == b)
                ]
                if len(match):
                    mean, low, high = (
                        float(match.iloc[0][c]) for c in ("difference", "ci_low", "ci_high")
                    )
            if pd.notna(low):
                ax.plot([low, high], [yi, yi], color="#000000", linewidth=2.5, zorder=3)
            ax.plot(
                [mean], [yi], "o", color="#000000", markersize=8, markeredgecolor="white", zorder=4
            )
        ax.axvline(0, color="#D55E00", linewidth=1.0, zorder=0)
        ax.set_yticks(
            y,
            [
                f"{a} − {b}\n(n={int(((rows['group_a'] == a) & (rows['group_b'] == b)).sum())} events)"
                for a, b in pairs
            ],
        )
        ax.set_ylim(-0.7, len(pairs) - 0.3)
        name = _label(metric).split("\n")[0]
        direction = "← first outlet lower | first outlet higher →"
        if metric.startswith("tone") or metric in ("quoted_tone", "own_tone"):
            direction = "← first outlet more negative | first outlet more positive →"
        ax.set_xlabel(f"Difference within each event: {name}\n{direction}")
        ax.set_title(title or "Same event, different outlet: paired differences")
    return ax
