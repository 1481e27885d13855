"""analysis.attribute.counts: count_sources and top_speakers on hand-checked snippets."""

from __future__ import annotations

import math
import warnings

import pandas as pd
import pytest

from analysis.attribute import count_sources, extract_attributions, top_speakers
from analysis.attribute.counts import COUNT_COLUMNS

ARTICLES = pd.DataFrame(
    {
        "article_id": ["a1", "a2", "a3"],
        "outlet": ["Daily", "Weekly", "Daily"],
        "text": [
            # 1 direct (spokesperson, named), 1 indirect (anonymous officials).
            '"We will appeal," State Department spokesman Matthew Miller said. '
            "Officials said the ruling was expected.",
            # no attribution at all
            "The river rose by two feet overnight.",
            # 2 direct quotes by two named people, one of them twice with a split quote
            '"Yes," said Sen. Ann Obi. "No," said Rep. Tom Ray. "Maybe," Obi said, "later."',
        ],
    }
)


@pytest.fixture(scope="module")
def attributions():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return extract_attributions(ARTICLES)


def test_counts_per_article(attributions):
    with pytest.warns(UserWarning, match="source_diversity is NaN for 1 row"):
        out = count_sources(attributions, articles=ARTICLES)
    assert list(out.columns) == ["article_id", *COUNT_COLUMNS]
    assert out["article_id"].tolist() == ["a1", "a2", "a3"]  # article order, a2 kept with zeros
    a1, a2, a3 = out.to_dict("records")
    assert (a1["attributions"], a1["direct"], a1["indirect"], a1["anonymous"]) == (2, 1, 1, 1)
    assert (a1["named_speakers"], a1["spokespeople"], a1["officials"]) == (1, 1, 1)
    assert (
        a2["attributions"] == 0 and a2["quoted_share"] == 0.0 and math.isnan(a2["source_diversity"])
    )
    assert (a3["direct"], a3["named_speakers"], a3["politicians"]) == (3, 2, 3)
    # Obi twice, Ray once: H = -(2/3 log2 2/3 + 1/3 log2 1/3) = 0.918 bits.
    assert a3["source_diversity"] == pytest.approx(0.9183, abs=1e-4)
    # a1: the quotation '"We will appeal,"' is 17 of the text's characters.
    assert a1["quoted_share"] == pytest.approx(17 / len(ARTICLES["text"][0]))


def test_counts_per_outlet(attributions):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        out = count_sources(attributions, by="outlet", articles=ARTICLES)
    assert out["outlet"].tolist() == ["Daily", "Weekly"]
    daily = out.iloc[0]
    assert daily["attributions"] == 5 and daily["named_speakers"] == 3


def test_articles_without_an_outlet_are_one_group(attributions):
    """A missing outlet (the seed has none) is one row, not one row per kind of NaN."""
    articles = ARTICLES.assign(outlet=pd.array(["Daily", None, None], dtype="string"))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        out = count_sources(attributions, by="outlet", articles=articles)
    assert len(out) == 2
    assert out["outlet"].isna().tolist() == [False, True]
    # a2 (no attributions) and a3 (three direct quotes and their indirect neighbours) together
    assert out.iloc[1]["direct"] == 3


def test_outlet_needs_the_article_table(attributions):
    with pytest.raises(ValueError, match="needs the article table"):
        count_sources(attributions, by="outlet")


def test_without_articles_quoted_share_is_nan_with_one_warning(attributions):
    with pytest.warns(UserWarning, match="quoted_share is NaN for 2 row"):
        out = count_sources(attributions)
    assert out["quoted_share"].isna().all()


def test_input_not_modified(attributions):
    before = attributions.copy(deep=True)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        count_sources(attributions, articles=ARTICLES)
        top_speakers(attributions, by="outlet", articles=ARTICLES)
    pd.testing.assert_frame_equal(attributions, before)


def test_top_speakers(attributions):
    out = top_speakers(attributions, n=2)
    assert out[["rank", "speaker_name", "attributions"]].values.tolist() == [
        [1, "Ann Obi", 2],
        [2, "Matthew Miller", 1],
    ]
    per_outlet = top_speakers(attributions, by="outlet", articles=ARTICLES, n=1)
    assert per_outlet[["outlet", "speaker_name"]].values.tolist() == [["Daily", "Ann Obi"]]
    with pytest.raises(ValueError, match="positive integer"):
        top_speakers(attributions, n=0)


def test_top_speakers_role_is_the_known_one():
    """Titled in one article, surname only in another: the speaker is a politician, not 'unknown'."""
    articles = pd.DataFrame(
        {
            "article_id": ["a", "b"],
            "text": [
                '"We will vote no," Sen. Ann Obi said.',
                '"It is a bad bill," Obi said. "Nothing has changed," Obi said on Friday.',
            ],
        }
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        found = extract_attributions(articles)
    assert found["speaker_role"].tolist() == ["politician", "unknown", "unknown"]
    (row,) = top_speakers(found, n=1).to_dict("records")
    assert (row["speaker_name"], row["speaker_role"], row["attributions"]) == (
        "Ann Obi",
        "politician",
        3,
    )


def test_spellings_of_one_person_are_merged_across_articles():
    articles = pd.DataFrame(
        {
            "article_id": ["x", "y", "z"],
            "outlet": ["A", "A", "B"],
            "text": [
                "Donald J. Trump said the wall would be built.",
                "Trump said the wall would be paid for.",
                "Former president Donald Trump said he would run again.",
            ],
        }
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        rows = extract_attributions(articles)
        per_outlet = count_sources(rows, by="outlet", articles=articles)
    assert rows["speaker_name"].tolist() == ["Donald J. Trump", "Trump", "Donald Trump"]
    top = top_speakers(rows)
    assert top[["speaker_name", "attributions", "articles"]].values.tolist() == [
        ["Donald Trump", 3, 3]
    ]
    assert top_speakers(rows, merge=False)["speaker_name"].tolist() == [
        "Donald J. Trump",
        "Donald Trump",
        "Trump",
    ]
    assert per_outlet["named_speakers"].tolist() == [1, 1]


@pytest.mark.filterwarnings("ignore:count_sources. source_diversity is NaN")
@pytest.mark.parametrize("ids", [[7, 8], [7.0, 8.0]], ids=["int", "float"])
def test_numeric_article_ids_match_their_attributions(ids):
    # A table read with pandas often has numeric ids; the attribution table holds them as
    # strings. Counting with articles= must still put each article's attributions on its row.
    articles = pd.DataFrame(
        {
            "article_id": ids,
            "outlet": ["X", "Y"],
            "text": ['"We will win this state," Ms. Ray said.', "Nothing was said here."],
        }
    )
    rows = extract_attributions(articles)
    per_article = count_sources(rows, articles=articles)
    assert per_article["article_id"].tolist() == [str(i) for i in ids]
    assert per_article["attributions"].tolist() == [1, 0]
    per_outlet = count_sources(rows, articles=articles, by="outlet")
    assert per_outlet.set_index("outlet")["attributions"].to_dict() == {"X": 1, "Y": 0}
    top = top_speakers(rows, articles=articles, by="outlet")
    assert top[["outlet", "speaker_name"]].values.tolist() == [["X", "Ray"]]
