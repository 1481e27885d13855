"""Web pages: scraped text pages (header, breadcrumb, teasers) and saved HTML (trafilatura)."""

from __future__ import annotations

import socket

import pandas as pd
import pytest

from analysis import load_articles
from analysis.load._scraped import parse_scraped

PAGE = """Tuesday, 11 March 2025
Home > Local > Transport
Ferry trial gets green light

By Dana Whitfield

Published on 11 March 2025

The harbor board voted on Monday to run night ferries for six months.

Also read: Bridge repairs to start in April

"This is about shift workers," said board chair Ramona Ortiz.

Follow us on Facebook

Opponents said the fares would not cover the cost.

You may also like

Council approves budget

The council approved its budget after a long...

Copyright 2025 Millbrook Gazette. All rights reserved.
"""


def test_scraped_page_header_fields_and_published_date():
    record = parse_scraped(PAGE).records[0]
    assert record["title"] == "Ferry trial gets green light"
    assert record["section"] == "Transport"
    assert record["byline"] == "Dana Whitfield"
    assert record["outlet"] == "Millbrook Gazette"
    # a 'Published on <date>' line is the publication date and wins over the page date
    assert (record["date"], record["date_source"]) == (pd.Timestamp("2025-03-11"), "published")
    assert record["text"].split("\n\n") == [
        "The harbor board voted on Monday to run night ferries for six months.",
        '"This is about shift workers," said board chair Ramona Ortiz.',
        "Opponents said the fares would not cover the cost.",
    ]


def test_scraped_page_without_repeated_headline_takes_the_first_headline_line():
    record = parse_scraped("Ferry trial gets green light\n\nThe board voted on Monday.\n").records[
        0
    ]
    assert record["title"] == "Ferry trial gets green light"
    assert record["date_source"] == "none" and record["date"] is None
    assert record["text"] == "The board voted on Monday."


def test_page_with_nothing_but_furniture_is_rejected():
    parsed = parse_scraped("Home\n\nShare this article\n\nSubscribe to our newsletter for free\n")
    assert parsed.records == [] and parsed.rejections == [("file", parsed.rejections[0][1])]
    assert "no body text" in parsed.rejections[0][1]


def test_bundled_scraped_pages(data_dir):
    articles = load_articles(sorted((data_dir / "sample").glob("*.scraped.txt")))
    assert articles["title"].tolist() == [
        "Free school meals for ALL: council caves in after parents' fury",
        "BLACKOUT MISERY: 40,000 homes left in the dark as storm batters county",
    ]
    assert (articles["outlet"] == "The Daily Beacon").all()
    assert (articles["section"] == "News").all()
    assert articles["date"].tolist() == [pd.Timestamp("2025-03-19"), pd.Timestamp("2025-03-26")]
    assert (articles["date_source"] == "page").all()
    for text in articles["text"]:
        for furniture in (
            "Read Also",
            "Share this",
            "Latest articles",
            "More like this",
            "Calder Tigers",
            "...",
            "©",
            "Enable",
        ):
            assert furniture not in text
    assert articles.loc[0, "text"].endswith(
        "Council officials said the scheme would be reviewed after its first full year."
    )
    assert articles.loc[1, "text"].endswith(
        "restore power to nearly all customers by Thursday night."
    )


@pytest.fixture
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the loader tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def test_html_page_main_text_and_metadata_offline(data_dir, no_network):
    path = data_dir / "sample" / "courier_school_meals.html"
    articles = load_articles(path)
    row = articles.iloc[0]
    assert row["title"] == "Council votes to give every primary pupil a free lunch"
    assert row["outlet"] == "Calder Courier"
    assert row["byline"] == "Owen Marsh"
    assert row["section"] == "Education"
    assert row["url"] == "https://caldercourier.example/education/free-school-meals-vote"
    assert (row["date"], row["date_source"]) == (pd.Timestamp("2025-03-18"), "published")
    paragraphs = row["text"].split("\n\n")
    assert paragraphs[0].startswith("Calder County Council voted 9-4 on Monday night")
    assert (
        paragraphs[-1]
        == "The council will review the programme after its first year, officials said."
    )
    assert len(paragraphs) == 9
    for furniture in ("cookies", "Related stories", "newsletter", "Facebook", "©", "By Owen Marsh"):
        assert furniture not in row["text"]
    # deterministic: a second run gives the same row
    pd.testing.assert_frame_equal(articles, load_articles(path))


def test_html_without_article_text_is_a_rejection(tmp_path):
    path = tmp_path / "index.html"
    path.write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>", encoding="utf-8")
    with pytest.warns(UserWarning, match="1 document rejected"):
        articles = load_articles(path)
    assert articles.empty and "no main text" in articles.attrs["rejections"].iloc[0]["reason"]


def test_repeated_paragraphs_across_an_outlets_pages_are_removed(tmp_path):
    for day in range(1, 5):
        (tmp_path / f"page{day}.txt").write_text(
            f"{day} March 2025\n\nStory number {day} about the harbor\n\n"
            f"The harbor board met on day {day} and argued about ferries at length.\n\n"
            "Tips? Call the newsroom on 0800 555 0199 any time.\n\n"
            "Copyright 2025 Millbrook Gazette. All rights reserved.\n",
            encoding="utf-8",
        )
    articles = load_articles(tmp_path)
    assert len(articles) == 4
    assert not articles["text"].str.contains("newsroom").any()
    assert (
        articles.loc[0, "text"]
        == "The harbor board met on day 1 and argued about ferries at length."
    )


def test_byline_line_with_an_updated_date_and_a_tags_line():
    page = (
        "Skip to main content\nHome » World » Asia\n"
        "Monsoon floods displace thousands in northern province\n"
        "By Priya Raman | Updated: March 2, 2024 10:32 AM IST\nShare\nTweet\nEmail\n\n"
        "Heavy monsoon rains have displaced more than 12,000 people, officials said on Saturday.\n\n"
        '"The water came in the night," said farmer Ram Kishore, 61. "We had no time."\n\n'
        "ALSO READ: Government announces relief package for farmers\n\n"
        "The state disaster agency said rescue teams had reached most villages.\n\n"
        "Tags: floods, monsoon, disaster\n\nAdvertisement\n\nTrending Now\n\n"
        "Cricket: India clinch series with late surge\n\nThe visitors collapsed in the final session as...\n"
    )
    record = parse_scraped(page).records[0]
    assert record["title"] == "Monsoon floods displace thousands in northern province"
    assert (record["section"], record["byline"]) == ("Asia", "Priya Raman")
    assert (record["date"], record["date_source"]) == (pd.Timestamp("2024-03-02"), "published")
    assert record["text"].split("\n\n") == [
        "Heavy monsoon rains have displaced more than 12,000 people, officials said on Saturday.",
        '"The water came in the night," said farmer Ram Kishore, 61. "We had no time."',
        "The state disaster agency said rescue teams had reached most villages.",
    ]
