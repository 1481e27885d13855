"""Factiva exports: text, RTF and HTML, with field codes ("plus Indexing") or without.

Every article ends with its accession-number line ``Document <id>`` (``AN
Document <id>`` with field codes), which is where files are split. RTF is
reduced to text with striprtf (table cells come out as ``HD|value|``) and HTML
to text with one line per paragraph and table row, so a single parser reads all
three. With field codes the fields are labelled; without, the ``N words`` line
is the anchor: headline and byline are above it; date, time, source name and
code, edition, page, language and copyright below it.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from analysis.load._dates import is_date_line, parse_date
from analysis.load._records import Parsed

_DOCUMENT = re.compile(r"^\s*(?:AN\s+)?Document\s+(?P<an>[A-Za-z0-9]{20,})\s*$")
_CODES = "HD|BY|CR|WC|PD|ET|SN|SC|ED|PG|LA|CY|LP|TD|CT|RF|CO|IN|NS|RE|IPC|IPD|PUB|AN|SE|CLM|ART|VOL"
_CODE_LINE = re.compile(rf"^(?P<code>{_CODES})(?:[\s|]+(?P<value>.*?))?\s*\|?\s*$")
# After the body starts, only codes that follow it are fields; the indexing
# codes must also look like 'code : Name' so that a paragraph beginning "IN
# 2019, ..." or "RE: ..." stays text.
_AFTER_BODY = {"TD", "CT", "RF", "IPD", "PUB", "AN", "ART"}
_INDEX_CODES = {"CO", "IN", "NS", "RE", "IPC"}
_INDEX_VALUE = re.compile(r"^\S+\s+:\s+\S")
_WORDS = re.compile(
    r"^\d[\d,.\s]*\s+(?:words|wörter|mots|palabras|parole|woorden|palavras)\s*$", re.IGNORECASE
)
_TIME = re.compile(r"^\d{1,2}[:.]\d{2}(?:\s*(?:[AaPp]\.?[Mm]\.?|GMT|UTC|[A-Z]{2,4}))?$")
_LANGUAGE = re.compile(
    r"^(?:English|German|Deutsch|French|Français|Spanish|Español|Italian|Italiano|Dutch|Nederlands|"
    r"Portuguese|Português|Swedish|Danish|Norwegian|Finnish|Polish|Russian|Chinese|Japanese|Arabic)$",
    re.IGNORECASE,
)
_COPYRIGHT = re.compile(r"^(?:\(c\)|©|copyright)|all rights reserved", re.IGNORECASE)


def is_factiva(text: str) -> bool:
    """True when the text has Factiva accession-number lines."""
    return any(_DOCUMENT.match(line) for line in text[:500_000].split("\n"))


def _fields(lines: list[str]) -> dict[str, list[str]]:
    fields: dict[str, list[str]] = {}
    current = None
    in_body = False
    for line in lines:
        match = _CODE_LINE.match(line.strip())
        if match:
            code, value = match["code"], (match["value"] or "").strip()
            accept = (
                not in_body
                or code in _AFTER_BODY
                or (code in _INDEX_CODES and _INDEX_VALUE.match(value))
            )
            if accept:
                current = code
                in_body = in_body or code in ("LP", "TD")
                fields.setdefault(code, [])
                if value:
                    fields[code].append(value)
                continue
        if current is not None:
            fields[current].append(line.strip().rstrip("|").strip())
    return fields


def _paragraphs(lines: list[str]) -> list[str]:
    return [line for line in (x.strip() for x in lines) if line]


def _indexed(lines: list[str]) -> tuple[dict | None, str | None]:
    fields = _fields(lines)
    title = " ".join(_paragraphs(fields.get("HD", [])))
    body = _paragraphs(fields.get("LP", [])) + _paragraphs(fields.get("TD", []))
    if not title and not body:
        return None, "no HD (headline) and no LP/TD (text) fields"
    date = parse_date(" ".join(fields.get("PD", [])))
    return {
        "title": title or None,
        "byline": " ".join(_paragraphs(fields.get("BY", []))) or None,
        "outlet": " ".join(_paragraphs(fields.get("SN", []))) or None,
        "section": " ".join(_paragraphs(fields.get("SE", []))) or None,
        "date": date,
        "date_source": "export" if date is not None else "none",
        "text": "\n\n".join(body),
    }, None


def _unindexed(lines: list[str]) -> tuple[dict | None, str | None]:
    stripped = [line.strip() for line in lines]
    anchor = next((i for i, line in enumerate(stripped[:40]) if _WORDS.match(line)), None)
    if anchor is None:
        return None, "no 'N words' line, so the headline cannot be told from the text"
    above = [line for line in stripped[:anchor] if line]
    if not above:
        return None, "no headline above the 'N words' line"
    title = above[-2] if len(above) >= 2 else above[0]
    byline = above[-1] if len(above) >= 2 else None
    section = " ".join(above[:-2]) or None
    # The header below the anchor: date, [time], source name, source code,
    # [edition], [page], language, [copyright]. In HTML and RTF exports its
    # lines may be separated by blank lines, so they are counted, not the blanks.
    following = [i for i in range(anchor + 1, min(len(stripped), anchor + 40)) if stripped[i]][:10]
    date = None
    outlet = None
    header_end = None
    for i in following:
        line = stripped[i]
        if date is None and is_date_line(line):
            date = parse_date(line)
        elif date is not None and outlet is None and not _TIME.match(line):
            outlet = line
        if _COPYRIGHT.search(line):
            header_end = i + 1
            break
    if header_end is None:
        # No copyright line: the header ends with the language line, or else at
        # the first blank line after the date.
        language = next((i for i in following if _LANGUAGE.match(stripped[i])), None)
        if language is not None:
            header_end = language + 1
        elif date is not None:
            after_date = next(i for i in following if is_date_line(stripped[i]))
            header_end = next(
                (i for i in range(after_date, len(stripped)) if not stripped[i]), None
            )
    if header_end is None:
        return None, "the header (date, source, language, copyright) has no end before the text"
    body = _paragraphs(stripped[header_end:])
    if not body:
        return None, "no text after the header"
    return {
        "title": title,
        "byline": byline,
        "outlet": outlet,
        "section": section,
        "date": date,
        "date_source": "export" if date is not None else "none",
        "text": "\n\n".join(body),
    }, None


def parse_factiva(text: str) -> Parsed:
    """Split a Factiva text export at its ``Document <accession>`` lines and parse each article."""
    parsed = Parsed(extra_columns=["source_id"])
    chunks: list[tuple[list[str], str | None]] = []
    current: list[str] = []
    for line in text.split("\n"):
        match = _DOCUMENT.match(line)
        if match:
            current.append(line)
            chunks.append((current, match["an"]))
            current = []
        else:
            current.append(line)
    if any(line.strip() for line in current):
        chunks.append((current, None))
    for number, (chunk, accession) in enumerate(chunks, start=1):
        position = f"document {number}"
        if accession is None:
            parsed.reject(
                position,
                "text after the last 'Document <accession number>' line (truncated download?)",
            )
            continue
        body_lines = chunk[:-1]
        first = next((line.strip() for line in body_lines if line.strip()), "")
        coded = _CODE_LINE.match(first)
        if coded and coded["code"] in ("HD", "SE", "CLM", "ART", "BY"):
            record, reason = _indexed(chunk)
        else:
            record, reason = _unindexed(body_lines)
        if record is None:
            parsed.reject(position, f"{reason} (accession {accession})")
            continue
        record["source_id"] = accession
        record["position"] = position
        parsed.records.append(record)
    return parsed


def rtf_to_text(rtf: str) -> str:
    """RTF to plain text; table cells (``HD|value|``) become ``HD value`` lines."""
    from striprtf.striprtf import rtf_to_text as strip

    # An escape outside RTF's signed 16-bit range would make striprtf raise and lose the whole
    # file (up to 100 articles of an export): it becomes U+FFFD, one character.
    rtf = re.sub(
        r"\\u(-?\d+)",
        lambda m: m[0] if -32768 <= int(m[1]) <= 65535 else "\\u65533",
        rtf,
    )
    text = strip(rtf, errors="ignore").replace("\r\n", "\n").replace("\r", "\n")
    return re.sub(
        r"\|\s*$",
        "",
        re.sub(r"^([A-Z]{2,3})\|", r"\1 ", text, flags=re.MULTILINE),
        flags=re.MULTILINE,
    )


class _TextOfHTML(HTMLParser):
    """HTML to text: one line per block element and table row; cells separated by a space."""

    _BLOCKS = {
        "p",
        "div",
        "br",
        "tr",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "table",
        "article",
        "section",
    }

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "head"):
            self._skip += 1
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in ("script", "style", "head"):
            self._skip = max(0, self._skip - 1)
        elif tag == "td":
            self.parts.append(" ")
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(" ".join(data.split()) if data.strip() else (" " if data else ""))


def html_to_text(html: str) -> str:
    """Factiva HTML to the text layout :func:`parse_factiva` reads."""
    parser = _TextOfHTML()
    parser.feed(html)
    parser.close()
    lines = [
        " ".join(line.replace("\u00a0", " ").split()) for line in "".join(parser.parts).split("\n")
    ]
    # Keep single blank lines between paragraphs; collapse runs.
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"
