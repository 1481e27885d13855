"""Nothing is lost, end to end: N good and M bad documents give exactly N rows and M rejections.

The corpus (:func:`_hostile.write_accounting_corpus`) mixes every format the
loaders read: scraped text, HTML, JSONL, CSV, DOCX, RTF, Nexis Uni (text and
DOCX), Factiva and Parquet, with deliberate defects next to good records (a
broken JSON line, a JSON list, a CSV row with too many fields, a DOCX that is not
a zip, empty pages, an exact duplicate). Records with an empty body are rows
with text ``""`` (and are counted in the load warning), not rejections.

The same corpus then goes through ``python -m analysis report``, and the
report's own tables (``tables/articles.csv``, ``tables/rejections.csv``) must
carry the same counts.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import warnings
from pathlib import Path

import pandas as pd
import pytest
from _hostile import fuzz, good_body, write_accounting_corpus
from hypothesis import given
from hypothesis import strategies as st

from analysis import load_articles


def _load(path):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        articles = load_articles(path, progress=False)
    return articles, [str(w.message) for w in caught]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("accounting") / "data"
    counts = write_accounting_corpus(folder)
    return folder, counts


def test_jsonl_file_of_only_bad_lines_counts_each_line(tmp_path):
    """Two broken lines and nothing else: two rejections, one per line (see finding 7)."""
    (tmp_path / "bad.jsonl").write_text('{"a": \n[1]\n', encoding="utf-8")
    articles, _ = _load(tmp_path)
    assert articles.empty
    assert articles.attrs["rejections"]["position"].tolist() == ["line 1", "line 2"]


def test_csv_record_with_every_field_empty_is_accounted_for(tmp_path):
    """A CSV record of empty quoted fields is a document: a row (empty text) or a rejection."""
    (tmp_path / "records.csv").write_text(
        'outlet,title,text\n"","",""\nDaily,"Story","A body of text."\n\n', encoding="utf-8"
    )
    articles, _ = _load(tmp_path)
    assert len(articles) + len(articles.attrs["rejections"]) == 2
    assert articles.attrs["summary"]["documents"] == 2


def test_load_articles_counts_every_document(corpus):
    """Across all formats: rows == good + empty-bodied documents, rejections == bad documents."""
    folder, counts = corpus
    articles, messages = _load(folder)
    rejections = articles.attrs["rejections"]
    assert len(articles) == counts.rows
    assert len(rejections) == counts.bad
    assert int((articles["word_count"] == 0).sum()) == counts.empty
    summary = articles.attrs["summary"]
    assert summary["documents"] == counts.rows + counts.bad
    assert (summary["articles"], summary["rejected"]) == (counts.rows, counts.bad)
    # One warning gives the counts.
    assert len(messages) == 1
    assert f"{counts.bad} documents rejected" in messages[0]
    # Every rejection says where and why; every file written is accounted for.
    assert rejections["position"].str.len().gt(0).all()
    assert rejections["reason"].str.len().gt(10).all()
    seen = set(articles["source_path"]) | set(rejections["source_path"])
    assert seen == {str(p) for p in folder.iterdir()}


def test_every_format_contributes_rows(corpus):
    """The accounting corpus really spans the formats (a loader silently skipping one would show)."""
    folder, _ = corpus
    articles, _ = _load(folder)
    formats = set(articles["source_format"])
    assert {"scraped", "html", "jsonl", "csv", "parquet", "nexis", "factiva"} <= formats
    by_file = articles.groupby("source_path").size()
    assert by_file[str(folder / "nexis_export.txt")] == 3
    assert by_file[str(folder / "nexis_export.docx")] == 2
    assert by_file[str(folder / "factiva_export.txt")] == 2


_bad_line = st.sampled_from(
    [
        '{"outlet": "Example", "title": "cut',
        "[1, 2]",
        '"a string"',
        "42",
        "null",
        "{not json}",
        '{"title": "t", "text": "x"}}',
    ]
)


@fuzz(30)
@given(
    kinds=st.lists(st.one_of(st.just(None), _bad_line), min_size=1, max_size=12),
    blank_lines=st.booleans(),
)
def test_jsonl_good_and_bad_lines_reconcile(tmp_path_factory, kinds, blank_lines):
    """A JSONL file of g good lines and b bad lines, in any order, gives g rows and b rejections."""
    folder = tmp_path_factory.mktemp("jsonl")
    lines = [
        json.dumps({"outlet": "Example", "title": f"Story {k}", "text": good_body(k)})
        if kind is None
        else kind
        for k, kind in enumerate(kinds)
    ]
    good = sum(kind is None for kind in kinds)
    text = ("\n\n" if blank_lines else "\n").join(lines) + "\n"
    (folder / "mixed.jsonl").write_text(text, encoding="utf-8")
    articles, _ = _load(folder)
    rejections = articles.attrs["rejections"]
    assert len(articles) == good
    assert len(rejections) == len(kinds) - good, rejections["reason"].tolist()


# ----------------------------------------------------------------------------------------------
# Through the report
# ----------------------------------------------------------------------------------------------


@pytest.mark.slow
# Finding 8 (fixed in analysis/plot.py and analysis/report.py): articles without an outlet crashed
# plot.top_speakers.
def test_report_tables_carry_the_same_counts(corpus, tmp_path):
    """`analysis report` on the corpus writes N article rows and M rejections in its tables."""
    folder, counts = corpus
    out = tmp_path / "out"
    env = dict(os.environ, MPLBACKEND="Agg", OMP_NUM_THREADS="1")
    done = subprocess.run(
        [sys.executable, "-m", "analysis", "report", str(folder), "--out", str(out), "--quiet"],
        capture_output=True,
        text=True,
        timeout=600,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    articles = pd.read_csv(out / "tables" / "articles.csv")
    rejections = pd.read_csv(out / "tables" / "rejections.csv")
    assert len(articles) == counts.rows
    assert articles["article_id"].is_unique
    assert len(rejections) == counts.bad
    assert set(rejections["source_path"].map(lambda p: Path(p).name)) >= {
        "broken.docx",
        "empty_page.txt",
        "empty_page.html",
        "records.jsonl",
        "records.csv",
    }
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "broken.docx" in html  # the rejected inputs are listed in the page


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
@pytest.mark.parametrize("date", ["9999-12-31", "0001-01-01", "1066-10-14"])
def test_a_placeholder_date_costs_at_most_its_own_record(tmp_path, fmt, date):
    """One record with an out-of-range date must not cost the other records of its file."""
    records = [
        {"outlet": "O", "title": "Placeholder date", "text": good_body(60), "date": date},
        {"outlet": "O", "title": "Good date", "text": good_body(61), "date": "2024-01-05"},
    ]
    if fmt == "jsonl":
        text = "\n".join(json.dumps(r) for r in records) + "\n"
    else:
        text = pd.DataFrame(records).to_csv(index=False)
    (tmp_path / f"records.{fmt}").write_text(text, encoding="utf-8")
    articles, _ = _load(tmp_path)
    assert "Good date" in articles["title"].tolist()
    assert len(articles) + len(articles.attrs["rejections"]) == 2
