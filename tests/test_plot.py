"""Plot functions: draw what the tables say, label the direction, return the Axes, leak no style."""

from __future__ import annotations

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

from analysis import plot
from analysis.compare import compare, source_shares

# Figures need few resamples; p-values are not what these tests check.
pytestmark = pytest.mark.filterwarnings("ignore:compare.*permutations each:UserWarning")


@pytest.fixture(scope="module")
def table() -> pd.DataFrame:
    rng = np.random.default_rng(7)
    outlets = ["Fox News", "HuffPost", "New York Times"]
    n = 20
    return pd.DataFrame(
        {
            "outlet": np.repeat(outlets, n),
            "event_id": np.tile([f"e{i:02d}" for i in range(n)], 3),
            "date": np.tile(pd.date_range("2015-01-01", periods=n, freq="90D"), 3),
            "tone_compound": np.r_[
                rng.normal(-0.3, 0.2, n), rng.normal(0.1, 0.2, n), rng.normal(0.0, 0.2, n)
            ],
            "flesch_kincaid_grade": rng.normal(10, 1, 3 * n),
            "gunning_fog": rng.normal(12, 1, 3 * n),
        }
    )


@pytest.fixture(scope="module")
def comparison(table):
    return compare(
        table,
        metrics=["tone_compound", "flesch_kincaid_grade", "gunning_fog"],
        paired_by="event_id",
        n_boot=300,
    )


def _xlabel(ax) -> str:
    return ax.get_xlabel()


def _top_down(ax) -> list[str]:
    pairs = zip(ax.get_yticks(), ax.get_yticklabels(), strict=True)
    return [label.get_text() for _, label in sorted(pairs, key=lambda p: -p[0])]


def test_style_is_local_and_leaves_global_settings_alone():
    before = dict(mpl.rcParams)
    with plot.style():
        assert mpl.rcParams["axes.spines.top"] is False
    assert dict(mpl.rcParams) == before
    import importlib

    importlib.reload(plot)
    assert dict(mpl.rcParams) == before


def test_group_colours_are_fixed_by_name_and_distinct():
    three = plot.group_colors(["New York Times", "Fox News", "HuffPost"])
    assert three == plot.group_colors(["HuffPost", "New York Times", "Fox News"])
    assert len(set(three.values())) == 3
    # A colour depends on the name, not on which other groups share the figure
    # (unless two names want the same slot).
    alone = plot.group_colors(["Fox News"])
    assert alone["Fox News"] == three["Fox News"]
    many = plot.group_colors([f"outlet {i}" for i in range(len(plot.PALETTE))])
    assert len(set(many.values())) == len(plot.PALETTE)


def test_tone_by_outlet_draws_means_and_intervals_from_the_summary(comparison):
    ax = plot.tone_by_outlet(comparison)
    assert isinstance(ax, mpl.axes.Axes)
    assert "← more negative | more positive →" in _xlabel(ax)
    summary = comparison.summary[comparison.summary["metric"] == "tone_compound"].reset_index(
        drop=True
    )
    # Interval bars are the horizontal two-point lines (the zero line is vertical).
    bars = [
        line
        for line in ax.lines
        if len(line.get_xdata()) == 2 and line.get_ydata()[0] == line.get_ydata()[1]
    ]
    intervals = sorted(tuple(line.get_xdata()) for line in bars)
    expected = sorted(zip(summary["ci_low"], summary["ci_high"], strict=True))
    np.testing.assert_allclose(intervals, expected)
    points = sorted(float(line.get_xdata()[0]) for line in ax.lines if line.get_marker() == "o")
    np.testing.assert_allclose(points, sorted(summary["mean"]))
    labels = _top_down(ax)
    assert labels[0] == "Fox News  (n=20)" and labels[-1] == "New York Times  (n=20)"


def test_plots_draw_on_the_given_axes(comparison):
    fig, axes = plt.subplots(1, 2)
    assert plot.tone_by_outlet(comparison.summary, metric="tone_compound", ax=axes[1]) is axes[1]
    assert not axes[0].lines


def test_readability_by_outlet_says_higher_is_harder(comparison):
    ax = plot.readability_by_outlet(comparison)
    assert "higher = harder to read" in _xlabel(ax)
    assert _top_down(ax) == [
        "Flesch–Kincaid grade (US school years)",
        "Gunning fog index (years of schooling)",
    ]
    # Three outlets × two measures, a point each.
    assert sum(1 for line in ax.lines if line.get_marker() == "o") == 6
    assert [t.get_text() for t in ax.get_legend().get_texts()] == [
        "Fox News",
        "HuffPost",
        "New York Times",
    ]


def test_readability_rows_say_their_direction_when_measures_differ(comparison, table):
    mixed = compare(
        table.assign(flesch_reading_ease=60.0 - table["flesch_kincaid_grade"]),
        metrics=["flesch_kincaid_grade", "flesch_reading_ease"],
        n_boot=100,
    )
    ax = plot.readability_by_outlet(mixed, metrics=["flesch_kincaid_grade", "flesch_reading_ease"])
    rows = _top_down(ax)
    assert "(higher = harder to read)" in rows[0]
    assert "(higher = easier to read)" in rows[1]


def test_source_mix_bars_sum_to_one():
    attributions = pd.DataFrame(
        {
            "outlet": ["X", "X", "X", "Y"],
            "speaker_role": ["official", "expert", "journalist", "politician"],
            "anonymous": [True, False, False, False],
        }
    )
    ax = plot.source_mix(source_shares(attributions))
    widths: dict[float, float] = {}
    for patch in ax.patches:
        widths[round(patch.get_y(), 3)] = (
            widths.get(round(patch.get_y(), 3), 0.0) + patch.get_width()
        )
    assert sorted(widths.values()) == pytest.approx([1.0, 1.0])
    assert [t.get_text() for t in ax.get_legend().get_texts()] == [
        "spokespeople",
        "officials",
        "politicians",
        "experts",
        "anonymous",
        "other",
    ]
    with pytest.raises(ValueError, match="source_shares"):
        plot.source_mix(attributions)


def test_top_speakers_orders_by_count_under_group_headings():
    speakers = pd.DataFrame(
        {
            "outlet": ["A", "A", "A", "B"],
            "speaker_name": ["Low", "High", "Mid", "Solo"],
            "attributions": [1, 9, 5, 3],
        }
    )
    ax = plot.top_speakers(speakers, n=2)
    assert _top_down(ax) == ["A", "High", "Mid", "B", "Solo"]
    assert sorted(p.get_width() for p in ax.patches) == [0, 0, 3, 5, 9]
    # Rows without an outlet (scraped pages) are left out; a missing name is shown as such.
    gappy = pd.DataFrame(
        {
            "outlet": ["X", None, "Y", np.nan],
            "speaker_name": ["A", "B", None, "C"],
            "attributions": [3, 2, 1, 1],
        }
    )
    assert _top_down(plot.top_speakers(gappy)) == ["X", "A", "Y", "(unnamed)"]
    ranked = speakers.assign(rank=[3, 2, 1, 1])  # a given ranking wins over the counts
    assert _top_down(plot.top_speakers(ranked, n=2)) == ["A", "Mid", "High", "B", "Solo"]
    with pytest.raises(ValueError, match="speaker column"):
        plot.top_speakers(speakers.rename(columns={"speaker_name": "who"}))


def test_tone_over_time_plots_periods_in_order(table):
    yearly = compare(table, by="date:Y", metrics="tone_compound", n_boot=200)
    ax = plot.tone_over_time(yearly)
    line = next(line for line in ax.lines if line.get_marker() == "o")
    years = [pd.Timestamp(x).year for x in line.get_xdata()]
    assert years == sorted(years) == [int(g) for g in yearly.summary["group"]]
    np.testing.assert_allclose(line.get_ydata(), yearly.summary["mean"])
    assert "more positive" in ax.get_ylabel()
    with pytest.raises(ValueError, match="by='date:Y'"):
        plot.tone_over_time(compare(table, metrics="tone_compound", n_boot=50))


def test_tone_over_time_draws_one_line_per_outlet_with_within(table):
    per_outlet = compare(table, by="date:Y", within="outlet", metrics="tone_compound", n_boot=100)
    ax = plot.tone_over_time(per_outlet)
    lines = [line for line in ax.lines if line.get_marker() == "o"]
    assert [line.get_label() for line in lines] == ["Fox News", "HuffPost", "New York Times"]
    fox = per_outlet.summary[per_outlet.summary["outlet"] == "Fox News"]
    np.testing.assert_allclose(lines[0].get_ydata(), fox["mean"])
    assert [t.get_text() for t in ax.get_legend().get_texts()] == [
        "Fox News",
        "HuffPost",
        "New York Times",
    ]


def test_quoted_vs_own_needs_voices_tables(comparison):
    summary = pd.DataFrame(
        {
            "group": ["X", "X", "Y", "Y"],
            "metric": ["quoted_tone", "own_tone"] * 2,
            "n": [5] * 4,
            "mean": [-0.4, 0.1, 0.2, 0.0],
            "median": [0.0] * 4,
            "ci_low": [-0.5, 0.0, 0.1, -0.1],
            "ci_high": [-0.3, 0.2, 0.3, 0.1],
        }
    )
    ax = plot.quoted_vs_own(summary)
    quoted = sorted(float(line.get_xdata()[0]) for line in ax.lines if line.get_marker() == "D")
    assert quoted == [-0.4, 0.2]
    assert _top_down(ax) == ["X\n(5 articles with quotes)", "Y\n(5 articles with quotes)"]
    gap = pd.DataFrame(
        {
            "group": ["X", "Y"],
            "metric": "voice_gap",
            "n": 5,
            "mean": [-0.5, 0.2],
            "median": 0.0,
            "ci_low": [-0.6, 0.1],
            "ci_high": [-0.4, 0.3],
        }
    )
    ax = plot.quoted_vs_own(pd.concat([summary, gap], ignore_index=True))
    texts = [t.get_text() for t in ax.texts]
    assert "quoted − own -0.500\n[-0.600, -0.400]" in texts
    assert "more negative" in _xlabel(ax)
    with pytest.raises(ValueError, match="analysis.voices"):
        plot.quoted_vs_own(comparison)


def test_paired_differences_draws_each_event_and_the_mean(comparison):
    ax = plot.paired_differences(comparison, metric="tone_compound")
    dots = [line for line in ax.lines if line.get_marker() == "o" and len(line.get_xdata()) > 1]
    assert [len(d.get_xdata()) for d in dots] == [20, 20, 20]
    pw = comparison.pairwise[comparison.pairwise["metric"] == "tone_compound"]
    means = [
        float(line.get_xdata()[0])
        for line in ax.lines
        if line.get_marker() == "o" and len(line.get_xdata()) == 1
    ]
    np.testing.assert_allclose(means, pw["difference"])
    assert "first outlet more negative" in _xlabel(ax)
    assert _top_down(ax)[0].startswith("Fox News − HuffPost")
    with pytest.raises(ValueError, match="paired_by"):
        plot.paired_differences(
            compare(pd.DataFrame({"outlet": ["a", "b"], "tone_compound": [0.1, 0.2]}))
        )


def test_wrong_table_or_metric_is_named(comparison):
    with pytest.raises(ValueError, match="nothing to draw"):
        plot.tone_by_outlet(comparison.summary.iloc[0:0])
    with pytest.raises(TypeError, match="Comparison"):
        plot.tone_by_outlet([1, 2, 3])
    with pytest.raises(ValueError, match="did you mean 'tone_compound'"):
        plot.tone_by_outlet(comparison, metric="tone_compund")


def test_every_plot_saves_byte_identically_twice(tmp_path, table):
    import hashlib

    from analysis.figures import save_figure

    def draw_all(folder):
        result = compare(
            table,
            metrics=["tone_compound", "flesch_kincaid_grade"],
            paired_by="event_id",
            n_boot=100,
        )
        yearly = compare(table, by="date:Y", metrics="tone_compound", n_boot=100)
        shares = source_shares(
            pd.DataFrame(
                {
                    "outlet": ["X", "Y"],
                    "speaker_role": ["expert", "official"],
                    "anonymous": [False, True],
                }
            )
        )
        paths = []
        for name, ax, data in [
            ("tone", plot.tone_by_outlet(result), result.summary),
            (
                "readability",
                plot.readability_by_outlet(result, metrics=["flesch_kincaid_grade"]),
                result.summary,
            ),
            ("time", plot.tone_over_time(yearly), yearly.summary),
            ("paired", plot.paired_differences(result), result.differences),
            ("mix", plot.source_mix(shares), shares),
        ]:
            # SVG records every drawn coordinate; PNG determinism is tested in test_figures.
            paths += save_figure(ax.figure, name, data=data, folder=folder, formats=("svg",))
            plt.close(ax.figure)
        return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in paths}

    first, second = draw_all(tmp_path / "a"), draw_all(tmp_path / "b")
    assert len(first) == 10
    assert first == second
