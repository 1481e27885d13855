"""Compare groups of articles (outlets, periods) with uncertainty.

:func:`compare` turns a per-article table (articles merged with their scores,
source counts or voices) into

* ``summary``: one row per group and metric (:data:`analysis.schema.COMPARISON_COLUMNS`:
  group, metric, n, mean, median, ci_low, ci_high). The interval is a **percentile
  bootstrap** interval of the mean (``n_boot`` resamples, seeded: same input,
  same numbers).
* ``pairwise``: one row per metric and pair of groups: the difference of means
  ``group_a − group_b`` with its bootstrap interval, an effect size, a test and
  a p-value corrected for multiple comparisons across **every row of the table**
  (Holm by default, or Benjamini–Hochberg).
* ``differences``: with ``paired_by="event_id"``, the per-event differences
  behind the paired comparison (empty otherwise).

All three come back together in one :class:`Comparison` (it shows itself as
tables in a notebook). Groups are the values of a column (``by="outlet"``) or
periods of a date column (``by="date:Y"``, ``"date:Q"``, ``"date:M"``,
``"date:W"``, ``"date:D"``; periods are compared with the period before);
``within="outlet"`` repeats the comparison for each outlet.

Effect sizes are rank-based and read the same way in both designs: from −1
(every value of A below B) through 0 to +1 (every value of A above B).
Unpaired: **Cliff's delta** (P(A > B) − P(A < B), equal to the rank-biserial
correlation of the Mann–Whitney U). Paired: the **matched-pairs rank-biserial
correlation** (Kerby 2014) of the per-event differences.

Tests: ``"permutation"`` (default; difference in means, ``n_perm`` random
relabellings, or random sign flips of the per-event differences when paired;
p = (1 + #as extreme) / (1 + n_perm)) or ``"mannwhitney"`` (Mann–Whitney U,
or the Wilcoxon signed-rank test when paired; normal approximation with tie and
continuity correction, so for fewer than about 10 values per group prefer the
permutation test).

:func:`voices` measures the tone of quoted text against the tone of the
writer's own text, and :func:`source_shares` splits attributions into the
source categories drawn by :func:`analysis.plot.source_mix`.

Example
-------
>>> table = articles.merge(scores, on="article_id")                  # doctest: +SKIP
>>> result = compare(table, by="outlet", metrics=["tone_compound"])  # doctest: +SKIP
>>> result.summary                                                   # doctest: +SKIP
"""

from __future__ import annotations

from analysis._callable import make_module_callable
from analysis.compare._columns import (
    COUNT_METRICS,
    DIFFERENCE_COLUMNS,
    KNOWN_METRICS,
    PAIRWISE_COLUMNS,
    READABILITY_METRICS,
    SOURCE_METRICS,
    TONE_METRICS,
    VOICE_METRICS,
)
from analysis.compare._compare import Comparison, compare
from analysis.compare._sources import SOURCE_CATEGORIES, source_shares
from analysis.compare._voices import VOICE_COLUMNS, Voices, voices

__all__ = [
    "COUNT_METRICS",
    "Comparison",
    "DIFFERENCE_COLUMNS",
    "KNOWN_METRICS",
    "PAIRWISE_COLUMNS",
    "READABILITY_METRICS",
    "SOURCE_CATEGORIES",
    "SOURCE_METRICS",
    "TONE_METRICS",
    "VOICE_COLUMNS",
    "VOICE_METRICS",
    "Voices",
    "compare",
    "source_shares",
    "voices",
]

make_module_callable(__name__, compare)
