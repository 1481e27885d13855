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
# # 3. Sources and quotes
#
# Who gets to speak in a story shapes it as much as the words the reporter chooses. This notebook finds
# every **attribution** in the articles — a direct quote (`"We will rebuild," the mayor said`), a
# partial quote (`the mayor promised to "rebuild"`), or indirect speech (`the mayor said the city would
# rebuild`, `according to officials`) — with the speaker, their role and the organisation they speak for.
#
# The extractor works by rules: quotation marks, a documented list of reporting verbs (*said, told,
# warned, according to, ...*) and the name or description next to them. Rules are transparent and fast
# but miss unusual phrasings; notebook 05 shows how often they agree with human annotators.

# %% tags=["parameters"]
CORPUS = "sample"  # a corpus name (analysis.list_corpora()) or a folder of articles
FIGURES = None  # where figures go; None: figures/<CORPUS> (set it when CORPUS is a folder)

# %%
import analysis

folder = FIGURES or f"../figures/{CORPUS}"

# %% [markdown]
# ## Find the attributions
#
# One row per attribution. `kind` says how the source is reported, `speaker` is the name or description
# as written, `speaker_name` the fullest name the article gives that person, `speaker_role` a category
# (spokesperson, official, politician, expert, ...) and `anonymous` flags unnamed sources ("officials
# said"). The offsets `start`/`end` point into the article's text, so every row can be checked by eye.
#
# We compare outlets, so we keep only the articles whose outlet is known (a scraped page does not
# always print its publisher's name).

# %%
articles = analysis.load_corpus(CORPUS).dropna(subset=["outlet"])
quotes = analysis.extract_attributions(articles)
quotes[["article_id", "kind", "speaker", "speaker_role", "anonymous", "content"]].head(10)

# %% [markdown]
# Let us check one article by hand: its first paragraphs and the attributions found in it.

# %%
first = quotes["article_id"].iloc[0]
print(articles.set_index("article_id").loc[first, "text"][:1200])
quotes[quotes["article_id"] == first][["kind", "cue", "speaker", "content"]]

# %% [markdown]
# ## How many sources per article, and of which kind?
#
# `analysis.count_sources` counts per outlet: attributions per article, the kinds, anonymous sources,
# named speakers, and the share of the text given to quotations.

# %%
analysis.count_sources(quotes, by="outlet", articles=articles)

# %% [markdown]
# ## The source mix
#
# **How to read the figure.** One bar per outlet, split by who speaks: spokespeople, officials,
# politicians, experts, anonymous sources and others (citizens, documents, journalists, unknown). The
# shares of a bar add up to 100%, so compare the size of each colour across outlets: an outlet that
# relies on anonymous sources has a larger anonymous slice. The number of attributions is next to each bar.
#
# **How far to trust the slices.** Readers who labelled 360 speakers by hand agreed with the role the
# toolkit gives about seven times in ten (`docs/validity.md`, "Roles"). The commonest miss is a
# politician left as *unknown* because the article never gives a title ('Trump said'); such speakers
# fall into "others", so the politicians' slice is a lower bound.

# %%
shares = analysis.source_shares(quotes, by="outlet", articles=articles)
ax = analysis.plot.source_mix(shares)
analysis.save_figure(ax.figure, "source_mix", data=shares, folder=folder)

# %% [markdown]
# ## Who is quoted most?
#
# **How to read the figure.** One panel per outlet, the speakers that outlet attributes most
# statements to, longest bar first. Names are resolved within each article ("Ms. Ruiz" counts as
# "Ana Ruiz" when the article names her in full). They are *not* merged across articles: an article
# that only writes "Trump" counts under "Trump", another under "Donald J. Trump". Add such rows up
# in your head (or in the table) before you compare outlets.

# %%
speakers = analysis.top_speakers(quotes, by="outlet", n=10, articles=articles)
ax = analysis.plot.top_speakers(speakers, by="outlet", n=10)
analysis.save_figure(ax.figure, "top_speakers", data=speakers, folder=folder)
speakers

# %% [markdown]
# ## Voices: is the negativity the sources' or the outlet's?
#
# We split each article in two: the words inside quotation marks (what sources said) and everything
# else (the writer's own sentences), and score the tone of each side separately.
#
# **How to read the figure.** One line per outlet, from the tone of the quoted text to the tone of the
# writer's own text. A long line means the two voices differ; when the quoted end is further left,
# the outlet lets its sources carry the negative words.

# %%
voices = analysis.voices(articles, quotes)
ax = analysis.plot.quoted_vs_own(voices)
analysis.save_figure(
    ax.figure,
    "quoted_vs_own_tone",
    data=voices.summary[voices.summary["metric"].isin(["quoted_tone", "own_tone"])],
    folder=folder,
)
voices.summary
