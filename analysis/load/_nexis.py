"""Nexis Uni exports (DOCX, or its text: one line per Word paragraph) and old LexisNexis Academic TXT.

Nexis Uni layout (see ``../shared/export_formats/README.md``)::

    [cover page: Date and Time / Job Number / Documents (N) / the list of hits]
    <headline>
    <publication>
    <Month D, YYYY Weekday [time]>
    [edition] [Copyright ...]
    Section: ...     Length: N words     Byline: ...     (a no-break space after the colon;
                                                          labels in the interface language)
    Body
    <paragraphs>
    Classification
    Language: ... Subject: ... Load-Date: ...
    End of Document

Splitting is on the ``End of Document`` line. Within an article the date line
is the anchor: the publication is the line above it and the headline the line
above that, which works whether or not a cover page (with any number of blank
lines in it) precedes the first article.
"""

from __future__ import annotations

import re

from analysis.load._dates import is_date_line, parse_date
from analysis.load._records import Parsed

_END = re.compile(
    r"^\s*(?:End of Document|Ende des Dokuments|Fin du document|Fin del documento|Fine del documento|Einde document)\s*$",
    re.IGNORECASE,
)
_BODY = {
    "body",
    "text",
    "texte",
    "corps",
    "haupttext",
    "textkörper",
    "cuerpo",
    "testo",
    "tekst",
    "corpo",
}
_CLASSIFICATION = {
    "classification",
    "klassifikation",
    "klassifizierung",
    "classement",
    "clasificación",
    "classificazione",
    "classificatie",
    "classificação",
}
_AFTER_TEXT = {"graphic", "notes", "grafik", "graphique", "anmerkungen", "remarques"}
_LABELS = {
    "section": {
        "section",
        "rubrik",
        "ressort",
        "rubrique",
        "sección",
        "seccion",
        "sezione",
        "sectie",
        "seção",
    },
    "length": {
        "length",
        "länge",
        "laenge",
        "longueur",
        "longitud",
        "lunghezza",
        "lengte",
        "comprimento",
    },
    "byline": {
        "byline",
        "author",
        "authors",
        "autor",
        "autoren",
        "auteur",
        "auteurs",
        "autore",
        "signature",
        "verfasser",
    },
    "dateline": {"dateline", "ortszeile", "lieu"},
    "highlight": {"highlight", "hervorhebung", "résumé", "faits saillants"},
    "load_date": {
        "load-date",
        "ladedatum",
        "date de chargement",
        "fecha de carga",
        "data di caricamento",
    },
}
_LABEL_OF = {name: field for field, names in _LABELS.items() for name in names}
# "Section: NEWS" with any Unicode space (the colon is followed by U+00A0).
_LABEL_LINE = re.compile(r"^(?P<label>[^\W\d_][\w\-/ ]{0,30}?)\s*:\s*(?P<value>.*)$")
_COVER_START = re.compile(
    r"^(?:Date and Time|Datum und Uhrzeit|Date et heure|Fecha y hora|Job Number|Auftragsnummer|Numéro de tâche)\s*:",
    re.IGNORECASE,
)
_DECLARED = re.compile(
    r"^(?:Documents|Dokumente|Documentos|Documenti)\s*\((?P<n>\d+)\)\s*$", re.IGNORECASE
)
_ACADEMIC_SPLIT = re.compile(r"^\s*(?P<k>\d+)\s+of\s+(?P<n>\d+)\s+DOCUMENTS?\s*$", re.MULTILINE)


def is_nexis(text: str) -> bool:
    """True for a Nexis Uni text (End of Document + Body lines) or a LexisNexis Academic TXT."""
    head = text[:200_000]
    has_end = any(_END.match(line) for line in head.split("\n"))
    has_body = any(line.strip().lower() in _BODY for line in head.split("\n"))
    return (has_end and has_body) or bool(_ACADEMIC_SPLIT.search(head))


def _label(line: str) -> tuple[str, str] | None:
    match = _LABEL_LINE.match(line.strip())
    if match is None:
        return None
    field = _LABEL_OF.get(match["label"].strip().lower())
    return (field, match["value"].strip()) if field else None


def _article(lines: list[str]) -> tuple[dict | None, str | None]:
    """Parse one article's lines; return (record, None) or (None, reason)."""
    stripped = [line.strip() for line in lines]
    body_at = next((i for i, line in enumerate(stripped) if line.lower() in _BODY), None)
    if body_at is None:
        return (
            None,
            "no 'Body' line, so metadata cannot be told from text (is this a complete Nexis article?)",
        )
    end = next(
        (
            i
            for i in range(len(stripped) - 1, body_at, -1)
            if stripped[i].lower() in _CLASSIFICATION
        ),
        None,
    )
    if end is None:
        # No Classification line: the text ends where the trailing block of
        # "Label: value" lines (Language:, Subject:, Load-Date:, ...) begins.
        end = len(stripped)
        for i in range(len(stripped) - 1, body_at, -1):
            if stripped[i] and not _LABEL_LINE.match(stripped[i]):
                break
            if stripped[i]:
                end = i
    # Graphic and Notes blocks follow the text.
    end = next((i for i in range(body_at + 1, end) if stripped[i].lower() in _AFTER_TEXT), end)
    meta = stripped[:body_at]
    labels = {}
    for line in meta + stripped[end:]:
        found = _label(line)
        if found and found[0] not in labels:
            labels[found[0]] = found[1]
    date_at = next(
        (
            i
            for i, line in enumerate(meta)
            if line and _LABEL_LINE.match(line) is None and is_date_line(line, max_words=12)
        ),
        None,
    )
    if date_at is not None:
        anchor = date_at
    else:
        anchor = next((i for i, line in enumerate(meta) if _label(line)), len(meta))
    above = [line for line in meta[:anchor] if line]
    if date_at is None:
        # Edition or copyright lines may sit between publication and labels.
        above = [
            line for line in above if not re.match(r"^(?:copyright|©|\(c\))", line, re.IGNORECASE)
        ]
    if len(above) < 2:
        return None, "headline and publication lines not found above the date line"
    title, outlet = above[-2], above[-1]
    date = parse_date(meta[date_at]) if date_at is not None else None
    if date is None and "load_date" in labels:
        date = parse_date(labels["load_date"])
    body = [line for line in stripped[body_at + 1 : end] if line]
    if not body:
        return None, "empty body between 'Body' and 'Classification'"
    section = labels.get("section")
    record = {
        "title": title,
        "outlet": outlet,
        "date": date,
        "date_source": "export" if date is not None else "none",
        "byline": labels.get("byline") or None,
        "section": section.split(";")[0].strip() if section else None,
        "text": "\n\n".join(body),
    }
    return record, None


def parse_nexis(text: str) -> Parsed:
    """Split a Nexis Uni export into articles; each part that does not parse is a rejection."""
    if _ACADEMIC_SPLIT.search(text[:200_000]) and not any(_END.match(x) for x in text.split("\n")):
        return parse_academic(text)
    parsed = Parsed()
    lines = text.split("\n")
    for line in lines[:60]:
        declared = _DECLARED.match(line.strip())
        if declared:
            parsed.declared = int(declared["n"])
            break
    chunks: list[list[str]] = [[]]
    for line in lines:
        if _END.match(line):
            chunks.append([])
        else:
            chunks[-1].append(line)
    if not any(line.strip() for line in chunks[-1]):
        chunks.pop()
    elif len(chunks) > 1:
        parsed.note(
            f"document {len(chunks)}",
            "text after the last 'End of Document' line (truncated download?)",
        )
    for number, chunk in enumerate(chunks, start=1):
        record, reason = _article(chunk)
        position = f"document {number}"
        if record is None:
            parsed.reject(position, reason)
        else:
            record["position"] = position
            parsed.records.append(record)
    if parsed.declared is not None and parsed.declared != len(chunks):
        parsed.note(
            "file",
            f"the cover page lists {parsed.declared} documents but {len(chunks)} were found; "
            "check that the download was complete",
        )
    return parsed


_ACADEMIC_LABEL = re.compile(r"^(?P<label>[A-Z][A-Z\-]{2,30}):\s*(?P<value>.*)$", re.DOTALL)
_ACADEMIC_BEFORE_BODY = {"BYLINE", "SECTION", "LENGTH", "DATELINE", "HIGHLIGHT", "AUTHOR"}


def parse_academic(text: str) -> Parsed:
    """The older LexisNexis Academic TXT: '1 of N DOCUMENTS' separators, upper-case labels."""
    from analysis.clean import split_paragraphs

    parsed = Parsed()
    starts = list(_ACADEMIC_SPLIT.finditer(text))
    if starts:
        parsed.declared = int(starts[0]["n"])
    for number, match in enumerate(starts, start=1):
        stop = starts[number].start() if number < len(starts) else len(text)
        paragraphs = [" ".join(p.split()) for p in split_paragraphs(text[match.end() : stop])]
        position = f"document {number}"
        labelled = [i for i, p in enumerate(paragraphs) if _ACADEMIC_LABEL.match(p)]
        before = [
            i
            for i in labelled
            if _ACADEMIC_LABEL.match(paragraphs[i])["label"] in _ACADEMIC_BEFORE_BODY
        ]
        if not labelled or not before:
            parsed.reject(
                position, "no BYLINE/SECTION/LENGTH labels: not a LexisNexis Academic article"
            )
            continue
        header = paragraphs[: labelled[0]]
        date_at = next((i for i, p in enumerate(header) if is_date_line(p, max_words=14)), None)
        if date_at is None or date_at == 0 or date_at == len(header) - 1:
            parsed.reject(
                position, "publication, date and headline lines not found before the labels"
            )
            continue
        labels = {}
        for i in labelled:
            found = _ACADEMIC_LABEL.match(paragraphs[i])
            labels.setdefault(found["label"], found["value"].strip())
        after = [i for i in labelled if i > before[-1]]
        body = paragraphs[before[-1] + 1 : after[0] if after else len(paragraphs)]
        if not body:
            parsed.reject(position, "empty body")
            continue
        date = parse_date(header[date_at])
        parsed.records.append(
            {
                "title": header[-1],
                "outlet": header[date_at - 1],
                "date": date,
                "date_source": "export" if date is not None else "none",
                "byline": labels.get("BYLINE") or labels.get("AUTHOR"),
                "section": labels["SECTION"].split(";")[0].strip() if "SECTION" in labels else None,
                "text": "\n\n".join(body),
                "position": position,
            }
        )
    return parsed
