"""Reading the dates that pages and exports print, without guessing relative to today."""

from __future__ import annotations

import re
from datetime import datetime

import pandas as pd

# Month names of the interface languages Nexis and Factiva export in; matched
# case-insensitively, with or without a trailing dot.
_MONTHS = {
    1: ("january", "jan", "januar", "jänner", "janvier", "janv", "enero", "gennaio", "januari"),
    2: (
        "february",
        "feb",
        "februar",
        "février",
        "fevrier",
        "févr",
        "febrero",
        "febbraio",
        "februari",
    ),
    3: ("march", "mar", "märz", "maerz", "mars", "marzo", "maart"),
    4: ("april", "apr", "avril", "abril", "aprile"),
    5: ("may", "mai", "mayo", "maggio", "mei"),
    6: ("june", "jun", "juni", "juin", "junio", "giugno"),
    7: ("july", "jul", "juli", "juillet", "juil", "julio", "luglio"),
    8: ("august", "aug", "août", "aout", "agosto", "augustus"),
    9: ("september", "sep", "sept", "septembre", "septiembre", "settembre"),
    10: ("october", "oct", "oktober", "okt", "octobre", "octubre", "ottobre"),
    11: ("november", "nov", "novembre", "noviembre"),
    12: (
        "december",
        "dec",
        "dezember",
        "dez",
        "décembre",
        "decembre",
        "déc",
        "diciembre",
        "dicembre",
    ),
}
_MONTH_OF = {name: number for number, names in _MONTHS.items() for name in names}
_MONTH_RE = "|".join(sorted((re.escape(n) for n in _MONTH_OF), key=len, reverse=True))

# "1, March, 2024" / "11 March 2025" / "11. März 2025 Dienstag" / "1er mars 2025"
_DAY_MONTH_YEAR = re.compile(
    rf"^(?P<day>\d{{1,2}})(?:er|st|nd|rd|th)?[.,]?\s+(?P<month>{_MONTH_RE})\.?,?\s+(?P<year>\d{{4}})\b",
    re.IGNORECASE,
)
# "March 11, 2025 Tuesday 7:30 AM EST" / "Mar 1 2024"
_MONTH_DAY_YEAR = re.compile(
    rf"^(?P<month>{_MONTH_RE})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})\b",
    re.IGNORECASE,
)
_ISO = re.compile(r"^(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?!\d)")
_WEEKDAY_PREFIX = re.compile(
    r"^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+", re.IGNORECASE
)


def parse_date(text: str | None) -> pd.Timestamp | None:
    """Return the calendar date a line starts with, or None.

    Only absolute dates are read (day, month name or number, four-digit year);
    a leading weekday is allowed. Nothing is resolved relative to today, so the
    same line gives the same date on every machine and every day.

    Example
    -------
    >>> parse_date("1, March, 2024")
    Timestamp('2024-03-01 00:00:00')
    """
    if not text:
        return None
    line = _WEEKDAY_PREFIX.sub("", text.strip())
    for pattern in (_ISO, _DAY_MONTH_YEAR, _MONTH_DAY_YEAR):
        match = pattern.match(line)
        if match is None:
            continue
        month = match["month"]
        month_number = int(month) if month.isdigit() else _MONTH_OF[month.lower().rstrip(".")]
        try:
            stamp = pd.Timestamp(datetime(int(match["year"]), month_number, int(match["day"])))
        except ValueError:
            return None
        return stamp if pd.Timestamp.min <= stamp <= pd.Timestamp.max else None
    return None


def is_date_line(line: str, *, max_words: int = 8) -> bool:
    """True when a short line is nothing but a date (plus weekday, time or zone)."""
    return len(line.split()) <= max_words and parse_date(line) is not None


def parse_dates(values: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Parse a column of date strings; return ``(dates, bad)`` with bad marking unreadable non-empty values.

    ISO 8601 strings (the common case) are parsed in one vectorised step; the
    rest one by one with :func:`parse_date`. Formats that need guessing
    (``03/04/2025``: March or April?) or today's date to complete are refused
    rather than guessed. Time zones are converted to UTC and dropped.
    """
    strings = values.astype("string").str.strip()
    empty = strings.isna() | (strings == "")
    dates = pd.to_datetime(strings.where(~empty), errors="coerce", format="ISO8601", utc=True)
    dates = dates.dt.tz_localize(None)
    # Placeholders such as 9999-12-31 or 0001-01-01 lie outside the datetime64[ns] range of the
    # article table: they are unreadable dates of their record, not a reason to lose the file.
    outside = dates.notna() & ((dates < pd.Timestamp.min) | (dates > pd.Timestamp.max))
    dates = dates.mask(outside).astype("datetime64[ns]")
    retry = dates.isna() & ~empty
    for index in retry[retry].index:
        value = strings[index]
        parsed = parse_date(value)
        if parsed is not None:
            dates[index] = parsed
    bad = (dates.isna() & ~empty).astype(bool)
    return dates, bad
