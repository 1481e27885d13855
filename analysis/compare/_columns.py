"""Which columns compare() knows: metric families, and the columns of its result tables."""

from __future__ import annotations

from analysis.attribute.counts import COUNT_COLUMNS as SOURCE_COUNTS
from analysis.score.readability import COUNT_COLUMNS as READABILITY_COUNTS
from analysis.score.readability import FORMULA_COLUMNS
from analysis.score.tone import TONE_COLUMNS

# The score and source columns are defined once, by the modules that compute them.
READABILITY_METRICS: tuple[str, ...] = (*FORMULA_COLUMNS, "reading_time")
COUNT_METRICS: tuple[str, ...] = tuple(c for c in READABILITY_COUNTS if c != "reading_time")
TONE_METRICS: tuple[str, ...] = tuple(TONE_COLUMNS)
SOURCE_METRICS: tuple[str, ...] = tuple(SOURCE_COUNTS)
VOICE_METRICS: tuple[str, ...] = ("quoted_tone", "own_tone", "voice_gap", "quoted_text_share")

#: Columns compared by default when present and numeric, in this order.
KNOWN_METRICS: tuple[str, ...] = tuple(
    dict.fromkeys(
        TONE_METRICS
        + READABILITY_METRICS
        + COUNT_METRICS
        + ("word_count",)
        + SOURCE_METRICS
        + VOICE_METRICS
    )
)

#: Columns of ``Comparison.pairwise``.
PAIRWISE_COLUMNS: dict[str, str] = {
    "metric": "the measure compared",
    "group_a": "first group",
    "group_b": "second group",
    "n_a": "values in group_a (paired: number of pairs)",
    "n_b": "values in group_b (paired: number of pairs)",
    "n_pairs": "paired only: units (events) present in both groups; <NA> when unpaired",
    "difference": "mean(group_a) − mean(group_b); paired: mean of the per-unit differences",
    "ci_low": "lower end of the percentile-bootstrap interval of the difference",
    "ci_high": "upper end of that interval",
    "effect_size": "rank-based effect in [−1, 1]; > 0 means group_a tends to be higher",
    "effect_size_kind": "cliffs_delta (unpaired) or rank_biserial_paired",
    "statistic": "test statistic: difference in means (permutation), U (Mann–Whitney), W+ (Wilcoxon)",
    "p_value": "two-sided p-value of the test",
    "p_adjusted": "p-value corrected across every row of the table",
    "test": "the test used",
    "correction": "holm, bh (Benjamini–Hochberg) or none",
}

#: Columns of ``Comparison.differences`` (paired designs).
DIFFERENCE_COLUMNS: tuple[str, ...] = (
    "unit",
    "metric",
    "group_a",
    "group_b",
    "value_a",
    "value_b",
    "difference",
)
