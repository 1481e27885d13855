"""Loading articles from the files researchers bring, into one article table.

``load_articles`` reads a file, a folder (recursively), a glob or a list of
them, detects each file's format, and returns the article table of
:mod:`analysis.schema`. Formats (``source_format`` values):

==============  ==========================================================
``scraped``     text saved from a news page (the seed): header, body, teasers
``html``        a saved HTML article page (trafilatura)
``jsonl``       JSON Lines, one article per line (``json``: a JSON array)
``csv``         CSV/TSV with a header row (``parquet``: a Parquet file)
``nexis``       Nexis Uni export (.docx, its text, or LexisNexis Academic .txt)
``factiva``     Factiva export (.txt, .rtf, .html; with or without field codes)
``mediacloud``  Media Cloud story-list CSV (metadata only: empty text)
==============  ==========================================================

Nothing is lost: every document in the input becomes a row, a rejection
(``articles.attrs["rejections"]``: file, position, reason) or, with
``dedupe=True``, a dropped duplicate (``articles.attrs["duplicates"]``).
These tables are :class:`RecordTable` lists of plain records that read like
DataFrames, so the accounting goes along when the table is saved as Parquet
(:func:`restore_accounting` makes tables of it again after reading).

Rules where a choice had to be made
-----------------------------------
* **Positions** in rejections: ``line N`` (JSONL, 1-based physical line),
  ``row N`` (CSV/Parquet, 1 = first data row), ``item N`` (JSON array),
  ``document N`` (exports, in file order), ``file`` (the whole file).
* **Exact duplicates** (same ``article_id``: same outlet, title and clean text)
  keep the first in load order; the later one is a rejection naming the kept
  id, file and position. Near-duplicates are only dropped with ``dedupe=True``.
* **A file with no documents** (empty, blank, header only) is one rejection,
  so every file read is accounted for. Files that are not read (README,
  ``*.md``, hidden, unknown types, broken links) go to ``attrs["skipped"]``.
* **Encodings**: UTF-8 (BOM or not) and UTF-16 with a BOM are read as such;
  other bytes as Windows-1252, then Latin-1. A fallback, and any stray control
  characters removed, are recorded in ``attrs["notes"]`` (source_path,
  position, note, source_format). More than 5 % control characters: binary, rejected.
* **Dates**: ``published`` from page metadata, tabular date columns and a
  page's "Published on <date>" line; ``page`` from a scraped page's date line;
  ``export`` from Nexis/Factiva; ``none`` otherwise. Only absolute dates are
  read; an unreadable date in a tabular row rejects the row (``03/04/2025`` is
  refused rather than guessed). Time zones are converted to UTC and dropped.
* **Outlet**: as the source names it (tabular column, HTML site name, export
  publication line, a scraped page's © footer); ``outlet=`` fills it only where
  the source names none. The seed names none, so its outlet is missing.
* **Text**: paragraphs separated by one blank line in every format; text that
  is already clean (most corpus rows) is kept byte for byte. Boilerplate
  repeated across an outlet's pages is removed for web pages only
  (``boilerplate="auto"``): tabular files and exports are taken as extracted.
* **Media Cloud** story lists have no body text: rows with ``text == ""``
  and a note; ``word_count`` 0 makes them easy to filter.
* **Limits**: a scraped or HTML page over 20 MB, or a DOCX announcing over
  200 MB uncompressed, is rejected before it is read whole.
"""

from __future__ import annotations

import os
import re
import warnings
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from analysis.clean import normalise_paragraphs, remove_boilerplate
from analysis.load._factiva import html_to_text, is_factiva, parse_factiva, rtf_to_text
from analysis.load._files import KNOWN_SUFFIXES, decode, discover, read_text
from analysis.load._html import parse_html
from analysis.load._mediacloud import is_mediacloud_header, read_mediacloud
from analysis.load._nexis import is_nexis, parse_nexis
from analysis.load._records import Parsed
from analysis.load._rejections import LoadWarning, RecordTable, summary_message
from analysis.load._scraped import parse_scraped
from analysis.load._tabular import (
    check_columns_argument,
    read_csv,
    read_json,
    read_jsonl,
    read_parquet,
)
from analysis.schema import ARTICLE_COLUMNS, REJECTION_COLUMNS, make_article_id, validate_articles

__all__ = ["FORMATS", "LoadWarning", "RecordTable", "load_articles", "restore_accounting"]

#: Values accepted by ``format=`` (besides "auto").
FORMATS = ("scraped", "html", "jsonl", "json", "csv", "parquet", "nexis", "factiva", "mediacloud")
#: Formats whose text comes from a web page and gets cross-article boilerplate removal.
_PAGE_FORMATS = ("scraped", "html")
_BY = re.compile(r"^by\s+", re.IGNORECASE)
#: Above this many files a progress bar is shown (progress=None).
_PROGRESS_FROM = 20

NOTE_COLUMNS = {
    "source_path": ("string", "file the note is about"),
    "position": ("string", "where in the file ('file', 'document 2', ...)"),
    "note": (
        "string",
        "what was done that a reader should know (encoding fallback, empty text, ...)",
    ),
    "source_format": ("string", "format the file was read as"),
}
SKIPPED_COLUMNS = {
    "source_path": ("string", "file met in a folder or glob and not read"),
    "reason": ("string", "why it was not read"),
}


def _docx_text(path: Path) -> str:
    import docx  # python-docx; imported on first use

    document = docx.Document(str(path))
    lines = [paragraph.text for paragraph in document.paragraphs]
    # Nexis puts some metadata in tables in a few layouts; keep their text too.
    for table in document.tables:
        for row in table.rows:
            lines.append(" ".join(cell.text for cell in row.cells))
    return "\n".join(lines)


def _sniff_text(text: str) -> str:
    if is_nexis(text):
        return "nexis"
    if is_factiva(text):
        return "factiva"
    if text.lstrip().startswith("{"):
        return "jsonl"
    return "scraped"


#: A single web page is never this big; a bigger "page" is refused, not parsed.
MAX_PAGE_BYTES = 20 * 1024**2
#: Largest uncompressed size a DOCX may announce (zip bombs announce gigabytes).
MAX_DOCX_BYTES = 200 * 1024**2
_SNIFF_BYTES = 1024**2


class FileTooBig(ValueError):
    """A file is far bigger than its format ever is; refused before reading it whole."""


def _check_docx(path: Path) -> None:
    import zipfile

    with zipfile.ZipFile(path) as archive:
        announced = sum(info.file_size for info in archive.infolist())
        names = set(archive.namelist())
    if announced > MAX_DOCX_BYTES:
        raise FileTooBig(
            f"the DOCX announces {announced / 1024**2:,.0f} MB uncompressed (limit "
            f"{MAX_DOCX_BYTES / 1024**2:.0f} MB): refused before inflating; a zip bomb or a corrupt file?"
        )
    if "word/document.xml" not in names:
        raise ValueError("a zip file without word/document.xml: not a Word document")


def _too_big(path: Path, size: int, what: str) -> FileTooBig:
    return FileTooBig(
        f"{size / 1024**2:,.0f} MB is too big for {what} (limit {MAX_PAGE_BYTES / 1024**2:.0f} MB); "
        "split the file, or if it holds many articles save it as JSONL or CSV"
    )


def _read_file(
    path: Path, fmt: str, columns: Mapping[str, str] | None
) -> tuple[Parsed, str, str | None]:
    """Read one file; return its documents, the format used and an encoding note."""
    kind = KNOWN_SUFFIXES.get(path.suffix.lower(), "text")
    size = path.stat().st_size
    if kind == "parquet" or fmt == "parquet":
        return read_parquet(str(path), columns=columns), "parquet", None
    if kind == "docx":
        _check_docx(path)
        text = _docx_text(path)
        chosen = _sniff_text(text) if fmt == "auto" else fmt
        return _parse_text(text, chosen, columns), chosen, None
    if kind in ("html", "rtf") and size > 5 * MAX_PAGE_BYTES:
        raise _too_big(path, size, f"an {kind.upper()} file")
    if kind == "text" and size > MAX_PAGE_BYTES and fmt in ("auto", "scraped"):
        # Exports and JSON Lines may be big; a scraped page never is. Decide
        # from the first megabyte before reading the whole file.
        with path.open("rb") as handle:
            head, _ = decode(handle.read(_SNIFF_BYTES))
        if fmt == "scraped" or _sniff_text(head) == "scraped":
            raise _too_big(path, size, "a single scraped page")
    text, note = read_text(path)
    if kind == "rtf":
        text = rtf_to_text(text)
        chosen = _sniff_text(text) if fmt == "auto" else fmt
        return _parse_text(text, chosen, columns), chosen, note
    if kind == "html":
        chosen = fmt
        if fmt == "auto":
            chosen = "factiva" if is_factiva(html_to_text(text)) else "html"
        if chosen == "factiva":
            return parse_factiva(html_to_text(text)), "factiva", note
        if chosen == "html" and size > MAX_PAGE_BYTES:
            raise _too_big(path, size, "a single HTML page")
        return _parse_text(text, chosen, columns), chosen, note
    if fmt == "auto":
        if kind == "csv":
            first = text.split("\n", 1)[0]
            delimiter = (
                "\t" if path.suffix.lower() == ".tsv" else max((",", ";", "\t"), key=first.count)
            )
            header = [h.strip().strip('"').lstrip("\ufeff") for h in first.split(delimiter)]
            chosen = "mediacloud" if is_mediacloud_header(header) else "csv"
        elif kind in ("jsonl", "json"):
            chosen = kind
        else:
            chosen = _sniff_text(text)
    else:
        chosen = fmt
    return _parse_text(text, chosen, columns), chosen, note


def _parse_text(text: str, fmt: str, columns: Mapping[str, str] | None) -> Parsed:
    if fmt == "scraped":
        return parse_scraped(text)
    if fmt == "html":
        return parse_html(text)
    if fmt == "nexis":
        return parse_nexis(text)
    if fmt == "factiva":
        return parse_factiva(html_to_text(text) if text.lstrip().startswith("<") else text)
    if fmt == "jsonl":
        return read_jsonl(text, columns=columns)
    if fmt == "json":
        return read_json(text, columns=columns)
    if fmt == "csv":
        return read_csv(text, columns=columns)
    if fmt == "mediacloud":
        return read_mediacloud(text, columns=columns)
    raise ValueError(f"format={fmt!r} cannot read text files")


def _table(records: list[dict], columns: Mapping[str, tuple[str, str]]) -> RecordTable:
    # Through a typed frame, so that the records hold what the table shows.
    frame = pd.DataFrame(records, columns=list(columns))
    return RecordTable.from_frame(frame.astype({name: d for name, (d, _) in columns.items()}))


def load_articles(
    paths: str | os.PathLike | Iterable[str | os.PathLike],
    *,
    format: str = "auto",
    outlet: str | None = None,
    columns: Mapping[str, str] | None = None,
    dedupe: bool = False,
    dedupe_threshold: float = 0.8,
    boilerplate: bool | str = "auto",
    progress: bool | None = None,
) -> pd.DataFrame:
    """Load articles from files, folders or globs into the article table.

    Parameters
    ----------
    paths
        A file, a folder (read recursively, in sorted order), a glob
        (``"exports/*.rtf"``) or a list of these. In folders and globs,
        documentation (README, ``*.md``, LICENSE), hidden files and unknown file
        types are skipped and listed in ``attrs["skipped"]``.
    format
        ``"auto"`` (by extension, then by content) or one of :data:`FORMATS`
        to force one format for every file.
    outlet
        Outlet name for documents whose source does not name one (scraped text
        pages usually do not). Sources that name their outlet keep it.
    columns
        For tabular inputs: ``{"their column": "our column"}``, e.g.
        ``{"headline": "title", "body": "text"}``. Common names (``headline``,
        ``authors``, ``publish_date``, ...) are recognised without it; columns
        that are not mapped are kept after the article-table columns.
    dedupe
        Keep one article per group of near-duplicates (:func:`analysis.find_duplicates`,
        at ``dedupe_threshold``); the dropped ones are listed in ``attrs["duplicates"]``.
    boilerplate
        Remove paragraphs repeated across many articles of one outlet
        (:func:`analysis.remove_boilerplate`). ``"auto"`` does it for web pages
        (scraped text and HTML) only: tabular files and exports are taken as
        already extracted.
    progress
        Show a progress bar over files; ``None`` shows one from 20 files.

    Returns
    -------
    pandas.DataFrame
        One row per article: the columns of :data:`analysis.schema.ARTICLE_COLUMNS`
        in order, then any extra columns of tabular inputs (``source_id`` for the
        file's own id, ``event_id``, ``topic``, ...). ``attrs`` holds
        ``"rejections"`` (documents that are not rows, with the reason),
        ``"duplicates"``, ``"notes"`` (e.g. an encoding fallback), ``"skipped"``
        and ``"summary"`` (the counts). When anything was rejected, dropped, noted
        or skipped, one :class:`LoadWarning` gives the counts.

    Raises
    ------
    FileNotFoundError
        When a path is neither a file, a folder nor a matching glob.
    ValueError
        For an unknown ``format``.

    Notes
    -----
    ``article_id`` is :func:`analysis.schema.make_article_id` of outlet, title
    and clean text. A second document with the same id is an exact duplicate:
    the first is kept, the second recorded as a rejection naming the first.
    The tables in ``attrs`` are :class:`RecordTable` lists of plain records that
    read like DataFrames, so ``articles.to_parquet(...)`` keeps them (as JSON);
    :func:`restore_accounting` makes tables of them again after ``pd.read_parquet``.

    Example
    -------
    >>> articles = load_articles("data/sample")               # doctest: +SKIP
    >>> articles.attrs["rejections"][["source_path", "reason"]]  # doctest: +SKIP
    """
    if format != "auto" and format not in FORMATS:
        raise ValueError(
            f"format={format!r} is not known; use 'auto' or one of: {', '.join(FORMATS)}"
        )
    if boilerplate not in (True, False, "auto"):
        raise ValueError(f"boilerplate={boilerplate!r}; use 'auto', True or False")
    check_columns_argument(columns)
    files, skipped = discover(paths)

    show = progress if progress is not None else len(files) >= _PROGRESS_FROM
    iterator: Iterable[Path] = files
    if show:
        from tqdm.auto import tqdm

        iterator = tqdm(files, desc="loading", unit="file")

    records: list[dict[str, Any]] = []
    rejections: list[dict[str, str]] = []
    notes: list[dict[str, str]] = []
    extra: dict[str, None] = {}
    for path in iterator:
        source_path = str(path)
        try:
            parsed, fmt, encoding_note = _read_file(path, format, columns)
        except Exception as error:  # one bad file never stops a folder: record it and go on
            fmt = format if format != "auto" else KNOWN_SUFFIXES.get(path.suffix.lower(), "text")
            rejections.append(
                {
                    "source_path": source_path,
                    "position": "file",
                    "reason": f"could not be read as {fmt}: {type(error).__name__}: {error}",
                    "source_format": fmt,
                }
            )
            continue
        if not parsed.records and not parsed.rejections:
            # Zero documents is still an outcome: say so, so every file is accounted for.
            parsed.reject(
                "file", "the file holds no documents (empty, or only blank lines or a header)"
            )
        if encoding_note:
            notes.append(
                {
                    "source_path": source_path,
                    "position": "file",
                    "note": encoding_note,
                    "source_format": fmt,
                }
            )
        for position, text in parsed.notes:
            notes.append(
                {
                    "source_path": source_path,
                    "position": position,
                    "note": text,
                    "source_format": fmt,
                }
            )
        for position, reason in parsed.rejections:
            rejections.append(
                {
                    "source_path": source_path,
                    "position": position,
                    "reason": reason,
                    "source_format": fmt,
                }
            )
        extra.update(dict.fromkeys(parsed.extra_columns))
        for record in parsed.records:
            record["source_path"] = source_path
            record["source_format"] = fmt
            if not record.get("outlet") and outlet is not None:
                record["outlet"] = outlet
            # Every format gets the same text contract. Text that is already
            # clean (most corpus rows) comes back unchanged, so character offsets
            # shipped with a corpus (BASIL's spans) stay valid for those rows.
            record["text"] = normalise_paragraphs(record.get("text") or "")
            records.append(record)

    base = list(ARTICLE_COLUMNS)
    extra_columns = [c for c in extra if c not in base]
    frame = (
        pd.DataFrame.from_records(records, columns=base + extra_columns + ["position"])
        if records
        else None
    )
    if frame is None:
        frame = pd.DataFrame(
            {c: pd.Series(dtype="object") for c in base + extra_columns + ["position"]}
        )
    for name in ("title", "outlet", "byline", "section", "url"):
        frame[name] = frame[name].map(
            lambda v: " ".join(v.split()) if isinstance(v, str) and v.strip() else None
        )
    # "By Dana Whitfield" and "Dana Whitfield" are the same byline.
    frame["byline"] = frame["byline"].map(
        lambda v: _BY.sub("", v) or None if isinstance(v, str) else v
    )
    frame["date_source"] = frame["date_source"].fillna("none")
    frame["date"] = pd.to_datetime(frame["date"]).astype("datetime64[ns]")

    pages = frame["source_format"].isin(_PAGE_FORMATS)
    if boilerplate is True:
        pages = pd.Series(True, index=frame.index)
    if boilerplate and pages.any():
        cleaned = remove_boilerplate(
            frame.loc[pages, ["outlet", "text", "source_path", "word_count"]], patterns=False
        )
        frame.loc[pages, "text"] = cleaned["text"].astype(object)

    frame["text"] = frame["text"].astype(object)
    frame["word_count"] = [len(t.split()) for t in frame["text"]]
    frame["article_id"] = [
        make_article_id(outlet=o, title=t, text=x)
        for o, t, x in zip(frame["outlet"], frame["title"], frame["text"], strict=True)
    ]
    first_of = {}
    duplicate_rows = []
    for index, (article_id, source_path, position, fmt) in enumerate(
        zip(
            frame["article_id"],
            frame["source_path"],
            frame["position"],
            frame["source_format"],
            strict=True,
        )
    ):
        if article_id in first_of:
            kept_path, kept_position = first_of[article_id]
            rejections.append(
                {
                    "source_path": source_path,
                    "position": position,
                    "reason": f"exact duplicate of {article_id} ({kept_path}, {kept_position}): same outlet, title and text",
                    "source_format": fmt,
                }
            )
            duplicate_rows.append(index)
        else:
            first_of[article_id] = (source_path, position)
    frame = (
        frame.drop(index=frame.index[duplicate_rows])
        .drop(columns="position")
        .reset_index(drop=True)
    )
    typed = {name: dtype for name, (dtype, _) in ARTICLE_COLUMNS.items()}
    frame = frame.astype(typed)

    from analysis.dedupe import DUPLICATE_COLUMNS, find_duplicates

    duplicates = pd.DataFrame({c: pd.Series(dtype=d) for c, (d, _) in DUPLICATE_COLUMNS.items()})
    if dedupe:
        duplicates = find_duplicates(frame, threshold=dedupe_threshold)
        dropped = set(duplicates.loc[~duplicates["kept"], "article_id"])
        frame = frame[~frame["article_id"].isin(dropped)].reset_index(drop=True)

    rejection_table = _table(rejections, REJECTION_COLUMNS)
    summary = {
        "files": len(files),
        "documents": len(frame) + len(rejection_table) + int((~duplicates["kept"]).sum()),
        "articles": len(frame),
        "rejected": len(rejection_table),
        "duplicates_dropped": int((~duplicates["kept"]).sum()),
        "notes": len(notes),
        "skipped_files": len(skipped),
        "missing_dates": int(frame["date"].isna().sum()),
        "empty_texts": int((frame["word_count"] == 0).sum()),
    }
    frame.attrs["rejections"] = rejection_table
    frame.attrs["duplicates"] = RecordTable.from_frame(duplicates)
    frame.attrs["notes"] = _table(notes, NOTE_COLUMNS)
    frame.attrs["skipped"] = _table(
        [{"source_path": s.source_path, "reason": s.reason} for s in skipped], SKIPPED_COLUMNS
    )
    frame.attrs["summary"] = summary
    validate_articles(frame)
    message = summary_message(summary)
    if message:
        warnings.warn(message, LoadWarning, stacklevel=2)
    return frame


def _accounting_columns() -> dict[str, Mapping[str, tuple[str, str]]]:
    from analysis.dedupe import DUPLICATE_COLUMNS

    return {
        "rejections": REJECTION_COLUMNS,
        "duplicates": DUPLICATE_COLUMNS,
        "notes": NOTE_COLUMNS,
        "skipped": SKIPPED_COLUMNS,
    }


def restore_accounting(articles: pd.DataFrame) -> pd.DataFrame:
    """Return the article table with its accounting in ``attrs`` as tables again.

    ``articles.to_parquet(...)`` (and ``to_feather``) write ``attrs`` as JSON,
    so ``pd.read_parquet`` gives ``"rejections"``, ``"duplicates"``, ``"notes"``
    and ``"skipped"`` back as plain lists of dicts. This makes each a
    :class:`RecordTable` again, with the columns and dtypes ``load_articles``
    gives it, also when it has no rows. Other ``attrs`` (``"summary"``,
    ``"corpus"``) are kept as they are, and so is the table itself.

    Parameters
    ----------
    articles
        An article table, typically read back with ``pd.read_parquet``.

    Returns
    -------
    pandas.DataFrame
        A shallow copy of ``articles`` with the restored ``attrs``.

    Example
    -------
    >>> articles.to_parquet("articles.parquet")                           # doctest: +SKIP
    >>> articles = restore_accounting(pd.read_parquet("articles.parquet"))  # doctest: +SKIP
    >>> articles.attrs["rejections"][["source_path", "reason"]]             # doctest: +SKIP
    """
    out = articles.copy(deep=False)
    for name, columns in _accounting_columns().items():
        value = out.attrs.get(name)
        if isinstance(value, pd.DataFrame):
            out.attrs[name] = RecordTable.from_frame(value)
        elif isinstance(value, list) and not isinstance(value, RecordTable):
            out.attrs[name] = RecordTable(value, {n: d for n, (d, _) in columns.items()})
    return out
