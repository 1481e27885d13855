"""The data contracts of the toolkit, defined once.

Every step of the pipeline (load → clean → score → attribute → compare) passes
pandas DataFrames in tidy form, keyed by ``article_id``. This module names the
columns of each table, their meaning and dtype, and validates the article table.

Tables
------
article table
    One row per article (:data:`ARTICLE_COLUMNS`). Made by ``load_articles``.
rejection table
    One row per input document that did not become an article
    (:data:`REJECTION_COLUMNS`). Reachable as ``articles.attrs["rejections"]``.
score table
    One row per article: readability and tone columns (see ``analysis.score``).
attribution table
    One row per quotation or attribution, with character offsets into the
    article's ``text`` (:data:`ATTRIBUTION_COLUMNS`).
comparison table
    Long form: group, metric, n, estimate, interval (:data:`COMPARISON_COLUMNS`).

Example
-------
>>> from analysis.schema import ARTICLE_COLUMNS, make_article_id
>>> len(make_article_id(outlet="Daily Example", title="A title", text="Body."))
16
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Mapping

import pandas as pd

__all__ = [
    "ARTICLE_COLUMNS",
    "ATTRIBUTION_COLUMNS",
    "COMPARISON_COLUMNS",
    "DATE_SOURCES",
    "REJECTION_COLUMNS",
    "SchemaError",
    "empty_articles",
    "empty_rejections",
    "make_article_id",
    "validate_articles",
]

#: Column name → (pandas dtype, meaning) of the article table, in order.
ARTICLE_COLUMNS: Mapping[str, tuple[str, str]] = {
    "article_id": ("string", "stable id: a hash of outlet, title and text (same content, same id)"),
    "outlet": ("string", "publication name as given by the source or the caller"),
    "title": ("string", "headline"),
    "date": ("datetime64[ns]", "publication date (NaT when unknown)"),
    "date_source": ("string", "where the date came from: published, page, export or none"),
    "byline": ("string", "author(s) as written; missing when unknown"),
    "section": ("string", "section or desk; missing when unknown"),
    "url": ("string", "address of the article; missing when unknown"),
    "text": ("string", "clean body text, paragraphs separated by one blank line"),
    "word_count": ("int64", "number of whitespace-separated tokens in text"),
    "source_path": ("string", "file the article was read from"),
    "source_format": ("string", "format the file was read as (scraped, html, jsonl, nexis, ...)"),
}

#: Allowed values of ``date_source``.
DATE_SOURCES: tuple[str, ...] = ("published", "page", "export", "none")

#: Columns of the rejection table: one row per input document that is not an article.
REJECTION_COLUMNS: Mapping[str, tuple[str, str]] = {
    "source_path": ("string", "file the document came from"),
    "position": ("string", "where in the file: 'line 12', 'row 3', 'document 2', 'file'"),
    "reason": ("string", "why it was rejected, in words a researcher can act on"),
    "source_format": ("string", "format the file was read as"),
}

#: Columns of the attribution table (one row per attribution).
ATTRIBUTION_COLUMNS: Mapping[str, tuple[str, str]] = {
    "article_id": ("string", "the article"),
    "kind": ("string", "direct, partial or indirect"),
    "content": ("string", "what is attributed (fragments joined by one space)"),
    "start": ("int64", "offset of the first character of the content in text"),
    "end": ("int64", "offset one past the last character of the content in text"),
    "fragments": ("object", "list of (start, end) pairs, one per quoted fragment"),
    "cue": ("string", "the attribution cue as written: 'said', 'according to', ':'"),
    "cue_start": ("Int64", "offset of the cue (missing when there is none)"),
    "cue_end": ("Int64", "end offset of the cue"),
    "speaker": (
        "string",
        "the source as written ('he', 'State Department spokesman Matthew Miller')",
    ),
    "speaker_start": ("Int64", "offset of the speaker (missing when none is written)"),
    "speaker_end": ("Int64", "end offset of the speaker"),
    "speaker_name": ("string", "the speaker resolved within the article to the fullest name"),
    "speaker_role": (
        "string",
        "spokesperson, official, politician, expert, journalist, outlet, document, citizen or unknown",
    ),
    "organisation": ("string", "organisation the speaker speaks for, when written"),
    "anonymous": ("bool", "True for unnamed sources ('officials said', 'a person familiar with')"),
    "paragraph": ("int64", "0-based paragraph number of the content's start"),
    "sentence": ("int64", "0-based sentence number within the article"),
}

#: Columns of the comparison table (long form).
COMPARISON_COLUMNS: Mapping[str, tuple[str, str]] = {
    "group": ("string", "the value of the grouping column (an outlet, a period, ...)"),
    "metric": ("string", "the measure compared"),
    "n": ("int64", "number of non-missing values"),
    "mean": ("float64", "mean of the metric in the group"),
    "median": ("float64", "median of the metric in the group"),
    "ci_low": ("float64", "lower end of the bootstrap interval of the mean"),
    "ci_high": ("float64", "upper end of the bootstrap interval of the mean"),
}


class SchemaError(ValueError):
    """A table does not follow its contract; the message says which column or row and how to fix it."""


def _normalise(value: object) -> str:
    # pd.NA is what a missing outlet or byline is in a "string" column: missing, not "<NA>".
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return ""
    return unicodedata.normalize("NFC", str(value)).strip()


def _keyed_like_attributions(articles: pd.DataFrame | None) -> pd.DataFrame | None:
    """The article table with ``article_id`` as the attribution table holds it (a string), so
    that an id given as the number 7 matches the attribution rows of article '7'."""
    if articles is None or "article_id" not in articles.columns:
        return articles
    dtype = ATTRIBUTION_COLUMNS["article_id"][0]
    return articles.assign(article_id=articles["article_id"].astype(dtype))


def make_article_id(*, outlet: object, title: object, text: object) -> str:
    """Return the stable id of an article: 16 hex digits of a SHA-1 over its content.

    The id depends only on the outlet, title and clean text (Unicode NFC, outer
    white space stripped), never on file names, order or the machine, so the same
    article gets the same id wherever it is loaded.

    Parameters
    ----------
    outlet, title, text
        The article's outlet, headline and clean body; missing values count as "".

    Returns
    -------
    str
        16 lower-case hexadecimal characters.

    Example
    -------
    >>> make_article_id(outlet="A", title="B", text="C") == make_article_id(outlet="A", title="B", text="C ")
    True
    """
    # Escape the two control characters used as separators, so that a field containing one
    # cannot move a boundary and make two different articles share an id.
    fields = (
        _normalise(v).replace("\x1e", "\x1e\x1e").replace("\x1f", "\x1e\x1f")
        for v in (outlet, title, text)
    )
    payload = "\x1f".join(fields)
    return hashlib.sha1(payload.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _empty(columns: Mapping[str, tuple[str, str]]) -> pd.DataFrame:
    return pd.DataFrame({name: pd.Series(dtype=dtype) for name, (dtype, _) in columns.items()})


def empty_articles() -> pd.DataFrame:
    """Return an article table with no rows and every column of the right dtype.

    Example
    -------
    >>> list(empty_articles().columns)[:3]
    ['article_id', 'outlet', 'title']
    """
    return _empty(ARTICLE_COLUMNS)


def empty_rejections() -> pd.DataFrame:
    """Return a rejection table with no rows.

    Example
    -------
    >>> empty_rejections().empty
    True
    """
    return _empty(REJECTION_COLUMNS)


def validate_articles(articles: pd.DataFrame) -> pd.DataFrame:
    """Check that ``articles`` follows the article-table contract and return it unchanged.

    Parameters
    ----------
    articles
        A DataFrame that should have every column of :data:`ARTICLE_COLUMNS`.

    Returns
    -------
    pandas.DataFrame
        The same object, for chaining.

    Raises
    ------
    SchemaError
        Naming the missing column, the duplicated ``article_id`` or the row with a
        bad value, and what to do about it.

    Example
    -------
    >>> validate_articles(empty_articles()).shape[1] == len(ARTICLE_COLUMNS)
    True
    """
    if not isinstance(articles, pd.DataFrame):
        raise SchemaError(
            f"expected a pandas DataFrame (the article table), got {type(articles).__name__}; "
            "build one with analysis.load_articles(...)"
        )
    missing = [c for c in ARTICLE_COLUMNS if c not in articles.columns]
    if missing:
        raise SchemaError(
            f"article table is missing column(s) {missing}; it needs {list(ARTICLE_COLUMNS)}. "
            "Load files with analysis.load_articles(...), or map your columns with columns={...}"
        )
    ids = articles["article_id"]
    if ids.isna().any():
        row = int(ids.isna().to_numpy().nonzero()[0][0])
        raise SchemaError(f"article_id is missing in row {row}; every article needs an id")
    duplicated = ids[ids.duplicated()]
    if len(duplicated):
        raise SchemaError(
            f"article_id {duplicated.iloc[0]!r} appears more than once; ids must be unique "
            "(drop exact duplicates with articles.drop_duplicates('article_id'))"
        )
    if not pd.api.types.is_datetime64_any_dtype(articles["date"]):
        raise SchemaError(
            f"column 'date' must be datetime64 (NaT when unknown), got {articles['date'].dtype}; "
            "convert it with pd.to_datetime(articles['date'], errors='coerce')"
        )
    bad_source = ~articles["date_source"].isin(DATE_SOURCES).to_numpy(dtype=bool)
    if bad_source.any():
        row = int(bad_source.nonzero()[0][0])
        raise SchemaError(
            f"date_source {articles['date_source'].iloc[row]!r} in row {row} is not one of {list(DATE_SOURCES)}"
        )
    texts = articles["text"]
    not_text = [i for i, t in enumerate(texts) if not isinstance(t, str)]
    if not_text:
        row = not_text[0]
        raise SchemaError(
            f"text in row {row} (article_id {ids.iloc[row]!r}) is {type(texts.iloc[row]).__name__}, "
            "not a string; use '' for an article without body text"
        )
    return articles
