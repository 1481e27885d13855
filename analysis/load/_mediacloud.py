"""Media Cloud story lists (CSV): one row per story, metadata only, no body text.

Columns seen in Media Cloud exports: ``stories_id`` (or ``id``),
``publish_date``, ``title``, ``url``, ``media_name``, ``media_url``,
``language`` (and sometimes ``media_id``, ``collect_date``, ``ap_syndicated``,
``word_count``, ``themes``). Each story becomes an article row with empty
``text`` (counts of stories by outlet and date still work; tone, readability
and quotes need the pages) and the file gets a note saying so.
"""

from __future__ import annotations

from collections.abc import Mapping

from analysis.load._records import Parsed
from analysis.load._tabular import read_csv_rows, rows_to_parsed

_TEXT_NAMES = {"text", "body", "content", "full_text", "story_text"}


def is_mediacloud_header(header: list[str]) -> bool:
    """True for a Media Cloud story-list header (story id or media name + publish date, no text column)."""
    names = {h.strip().lower() for h in header}
    if names & _TEXT_NAMES:
        return False
    return (
        "stories_id" in names
        or {"publish_date", "media_name"} <= names
        or {"publish_date", "media_url"} <= names
    )


def read_mediacloud(text: str, *, columns: Mapping[str, str] | None) -> Parsed:
    """Read a Media Cloud story list; rows get empty text and the file a note."""
    header, rows, rejections = read_csv_rows(text)
    parsed = Parsed(rejections=rejections)
    mapping = {"publish_date": "date", "media_name": "outlet"}
    mapping = {k: v for k, v in mapping.items() if k in header}
    mapping.update(columns or {})
    parsed = rows_to_parsed(rows, header, columns=mapping, parsed=parsed, text_required=False)
    parsed.note(
        "file",
        f"Media Cloud story list: {len(parsed.records)} stories loaded with empty text "
        "(the export has no body text; fetch the url column to analyse the articles)",
    )
    return parsed
