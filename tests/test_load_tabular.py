"""Tabular inputs: JSONL, JSON, CSV/TSV, Parquet, Media Cloud story lists, and the shared corpora."""

from __future__ import annotations

import json
import warnings

import pandas as pd
import pytest

from analysis import load_articles
from analysis.load import LoadWarning
from analysis.schema import ARTICLE_COLUMNS


def load_quietly(*args, **kwargs) -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", LoadWarning)
        return load_articles(*args, **kwargs)


BODY = 'The harbor board met on Monday.\n\n"We will decide in May," said chair Ramona Ortiz.'


def write_jsonl(path, rows):
    path.write_text(
        "\n".join(r if isinstance(r, str) else json.dumps(r) for r in rows) + "\n", encoding="utf-8"
    )


def test_jsonl_rows_bad_values_and_broken_lines_are_rejections_naming_the_line(tmp_path):
    path = tmp_path / "feed.jsonl"
    write_jsonl(
        path,
        [
            {
                "id": "a1",
                "outlet": "Gazette",
                "date": "2025-03-11",
                "title": "Ferry trial",
                "text": BODY,
                "authors": ["Dana Whitfield", "Sam Okafor"],
                "event_id": "ferry",
                "topic": "transport",
            },
            '{"id": "a2", "title": "cut off',
            {"id": "a3", "outlet": "Gazette", "date": "someday", "title": "Bad date", "text": BODY},
            {
                "id": "a4",
                "outlet": "Gazette",
                "title": "List as text",
                "text": ["not", "a", "string"],
            },
            ["a", "list", "not", "an", "object"],
            {"id": "a5", "outlet": "Gazette", "title": "", "text": ""},
            {
                "id": "a6",
                "outlet": "Courier",
                "date": None,
                "title": "No date",
                "text": BODY,
                "topic": "transport",
            },
        ],
    )
    with pytest.warns(LoadWarning, match="5 documents rejected"):
        articles = load_articles(path)
    assert articles["source_id"].tolist() == ["a1", "a6"]
    first = articles.iloc[0]
    assert first["byline"] == "Dana Whitfield, Sam Okafor"
    assert first["date"] == pd.Timestamp("2025-03-11") and first["date_source"] == "published"
    assert first["text"] == BODY and first["word_count"] == len(BODY.split())
    assert (first["event_id"], first["topic"]) == ("ferry", "transport")
    assert pd.isna(articles.iloc[1]["date"]) and articles.iloc[1]["date_source"] == "none"
    assert pd.isna(articles.iloc[1]["event_id"])
    rejections = articles.attrs["rejections"].set_index("position")["reason"]
    assert list(rejections.index) == ["line 2", "line 5", "line 3", "line 4", "line 6"]
    assert "not valid JSON" in rejections["line 2"]
    assert "'someday' is not a date" in rejections["line 3"]
    assert "text (column 'text') is list" in rejections["line 4"]
    assert "not an object" in rejections["line 5"]
    assert "no title and no text" in rejections["line 6"]
    assert len(articles) + len(rejections) == 7


def test_columns_mapping_and_csv_rows(tmp_path):
    path = tmp_path / "stories.csv"
    frame = pd.DataFrame(
        {
            "paper": ["Gazette", "Courier", "Courier"],
            "hed": ["Ferry trial", "Night ferries", "Row with extra field"],
            "story": [BODY, "Commuters were split.", "x"],
            "when": ["11 March 2025", "2025-03-12T07:30:00-05:00", "2025-03-12"],
            "event_id": ["ferry", "ferry", "ferry"],
        }
    )
    frame.to_csv(path, index=False)
    # a row with one field too many (an unquoted comma) must be a rejection, not a shifted row
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "Row with extra field,x", "Row, with extra field,x"
        ),
        encoding="utf-8",
    )
    articles = load_quietly(
        path, columns={"paper": "outlet", "hed": "title", "story": "text", "when": "date"}
    )
    assert articles["outlet"].tolist() == ["Gazette", "Courier"]
    assert articles["title"].tolist() == ["Ferry trial", "Night ferries"]
    assert articles["date"].tolist() == [
        pd.Timestamp("2025-03-11"),
        pd.Timestamp("2025-03-12 12:30"),
    ]
    assert list(articles.columns) == list(ARTICLE_COLUMNS) + ["event_id"]
    rejection = articles.attrs["rejections"].iloc[0]
    assert (
        rejection["position"] == "row 3" and "6 fields but the header has 5" in rejection["reason"]
    )


def test_columns_mapping_to_a_missing_column_is_recorded_for_that_file(tmp_path):
    (tmp_path / "a.csv").write_text("title,text\nA,Body text here.\n", encoding="utf-8")
    articles = load_quietly(tmp_path / "a.csv", columns={"headline": "title"})
    assert articles.empty
    assert (
        "'headline' is not a column of the file" in articles.attrs["rejections"].iloc[0]["reason"]
    )


def test_parquet_and_json_array(tmp_path):
    frame = pd.DataFrame(
        {
            "headline": ["Ferry trial", "Night ferries"],
            "body": [BODY, "Commuters were split."],
            "outlet": ["Gazette", "Courier"],
            "published": ["2025-03-11", "2025-03-12"],
            "word_count": [10, 3],
        }
    )
    frame.to_parquet(tmp_path / "a.parquet")
    as_json = frame.assign(outlet=["Herald", "Herald"]).to_json(orient="records")
    (tmp_path / "b.json").write_text(as_json, encoding="utf-8")
    articles = load_quietly(tmp_path)
    assert articles["source_format"].tolist() == ["parquet", "parquet", "json", "json"]
    # the file's own word_count is kept under another name; ours is computed
    assert articles["source_word_count"].tolist() == [10, 3, 10, 3]
    assert articles["word_count"].tolist() == [len(BODY.split()), 3, len(BODY.split()), 3]
    assert articles["outlet"].tolist() == ["Gazette", "Courier", "Herald", "Herald"]
    assert articles["title"].tolist() == ["Ferry trial", "Night ferries"] * 2
    assert articles.attrs["rejections"].empty


def test_same_article_in_two_files_is_one_row(tmp_path):
    frame = pd.DataFrame({"title": ["Ferry trial"], "text": [BODY], "outlet": ["Gazette"]})
    frame.to_parquet(tmp_path / "a.parquet")
    frame.to_csv(tmp_path / "b.csv", index=False)
    articles = load_quietly(tmp_path)
    assert len(articles) == 1 and articles.loc[0, "source_format"] == "parquet"
    assert articles.attrs["rejections"].iloc[0]["reason"].startswith("exact duplicate of")


MEDIACLOUD = """stories_id,publish_date,title,url,language,media_id,media_name,media_url
2950014001,2025-03-11 18:20:00,Harbor board backs night ferry trial,https://gazette.example/a,en,1001,Millbrook Gazette,https://gazette.example
2950014002,2025-03-12 07:30:00,Night ferries: commuters split over trial,https://courier.example/b,en,1002,Riverside Courier,https://courier.example
2950014003,not a date,Ferry operator hires crews,https://courier.example/c,en,1002,Riverside Courier,https://courier.example
"""


def test_media_cloud_story_list_gives_rows_without_text_and_a_note(tmp_path):
    path = tmp_path / "mediacloud-stories.csv"
    path.write_text(MEDIACLOUD, encoding="utf-8")
    with pytest.warns(LoadWarning, match="2 articles with empty text"):
        articles = load_articles(path)
    assert articles["source_format"].unique().tolist() == ["mediacloud"]
    assert articles["outlet"].tolist() == ["Millbrook Gazette", "Riverside Courier"]
    assert articles["source_id"].tolist() == ["2950014001", "2950014002"]
    assert articles["date"].tolist() == [
        pd.Timestamp("2025-03-11 18:20"),
        pd.Timestamp("2025-03-12 07:30"),
    ]
    assert (articles["text"] == "").all() and (articles["word_count"] == 0).all()
    assert {"language", "media_url", "media_id"} <= set(articles.columns)
    assert "no body text" in articles.attrs["notes"].iloc[0]["note"]
    assert articles.attrs["rejections"].iloc[0]["position"] == "row 3"


# --- the shared corpora -----------------------------------------------------------------------


def test_basil_loads_300_articles_with_clean_text_kept_as_is(shared_dir):
    path = shared_dir / "corpora" / "basil" / "articles.jsonl"
    articles = load_articles(path)
    assert len(articles) == 300 and articles.attrs["rejections"].empty
    assert articles["outlet"].value_counts().to_dict() == {
        "Fox News": 100,
        "New York Times": 100,
        "HuffPost": 100,
    }
    assert articles.groupby("event_id").size().eq(3).all()
    raw = [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines()]
    unchanged = [a == r for a, r in zip(articles["text"], raw, strict=True)]
    # 16 BASIL texts have spaces before paragraph breaks, which normalisation removes;
    # the other 284 are clean already and come back byte for byte.
    assert sum(unchanged) == 284
    for text, original in zip(articles["text"], raw, strict=True):
        assert text == "\n\n".join(p.strip() for p in original.split("\n\n") if p.strip())
    # in the unchanged texts BASIL's span offsets still point at the annotated words
    spans = [
        (text, span)
        for text, same, spans in zip(
            articles["text"], unchanged, articles["phrase_annotations"], strict=True
        )
        if same
        for span in spans
        if span.get("field") == "text"
    ]
    assert len(spans) > 1000
    assert all(text[s["char_start"] : s["char_end"]] == s["txt"] for text, s in spans)


def test_neus_allsides_loads_every_line(shared_dir):
    articles = load_articles(shared_dir / "corpora" / "neus_allsides" / "articles.jsonl")
    assert len(articles) == 1479 and articles.attrs["rejections"].empty
    assert articles["event_id"].nunique() == 505


@pytest.mark.slow
def test_article_bias_prediction_sample_loads_with_missing_dates_counted(shared_dir):
    with pytest.warns(LoadWarning, match="338 articles without a date"):
        articles = load_articles(
            shared_dir / "corpora" / "article_bias_prediction" / "articles.jsonl"
        )
    assert len(articles) == 5000
    assert articles["byline"].notna().any()


def test_jsonl_of_only_bad_lines_gives_one_rejection_per_line(tmp_path):
    (tmp_path / "bad.jsonl").write_text('{"a": \n[1]\n\n"text"\n', encoding="utf-8")
    articles = load_quietly(tmp_path)
    assert articles.empty
    assert articles.attrs["rejections"]["position"].tolist() == ["line 1", "line 2", "line 4"]


def test_file_without_text_column_rejects_each_row_and_bad_mapping_raises(tmp_path):
    (tmp_path / "a.csv").write_text("title,summary\nA,One.\nB,Two.\n", encoding="utf-8")
    articles = load_quietly(tmp_path / "a.csv")
    rejections = articles.attrs["rejections"]
    assert rejections["position"].tolist() == ["row 1", "row 2"]
    assert rejections["reason"].str.contains("no text column among").all()
    assert len(load_quietly(tmp_path / "a.csv", columns={"summary": "text"})) == 2
    with pytest.raises(
        ValueError, match=r"columns maps to \['headline'\], which are not article-table fields"
    ):
        load_articles(tmp_path / "a.csv", columns={"title": "headline"})
