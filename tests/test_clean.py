"""clean: paragraph normalisation, furniture patterns, teaser blocks, repeated boilerplate."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.clean import (
    clean_paragraphs,
    is_boilerplate,
    normalise_paragraphs,
    remove_boilerplate,
    split_paragraphs,
    strip_teaser_block,
)


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("One.\r\n\r\n\r\nTwo.  ", "One.\n\nTwo."),
        ("  One.\n \t \nTwo.\n", "One.\n\nTwo."),
        (
            "Line one\nline two of the same paragraph.\n\nNext.",
            "Line one\nline two of the same paragraph.\n\nNext.",
        ),
        ("Already clean.\n\nYes.", "Already clean.\n\nYes."),
        ("", ""),
    ],
)
def test_normalise_paragraphs(raw, clean):
    assert normalise_paragraphs(raw) == clean


def test_split_paragraphs_drops_empty_ones():
    assert split_paragraphs("\n\nA.\n\n\n\nB.\n\n") == ["A.", "B."]


@pytest.mark.parametrize(
    "line",
    [
        "Read Also | US Secretary of State Antony Blinken’s Upcoming Diplomatic Mission",
        "READ MORE: Council approves budget",
        "Also read: Bridge repairs to start in April",
        "See also - How the vote went",
        "Related: Five things to know",
        "Latest articles",
        "More like this",
        "Most read",
        "You may also like",
        "Enable Notifications OK",
        "Share this article",
        "Share | Tweet | Email",
        "Subscribe to our newsletter",
        "Sign up for our free morning newsletter",
        "Follow us on Twitter",
        "We use cookies to improve your experience on this site. Accept",
        "Advertisement",
        "Published on",
        "Tags: floods, monsoon, disaster",
    ],
)
def test_furniture_lines_are_boilerplate(line):
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "The council said it would read more of the report before deciding.",
        "Share prices fell sharply on Monday after the announcement.",
        '"We use cookies as an excuse," the regulator said of the industry\'s consent banners, which it called misleading.',
        "More than 400 dock workers walked off the job.",
        "Latest figures show unemployment rose to 5.2 percent in March, the statistics office said.",
        "Related talks are scheduled for next week in Geneva, officials said.",
        "Subscribers to the service will pay $4 more a month from June, the company said.",
        "Topics discussed included the budget: roads, schools and the port, the mayor said.",
    ],
)
def test_reporting_that_mentions_the_same_words_is_kept(line):
    assert not is_boilerplate(line)


def test_trailing_teaser_block_goes_with_its_headlines_and_blurbs():
    paragraphs = [
        "The board voted on Monday.",
        '"We are ready," said chair Ramona Ortiz.',
        "Latest articles",
        'Calder Tigers boss hails "best week of the season"',
        "After back-to-back wins, the manager says his squad finally believes it can reach the...",
        "More like this",
        "Fallen tree crushes car on Mill Lane",
        "A family had a lucky escape when a huge oak came down on their parked car during…",
        "Enable Notifications OK",
    ]
    assert clean_paragraphs(paragraphs) == paragraphs[:2]


def test_an_article_that_ends_on_a_short_line_keeps_it():
    paragraphs = [
        "The board voted on Monday.",
        "Reporting by Dana Whitfield; editing by Sam Okafor",
    ]
    assert strip_teaser_block(paragraphs) == paragraphs


def test_teaser_pairs_without_heading_are_still_recognised():
    paragraphs = ["The board voted on Monday.", "Other story title", "It begins like this..."]
    assert strip_teaser_block(paragraphs) == ["The board voted on Monday."]


def articles(texts_by_outlet: dict[str, list[str]]) -> pd.DataFrame:
    rows = [
        {
            "article_id": f"{outlet}-{i}",
            "outlet": outlet,
            "text": text,
            "word_count": len(text.split()),
            "source_path": f"/pages/{outlet}/{i}.txt",
        }
        for outlet, texts in texts_by_outlet.items()
        for i, text in enumerate(texts)
    ]
    return pd.DataFrame(rows)


PLUG = "Got a story? Call the newsroom on 0800 555 0199."
NO_COMMENT = "The company did not respond to a request for comment."


def test_paragraphs_repeated_across_an_outlet_are_removed_and_shared_reporting_kept():
    gazette = [f"Story {i} about the harbor board and its ferry plans.\n\n{PLUG}" for i in range(4)]
    courier = [
        f"Courier story {i} on the ferry.\n\n{NO_COMMENT}" if i < 3 else f"Courier story {i}."
        for i in range(10)
    ]
    table = articles({"Gazette": gazette, "Courier": courier})
    before = table.copy()
    cleaned = remove_boilerplate(table)
    pd.testing.assert_frame_equal(table, before)  # input untouched
    assert not cleaned["text"].str.contains("newsroom").any()
    # 3 of 10 Courier stories share a sentence: below the 50 % share, so it is reporting, not furniture
    assert cleaned["text"].str.contains("request for comment").sum() == 3
    assert cleaned.loc[0, "text"] == "Story 0 about the harbor board and its ferry plans."
    assert cleaned.loc[0, "word_count"] == 10
    assert cleaned["article_id"].tolist() == table["article_id"].tolist()


def test_pages_without_outlet_are_grouped_by_folder():
    table = articles({"x": [f"Story {i} text here.\n\n{PLUG}" for i in range(3)]})
    table["outlet"] = None
    assert not remove_boilerplate(table)["text"].str.contains("newsroom").any()
    table["source_path"] = [f"/pages/site{i}/page.txt" for i in range(3)]
    assert remove_boilerplate(table)["text"].str.contains("newsroom").all()


def test_remove_boilerplate_argument_errors():
    table = articles({"x": ["a"]})
    with pytest.raises(ValueError, match="by='paper' is not a column"):
        remove_boilerplate(table, by="paper")
    with pytest.raises(ValueError, match="min_share=0 must be in"):
        remove_boilerplate(table, min_share=0)
