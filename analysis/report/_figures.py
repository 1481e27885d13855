"""The report's figures, drawn with analysis.plot and saved with analysis.save_figure."""

from __future__ import annotations

from typing import Any

import pandas as pd

from analysis.report._measures import _MIN_PER_YEAR
from analysis.report._output import _Figure, _Output
from analysis.report._page import _render


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
