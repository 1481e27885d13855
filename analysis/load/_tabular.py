"""Tabular inputs: JSON Lines, JSON arrays, CSV/TSV and Parquet, one article per row.

Columns are matched to the article table by name, through ``columns=`` (the
caller's ``{"their name": "our name"}``) and then a short list of common
aliases (``headline`` → ``title``, ``authors`` → ``byline``, ...). Every other
column is kept, as it is, after the article-table columns. Columns whose names
clash with ones the loader computes (``word_count``, ``article_id``,
``source_path``, ...) are kept with a ``source_`` prefix.
"""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd

from analysis.load._dates import parse_dates
from analysis.load._records import Parsed
from analysis.schema import ARTICLE_COLUMNS, DATE_SOURCES

# Common names for the article-table fields; the first one present wins.
ALIASES: Mapping[str, tuple[str, ...]] = {
    "outlet": (
        "outlet",
        "source",
        "publication",
        "publisher",
        "media_name",
        "media",
        "site_name",
        "sitename",
    ),
    "title": ("title", "headline", "heading"),
    "date": (
        "date",
        "publish_date",
        "published",
        "published_at",
        "pub_date",
        "publication_date",
        "datetime",
    ),
    "byline": ("byline", "authors", "author", "creator"),
    "section": ("section", "desk", "category"),
    "url": ("url", "link", "permalink"),
    "text": ("text", "body", "content", "article", "full_text", "story"),
    "source_id": ("id", "stories_id", "story_id", "doc_id"),
    "date_source": ("date_source",),
}
#: Article-table columns the loader computes itself; an input column of that name is kept as source_<name>.
COMPUTED = ("article_id", "word_count", "source_path", "source_format")
_FIELDS = ("outlet", "title", "date", "byline", "section", "url", "text")


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA


def _as_text(value: Any, *, join_lists: bool) -> str | None:
    """Return a string value, None when missing; raise TypeError for values that are not text."""
    if _missing(value):
        return None
    if isinstance(value, str):
        return value
    if join_lists and (isinstance(value, (list, tuple)) or hasattr(value, "tolist")):
        items = list(value.tolist() if hasattr(value, "tolist") else value)
        if all(isinstance(v, str) for v in items):
            return ", ".join(v.strip() for v in items if v.strip()) or None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    raise TypeError(f"{type(value).__name__} {str(value)[:60]!r}")


def check_columns_argument(columns: Mapping[str, str] | None) -> None:
    """Raise when ``columns=`` maps to a name that is not an article-table field."""
    if columns is None:
        return
    if not isinstance(columns, Mapping):
        raise TypeError(
            f"columns must be a dict {{'their name': 'our name'}}, got {type(columns).__name__}"
        )
    unknown = sorted(set(columns.values()) - set(_FIELDS) - {"source_id", "date_source"})
    if unknown:
        raise ValueError(
            f"columns maps to {unknown}, which are not article-table fields; "
            f"map to one of {list(_FIELDS) + ['source_id']} (other columns are kept as they are)"
        )


def resolve_columns(
    names: Iterable[str], columns: Mapping[str, str] | None
) -> tuple[dict[str, str], dict[str, str]]:
    """Return ``(field -> input column, input column -> kept extra name)``."""
    names = list(names)
    mapping: dict[str, str] = {}
    for theirs, ours in (columns or {}).items():
        if theirs not in names:
            raise KeyError(theirs)
        mapping[ours] = theirs
    for field, aliases in ALIASES.items():
        if field in mapping:
            continue
        for alias in aliases:
            if alias in names and alias not in mapping.values():
                mapping[field] = alias
                break
    used = set(mapping.values())
    extras: dict[str, str] = {}
    for name in names:
        if name in used:
            continue
        if name in COMPUTED or name in ARTICLE_COLUMNS or name in ("position",):
            extras[name] = f"source_{name}"
        else:
            extras[name] = name
    return mapping, extras


def rows_to_parsed(
    rows: list[tuple[str, dict[str, Any]]],
    names: list[str],
    *,
    columns: Mapping[str, str] | None,
    parsed: Parsed | None = None,
    text_required: bool = True,
) -> Parsed:
    """Turn ``(position, row)`` pairs into article records, rejecting rows with bad values."""
    parsed = parsed or Parsed()
    check_columns_argument(columns)
    problem = None
    try:
        mapping, extras = resolve_columns(names, columns)
    except KeyError as error:
        problem = f"columns: {error.args[0]!r} is not a column of the file; its columns are {names}"
    else:
        if "text" not in mapping and text_required:
            problem = f"no text column among {names}; name the body column with columns={{'<name>': 'text'}}"
    if problem is not None:
        # The whole file's layout is wrong, but each row is still a document:
        # one rejection per row keeps the count of documents in exact.
        for position, _ in rows:
            parsed.reject(position, problem)
        return parsed
    parsed.extra_columns = (["source_id"] if "source_id" in mapping else []) + list(extras.values())

    raw_dates = pd.Series(
        [row.get(mapping["date"]) if "date" in mapping else None for _, row in rows], dtype="object"
    )
    raw_dates = raw_dates.map(lambda v: None if _missing(v) else str(v))
    dates, bad_dates = (
        parse_dates(raw_dates)
        if len(rows)
        else (pd.Series(dtype="datetime64[ns]"), pd.Series(dtype=bool))
    )

    for index, (position, row) in enumerate(rows):
        record: dict[str, Any] = {"position": position}
        problem = None
        for field in _FIELDS:
            if field == "date" or field not in mapping:
                continue
            try:
                record[field] = _as_text(row.get(mapping[field]), join_lists=field == "byline")
            except TypeError as error:
                problem = f"{field} (column {mapping[field]!r}) is {error}, not text"
                break
        if problem is None and bad_dates.iloc[index]:
            problem = (
                f"date (column {mapping['date']!r}) {raw_dates.iloc[index]!r} is not a date (or lies "
                "outside 1677-09-22 .. 2262-04-11); write it as YYYY-MM-DD or '11 March 2025'"
            )
        if (
            problem is None
            and not (record.get("text") or "").strip()
            and not (record.get("title") or "").strip()
        ):
            problem = "no title and no text: nothing to analyse"
        if problem is not None:
            parsed.reject(position, problem)
            continue
        date = dates.iloc[index]
        record["date"] = None if pd.isna(date) else date
        declared = row.get(mapping["date_source"]) if "date_source" in mapping else None
        if isinstance(declared, str) and declared in DATE_SOURCES:
            record["date_source"] = declared
        else:
            record["date_source"] = "none" if record["date"] is None else "published"
        record["text"] = record.get("text") or ""
        for name, kept in extras.items():
            value = row.get(name)
            record[kept] = value
        if "source_id" in mapping:
            record["source_id"] = row.get(mapping["source_id"])
        parsed.records.append(record)
    return parsed


def read_jsonl(text: str, *, columns: Mapping[str, str] | None) -> Parsed:
    """One JSON object per line; a line that is not valid JSON is a rejection."""
    parsed = Parsed()
    rows: list[tuple[str, dict]] = []
    names: dict[str, None] = {}
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            parsed.reject(
                f"line {number}",
                f"not valid JSON: {error.msg} (column {error.colno}); fix or delete the line",
            )
            continue
        if not isinstance(row, dict):
            parsed.reject(
                f"line {number}", f"a JSON {type(row).__name__}, not an object with fields"
            )
            continue
        names.update(dict.fromkeys(row))
        rows.append((f"line {number}", row))
    return rows_to_parsed(rows, list(names), columns=columns, parsed=parsed)


def read_json(text: str, *, columns: Mapping[str, str] | None) -> Parsed:
    """A JSON array of objects (or an object with one such array); falls back to JSON Lines."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        return read_jsonl(text, columns=columns)
    if isinstance(data, dict):
        arrays = [v for v in data.values() if isinstance(v, list)]
        data = arrays[0] if len(arrays) == 1 else [data]
    if not isinstance(data, list):
        parsed = Parsed()
        parsed.reject("file", f"JSON holds a {type(data).__name__}, not a list of articles")
        return parsed
    parsed = Parsed()
    rows: list[tuple[str, dict]] = []
    names: dict[str, None] = {}
    for number, row in enumerate(data, start=1):
        if not isinstance(row, dict):
            parsed.reject(
                f"item {number}", f"a JSON {type(row).__name__}, not an object with fields"
            )
            continue
        names.update(dict.fromkeys(row))
        rows.append((f"item {number}", row))
    return rows_to_parsed(rows, list(names), columns=columns, parsed=parsed)


def read_csv_rows(
    text: str, *, delimiter: str | None = None
) -> tuple[list[str], list[tuple[str, dict]], list[tuple[str, str]]]:
    """Return ``(header, (position, row) pairs, rejections)`` of a CSV/TSV text; row 1 is the first data row."""
    if delimiter is None:
        first = text.split("\n", 1)[0]
        delimiter = max((",", ";", "\t"), key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = next(reader, None)
    if header is None:
        return [], [], []
    header = [h.strip().lstrip("\ufeff") for h in header]
    rows, rejections = [], []
    for number, values in enumerate(reader, start=1):
        if not values or (len(values) == 1 and not values[0].strip()):
            continue  # a blank line, not a record
        position = f"row {number}"
        if not any(v.strip() for v in values):
            rejections.append((position, "every field is empty"))
            continue
        if len(values) > len(header):
            rejections.append(
                (
                    position,
                    f"{len(values)} fields but the header has {len(header)}; an unquoted delimiter?",
                )
            )
            continue
        row = {h: (v if v != "" else None) for h, v in zip(header, values, strict=False)}
        rows.append((position, row))
    return header, rows, rejections


def read_csv(
    text: str, *, columns: Mapping[str, str] | None, delimiter: str | None = None
) -> Parsed:
    """CSV or TSV with a header row; a row with too many fields is a rejection."""
    header, rows, rejections = read_csv_rows(text, delimiter=delimiter)
    parsed = Parsed(rejections=rejections)
    return rows_to_parsed(rows, header, columns=columns, parsed=parsed)


def read_parquet(path: str, *, columns: Mapping[str, str] | None) -> Parsed:
    """A Parquet file (via pyarrow); row 1 is the first row."""
    frame = pd.read_parquet(path)
    names = [str(c) for c in frame.columns]
    records = frame.to_dict("records")
    rows = [
        (f"row {i}", {str(k): v for k, v in row.items()}) for i, row in enumerate(records, start=1)
    ]
    return rows_to_parsed(rows, names, columns=columns)
