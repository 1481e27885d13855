"""Property tests of loading and cleaning: ``load_articles`` in every format, ``remove_boilerplate``,
``find_duplicates``.

Records with hostile text (control characters, combining marks, right-to-left
text, emoji, huge white space, quote soup) are written to ``tmp_path`` as JSONL,
CSV, Parquet, text pages and HTML pages, then loaded. Properties: nothing is lost
(documents in = rows + rejections), the table follows the schema, ids are the
documented hash of the loaded outlet/title/text and stable across loads, text is
normalised (one blank line between paragraphs), and the cleaning functions
never add text nor modify their input.
"""

from __future__ import annotations

import csv
import html
import json
import warnings

import pandas as pd
from _hostile import (
    docx_bytes,
    factiva_article,
    file_text,
    fuzz,
    good_body,
    nexis_article,
    rtf_escape,
)
from hypothesis import given
from hypothesis import strategies as st

from analysis import load_articles
from analysis.clean import remove_boilerplate
from analysis.dedupe import DUPLICATE_COLUMNS, find_duplicates
from analysis.schema import ARTICLE_COLUMNS, make_article_id, validate_articles

_short = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=20)

record = st.fixed_dictionaries({"outlet": _short, "title": _short, "text": file_text})


def _load(path, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return load_articles(path, progress=False, **kwargs)


def _check_table(articles: pd.DataFrame) -> None:
    validate_articles(articles)
    assert list(articles.columns)[: len(ARTICLE_COLUMNS)] == list(ARTICLE_COLUMNS)
    for row in articles.itertuples(index=False):
        text = row.text
        assert "\r" not in text
        assert "\n\n\n" not in text
        assert text == text.strip()
        assert row.word_count == len(text.split())
        assert row.article_id == make_article_id(outlet=row.outlet, title=row.title, text=text)


def _write(folder, fmt: str, records: list[dict]) -> None:
    if fmt == "jsonl":
        lines = [json.dumps(r, ensure_ascii=bool(len(r["text"]) % 2)) for r in records]
        (folder / "records.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    elif fmt == "csv":
        with (folder / "records.csv").open("w", newline="", encoding="utf-8") as fh:
            writer = csv.DictWriter(
                fh, fieldnames=["outlet", "title", "text"], quoting=csv.QUOTE_ALL
            )
            writer.writeheader()
            writer.writerows(records)
    elif fmt == "parquet":
        pd.DataFrame(records, columns=["outlet", "title", "text"]).to_parquet(
            folder / "records.parquet", index=False
        )


@fuzz(25)
@given(
    records=st.lists(record, min_size=1, max_size=6),
    fmt=st.sampled_from(["jsonl", "csv", "parquet"]),
)
def test_tabular_files_lose_nothing(tmp_path_factory, records, fmt):
    """JSONL/CSV/Parquet of hostile records: rows + rejections == records; schema and ids hold."""
    folder = tmp_path_factory.mktemp(fmt)
    _write(folder, fmt, records)
    articles = _load(folder)
    rejections = articles.attrs["rejections"]
    # A file-level failure is one rejection for the whole file; otherwise one per record.
    file_level = (rejections["position"] == "file").any()
    if file_level:
        assert articles.empty and len(rejections) == 1
    else:
        assert len(articles) + len(rejections) == len(records), rejections["reason"].tolist()
    _check_table(articles)
    again = _load(folder)
    assert again["article_id"].tolist() == articles["article_id"].tolist()


@fuzz(30)
@given(title=_short, body=file_text, page=st.sampled_from(["txt", "html", "docx", "rtf"]))
def test_one_page_is_one_row_or_one_rejection(tmp_path_factory, title, body, page):
    """A text, HTML, DOCX or RTF page with hostile content is one row or one rejection, never an error."""
    folder = tmp_path_factory.mktemp("page")
    paragraphs = body.split("\n\n")
    if page == "txt":
        (folder / "page.txt").write_text(f"{title}\n\n{body}\n", encoding="utf-8")
    elif page == "html":
        paras = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
        (folder / "page.html").write_text(
            f"<html><head><title>{html.escape(title)}</title></head><body><article>"
            f"<h1>{html.escape(title)}</h1>{paras}</article></body></html>",
            encoding="utf-8",
        )
    elif page == "docx":
        # XML 1.0 cannot hold most control characters: a DOCX never contains them.
        clean = ["".join(c for c in p if c in "\t\n" or ord(c) >= 32) for p in [title, *paragraphs]]
        (folder / "page.docx").write_bytes(docx_bytes(clean))
    else:
        rtf = r"{\rtf1\ansi " + rtf_escape(title) + r"\par\par "
        rtf += r"\par\par ".join(rtf_escape(p) for p in paragraphs) + "}"
        (folder / "page.rtf").write_text(rtf, encoding="ascii")
    articles = _load(folder)
    assert len(articles) + len(articles.attrs["rejections"]) == 1
    _check_table(articles)


_nexis_body = st.lists(
    st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=60),
    min_size=1,
    max_size=3,
).map("\n\n".join)


@fuzz(20)
@given(
    articles=st.lists(st.tuples(_short, _nexis_body), min_size=1, max_size=4),
    as_docx=st.booleans(),
)
def test_nexis_export_with_hostile_bodies_counts_each_document(tmp_path_factory, articles, as_docx):
    """A Nexis Uni export of k articles with hostile titles and bodies gives k rows + rejections."""
    folder = tmp_path_factory.mktemp("nexis")
    parts = [
        nexis_article(
            title.replace("\n", " ") or "Untitled", f"Story {k}. {body}", outlet="Gazette"
        )
        for k, (title, body) in enumerate(articles)
    ]
    cover = (
        f"Date and Time: Wednesday, March 12, 2025\nJob Number: 1\nDocuments ({len(parts)})\n\n\n\n"
    )
    text = cover + "\n\n\n".join(parts)
    if as_docx:
        lines = ["".join(c for c in line if c == "\t" or ord(c) >= 32) for line in text.split("\n")]
        (folder / "export.docx").write_bytes(docx_bytes(lines))  # XML holds no control characters
    else:
        (folder / "export.txt").write_text(text, encoding="utf-8")
    loaded = _load(folder)
    assert len(loaded) + len(loaded.attrs["rejections"]) == len(parts), loaded.attrs["rejections"]
    _check_table(loaded)


@fuzz(20)
@given(
    bodies=st.lists(st.integers(0, 5), min_size=1, max_size=8),
    edits=st.lists(st.sampled_from(["", " Updated.", " (Reuters)"]), min_size=8, max_size=8),
)
def test_dedupe_accounts_for_every_dropped_copy(tmp_path_factory, bodies, edits):
    """dedupe=True: documents = rows + rejections + dropped duplicates, each naming a kept row."""
    folder = tmp_path_factory.mktemp("dedupe")
    lines = []
    for k, (body, edit) in enumerate(zip(bodies, edits, strict=False)):
        text = good_body(body).replace("\n\n", " ") * 3 + edit
        lines.append(json.dumps({"outlet": f"Wire {k % 2}", "title": f"Story {k}", "text": text}))
    (folder / "wire.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    articles = _load(folder, dedupe=True)
    summary = articles.attrs["summary"]
    duplicates = articles.attrs["duplicates"]
    dropped = duplicates[~duplicates["kept"]]
    assert summary["documents"] == len(lines)
    assert len(articles) + len(articles.attrs["rejections"]) + len(dropped) == len(lines)
    assert summary["duplicates_dropped"] == len(dropped)
    assert set(dropped["duplicate_of"]) <= set(articles["article_id"])
    assert not set(dropped["article_id"]) & set(articles["article_id"])


def test_ids_can_be_recomputed_from_the_table(tmp_path):
    """make_article_id on a loaded row's own outlet/title/text gives its article_id (missing = NA)."""
    (tmp_path / "page.txt").write_text(
        "Headline\n\nA body of a few words here.\n", encoding="utf-8"
    )
    articles = _load(tmp_path)
    row = articles.iloc[0]
    assert pd.isna(row["outlet"])
    assert row["article_id"] == make_article_id(
        outlet=row["outlet"], title=row["title"], text=row["text"]
    )


def test_missing_values_all_count_as_empty():
    """None, NaN, pd.NA and '' give the same id (the documented 'missing values count as \"\"')."""
    ids = {make_article_id(outlet=v, title="t", text="x") for v in (None, float("nan"), "")}
    assert len(ids) == 1


def test_pd_na_counts_as_empty():
    """pd.NA, the missing value of the article table's string columns, counts as '' too."""
    assert make_article_id(outlet=pd.NA, title="t", text="x") == make_article_id(
        outlet=None, title="t", text="x"
    )


@fuzz(20)
@given(articles=st.lists(st.tuples(_short, _nexis_body), min_size=1, max_size=4))
def test_factiva_export_with_hostile_bodies_counts_each_document(tmp_path_factory, articles):
    """A Factiva export of k articles with hostile titles and bodies gives k rows + rejections."""
    folder = tmp_path_factory.mktemp("factiva")
    parts = [
        factiva_article(title.replace("\n", " ").strip() or "Untitled", f"Story {k}. {body}", k)
        for k, (title, body) in enumerate(articles)
    ]
    (folder / "export.txt").write_text("\n\n\n".join(parts), encoding="utf-8")
    loaded = _load(folder)
    assert len(loaded) + len(loaded.attrs["rejections"]) == len(parts), loaded.attrs["rejections"]
    _check_table(loaded)


# ----------------------------------------------------------------------------------------------
# remove_boilerplate and find_duplicates
# ----------------------------------------------------------------------------------------------


@st.composite
def article_tables(draw):
    """An article table whose texts share some paragraphs (boilerplate) and some whole texts."""
    shared = draw(st.lists(file_text, min_size=1, max_size=3))
    n = draw(st.integers(0, 6))
    texts = []
    for _ in range(n):
        own = draw(st.lists(file_text, max_size=3))
        picks = draw(st.lists(st.sampled_from(shared), max_size=3))
        texts.append("\n\n".join(own + picks))
    if texts and draw(st.booleans()):
        texts.append(texts[0])  # a copy with another id: a duplicate
    outlets = [draw(st.sampled_from(["A", "B", None])) for _ in texts]
    return pd.DataFrame(
        {
            "article_id": pd.array([f"id{i}" for i in range(len(texts))], dtype="string"),
            "outlet": pd.array(outlets, dtype="string"),
            "title": pd.array(["t"] * len(texts), dtype="string"),
            "text": pd.array(texts, dtype="string"),
            "word_count": [len(t.split()) for t in texts],
            "source_path": pd.array(
                [f"/data/x/{i}.txt" for i in range(len(texts))], dtype="string"
            ),
        }
    )


def _paragraphs(text: str) -> list[str]:
    """Paragraphs as the cleaner sees them: split at lines that are white space only."""
    paragraphs, current = [], []
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if line.strip():
            current.append(line)
        elif current:
            paragraphs.append(current)
            current = []
    if current:
        paragraphs.append(current)
    return [" ".join(" ".join(p).split()) for p in paragraphs]


@fuzz(60)
@given(articles=article_tables(), min_articles=st.integers(1, 4), patterns=st.booleans())
def test_remove_boilerplate_only_removes_and_keeps_input(articles, min_articles, patterns):
    """Cleaned text keeps a subset of the original's paragraphs, ids and rows; input unchanged."""
    before = articles.copy(deep=True)
    cleaned = remove_boilerplate(articles, min_articles=min_articles, patterns=patterns)
    pd.testing.assert_frame_equal(articles, before)
    assert cleaned["article_id"].tolist() == articles["article_id"].tolist()
    for original, text, words in zip(
        articles["text"], cleaned["text"], cleaned["word_count"], strict=True
    ):
        kept = _paragraphs(text)
        assert set(kept) <= set(_paragraphs(original))
        assert words == len(text.split())


@fuzz(60)
@given(articles=article_tables(), threshold=st.floats(0.05, 1.0))
def test_find_duplicates_groups_are_well_formed(articles, threshold):
    """Each group keeps exactly one article; ids come from the input; similarity in [0, 1]."""
    before = articles.copy(deep=True)
    dups = find_duplicates(articles, threshold=threshold, min_words=1)
    pd.testing.assert_frame_equal(articles, before)
    assert list(dups.columns) == list(DUPLICATE_COLUMNS)
    assert set(dups["article_id"]) <= set(articles["article_id"])
    assert dups["article_id"].is_unique
    for _, group in dups.groupby("group"):
        assert group["kept"].sum() == 1 and len(group) >= 2
        kept = group.loc[group["kept"], "article_id"].iloc[0]
        assert (group["duplicate_of"] == kept).all()
    assert dups["similarity"].between(0.0, 1.0).all()
    assert dups.equals(find_duplicates(articles, threshold=threshold, min_words=1))  # deterministic


@fuzz(30)
@given(
    body=st.lists(
        st.sampled_from(["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"]),
        min_size=12,
        max_size=60,
    )
)
def test_an_exact_copy_is_found(body):
    """A long text copied under another id is grouped with its original, which is kept."""
    text = " ".join(body)
    articles = pd.DataFrame(
        {
            "article_id": pd.array(["first", "copy", "other"], dtype="string"),
            "text": pd.array(
                [text, text, "An unrelated short note about something else entirely here."],
                dtype="string",
            ),
        }
    )
    dups = find_duplicates(articles, threshold=0.9)
    groups = dups.set_index("article_id")
    assert {"first", "copy"} <= set(groups.index)
    assert bool(groups.loc["first", "kept"]) and not bool(groups.loc["copy", "kept"])
    assert groups.loc["copy", "duplicate_of"] == "first"
