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
# # 2. Tone and readability
#
# Two questions a reader of the news can feel but rarely measure: **how negative is the language**, and
# **how hard is it to read**? This notebook scores every article on both and compares outlets, with an
# honest statement of uncertainty for each number.
#
# * **Tone** comes from VADER, a dictionary of words rated by people on a scale from −4 to +4 (*disaster* −3.1,
#   *hope* +1.9) plus rules for negation ("not good") and emphasis ("VERY bad"). Each sentence gets a
#   *compound* score from −1 (most negative) to +1 (most positive). Tone measures **wording, not
#   stance**: a fair report of a flood still reads negative.
# * **Readability** comes from classic formulas that count sentence length and word length. The
#   *grade* formulas (Flesch–Kincaid, Gunning fog) give the years of schooling a reader needs:
#   **higher is harder**. Flesch *reading ease* runs the other way: **higher is easier**.
#
# How well each measure agrees with human judgements is in notebook 05.

# %% tags=["parameters"]
CORPUS = "sample"  # a corpus name (analysis.list_corpora()) or a folder of articles
FIGURES = None  # where figures go; None: figures/<CORPUS> (set it when CORPUS is a folder)

# %%
import analysis

folder = FIGURES or f"../figures/{CORPUS}"

# %% [markdown]
# ## Load and score
#
# We compare outlets, so we keep the articles whose outlet is known. `analysis.score` adds one row
# of numbers per article: the readability formulas, the word and sentence counts, and the tone
# columns. We join them to the article table by `article_id`.

# %%
articles = analysis.load_corpus(CORPUS).dropna(subset=["outlet"])
scores = analysis.score(articles, progress=False)
table = articles.merge(scores, on="article_id")
table[
    ["outlet", "title", "words", "tone_compound", "tone_sentence_mean", "flesch_kincaid_grade"]
].head()

# %% [markdown]
# ## Tone by outlet
#
# For each outlet we take the **mean sentence tone** of its articles (the average of the sentence
# scores, which is fairer to long articles than one score for the whole text). `analysis.compare` gives
# each mean an interval: the range of means we would expect if we could draw other samples of the same
# kind of articles (a bootstrap). Wide intervals mean few articles or very varied ones.

# %%
tone = analysis.compare(table, by="outlet", metrics=["tone_sentence_mean", "tone_share_negative"])
tone.summary

# %% [markdown]
# **How to read the figure.** One row per outlet. The dot is the mean tone, the bar its 95% interval.
# Left of the grey line at 0 is negative language, right is positive. When two outlets' bars do not
# overlap, the difference is very unlikely to be chance; when they overlap a lot, we cannot tell the
# outlets apart with this many articles.

# %%
ax = analysis.plot.tone_by_outlet(tone, metric="tone_sentence_mean")
analysis.save_figure(
    ax.figure,
    "tone_by_outlet",
    data=tone.summary[tone.summary["metric"] == "tone_sentence_mean"],
    folder=folder,
)

# %% [markdown]
# ## Are the differences real?
#
# `tone.pairwise` compares every pair of outlets: the difference of means with its interval, an
# effect size from −1 to +1 (how often an article of the first outlet is more positive than one of the
# second, minus the reverse) and a p-value corrected for the number of comparisons we make.

# %%
tone.pairwise[
    ["metric", "group_a", "group_b", "difference", "ci_low", "ci_high", "effect_size", "p_adjusted"]
]

# %% [markdown]
# ## Readability by outlet
#
# **How to read the figure.** Each row is a formula, each colour an outlet. Further right means a
# reader needs more years of schooling. The formulas disagree on the exact level (they were fitted on
# different texts and readers), so compare outlets *within* a row rather than across rows.

# %%
readability = analysis.compare(
    table, by="outlet", metrics=["flesch_kincaid_grade", "gunning_fog", "flesch_reading_ease"]
)
grades = readability.summary[
    readability.summary["metric"].isin(["flesch_kincaid_grade", "gunning_fog"])
]
ax = analysis.plot.readability_by_outlet(
    readability, metrics=["flesch_kincaid_grade", "gunning_fog"]
)
analysis.save_figure(ax.figure, "readability_by_outlet", data=grades, folder=folder)
readability.summary

# %% [markdown]
# ## Tone over time
#
# Has the tone changed over the years? We group the articles by the year of their date
# (`by="date:Y"`) instead of by outlet. Years with few articles have wide bands.

# %%
years = table["date"].dt.year.nunique()
if years >= 2:
    by_year = analysis.compare(table, by="date:Y", metrics=["tone_sentence_mean"])
    ax = analysis.plot.tone_over_time(by_year, metric="tone_sentence_mean")
    analysis.save_figure(ax.figure, "tone_by_year", data=by_year.summary, folder=folder)
else:
    print("The articles cover less than two years: no time series.")
