"""Scraped text pages: the text a browser or scraper saved from a news page.

Layout handled (the seed, ``data/seed/``, is one such page)::

    1, March, 2024                     page date line (the day the page was shown)
    HomeWorld<headline>                breadcrumb glued to the headline
    <headline>                         the headline again
    Published on [<date>]
    <paragraphs, with 'Read Also | ...' lines>
    Latest articles / More like this   teaser blocks: headline + '...' blurb pairs
    Enable Notifications OK

Nothing here lists the seed's strings: the headline is found because it is
repeated, the section because a breadcrumb precedes it, and the furniture by
the patterns in :mod:`analysis.clean`.
"""

from __future__ import annotations

import re

from analysis.clean import clean_paragraphs, is_boilerplate, split_paragraphs
from analysis.load._dates import is_date_line, parse_date
from analysis.load._records import Parsed

_HEADER_PARAGRAPHS = 4
_HEADER_UNITS = 10
_PUBLISHED = re.compile(
    r"^(?:published|posted|updated|last\s+updated|first\s+published)(?:\s+(?:on|at))?\s*:?\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
# Case matters after "By": the name starts with a capital ("By Dana Whitfield").
_BYLINE = re.compile(r"^(?:[Bb]y|BY|[Ww]ritten [Bb]y|[Aa]uthor:?)\s+(?P<name>[A-Z][^\n]{1,80})$")
_BYLINE_SPLIT = re.compile(r"\s+[|·•]\s+")
_COPYRIGHT = re.compile(
    r"^(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*,?\s*(?P<name>[^.|]{2,60}?)"
    r"\s*(?:[.|,]\s*all\s+rights\s+reserved\.?)?\s*$",
    re.IGNORECASE,
)
_CRUMB_SPLIT = re.compile(r"\s*[>›»/|•·]\s*|(?<=[a-z])(?=[A-Z])")
# "Home", then a separator, a word boundary or a glued capital ("HomeWorld").
_HOME = re.compile(r"^(?:[Hh]ome(?:page)?|HOME|[Ff]ront ?[Pp]age)(?:\b|(?=[A-Z]))\s*[>›»/|•·]?\s*")


def _section_from_breadcrumb(crumb: str) -> str | None:
    crumb = _HOME.sub("", crumb.strip())
    if not crumb:
        return None
    pieces = [p.strip() for p in _CRUMB_SPLIT.split(crumb) if p and p.strip()]
    return pieces[-1] if pieces else None


def _looks_like_breadcrumb(line: str) -> bool:
    return bool(_HOME.match(line)) and len(line.split()) <= 8 and not line.endswith(".")


def _headline_like(line: str) -> bool:
    return 2 <= len(line.split()) <= 30 and not line.endswith((".", "...", "…"))


def parse_scraped(text: str) -> Parsed:
    """Parse one scraped page into at most one article record (or a rejection)."""
    parsed = Parsed()
    paragraphs = split_paragraphs(text)
    # The header lines (date, breadcrumb, headline) are often only one line
    # break apart; body paragraphs may be hard-wrapped and are joined.
    units: list[str] = []
    for index, paragraph in enumerate(paragraphs):
        lines = [ln.strip() for ln in paragraph.split("\n") if ln.strip()]
        if index < _HEADER_PARAGRAPHS:
            units.extend(lines)
        else:
            units.append(" ".join(lines))

    record: dict = {
        "title": None,
        "section": None,
        "byline": None,
        "date": None,
        "date_source": "none",
    }
    header = min(len(units), _HEADER_UNITS)
    used: set[int] = set()
    page_date = published_date = None

    # Headline: the line that appears again at the end of an earlier line
    # (breadcrumb + headline) or twice in the header.
    for j in range(header):
        candidate = units[j]
        if not _headline_like(candidate):
            continue
        earlier = [i for i in range(header) if i != j and units[i].endswith(candidate)]
        if earlier:
            record["title"] = candidate
            for i in earlier + [j]:
                used.add(i)
                prefix = units[i][: len(units[i]) - len(candidate)].strip()
                if prefix and _looks_like_breadcrumb(prefix) and record["section"] is None:
                    record["section"] = _section_from_breadcrumb(prefix)
            break

    for i in range(header):
        if i in used:
            continue
        unit = units[i]
        published = _PUBLISHED.match(unit)
        if published and len(unit.split()) <= 10:
            used.add(i)
            published_date = published_date or parse_date(published["rest"])
        elif is_date_line(unit) and page_date is None:
            used.add(i)
            page_date = parse_date(unit)
        elif _looks_like_breadcrumb(unit) and record["section"] is None and record["title"] is None:
            used.add(i)
            record["section"] = _section_from_breadcrumb(unit)
        elif (
            (byline := _BYLINE.match(_BYLINE_SPLIT.split(unit)[0]))
            and record["byline"] is None
            and len(unit.split()) <= 20
        ):
            # "By Priya Raman | Updated: March 2, 2024": the byline, then dates.
            used.add(i)
            record["byline"] = byline["name"].strip()
            for part in _BYLINE_SPLIT.split(unit)[1:]:
                published = _PUBLISHED.match(part)
                when = parse_date(published["rest"] if published else part)
                if when is not None and published_date is None:
                    published_date = when

    if record["title"] is None:
        for i in range(header):
            if i not in used and _headline_like(units[i]) and not is_boilerplate(units[i]):
                record["title"] = units[i]
                used.add(i)
                break

    body = []
    for i, unit in enumerate(units):
        if i in used or (i < header and unit == record["title"]):
            continue
        copyright_line = _COPYRIGHT.match(unit)
        if copyright_line and len(unit.split()) <= 12:
            record.setdefault("outlet", copyright_line["name"].strip())
            continue
        body.append(unit)
    body = clean_paragraphs(body)

    if published_date is not None:
        record["date"], record["date_source"] = published_date, "published"
    elif page_date is not None:
        record["date"], record["date_source"] = page_date, "page"
    if not body:
        parsed.reject("file", "no body text found on the page (only a header, links or furniture)")
        return parsed
    record["text"] = "\n\n".join(body)
    record["position"] = "file"
    parsed.records.append(record)
    return parsed
