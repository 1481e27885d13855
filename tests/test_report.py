"""analysis.report: one standalone HTML page plus its tables, safely, identically on every run."""

from __future__ import annotations

import hashlib
import html
import json
import re
from pathlib import Path

import pandas as pd
import pytest

import analysis
from analysis._html import markdown_to_html, table_html
from analysis.load import LoadWarning
from analysis.report import MARKER, read_validity, report


def _hashes(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def sample_report(tmp_path_factory, data_dir):
    """The report of the bundled data (what `make report` writes), made once for this module."""
    out = tmp_path_factory.mktemp("report") / "sample"
    page = report(data_dir, out=out, progress=False)
    return page


@pytest.fixture(scope="module")
def hostile_dir(tmp_path_factory):
    """Three good documents and two bad ones, with a scraped <script> and a spreadsheet formula."""
    folder = tmp_path_factory.mktemp("hostile")
    lines = [
        {
            "outlet": "Daily Example",
            "title": "Council approves the new budget",
            "date": "2024-03-01",
            "text": "The city council approved the budget on Monday after a long debate.\n\n"
            'Mayor Ana Ruiz said: "We kept every school open <script>alert(1)</script> this year."',
        },
        {
            "outlet": "Formula Times",
            "title": '=HYPERLINK("http://evil.example","click")',
            "date": "2024-03-01",
            "text": "Officials said the bridge would reopen in May. The repair cost more than planned.",
        },
        {
            "outlet": "Formula Times",
            "title": "Bridge repairs run late",
            "date": "2024-03-02",
            "text": '"It is a disgrace," said resident Tom Hale. The city blamed the contractor for the delay.',
        },
    ]
    body = "\n".join(json.dumps(line) for line in lines) + "\n{not json at all\n"
    (folder / "feed.jsonl").write_text(body, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    return folder


@pytest.fixture(scope="module")
def hostile_report(tmp_path_factory, hostile_dir):
    out = tmp_path_factory.mktemp("hostile-report") / "out"
    return report(hostile_dir, out=out, progress=False)


# --------------------------------------------------------------------------- the page


def test_writes_one_standalone_page_with_tables_figures_and_marker(sample_report):
    out = sample_report.parent
    page = sample_report.read_text(encoding="utf-8")
    assert sample_report.name == "report.html"
    # Standalone: nothing is fetched; figures are embedded.
    assert not re.search(r'(src|href)="(?!data:|#)', page)
    assert page.count('<img src="data:image/png;base64,') >= 4
    for section in (
        "data",
        "tone",
        "readability",
        "sources",
        "voices",
        "differences",
        "methods",
        "rejected",
    ):
        assert f'<section id="{section}">' in page
    assert "<script" not in page.lower()
    tables = {p.name for p in (out / "tables").iterdir()}
    for name in (
        "articles",
        "comparison",
        "differences",
        "attributions",
        "source_mix",
        "rejections",
    ):
        assert {f"{name}.csv", f"{name}.parquet"} <= tables
    marker = json.loads((out / MARKER).read_text(encoding="utf-8"))
    assert "report.html" in marker["files"] and "tables/articles.csv" in marker["files"]


def test_page_has_version_and_fingerprint_but_no_date(sample_report):
    page = sample_report.read_text(encoding="utf-8")
    assert f"analysis {analysis.__version__}" in page
    assert re.search(r"data fingerprint [0-9a-f]{16}", page)
    # No timestamp of the run: the only dates on the page are those of the articles.
    assert not re.search(r"\d{2}:\d{2}:\d{2}", page)


def test_tables_agree_with_the_article_table(sample_report, data_dir):
    articles = analysis.load_articles(data_dir)
    out = sample_report.parent
    table = pd.read_parquet(out / "tables" / "articles.parquet")
    assert sorted(table["article_id"]) == sorted(articles["article_id"])
    csv = pd.read_csv(out / "tables" / "articles.csv")
    assert len(csv) == len(articles)
    per_outlet = pd.read_csv(out / "tables" / "data_summary.csv").set_index("outlet")["articles"]
    # The seed page prints no outlet: it is counted under "(none)".
    assert per_outlet.to_dict() == articles["outlet"].fillna("(none)").value_counts().to_dict()


def test_methods_section_defines_each_measure_with_its_direction(sample_report):
    page = sample_report.read_text(encoding="utf-8")
    from analysis.score import SCORE_COLUMNS

    methods = page[page.index('<section id="methods">') : page.index('<section id="rejected">')]
    # The score module's own definitions (range, direction, formula), not a copy that can drift.
    for name in ("tone_sentence_mean", "flesch_reading_ease", "flesch_kincaid_grade"):
        assert html.escape(SCORE_COLUMNS[name]) in methods, name
    assert "LOWER is harder" in methods and "higher = more positive" in methods
    assert "Shannon entropy" in methods  # source diversity, defined here
    if (Path(analysis.__file__).parents[1] / "docs" / "validity.md").is_file():
        assert "docs/validity.md" in methods and "<table" in methods


def test_rerun_gives_byte_identical_files(sample_report, data_dir):
    out = sample_report.parent
    before = _hashes(out)
    report(data_dir, out=out, progress=False)  # a previous report may be replaced without force
    assert _hashes(out) == before


# --------------------------------------------------------------------------- accounting and safety


def test_documents_in_equals_rows_plus_rejections(hostile_report, hostile_dir):
    articles = analysis.load_articles(hostile_dir)
    rejections = articles.attrs["rejections"]
    # Written by hand: the three good JSON lines are articles; the broken JSON line
    # and the empty file are rejected.
    assert (len(articles), len(rejections)) == (3, 2)
    page = hostile_report.read_text(encoding="utf-8")
    assert "5 documents in = 3 articles + 2 rejected inputs." in page
    rejected = page[page.index('<section id="rejected">') :]
    assert "feed.jsonl" in rejected and "empty.txt" in rejected


def test_page_lists_the_skipped_files(sample_report):
    page = sample_report.read_text(encoding="utf-8")
    assert "1 file(s) were not read as articles" in page and "README.md" in page


def test_table_read_back_from_parquet_keeps_its_accounting_on_the_page(tmp_path, data_dir):
    """to_parquet, read_parquet, report: the counts and tables of the load are all there."""
    with pytest.warns(LoadWarning):
        articles = analysis.load_articles(data_dir, dedupe=True)
    articles.to_parquet(tmp_path / "articles.parquet")
    back = pd.read_parquet(tmp_path / "articles.parquet")
    page = report(back, out=tmp_path / "out", progress=False).read_text(encoding="utf-8")
    assert "14 documents in = 12 articles + 1 rejected inputs + 1 duplicates dropped." in page
    assert "the loader counted" not in page  # the loader's count agrees
    assert "1 file(s) were not read as articles" in page
    rejected = pd.read_csv(tmp_path / "out" / "tables" / "rejections.csv")
    assert rejected["source_path"].str.endswith("e1_dock_strike.jsonl").tolist() == [True]
    assert rejected["position"].tolist() == ["line 3"]


def test_scraped_script_is_shown_as_text(hostile_report):
    page = hostile_report.read_text(encoding="utf-8")
    assert "<script" not in page.lower()
    assert "&lt;script&gt;" in page  # the quote is on the page, escaped
    assert "default-src 'none'" in page  # and no script could run even if one slipped through


def test_csv_cells_cannot_run_as_formulas(hostile_report):
    text = (hostile_report.parent / "tables" / "articles.csv").read_text(encoding="utf-8")
    assert "'=HYPERLINK(" in text
    assert not re.search(r'(^|,)"?=HYPERLINK', text, flags=re.M)
    # Parquet keeps the value as it was (not opened by spreadsheets).
    table = pd.read_parquet(hostile_report.parent / "tables" / "articles.parquet")
    assert table["title"].str.startswith("=HYPERLINK").any()


def test_refuses_a_non_empty_folder_that_is_not_a_report(tmp_path, hostile_dir):
    out = tmp_path / "thesis"
    out.mkdir()
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(FileExistsError, match=r"not empty.*notes\.txt.*force=True"):
        report(hostile_dir, out=out, progress=False)
    assert [p.name for p in out.iterdir()] == ["notes.txt"]


def test_force_writes_beside_other_files_and_leaves_them(tmp_path, hostile_dir, capsys):
    out = tmp_path / "shared-folder"
    out.mkdir()
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    report(hostile_dir, out=out, progress=True, force=True)
    assert (out / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert (out / "report.html").is_file() and (out / MARKER).is_file()
    # progress=True shows the steps on stderr (progress=False runs elsewhere print nothing).
    err = capsys.readouterr().err
    assert "report:" in err and "/6" in err and "write" in err  # the bar reached the last step


def test_a_file_is_not_an_output_folder(tmp_path, hostile_dir):
    target = tmp_path / "report.html"
    target.write_text("x", encoding="utf-8")
    with pytest.raises(NotADirectoryError, match="is a file"):
        report(hostile_dir, out=target, progress=False)


def test_unknown_grouping_column_lists_the_choices(tmp_path, hostile_dir):
    with pytest.raises(KeyError, match="by='colour'.*outlet"):
        report(hostile_dir, out=tmp_path / "o", by="colour", progress=False)
    assert not (tmp_path / "o").exists()


def test_output_inside_the_input_is_refused(hostile_dir):
    # Otherwise the next run would read the report's own tables as articles.
    with pytest.raises(ValueError, match="inside the input"):
        report(hostile_dir, out=hostile_dir / "report", progress=False)
    assert not (hostile_dir / "report").exists()


def test_missing_input_is_a_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="no/such/place"):
        report(tmp_path / "no/such/place", out=tmp_path / "o", progress=False)


def test_paired_report_adds_the_paired_comparison(tmp_path, capsys):
    rows = []
    for event in range(8):
        for outlet, mood in (
            ("Alpha Post", "terrible disaster"),
            ("Beta News", "good progress"),
            ("Gamma Daily", "long meeting"),
        ):
            if outlet == "Gamma Daily" and event > 0:
                continue  # one article only: left out by max_groups=2
            text = f"Event {event}: officials described a {mood} on day {event}. The mayor said it mattered."
            rows.append(
                {
                    "article_id": analysis.make_article_id(
                        outlet=outlet, title=f"E{event}", text=text
                    ),
                    "outlet": outlet,
                    "title": f"E{event}",
                    "date": pd.Timestamp("2024-01-01") + pd.Timedelta(days=event),
                    "date_source": "published",
                    "byline": pd.NA,
                    "section": pd.NA,
                    "url": pd.NA,
                    "text": text,
                    "word_count": len(text.split()),
                    "source_path": "test",
                    "source_format": "jsonl",
                    "event_id": f"e{event}",
                }
            )
    articles = pd.DataFrame(rows).astype(
        {"article_id": "string", "outlet": "string", "text": "string"}
    )
    articles["date_source"] = articles["date_source"].astype("string")
    page = report(
        articles,
        out=tmp_path / "paired",
        paired_by="event_id",
        progress=False,
        n_boot=200,
        max_groups=2,
    )
    quiet = capsys.readouterr()
    assert (quiet.out, quiet.err) == ("", "")  # progress=False: nothing on the terminal
    out = page.parent
    diffs = pd.read_csv(out / "tables" / "paired_differences.csv")
    assert set(diffs["event_id"]) == {f"e{i}" for i in range(8)}
    # Every event's Alpha article is the negative one.
    tone = diffs[diffs["metric"] == "tone_sentence_mean"]
    assert (tone.set_index("group_a")["difference"].loc["Alpha Post"] < 0).all()
    page_text = page.read_text(encoding="utf-8")
    assert 'id="fig-paired_differences"' in page_text and "paired by event_id" in page_text
    # max_groups=2: the one-article outlet is summarised but not compared.
    assert "2 outlet groups with the most articles (of 3)" in page_text
    assert set(pd.read_csv(out / "tables" / "comparison.csv")["group"]) == {
        "Alpha Post",
        "Beta News",
    }
    assert "Gamma Daily" in set(pd.read_csv(out / "tables" / "data_summary.csv")["outlet"])
    # A later unpaired run into the same folder removes the paired files of the earlier one.
    report(articles, out=out, progress=False, n_boot=200)
    assert not (out / "tables" / "paired_differences.csv").exists()
    assert not (out / "figures" / "paired_differences.png").exists()


# --------------------------------------------------------------------------- helpers


def test_analysis_report_stays_callable_after_importing_the_module():
    import analysis.report as module

    assert callable(analysis.report) and callable(module)
    with pytest.raises(FileNotFoundError, match="no-such-input"):
        module("no-such-input/", out="unused")


def test_table_html_escapes_cells_and_headers():
    html = table_html(pd.DataFrame({"<b>": ["<script>x</script>"], "n": [1.23456]}))
    assert "<script>" not in html and "&lt;script&gt;" in html and "&lt;b&gt;" in html
    assert "1.235" in html


def test_markdown_keeps_tables_and_drops_raw_html():
    md = (
        "<!-- BEGIN tone -->\n## Tone\n\nVADER against **NYT** ratings:\n\n"
        "| measure | r |\n|---|---:|\n| compound | 0.41 |\n\n<img src=x onerror=alert(1)>\n<!-- END tone -->\n"
    )
    html = markdown_to_html(md)
    assert "<h4>Tone</h4>" in html and "<strong>NYT</strong>" in html
    assert "<td>compound</td><td>0.41</td>" in html
    assert "<img" not in html and "BEGIN" not in html


def test_read_validity_returns_each_table_under_its_heading(tmp_path):
    md = tmp_path / "validity.md"
    md.write_text(
        "# Validity\n\n## Tone\n\n| measure | r | n |\n|---|---|---|\n| compound | 0.41 | 1,200 |\n\n"
        "## Readability\n\n| formula | rho |\n|---|---|\n| flesch | −0.52 |\n",
        encoding="utf-8",
    )
    tables = read_validity(md)
    assert list(tables) == ["Tone", "Readability"]
    assert tables["Tone"].to_dict("records") == [{"measure": "compound", "r": 0.41, "n": 1200.0}]
    assert tables["Readability"]["rho"].tolist() == [-0.52]
