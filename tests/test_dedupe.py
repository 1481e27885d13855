"""find_duplicates: wire copies and edited re-publications, on real text."""

from __future__ import annotations

import itertools
import warnings

import pandas as pd
import pytest

from analysis import find_duplicates, load_articles, make_article_id
from analysis.dedupe import DUPLICATE_COLUMNS, _shingles
from analysis.load import LoadWarning


@pytest.fixture(scope="module")
def sample(data_dir) -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", LoadWarning)
        return load_articles(data_dir)


def table(rows: list[dict]) -> pd.DataFrame:
    frame = pd.DataFrame(rows)
    frame["article_id"] = [
        make_article_id(outlet=r["outlet"], title=r["title"], text=r["text"]) for r in rows
    ]
    frame["date"] = pd.to_datetime(frame["date"])
    return frame


def jaccard(a: str, b: str, size: int = 5) -> float:
    left, right = set(_shingles(a, size).tolist()), set(_shingles(b, size).tolist())
    return len(left & right) / len(left | right)


def test_the_two_wire_copies_in_the_sample_form_one_group(sample):
    duplicates = find_duplicates(sample)
    assert list(duplicates.columns) == list(DUPLICATE_COLUMNS)
    titles = sample.set_index("article_id").loc[duplicates["article_id"], "title"].tolist()
    assert sorted(titles) == [
        "Storm cuts power to 40,000 homes in Calder County",
        "Storm leaves tens of thousands without power across Calder County",
    ]
    assert duplicates["group"].tolist() == [0, 0]
    assert duplicates["kept"].sum() == 1
    dropped = duplicates[~duplicates["kept"]].iloc[0]
    assert 0.9 < dropped["similarity"] < 1.0
    # the other coverage of the same storm (the Beacon's own story) is not a duplicate
    assert "BLACKOUT MISERY: 40,000 homes left in the dark as storm batters county" not in titles


def test_seed_with_a_paragraph_cut_and_a_new_headline_is_caught_and_the_earlier_kept(sample):
    original = sample[sample["source_path"].str.contains("seed")].iloc[0]
    paragraphs = original["text"].split("\n\n")
    shortened = "\n\n".join(paragraphs[:4] + paragraphs[5:])  # one paragraph cut
    rewritten = "\n\n".join(paragraphs[:3])  # only the first three paragraphs: not a copy
    rows = [
        {
            "outlet": "Republisher",
            "title": "Blinken urges calm over Taiwan",
            "text": shortened,
            "date": "2024-03-05",
        },
        {
            "outlet": "Origin",
            "title": original["title"],
            "text": original["text"],
            "date": "2024-03-01",
        },
        {"outlet": "Digest", "title": "Three paragraphs", "text": rewritten, "date": "2024-02-28"},
    ]
    articles = table(rows)
    assert jaccard(shortened, original["text"]) > 0.8 > jaccard(rewritten, original["text"])
    duplicates = find_duplicates(articles)
    assert len(duplicates) == 2
    kept = duplicates[duplicates["kept"]].iloc[0]
    # the earlier article is kept even though it comes second in the table
    assert kept["article_id"] == articles.loc[1, "article_id"]
    assert duplicates[~duplicates["kept"]].iloc[0]["duplicate_of"] == kept["article_id"]
    # a lower threshold also catches the three-paragraph digest (3 of 11 paragraphs)
    assert 0.2 < jaccard(rewritten, original["text"]) < 0.3
    assert len(find_duplicates(articles, threshold=0.2)) == 3


def test_minhash_agrees_with_exact_jaccard_on_every_pair(sample):
    texts = sample["text"].tolist()
    expected = {
        frozenset((sample["article_id"][i], sample["article_id"][j]))
        for i, j in itertools.combinations(range(len(texts)), 2)
        if jaccard(texts[i], texts[j]) >= 0.8
    }
    duplicates = find_duplicates(sample, threshold=0.8)
    found = {
        frozenset((row.article_id, row.duplicate_of))
        for row in duplicates.itertuples()
        if not row.kept
    }
    assert found == expected and len(expected) == 1


def test_deterministic_and_input_untouched(sample):
    before = sample.copy()
    first = find_duplicates(sample)
    second = find_duplicates(sample)
    pd.testing.assert_frame_equal(first, second)
    pd.testing.assert_frame_equal(sample, before)


def test_empty_and_stub_texts_are_never_grouped():
    rows = [
        {"outlet": "A", "title": "One", "text": "", "date": "2025-01-01"},
        {"outlet": "B", "title": "Two", "text": "", "date": "2025-01-01"},
        {"outlet": "C", "title": "Three", "text": "Breaking news.", "date": "2025-01-01"},
        {"outlet": "D", "title": "Four", "text": "Breaking news.", "date": "2025-01-01"},
    ]
    assert find_duplicates(table(rows)).empty


def test_bad_arguments_say_what_to_do(sample):
    with pytest.raises(ValueError, match=r"threshold=1.5 must be in \(0, 1\]"):
        find_duplicates(sample, threshold=1.5)
    with pytest.raises(ValueError, match="needs an article table with column 'text'"):
        find_duplicates(sample.drop(columns="text"))
