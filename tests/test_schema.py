"""The article-table contract: stable ids and validation messages that say what to fix."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.schema import (
    ARTICLE_COLUMNS,
    SchemaError,
    empty_articles,
    empty_rejections,
    make_article_id,
    validate_articles,
)


def _one_article(**overrides) -> pd.DataFrame:
    row = {
        "article_id": make_article_id(
            outlet="Example Post", title="Harbor opens", text="The harbor opened."
        ),
        "outlet": "Example Post",
        "title": "Harbor opens",
        "date": pd.Timestamp("2024-01-02"),
        "date_source": "published",
        "byline": None,
        "section": None,
        "url": None,
        "text": "The harbor opened.",
        "word_count": 3,
        "source_path": "x.jsonl",
        "source_format": "jsonl",
    }
    row.update(overrides)
    return pd.DataFrame([row])


def test_article_id_depends_only_on_content():
    a = make_article_id(outlet="Example Post", title="Harbor opens", text="The harbor opened.")
    assert a == make_article_id(
        outlet="Example Post ", title="Harbor opens", text="The harbor opened.\n"
    )
    assert a != make_article_id(
        outlet="Other Post", title="Harbor opens", text="The harbor opened."
    )
    assert a != make_article_id(
        outlet="Example Post", title="Harbor opens", text="The harbor closed."
    )
    assert len(a) == 16 and all(c in "0123456789abcdef" for c in a)


def test_article_id_is_unicode_normalised():
    composed = "caf\u00e9"
    decomposed = "cafe\u0301"
    assert make_article_id(outlet="", title=composed, text="") == make_article_id(
        outlet="", title=decomposed, text=""
    )


def test_article_id_fields_do_not_run_together():
    assert make_article_id(outlet="ab", title="c", text="") != make_article_id(
        outlet="a", title="bc", text=""
    )


def test_empty_tables_have_every_column():
    assert list(empty_articles().columns) == list(ARTICLE_COLUMNS)
    assert validate_articles(empty_articles()).empty
    assert list(empty_rejections().columns) == [
        "source_path",
        "position",
        "reason",
        "source_format",
    ]


def test_valid_table_passes_unchanged():
    table = _one_article()
    assert validate_articles(table) is table


@pytest.mark.parametrize(
    ("table", "message"),
    [
        (_one_article().drop(columns=["text"]), "missing column"),
        (pd.concat([_one_article(), _one_article()]), "appears more than once"),
        (_one_article(date="2024-01-02"), "must be datetime64"),
        (_one_article(date_source="guessed"), "'guessed' in row 0"),
        (_one_article(text=None), "not a string"),
        (_one_article(article_id=None), "article_id is missing in row 0"),
    ],
)
def test_invalid_tables_name_the_problem(table, message):
    with pytest.raises(SchemaError, match=message):
        validate_articles(table)


def test_not_a_dataframe():
    with pytest.raises(SchemaError, match="got list"):
        validate_articles([])


def test_importing_the_package_is_lazy():
    import subprocess
    import sys

    code = "import sys, analysis; print('pandas' in sys.modules, 'analysis.load' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.split() == ["False", "False"]
