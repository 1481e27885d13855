"""load_articles: the seed's exact row, folders and globs, rejection accounting, encodings, attrs."""

from __future__ import annotations

import json
import shutil
import warnings

import pandas as pd
import pytest

from analysis import load_articles, make_article_id
from analysis.load import LoadWarning, RecordTable, restore_accounting
from analysis.schema import ARTICLE_COLUMNS, REJECTION_COLUMNS, validate_articles

SEED_TITLE = "US Secretary of State Antony Blinken Advocates for Cross-Strait Stability in Recent Talks with Chinese Official"
# Read off the seed by hand: the 11 body paragraphs, without the 'Read Also' lines,
# the header, the teaser blocks and 'Enable Notifications OK'.
SEED_PARAGRAPHS = [
    "In a recent meeting, US Secretary of State Antony Blinken engaged in discussions with Liu Jianchao, the head of the international division of the Chinese Communist Party’s Central Committee.",
    "Blinken, currently navigating a diplomatic agenda that includes the Middle East and the World Economic Forum in Davos, emphasized the importance of cross-strait stability during the talks, which took place just hours before Taiwan’s presidential election.",
    "The two leaders conducted a constructive dialogue covering various topics, including both areas of potential cooperation and points of divergence. State Department spokesman Matthew Miller stated, “The Secretary reiterated the importance of maintaining peace and stability across the Taiwan Strait and in the South China Sea.”",
    "With Taiwan, a self-ruling democracy claimed by Beijing, heading to the polls, tensions have risen. Beijing has expressed concern over the front-runner, Lai Ching-te, labeling him a “severe danger” due to past statements favoring outright independence.",
    "However, Lai has maintained a cautious stance during the campaign, and US officials privately note that Chinese statements align with typical discourse surrounding Taiwan elections.",
    "Despite officially recognizing Beijing, the United States supports Taiwan’s defense by providing weapons, as China has not ruled out the use of force for reunification.",
    "State Department spokesman Vedant Patel emphasized the US’s confidence in Taiwan’s democratic process and the belief that the election outcome should be free from external interference.",
    "Following the election, President Joe Biden’s administration plans to send an “unofficial” delegation to Taiwan, a move described as routine and announced in advance. This gesture reaffirms the strong support for Taiwan in the US Congress, demonstrated by a recent unanimous resolution commending Taiwan’s self-governance example.",
    "In addition to the discussions with Liu, Secretary Blinken met separately with Japan’s Foreign Minister Yoko Kamikawa, reinforcing ties with a close US ally. Liu’s visit comes amid escalating US-China dialogue aimed at easing tensions between the two nations. Notably, President Biden and President Xi Jinping agreed in November to restore military dialogue to prevent potential mishaps.",
    "In a recent speech at the Council on Foreign Relations in New York, Liu maintained a conciliatory tone and refrained from strong criticism of the United States. While he did not specify China’s response to Taiwan’s elections, he acknowledged US statements disapproving of Taiwanese independence.",
    "Liu also held talks with Jon Finer, the deputy national security advisor, at the White House earlier in the week, further underscoring the ongoing diplomatic engagement between the two countries.",
]


def load_quietly(*args, **kwargs) -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", LoadWarning)
        return load_articles(*args, **kwargs)


def accounted(articles: pd.DataFrame) -> int:
    """Documents in, as the result accounts for them: rows + rejections + dropped duplicates."""
    dropped = int((~articles.attrs["duplicates"]["kept"]).sum())
    return len(articles) + len(articles.attrs["rejections"]) + dropped


# --- the seed --------------------------------------------------------------------------------


def test_seed_comes_out_as_exactly_the_expected_row(seed_path):
    articles = load_articles(seed_path)
    assert list(articles.columns) == list(ARTICLE_COLUMNS)
    assert len(articles) == 1
    row = articles.iloc[0]
    assert row["title"] == SEED_TITLE
    assert row["section"] == "World"
    assert row["date"] == pd.Timestamp("2024-03-01")
    assert row["date_source"] == "page"
    assert pd.isna(row["outlet"]) and pd.isna(row["byline"]) and pd.isna(row["url"])
    assert row["text"].split("\n\n") == SEED_PARAGRAPHS
    assert row["text"] == "\n\n".join(SEED_PARAGRAPHS)
    assert row["word_count"] == sum(len(p.split()) for p in SEED_PARAGRAPHS)
    assert row["source_format"] == "scraped"
    # recomputed from the row itself (outlet is pd.NA there) the id is the same
    assert row["article_id"] == make_article_id(
        outlet=row["outlet"], title=row["title"], text=row["text"]
    )
    assert row["article_id"] == make_article_id(outlet=None, title=SEED_TITLE, text=row["text"])
    for furniture in (
        "Read Also",
        "Published on",
        "Latest articles",
        "More like this",
        "Enable Notifications",
        "WhatsApp",
        "...",
    ):
        assert furniture not in row["text"]


def test_outlet_argument_names_pages_that_do_not_name_themselves(seed_path):
    articles = load_articles(seed_path, outlet="Unknown wire site")
    assert articles.loc[0, "outlet"] == "Unknown wire site"
    # the id follows the content, outlet included
    assert articles.loc[0, "article_id"] != load_articles(seed_path).loc[0, "article_id"]


def test_same_input_gives_identical_table(seed_path, data_dir):
    first = load_quietly(data_dir)
    second = load_quietly([data_dir])
    pd.testing.assert_frame_equal(first, second)
    assert first["article_id"].is_unique


# --- folders, globs, lists, skipped files ----------------------------------------------------


def test_bundled_data_loads_with_one_documented_rejection(data_dir):
    with pytest.warns(
        LoadWarning,
        match=r"loaded 13 articles from 8 files \(14 documents in\); 1 document rejected",
    ):
        articles = load_articles(data_dir)
    validate_articles(articles)
    assert len(articles) == 13
    assert accounted(articles) == articles.attrs["summary"]["documents"] == 14
    rejections = articles.attrs["rejections"]
    assert list(rejections.columns) == list(REJECTION_COLUMNS)
    assert rejections.iloc[0]["source_path"].endswith("e1_dock_strike.jsonl")
    assert rejections.iloc[0]["position"] == "line 3"
    assert "not valid JSON" in rejections.iloc[0]["reason"]
    # the README of data/ is documentation, not an article, and is reported as skipped
    assert articles.attrs["skipped"]["source_path"].str.endswith("README.md").all()
    assert not articles["title"].str.contains("Data bundled").any()
    assert set(articles["outlet"].dropna()) == {
        "The Daily Beacon",
        "Calder Courier",
        "Riverbend Public Radio",
    }
    counts = articles["source_format"].value_counts().to_dict()
    assert counts == {"scraped": 3, "jsonl": 3, "csv": 3, "factiva": 2, "nexis": 1, "html": 1}
    # tabular extras come after the article-table columns
    assert list(articles.columns[: len(ARTICLE_COLUMNS)]) == list(ARTICLE_COLUMNS)
    assert {"event_id", "topic", "source_id"} <= set(articles.columns)
    assert (articles["event_id"] == "E1-dock-strike").sum() == 3


def test_glob_and_list_and_missing_path(data_dir):
    by_glob = load_quietly(str(data_dir / "sample" / "*.scraped.txt"))
    assert len(by_glob) == 2 and set(by_glob["outlet"]) == {"The Daily Beacon"}
    files = [data_dir / "sample" / "e2_bridge_closure.csv", data_dir / "seed"]
    assert len(load_quietly(files)) == 4
    with pytest.raises(FileNotFoundError, match="no_such_folder"):
        load_articles(data_dir / "no_such_folder")


def test_unknown_format_is_refused_with_the_choices(seed_path):
    with pytest.raises(
        ValueError, match="format='nexsi' is not known; use 'auto' or one of: scraped, html"
    ):
        load_articles(seed_path, format="nexsi")


# --- nothing is lost: rejections, bad files, encodings ----------------------------------------


def test_one_bad_file_never_stops_a_folder(tmp_path, seed_path):
    shutil.copy(seed_path, tmp_path / "page.txt")
    (tmp_path / "broken.parquet").write_bytes(b"this is not parquet")
    (tmp_path / "empty.txt").write_text(
        "Home\n\nShare this article\n\nEnable Notifications OK\n", encoding="utf-8"
    )
    (tmp_path / "notes.md").write_text("# my notes\n", encoding="utf-8")
    with pytest.warns(LoadWarning, match="2 documents rejected") as caught:
        articles = load_articles(tmp_path)
    assert len(caught) == 1, "exactly one warning sums it all up"
    assert len(articles) == 1
    rejections = articles.attrs["rejections"].set_index("source_path")
    assert (
        "could not be read as parquet" in rejections.loc[str(tmp_path / "broken.parquet"), "reason"]
    )
    assert "no body text" in rejections.loc[str(tmp_path / "empty.txt"), "reason"]
    assert accounted(articles) == 3
    assert list(articles.attrs["skipped"]["source_path"]) == [str(tmp_path / "notes.md")]


def test_exact_duplicate_is_a_rejection_naming_the_kept_article(tmp_path, seed_path):
    shutil.copy(seed_path, tmp_path / "a.txt")
    shutil.copy(seed_path, tmp_path / "b.txt")
    articles = load_quietly(tmp_path)
    assert len(articles) == 1 and articles.loc[0, "source_path"] == str(tmp_path / "a.txt")
    reason = articles.attrs["rejections"].iloc[0]["reason"]
    assert reason.startswith(f"exact duplicate of {articles.loc[0, 'article_id']}")
    assert accounted(articles) == 2


@pytest.mark.parametrize(
    ("encoding", "bom", "note"),
    [
        ("cp1252", b"", "decoded as Windows-1252"),
        ("utf-16-le", b"\xff\xfe", "UTF-16"),
        ("utf-8", b"\xef\xbb\xbf", None),
    ],
)
def test_encodings_are_decoded_and_fallbacks_recorded(tmp_path, seed_text, encoding, bom, note):
    path = tmp_path / "page.txt"
    path.write_bytes(bom + seed_text.replace("\n", "\r\n").encode(encoding, errors="replace"))
    articles = load_quietly(path)
    text = articles.loc[0, "text"]
    assert articles.loc[0, "title"] == SEED_TITLE
    if encoding != "cp1252":
        assert text == "\n\n".join(SEED_PARAGRAPHS)
    else:
        # cp1252 has the curly quotes: they must come back as such, not as mojibake
        assert "Party’s Central Committee" in text and "Ã" not in text
    notes = articles.attrs["notes"]
    if note is None:
        assert notes.empty
    else:
        assert notes.iloc[0]["source_path"] == str(path) and note in notes.iloc[0]["note"]


def test_tables_in_attrs_survive_concat_and_filtering(data_dir):
    articles = load_quietly(data_dir)
    halves = pd.concat([articles.iloc[:5], articles.iloc[5:]])
    pd.testing.assert_frame_equal(halves, articles)
    assert len(halves.attrs["rejections"]) == 1
    beacon = articles[articles["outlet"] == "The Daily Beacon"]
    assert beacon.attrs["rejections"]["position"].tolist() == ["line 3"]
    # reading the rejections as an ordinary table works
    assert (articles.attrs["rejections"]["position"] == "line 3").all()


def test_dedupe_keeps_one_wire_copy_and_accounts_for_the_other(data_dir):
    articles = load_quietly(data_dir, dedupe=True)
    duplicates = articles.attrs["duplicates"]
    assert len(articles) == 12
    assert duplicates["kept"].tolist().count(False) == 1
    dropped = duplicates.loc[~duplicates["kept"], "article_id"].item()
    assert dropped not in set(articles["article_id"])
    assert duplicates.loc[duplicates["kept"], "article_id"].item() in set(articles["article_id"])
    assert accounted(articles) == articles.attrs["summary"]["documents"] == 14


def _accounting_load(tmp_path, data_dir):
    """The bundled data plus a Windows-1252 file: a rejection, a dropped duplicate, a note, a skip."""
    folder = tmp_path / "data"
    shutil.copytree(data_dir, folder)
    line = '{"outlet": "Calder Courier", "title": "Caf\u00e9 owners count the cost", "text": "Caf\u00e9 owners said the strike cost them dearly."}\n'
    (folder / "cafe.jsonl").write_bytes(line.encode("cp1252"))
    articles = load_quietly(folder, dedupe=True)
    summary = articles.attrs["summary"]
    assert (summary["articles"], summary["rejected"], summary["duplicates_dropped"]) == (13, 1, 1)
    assert (summary["notes"], summary["skipped_files"], summary["documents"]) == (1, 1, 15)
    return articles


def test_article_table_round_trips_through_parquet_with_its_accounting(tmp_path, data_dir):
    articles = _accounting_load(tmp_path, data_dir)
    json.dumps(articles.attrs)  # every value in attrs is JSON
    articles.to_parquet(tmp_path / "articles.parquet")
    back = pd.read_parquet(tmp_path / "articles.parquet")
    pd.testing.assert_frame_equal(back, articles)
    # pandas gives attrs back as JSON: lists of records, equal to the tables written.
    assert back.attrs == articles.attrs
    rejected = articles.attrs["rejections"][["source_path", "position", "reason"]]
    assert [(r["source_path"], r["position"], r["reason"]) for r in back.attrs["rejections"]] == [
        tuple(row) for row in rejected.itertuples(index=False)
    ]
    ((path, position, reason),) = rejected.itertuples(index=False)
    assert path == str(tmp_path / "data" / "sample" / "e1_dock_strike.jsonl")
    assert position == "line 3" and reason.startswith("not valid JSON")
    dropped = [r["article_id"] for r in back.attrs["duplicates"] if not r["kept"]]
    assert len(dropped) == 1 and dropped[0] not in set(back["article_id"])
    assert "Windows-1252" in back.attrs["notes"][0]["note"]
    assert back.attrs["skipped"][0]["source_path"].endswith("README.md")
    documents = len(back) + len(back.attrs["rejections"]) + len(dropped)
    assert documents == back.attrs["summary"]["documents"] == 15
    # restore_accounting makes tables of them again, as load_articles gave them.
    restored = restore_accounting(back)
    for name in ("rejections", "duplicates", "notes", "skipped"):
        assert isinstance(restored.attrs[name], RecordTable), name
        pd.testing.assert_frame_equal(
            restored.attrs[name].to_frame(), articles.attrs[name].to_frame(), obj=name
        )
    assert restored.attrs["summary"] == articles.attrs["summary"]
    assert back.attrs["rejections"] == list(back.attrs["rejections"]), "the input is left alone"


def test_article_table_round_trips_through_feather_and_pickle(tmp_path, data_dir):
    articles = _accounting_load(tmp_path, data_dir)
    articles.to_feather(tmp_path / "articles.feather")
    feather = pd.read_feather(tmp_path / "articles.feather")
    pd.testing.assert_frame_equal(feather, articles)
    assert feather.attrs == articles.attrs
    articles.to_pickle(tmp_path / "articles.pkl")
    pickled = pd.read_pickle(tmp_path / "articles.pkl")
    assert isinstance(pickled.attrs["rejections"], RecordTable)
    assert pickled.attrs == articles.attrs


def test_empty_accounting_tables_keep_their_columns_after_parquet(tmp_path, seed_path):
    articles = load_quietly(seed_path)
    assert articles.attrs["rejections"].empty
    articles.to_parquet(tmp_path / "seed.parquet")
    back = pd.read_parquet(tmp_path / "seed.parquet")
    assert back.attrs["rejections"] == [] and back.attrs["summary"]["articles"] == 1
    restored = restore_accounting(back).attrs
    assert list(restored["rejections"].columns) == list(REJECTION_COLUMNS)
    assert restored["rejections"]["reason"].tolist() == []
    assert "kept" in restored["duplicates"].columns and "note" in restored["notes"].columns


def test_progress_bar_can_be_forced_and_does_not_change_the_result(data_dir, capsys):
    quiet = load_quietly(data_dir, progress=False)
    shown = load_quietly(data_dir, progress=True)
    pd.testing.assert_frame_equal(quiet, shown)
    assert "loading" in capsys.readouterr().err
