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
# # 5. Can we trust the measures?
#
# A number is only useful if it measures what we say it measures. For each measure in notebooks 2–4
# we compared the toolkit's output with **human judgements** on data annotated by researchers:
#
# * **Tone**: VADER against people's ratings of New York Times sentences and against sentiment labels
#   of news sentences (NewsMTSC).
# * **Readability**: the formulas against OneStopEnglish, the same news texts rewritten by teachers
#   at three levels (elementary, intermediate, advanced): a good formula ranks them in that order.
# * **Attribution**: the extractor against PolNeAR, news articles where annotators marked every
#   quote, its source and its cue.
#
# The numbers come from `docs/validity.md`, written by `make eval`, which says for each table how it
# was made. This notebook only reads them, so it runs the same whatever the corpus.

# %% tags=["parameters"]
CORPUS = "sample"  # not used here: validity does not depend on the corpus
FIGURES = None

# %%
from analysis.report import read_validity

tables = read_validity()
print(f"{len(tables)} agreement tables in docs/validity.md")
list(tables)

# %% [markdown]
# ## How to read agreement numbers
#
# * A **correlation** (Pearson *r* or Spearman ρ) runs from −1 to +1: 0 means the measure tells us
#   nothing about the human judgement, 1 perfect agreement. For sentence-level tone, 0.5 is good.
# * **Accuracy**, **precision**, **recall** and **F1** run from 0 to 1. Precision: of the quotes we
#   found, how many are real. Recall: of the real quotes, how many we found. F1 balances the two.
# * For readability, look at whether the formula orders the three OneStopEnglish levels correctly:
#   the *direction* of the grade matters more than its exact value.

# %% [markdown]
# ## The tables

# %%
for heading, table in tables.items():
    print(f"\n=== {heading} ===")
    print(table.to_string(index=False))

# %% [markdown]
# ## What this means for the other notebooks
#
# Read the differences between outlets in notebooks 2–4 together with these tables: a difference in
# tone smaller than the disagreement between VADER and human raters is a difference in wording that
# readers may not perceive; a source count is as good as the extractor's recall on the kinds of
# quotes the outlet uses.
