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
# # 1. Loading and cleaning articles
#
# Before we can measure anything about news coverage we need a clean **article table**: one row per
# article, with its outlet, headline, date and body text, and nothing else in the body — no menus,
# no "Read Also" links, no share buttons. This notebook shows how `analysis` gets there.
#
# We start with a single article scraped from the web (the *seed*), so you can see exactly what the
# cleaning removes. Then we load a whole corpus and check that **every input document is accounted
# for**: it either became a row, or it is listed with the reason it was rejected.
#
# **Parameters.** The next cell chooses the corpus. `"sample"` is the small invented corpus that ships
# with the project; `"basil"`, `"article_bias_prediction"` and `"neus_allsides"` are research corpora
# that live outside the repository (see the README, "Corpora").

# %% tags=["parameters"]
CORPUS = "sample"  # a corpus name (analysis.list_corpora()) or a folder of articles
FIGURES = None  # where figures go; None: figures/<CORPUS> (set it when CORPUS is a folder)

# %%
import analysis

# %% [markdown]
# ## The seed article, before cleaning
#
# This is the file exactly as it was scraped. Look at the top: the date line, the site's menu glued
# to the headline ("HomeWorld..."), the headline repeated, a "Published on" label and a "Read Also"
# link in the middle of the story.

# %%
seed_path = "../data/seed/000_03c80dfc9eda31c5.txt"
with open(seed_path, encoding="utf-8") as file:
    raw = file.read()
print(raw[:1500])

# %% [markdown]
# ## The seed article, after cleaning
#
# `analysis.load_articles` reads the file, recognises the scraped layout, keeps the headline and the
# date, and removes the page furniture. The result is one row of the article table. Each column is
# explained in `analysis.schema.ARTICLE_COLUMNS`.

# %%
seed = analysis.load_articles(seed_path)
seed.T

# %% [markdown]
# What did the cleaning remove? The paragraphs of the raw file that are not in the clean text:

# %%
kept = set(seed["text"].iloc[0].split("\n\n"))
[
    paragraph
    for paragraph in raw.split("\n\n")
    if paragraph.strip() and paragraph.strip() not in kept
]

# %% [markdown]
# ## A whole corpus
#
# Now the corpus chosen in the parameters cell. `analysis.load_corpus` accepts a corpus name or a
# folder and returns the same article table, one row per article.

# %%
articles = analysis.load_corpus(CORPUS)
articles[["outlet", "date", "title", "word_count", "source_format"]].head(10)

# %% [markdown]
# ### Is anything lost?
#
# A tool you can trust never drops a document silently. Every input document ends up either as a
# row of the table or as a row of the **rejection table**, which says which file, where in it, and
# why. So the number of documents read equals rows + rejections.

# %%
rejections = articles.attrs.get("rejections")
print(
    f"{len(articles)} articles + {len(rejections)} rejected = {len(articles) + len(rejections)} documents read"
)
rejections

# %% [markdown]
# ### What the corpus contains
#
# How many articles per outlet, and over which dates? An outlet with very few articles will have
# wide uncertainty intervals in the next notebooks. An article without an outlet name (the seed
# page does not print one) is kept in the table but left out of comparisons between outlets.

# %%
articles.groupby("outlet").agg(
    articles=("article_id", "size"),
    words=("word_count", "median"),
    first=("date", "min"),
    last=("date", "max"),
)

# %% [markdown]
# ### Duplicates
#
# News is copied: wire stories appear in many outlets, and one outlet republishes its own pieces.
# `analysis.find_duplicates` groups articles whose text is nearly the same, so you can decide whether
# to keep one copy before comparing outlets.

# %%
analysis.find_duplicates(articles)
