"""Database exports: Nexis Uni (text, DOCX, localised labels, LexisNexis Academic) and Factiva (text, HTML, RTF)."""

from __future__ import annotations

import warnings
from pathlib import Path

import pandas as pd
import pytest

from analysis import load_articles
from analysis.load import LoadWarning

FIXTURES = Path(__file__).parent / "fixtures"
FIRST_PARAGRAPH = (
    "The Millbrook Harbor Board voted 5-2 on Monday to run a six-month trial of late-evening ferry crossings, "
    "starting in May."
)


def load_quietly(*args, **kwargs) -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", LoadWarning)
        return load_articles(*args, **kwargs)


# --- the invented samples in ../shared/export_formats ----------------------------------------


@pytest.mark.parametrize(
    ("name", "source_format"),
    [
        ("nexis_uni_docx_as_text.invented.txt", "nexis"),
        ("factiva_full_article.invented.txt", "factiva"),
        ("factiva_full_article_plus_indexing.invented.txt", "factiva"),
    ],
)
def test_every_shared_export_sample_splits_exactly(shared_dir, name, source_format):
    path = shared_dir / "export_formats" / name
    articles = load_articles(path)
    expected = 1 if "plus_indexing" in name else 2
    assert len(articles) == expected and articles.attrs["rejections"].empty
    assert (articles["source_format"] == source_format).all()
    first = articles.iloc[0]
    assert first["title"] == "Harbor board backs night ferry trial"
    assert first["outlet"] == "Millbrook Gazette"
    assert first["date"] == pd.Timestamp("2025-03-11") and first["date_source"] == "export"
    assert first["byline"].startswith("Dana Whitfield")
    paragraphs = first["text"].split("\n\n")
    assert paragraphs[0] == FIRST_PARAGRAPH
    assert (
        paragraphs[-1]
        == "Opponents on the board said the trial would cost more than the fare income it brings in."
    )
    assert len(paragraphs) == 4
    for furniture in (
        "Classification",
        "Load-Date",
        "Document MLBGZT",
        "words",
        "English",
        "Copyright",
        "(c) 2025",
    ):
        assert furniture not in first["text"]
    if expected == 2:
        second = articles.iloc[1]
        assert second["title"] == "Night ferries: commuters split over trial"
        assert second["date"] == pd.Timestamp("2025-03-12")
        assert second["text"].startswith("Commuters at the east landing")
        assert second["text"].endswith("a board spokesman said.")


def test_shared_nexis_sample_fields(shared_dir):
    articles = load_articles(shared_dir / "export_formats" / "nexis_uni_docx_as_text.invented.txt")
    assert articles["outlet"].tolist() == ["Millbrook Gazette", "Riverside Courier (Online)"]
    assert articles["section"].tolist() == ["LOCAL NEWS", "NEWS"]
    assert articles["byline"].tolist() == ["Dana Whitfield, Staff Writer", "Sam Okafor"]


def test_shared_factiva_samples_keep_the_accession_number(shared_dir):
    articles = load_quietly(shared_dir / "export_formats")
    # the three files hold the same two stories: later copies are exact duplicates
    assert articles.attrs["summary"]["documents"] == 5
    assert len(articles) + len(articles.attrs["rejections"]) == 5
    assert articles["source_id"].dropna().tolist() == [
        "MLBGZT0020250311el3b0000a",
        "RVCOUR0020250312el3c0001b",
    ]


# --- invented fixtures: the cases that lose articles in other tools --------------------------


def test_nexis_german_labels_cover_page_with_blank_lines_and_first_article():
    articles = load_articles(FIXTURES / "nexis_uni_german_labels.invented.txt")
    assert articles["title"].tolist() == [
        "Fähre fährt bald auch nachts",
        "Hafenrat streitet über Kosten",
        "Pendler begrüßen Nachtfähre",
    ]
    assert articles["outlet"].tolist() == [
        "Millbrooker Tageblatt",
        "Millbrooker Tageblatt (Online)",
        "Millbrooker Tageblatt",
    ]
    assert articles["date"].tolist() == [pd.Timestamp(f"2025-03-{d}") for d in (11, 12, 13)]
    assert articles["section"].tolist() == ["LOKALES", "WIRTSCHAFT", "LOKALES"]
    assert articles.loc[0, "byline"] == "Greta Hollmann" and pd.isna(articles.loc[1, "byline"])
    # the double blank lines inside the first body are paragraph breaks, not the end of anything
    assert len(articles.loc[0, "text"].split("\n\n")) == 3
    assert articles.loc[0, "text"].endswith("wie ein Sprecher sagte.")
    assert articles.attrs["notes"].empty  # Dokumente (3) on the cover page and 3 found


def test_nexis_french_labels():
    articles = load_articles(FIXTURES / "nexis_uni_french_labels.invented.txt")
    assert articles["title"].tolist() == ["Le bac de nuit à l’essai", "Les navetteurs partagés"]
    assert articles["byline"].tolist()[0] == "Claire Dubois"
    assert articles["date"].tolist() == [pd.Timestamp("2025-03-11"), pd.Timestamp("2025-03-12")]
    assert articles.loc[0, "text"].split("\n\n")[1].startswith("« C’est pour ceux")


def test_nexis_cover_page_count_mismatch_is_noted(tmp_path):
    text = (FIXTURES / "nexis_uni_french_labels.invented.txt").read_text(encoding="utf-8")
    path = tmp_path / "export.txt"
    path.write_text(text.replace("Documents (2)", "Documents (3)"), encoding="utf-8")
    with pytest.warns(LoadWarning, match="1 note"):
        articles = load_articles(path)
    assert "lists 3 documents but 2 were found" in articles.attrs["notes"].iloc[0]["note"]


def test_nexis_article_without_body_line_is_a_rejection_and_the_others_load(tmp_path):
    text = (FIXTURES / "nexis_uni_german_labels.invented.txt").read_text(encoding="utf-8")
    broken = text.replace(
        "WIRTSCHAFT\nLÄNGE:\u00a041 words\nBody\n", "WIRTSCHAFT\nLÄNGE:\u00a041 words\n"
    )
    assert broken != text
    path = tmp_path / "export.txt"
    path.write_text(broken, encoding="utf-8")
    articles = load_quietly(path)
    assert len(articles) == 2
    rejection = articles.attrs["rejections"].iloc[0]
    assert rejection["position"] == "document 2" and "no 'Body' line" in rejection["reason"]


def test_nexis_docx_built_with_python_docx(tmp_path, shared_dir):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    text = (shared_dir / "export_formats" / "nexis_uni_docx_as_text.invented.txt").read_text(
        encoding="utf-8"
    )
    for line in text.split("\n"):
        document.add_paragraph(line)
    path = tmp_path / "Files (2).DOCX"
    document.save(str(path))
    articles = load_articles(path)
    expected = load_articles(shared_dir / "export_formats" / "nexis_uni_docx_as_text.invented.txt")
    assert (articles["source_format"] == "nexis").all()
    pd.testing.assert_frame_equal(
        articles.drop(columns="source_path"), expected.drop(columns="source_path")
    )


def test_lexisnexis_academic_txt():
    articles = load_articles(FIXTURES / "lexisnexis_academic.invented.txt")
    assert articles["title"].tolist() == [
        "Harbor board weighs weekend ferry service",
        "Weekend ferries: riders hopeful",
    ]
    assert articles["outlet"].tolist() == [
        "Millbrook Gazette (Invented)",
        "Riverside Courier (Invented)",
    ]
    assert articles["byline"].tolist() == ["Dana Whitfield", "Sam Okafor"]
    assert articles["section"].tolist() == ["LOCAL", "NEWS"]
    assert articles["date"].tolist() == [pd.Timestamp("2010-03-11"), pd.Timestamp("2010-03-12")]
    first = articles.loc[0, "text"].split("\n\n")
    # hard-wrapped lines are joined into one paragraph
    assert first[0].startswith(
        "The Millbrook Harbor Board on Wednesday began studying a weekend ferry service to"
    )
    assert first[1] == '"Weekend riders have waited long enough," said board chair Ramona Ortiz.'
    assert "LOAD-DATE" not in articles.loc[1, "text"]


def test_factiva_html_with_field_code_rows():
    articles = load_articles(FIXTURES / "factiva_indexed.invented.html")
    assert (articles["source_format"] == "factiva").all()
    assert articles["title"].tolist() == [
        "Harbor board backs night ferry trial",
        "Night ferries: commuters split",
    ]
    assert articles["section"].tolist()[0] == "Local News"
    assert articles["source_id"].tolist() == [
        "MLBGZT0020250311el3b0000z",
        "RVCOUR0020250312el3c0001z",
    ]
    paragraphs = articles.loc[0, "text"].split("\n\n")
    assert paragraphs[1] == '"This is about shift workers," said board chair Ramona Ortiz.'
    # "IN short, ..." inside TD is text, not the IN (industry) field
    assert paragraphs[2].startswith("IN short, the board wants")
    assert "Tidewater Lines Inc" not in articles.loc[0, "text"]
    assert articles.loc[1, "text"].endswith("“I’d use it twice a week,” said nurse Priya Lal.")


def test_factiva_rtf_with_field_code_tables():
    articles = load_articles(FIXTURES / "factiva_indexed.invented.rtf")
    assert (articles["source_format"] == "factiva").all()
    assert articles["title"].tolist() == [
        "Harbor board backs night ferry trial",
        "Ferry crews hired for trial",
    ]
    assert articles["date"].tolist() == [pd.Timestamp("2025-03-11"), pd.Timestamp("2025-03-14")]
    assert (
        articles.loc[0, "text"].split("\n\n")[1]
        == "“This is about shift workers,” said board chair Ramona Ortiz."
    )
    assert len(articles.loc[0, "text"].split("\n\n")) == 4
    assert (
        articles.loc[1, "text"].split("\n\n")[1]
        == "RE the timetable, the operator said it would publish it in April."
    )


def test_factiva_truncated_download_is_a_rejection(tmp_path, shared_dir):
    text = (shared_dir / "export_formats" / "factiva_full_article.invented.txt").read_text(
        encoding="utf-8"
    )
    path = tmp_path / "factiva.txt"
    path.write_text(text.rsplit("Document RVCOUR", 1)[0], encoding="utf-8")
    articles = load_quietly(path)
    assert len(articles) == 1
    rejection = articles.attrs["rejections"].iloc[0]
    assert rejection["position"] == "document 2" and "truncated" in rejection["reason"]


def test_every_fixture_accounts_for_its_documents():
    articles = load_quietly(FIXTURES)
    # 3 German + 2 French + 2 Academic + 2 Factiva HTML + 2 Factiva RTF; README.md skipped
    assert articles.attrs["summary"]["documents"] == 11
    assert len(articles) + len(articles.attrs["rejections"]) == 11
    # the RTF and HTML copies of "Harbor board backs night ferry trial" differ in text, so both stay
    assert len(articles) == 11
    assert articles.attrs["skipped"]["source_path"].str.endswith("README.md").all()


def test_factiva_html_without_field_codes(tmp_path, shared_dir):
    """The default 'Full Article/Report' layout as HTML: one <p> per line, blank lines between."""
    import html

    text = (shared_dir / "export_formats" / "factiva_full_article.invented.txt").read_text(
        encoding="utf-8"
    )
    body = "".join(
        f"<p>{html.escape(line)}</p>\n" if line else "<br>\n" for line in text.split("\n")
    )
    path = tmp_path / "factiva.html"
    path.write_text(
        f"<html><body><div class='article'>{body}</div></body></html>", encoding="utf-8"
    )
    articles = load_articles(path)
    expected = load_articles(shared_dir / "export_formats" / "factiva_full_article.invented.txt")
    assert (articles["source_format"] == "factiva").all()
    columns = ["title", "outlet", "byline", "date", "text", "source_id"]
    pd.testing.assert_frame_equal(articles[columns], expected[columns])


def test_nexis_rtf_reduces_to_the_text_layout(tmp_path, shared_dir):
    text = (shared_dir / "export_formats" / "nexis_uni_docx_as_text.invented.txt").read_text(
        encoding="utf-8"
    )

    def rtf(line: str) -> str:
        line = line.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}")
        return "".join(c if ord(c) < 128 else f"\\u{ord(c)}?" for c in line) + "\\par\n"

    path = tmp_path / "nexis.rtf"
    path.write_text(
        "{\\rtf1\\ansi\n" + "".join(rtf(line) for line in text.split("\n")) + "}", encoding="ascii"
    )
    articles = load_articles(path)
    expected = load_articles(shared_dir / "export_formats" / "nexis_uni_docx_as_text.invented.txt")
    assert (articles["source_format"] == "nexis").all()
    pd.testing.assert_frame_equal(
        articles.drop(columns="source_path"), expected.drop(columns="source_path")
    )


def test_nexis_graphic_block_and_missing_classification(tmp_path, shared_dir):
    text = (shared_dir / "export_formats" / "nexis_uni_docx_as_text.invented.txt").read_text(
        encoding="utf-8"
    )
    first, second = text.split("End of Document", 1)
    first = first.replace(
        "\n\n\nClassification",
        "\n\nGraphic\n\nPHOTO: The east landing at dusk.\n\n\nClassification",
    )
    # the second article loses its Classification line: Load-Date ends the text instead
    second = second.replace("Classification\n\n", "")
    path = tmp_path / "export.txt"
    path.write_text(first + "End of Document" + second, encoding="utf-8")
    articles = load_articles(path)
    expected = load_articles(shared_dir / "export_formats" / "nexis_uni_docx_as_text.invented.txt")
    assert articles["text"].tolist() == expected["text"].tolist()
    assert "PHOTO" not in articles.loc[0, "text"] and "Load-Date" not in articles.loc[1, "text"]
