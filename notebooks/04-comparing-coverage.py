# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 4. Comparing coverage of the same events
#
# Comparing outlets on *all* their articles mixes two things: what they write about and how they write
# about it. An outlet that covers more wars reads more negative even if it writes exactly like the
# others. The cleanest comparison holds the story fixed: **the same event, covered by each outlet**.
#
# BASIL (Fan et al., 2019) is built for this: 100 news events from 2010 to 2019, each covered by Fox
# News, The New York Times and HuffPost, one article per outlet per event, linked by `event_id`. Here we
# compare the outlets **within each event** (a *paired* comparison): for every event we subtract one
# outlet's score from another's, and then look at those 100 differences.
#
# With `CORPUS = "sample"` the same steps run on the bundled sample, whose invented outlets also share
# `event_id`s.

# %% tags=["parameters"]
CORPUS = "sample"  # a corpus name (analysis.list_corpora()) or a folder of articles
FIGURES = None  # where figures go; None: figures/<CORPUS> (set it when CORPUS is a folder)
PAIRED_BY = "event_id"

# %%
import analysis

folder = FIGURES or f"../figures/{CORPUS}"

# %% [markdown]
# ## The events
#
# How many events does each outlet cover, and how many events are covered by all of them?

# %%
articles = analysis.load_corpus(CORPUS)
events = articles.dropna(subset=[PAIRED_BY])
per_event = events.groupby(PAIRED_BY)["outlet"].nunique()
print(
    f"{per_event.size} events; {int((per_event == events['outlet'].nunique()).sum())} covered by every outlet"
)
events.groupby("outlet")[PAIRED_BY].nunique()

# %% [markdown]
# ## One event, side by side
#
# Before any statistics, read. Here is the first event that every outlet covered: the three headlines
# and their opening lines.

# %%
complete = per_event[per_event == per_event.max()].index
one = events[events[PAIRED_BY] == sorted(complete)[0]]
for row in one.sort_values("outlet").itertuples():
    print(f"{row.outlet}  ({row.date:%Y-%m-%d})\n  {row.title}\n  {row.text[:300]}...\n")

# %% [markdown]
# ## Score everything, then compare within events
#
# We score tone and readability, count sources per article, and join all of it into one table with one
# row per article. `paired_by="event_id"` tells `compare` to take differences within each event.

# %%
scores = analysis.score(articles, progress=False)
quotes = analysis.extract_attributions(articles)
sources = analysis.count_sources(quotes, by="article_id", articles=articles)
table = articles.merge(scores, on="article_id").merge(sources, on="article_id", how="left")
metrics = [
    "tone_sentence_mean",
    "tone_share_negative",
    "flesch_kincaid_grade",
    "attributions",
    "quoted_share",
]
paired = analysis.compare(table, by="outlet", metrics=metrics, paired_by=PAIRED_BY)
paired.pairwise[
    [
        "metric",
        "group_a",
        "group_b",
        "n_pairs",
        "difference",
        "ci_low",
        "ci_high",
        "effect_size",
        "p_adjusted",
    ]
]

# %% [markdown]
# **How to read the table.** Each row compares two outlets on one measure over the events both
# covered (`n_pairs`). `difference` is the mean of *group_a minus group_b* per event; the interval
# (`ci_low` to `ci_high`) is its 95% bootstrap interval; `effect_size` runs from −1 (on every event
# group_a scores lower) to +1 (on every event higher); `p_adjusted` is corrected for the many
# comparisons in the table. An interval that excludes 0 with a small adjusted p-value is a difference
# we can report.

# %% [markdown]
# ## Per-event differences in tone
#
# **How to read the figure.** One row per pair of outlets. Each grey dot is one event: the tone of the
# first outlet's article minus the tone of the second's. The black dot is the mean difference and the
# black bar its interval. Dots right of the red line are events where the first outlet wrote more
# positively. A cloud spread on both sides with the bar crossing the line means no consistent
# difference.

# %%
ax = analysis.plot.paired_differences(paired, metric="tone_sentence_mean")
diffs = paired.differences
analysis.save_figure(
    ax.figure,
    "paired_tone_differences",
    data=diffs[diffs["metric"] == "tone_sentence_mean"],
    folder=folder,
)

# %% [markdown]
# ## The same for sources
#
# Do outlets quote more or fewer sources on the same event?

# %%
ax = analysis.plot.paired_differences(paired, metric="attributions")
analysis.save_figure(
    ax.figure,
    "paired_attribution_differences",
    data=diffs[diffs["metric"] == "attributions"],
    folder=folder,
)

# %% [markdown]
# ## The per-outlet summary, for the record
#
# The means with their intervals for every measure compared above. The paired table is the one to
# cite for differences; this one says where each outlet sits.

# %%
paired.summary
