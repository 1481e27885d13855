"""Hostile inputs for the hardening tests: text strategies and a corpus of bad files.

Two halves:

* **Text strategies** (hypothesis) that mix news-like sentences with what real
  scrapes and exports contain: combining marks, right-to-left text and direction
  overrides, emoji with joiners, NUL and other control characters, lone
  surrogates (Python strings may hold them; files never do), huge runs of white
  space, unbalanced and nested quote marks of every style, and empty or
  one-character texts.
* **A hostile-files corpus** written into a temporary folder by
  :func:`write_hostile_corpus`: binary junk named ``.txt``, truncated and deeply
  nested HTML, cp1252 and UTF-16 text, a DOCX that is not a zip, a zip bomb named
  ``.docx``, an RTF with unbalanced braces, empty files, a symbolic-link loop.
  Nothing binary is committed: every file is generated from this code.

How many examples each property test runs is set here once (:func:`fuzz`): the
CI budget by default, ten times more with ``HYPOTHESIS_PROFILE=thorough``.
"""

from __future__ import annotations

import io
import json
import os
import struct
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

# --------------------------------------------------------------------------------------------
# Example budget
# --------------------------------------------------------------------------------------------

PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "ci")
_SCALE = {"ci": 1, "dev": 1, "thorough": 10}.get(PROFILE, 1)


def fuzz(max_examples: int) -> settings:
    """Settings for one property test: ``max_examples`` in CI, ten times more when thorough.

    CI runs are derandomised so a red build is reproducible from the log alone; the
    thorough profile explores new examples each run.
    """
    return settings(
        max_examples=max_examples * _SCALE,
        deadline=None,
        derandomize=PROFILE != "thorough",
        suppress_health_check=[
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
            HealthCheck.function_scoped_fixture,
            HealthCheck.filter_too_much,
        ],
        print_blob=True,
    )


# --------------------------------------------------------------------------------------------
# Text strategies
# --------------------------------------------------------------------------------------------

#: Quote marks of every style a scrape may hold, open and close, plus apostrophes.
QUOTE_MARKS = ['"', "'", "\u201c", "\u201d", "\u2018", "\u2019", "\u00ab", "\u00bb", "\u201e",
               "\u2039", "\u203a", "\u300c", "\u300d", "``", "''", "\u2032", "\u2033"]  # fmt: skip

#: Characters that break naive text code.
NASTY = [
    "\x00", "\x01", "\x07", "\x08", "\x0b", "\x0c", "\x1b", "\x1f", "\x7f", "\x85",  # controls
    "\u00a0", "\u2007", "\u202f", "\u3000", "\u2028", "\u2029", "\ufeff", "\u200b",  # odd spaces
    "\u200d", "\u200e", "\u200f", "\u202e", "\u2066", "\u2069",  # joiners, direction marks
    "\u0301", "\u0308", "\u20dd", "e\u0301\u0301\u0301", "Z\u0351\u0352\u0357\u0358",  # combining
    "\ud800", "\udfff", "\udbff\udc00",  # lone surrogates (and a pair left unjoined)
    "\U0001f600", "\U0001f469\u200d\U0001f469\u200d\U0001f467", "\U0001f1fa\U0001f1f8",  # emoji
    "\ufffd", "\uffff", "\U0010ffff", "\ue000",  # replacement, non-characters, private use
    "שלום עולם", "مرحبا بالعالم", "\u202eevil\u202c", "日本語の記事", "ǅ", "ß", "İ", "ﬁ",
]  # fmt: skip

#: Pieces of ordinary news prose, including every attribution pattern we extract.
NEWS = [
    "The minister said on Tuesday that talks would resume.",
    '"We will not back down," the minister said.',
    "\u201cIt is a severe danger,\u201d said State Department spokesman Matthew Miller.",
    "According to officials, the deal is off.",
    "Jones: \u201cNo comment.\u201d",
    "Officials privately note that the plan has stalled.",
    "\u201cA,\u201d he said. \u201cB.\u201d",
    "Beijing labelled him a \u2018severe danger\u2019.",
    "The \u201cunofficial\u201d delegation arrived.",
    "says a source involved in the talks.",
    "according to FEC filings",
    "He told reporters:",
    "The candidates\u2019 estimates differ.",
    "\u00abNous verrons\u00bb, a dit le ministre.",
    "Mr.",
    "U.S.",
    "3.5%",
    "...",
    "Read Also | Another story",
    "Latest articles",
    '=HYPERLINK("http://evil")',
    "<script>alert(1)</script>",
    'Dr. Smith, a professor at MIT, said it was "too early".',
]

_any_char = st.characters(codec=None, exclude_categories=())
_whitespace_run = st.builds(
    lambda ch, n: ch * n,
    st.sampled_from([" ", "\n", "\t", "\r\n", "\u00a0", "\n\n", "\u2029", "\x0c"]),
    st.integers(1, 300),
)

#: One piece of hostile text.
piece = st.one_of(
    st.sampled_from(NEWS),
    st.sampled_from(NASTY),
    st.sampled_from(QUOTE_MARKS),
    _whitespace_run,
    st.text(_any_char, max_size=12),
    st.text(st.sampled_from("abc XYZ.,;:!?\"'\u201c\u201d"), max_size=20),
)

#: A hostile text: empty, one character, or news-like sentences interleaved with junk.
hostile_text = st.one_of(
    st.just(""),
    _any_char,
    st.sampled_from(NASTY + QUOTE_MARKS),
    _whitespace_run,
    st.lists(piece, max_size=25).map("".join),
    st.lists(st.one_of(st.sampled_from(NEWS), st.sampled_from(QUOTE_MARKS)), max_size=12).map(
        " ".join
    ),
)


#: A text that can be written to a UTF-8 file (no lone surrogates).
def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


file_text = hostile_text.filter(_encodable)

#: Short names (outlets, corpora, titles) including paths, device names and formulas.
hostile_name = st.one_of(
    st.sampled_from(
        [
            "../../x",
            "/etc/passwd",
            "..",
            ".",
            "CON",
            "nul.txt",
            "com1",
            "LPT9",
            "a/b",
            "a\\b",
            "C:\\x",
            "~",
            "-rf",
            "=1+1",
            " ",
            "\x00",
            "ΑΘΗΝΑ",
            "Le Monde é",
            ".hidden",
            "x" * 300,
        ]
    ),  # fmt: skip
    st.text(_any_char, min_size=0, max_size=30),
)

# --------------------------------------------------------------------------------------------
# Hostile files
# --------------------------------------------------------------------------------------------


def good_body(i: int) -> str:
    """A plain news article body, different for each ``i``.

    Every paragraph carries ``i``: paragraphs repeated across the files of one
    folder are (rightly) removed as boilerplate, which would empty the articles.
    """
    return (
        f"The city council approved budget number {i} on Monday after a long debate.\n\n"
        f"\u201cThis is a fair compromise for district {i},\u201d said council member Ana Lopez.\n\n"
        f"Critics said plan {i} cuts too deeply into public transport."
    )


GOOD_BODY = good_body(0)


def rtf_escape(text: str) -> str:
    """Text as RTF: braces and backslashes escaped, non-ASCII as ``\\uN?`` (signed 16-bit)."""
    out = []
    for ch in text:
        if ch in "\\{}":
            out.append("\\" + ch)
        elif ord(ch) < 128:
            out.append(ch)
        else:
            code = ord(ch)
            out.append(f"\\u{code - 65536 if code > 32767 else code}?")
    return "".join(out)


@dataclass(frozen=True)
class Hostile:
    """One generated hostile file and what loading it may legitimately produce."""

    name: str
    #: "row" (an article, perhaps with a note), "reject" (a rejection), "either", or "listed"
    #: (not a document: a rejection or an entry in ``attrs["skipped"]``).
    outcome: str
    why: str


def _docx_parts(paragraphs: list[str] = ()) -> dict[str, str]:
    """The three parts of a minimal valid DOCX (WordprocessingML) holding ``paragraphs``."""
    from xml.sax.saxutils import escape

    body = "".join(
        f'<w:p><w:r><w:t xml:space="preserve">{escape(p)}</w:t></w:r></w:p>' for p in paragraphs
    )
    return {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
        ),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
        ),
        "word/document.xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            f"<w:body>{body}</w:body></w:document>"
        ),
    }


def docx_bytes(paragraphs: list[str]) -> bytes:
    """A minimal valid DOCX holding ``paragraphs``, built with zipfile."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, part in _docx_parts(paragraphs).items():
            zf.writestr(name, part)
    return buffer.getvalue()


def _zip_entry(name: str, *, method: int, crc: int, packed: int, size: int, offset: int):
    """Local header and central-directory record of one zip member (no zip64: under 4 GiB)."""
    encoded = name.encode()
    local = struct.pack(
        "<IHHHHHIIIHH", 0x04034B50, 20, 0, method, 0, 0x21, crc, packed, size, len(encoded), 0
    )
    central = struct.pack(
        "<IHHHHHHIIIHHHHHII",
        0x02014B50, 20, 20, 0, method, 0, 0x21, crc, packed, size, len(encoded), 0, 0, 0, 0, 0,
        offset,
    )  # fmt: skip
    return local + encoded, central + encoded


def write_zip_bomb(path: Path, *, inflated_gb: float = 2.0) -> int:
    """Write a DOCX-shaped zip whose ``word/document.xml`` inflates to ``inflated_gb`` GiB (< 4).

    Deflating gigabytes takes long, so the member is built from one compressed
    1 MiB block repeated: after a full flush a deflate block does not refer to
    earlier data, so identical blocks concatenate into a valid stream. The file is
    about 2 MB; the sizes and CRC in its headers are true, so only a reader that
    checks the announced size before inflating can refuse it early.
    Returns the number of bytes the member inflates to.
    """
    chunk = b"<w:t>" + b"A" * (1024 * 1024 - 5)
    copies = int(inflated_gb * 1024)
    size = copies * len(chunk)
    if size >= 2**32:
        raise ValueError("keep the bomb under 4 GiB (no zip64 records are written)")
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = packer.compress(chunk) + packer.flush(zlib.Z_FULL_FLUSH)
    tail = packer.flush(zlib.Z_FINISH)
    crc = 0
    for _ in range(copies):
        crc = zlib.crc32(chunk, crc)
    parts = _docx_parts()
    centrals = []
    with path.open("wb") as fh:
        for name in ("[Content_Types].xml", "_rels/.rels"):
            raw = parts[name].encode()
            local, central = _zip_entry(
                name,
                method=0,
                crc=zlib.crc32(raw),
                packed=len(raw),
                size=len(raw),
                offset=fh.tell(),
            )
            fh.write(local + raw)
            centrals.append(central)
        local, central = _zip_entry(
            "word/document.xml",
            method=8,
            crc=crc,
            packed=len(block) * copies + len(tail),
            size=size,
            offset=fh.tell(),
        )
        fh.write(local)
        for _ in range(copies):
            fh.write(block)
        fh.write(tail)
        centrals.append(central)
        start = fh.tell()
        for central in centrals:
            fh.write(central)
        directory = fh.tell() - start
        fh.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 3, 3, directory, start, 0))
    return size


def write_big_text(path: Path, *, megabytes: int = 100) -> int:
    """Write a ``megabytes`` MB plain-text article quickly (one repeated paragraph); return its size."""
    paragraph = (GOOD_BODY.replace("\n\n", " ") + "\n\n").encode("utf-8")
    block = paragraph * (1024 * 1024 // len(paragraph) + 1)
    block = block[: 1024 * 1024]
    with path.open("wb") as fh:
        fh.write(b"Big Story About The Budget\n\n")
        for _ in range(megabytes):
            fh.write(block)
    return path.stat().st_size


def write_hostile_corpus(folder: Path) -> dict[str, Hostile]:
    """Write the hostile files (all but the two big ones) into ``folder``; return them by name.

    The big files (:func:`write_zip_bomb`, :func:`write_big_text`) have their own
    tests, where their memory is measured.
    """
    folder.mkdir(parents=True, exist_ok=True)
    cases: dict[str, Hostile] = {}

    def add(name: str, data: bytes, outcome: str, why: str) -> None:
        (folder / name).write_bytes(data)
        cases[name] = Hostile(name, outcome, why)

    junk = bytes((i * 7919 + 13) % 256 for i in range(4096))
    add("junk.txt", junk, "either", "binary bytes under a .txt name (strict check: finding 3)")
    add("nul_only.txt", b"\x00" * 2048, "either", "NUL bytes only (strict check: finding 3)")
    add("empty.txt", b"", "reject", "an empty file has no article")
    add("blank.txt", b" \n\n\t \r\n" * 50, "reject", "white space only")
    add("empty.html", b"", "reject", "an empty HTML file")
    add("empty.jsonl", b"", "either", "an empty JSONL file has no records (nothing to lose)")
    add("empty.csv", b"", "either", "an empty CSV has no records")
    add("empty.docx", b"", "reject", "an empty DOCX is not a zip")
    add("empty.rtf", b"", "reject", "an empty RTF")
    add(
        "cp1252.txt",
        ("Caf\u00e9 owners protest \u2013 \u201cenough\u201d\n\n" + good_body(1)).encode("cp1252"),
        "row",
        "Windows-1252 text decodes with a recorded fallback",
    )
    add(
        "utf16.txt",
        ("Budget passes in the city\n\n" + good_body(2)).encode("utf-16"),  # BOM + little-endian
        "row",
        "UTF-16 with a byte-order mark",
    )
    add(
        "utf8_bom.txt",
        ("\ufeffBudget passes again\n\n" + good_body(3)).encode("utf-8"),
        "row",
        "UTF-8 with a byte-order mark",
    )
    add(
        "truncated.html",
        (
            "<html><head><title>Council approves budget</title></head><body><article><h1>Council "
            "approves budget</h1><p>"
            + good_body(4).replace("\n\n", "</p><p>")
            + "</p><p>The vote wa"
        ).encode("utf-8"),
        "either",
        "HTML cut off mid-paragraph",
    )
    depth = 5000
    add(
        "nested.html",
        (
            "<html><body>" + "<div>" * depth + "<p>" + good_body(5) + "</p>" + "</div>" * depth
        ).encode("utf-8"),
        "either",
        f"HTML nested {depth} levels deep (recursion limits)",
    )
    add(
        "unclosed.html",
        ("<html><body>" + "<div><span><b>" * 3000 + good_body(6)).encode("utf-8"),
        "either",
        "thousands of unclosed tags",
    )
    add("not_a_zip.docx", b"This is plain text pretending to be a Word file.\n" * 20, "reject",
        "a DOCX that is not a zip")  # fmt: skip
    add("truncated.docx", docx_bytes([good_body(7)])[:300], "reject", "a DOCX cut short")
    bad_parts = io.BytesIO()
    with zipfile.ZipFile(bad_parts, "w") as zf:
        zf.writestr("hello.txt", "a zip, but not a Word document")
    add("zip_not_docx.docx", bad_parts.getvalue(), "reject", "a zip without word/document.xml")
    add(
        "unbalanced.rtf",
        (
            r"{\rtf1\ansi{\fonttbl{\f0 Times;}}{\b Council approves budget}\par "
            + rtf_escape(good_body(8)).replace("\n\n", r"\par ")
            + r"{{{\i unclosed"
        ).encode("ascii"),
        "either",
        "RTF with unbalanced braces",
    )  # fmt: skip
    add(
        "closing_braces.rtf",
        b"}}}}{\\rtf1 text}}}}" * 10,
        "either",
        "RTF with extra closing braces",
    )
    add(
        "bad_lines.jsonl",
        b'{"title": "t", "text": "body", "outlet": "o"\n\x00\x01\n[1, 2]\n"just a string"\n',
        "reject",
        "JSONL lines that are not objects",
    )
    add(
        "ragged.csv",
        b'title,text,outlet\n"unterminated,"text\nx,y\n' + b"a,b,c,d,e,f\n",
        "either",
        "CSV with an unterminated quote and ragged rows",
    )
    add("binary.parquet", b"PAR1" + junk[:500] + b"PAR1", "reject", "parquet with a junk body")
    add(
        "deep.json",
        ("[" * 100_000 + "]" * 100_000).encode(),
        "reject",
        "JSON nested 100,000 levels deep (recursion limit)",
    )
    add(
        "control_chars.txt",
        ("Headline with \x07 bell\n\n" + good_body(9).replace(" ", " \x0b", 5)).encode("utf-8"),
        "row",
        "control characters inside an otherwise good article",
    )
    # A symlink loop: the folder contains a link to itself. Walking it must end.
    loop = folder / "loop"
    loop.mkdir()
    (loop / "good.txt").write_text("A story in a loop\n\n" + good_body(10), encoding="utf-8")
    os.symlink(loop, loop / "again", target_is_directory=True)
    cases["loop/good.txt"] = Hostile("loop/good.txt", "row", "a good file inside a symlink loop")
    os.symlink(folder / "dangling-target", folder / "dangling.txt")
    cases["dangling.txt"] = Hostile(
        "dangling.txt", "listed", "a symbolic link to nothing: listed as skipped or rejected"
    )
    return cases


# --------------------------------------------------------------------------------------------
# Good and bad documents in every format, for accounting
# --------------------------------------------------------------------------------------------


def _article(i: int) -> tuple[str, str]:
    title = f"Council story number {i} on the city budget"
    body = (
        f"Story {i}: the city council met on Monday to discuss item {i * 17} of the budget.\n\n"
        f"\u201cWe have to decide by Friday,\u201d said council member Ana Lopez{i}.\n\n"
        f"Residents asked about bus routes and school number {i}."
    )
    return title, body


def nexis_article(title: str, body: str, *, outlet: str) -> str:
    nbsp = "\u00a0"
    return (
        f"{title}\n{outlet}\nMarch 11, 2025 Tuesday\n\nSection:{nbsp}LOCAL NEWS; Pg. A3\n"
        f"Length:{nbsp}{len(body.split())} words\nByline:{nbsp}Dana Whitfield\nBody\n\n\n"
        f"{body}\n\n\nClassification\n\nLanguage:{nbsp}ENGLISH\nLoad-Date:{nbsp}March 12, 2025\n\n\n"
        "End of Document\n"
    )


def factiva_article(title: str, body: str, k: int) -> str:
    return (
        f"{title}\nDana Whitfield\n{len(body.split())} words\n11 March 2025\nMillbrook Gazette\n"
        f"MLBGZT\nEnglish\n(c) 2025 Millbrook Gazette Publishing Co. All rights reserved.\n\n"
        f"{body}\n\nDocument MLBGZT0020250311el3b000{k}a\n"
    )


@dataclass(frozen=True)
class Accounting:
    """How many documents of each kind :func:`write_accounting_corpus` wrote."""

    good: int  #: articles with a body: rows
    empty: int  #: records with an empty or missing body: rows with text "" (and a warning)
    bad: int  #: unreadable documents and exact duplicates: rejections

    @property
    def rows(self) -> int:
        return self.good + self.empty


def write_accounting_corpus(folder: Path) -> Accounting:
    """Write good, empty and bad documents across every format; return how many of each.

    Formats: scraped text, HTML, JSONL, CSV, DOCX, RTF, a Nexis Uni export (text and
    DOCX), a Factiva export and Parquet. Every good document has distinct content,
    so no two share an id. Multi-record files hold good and bad records side by
    side, because one bad record must not cost its neighbours.
    """
    folder.mkdir(parents=True, exist_ok=True)
    good = bad = empty = 0
    counter = iter(range(10_000))

    def next_article() -> tuple[str, str]:
        return _article(next(counter))

    # Plain text pages: headline, blank line, body.
    for k in range(3):
        title, body = next_article()
        (folder / f"page_{k}.txt").write_text(f"{title}\n\n{body}\n", encoding="utf-8")
        good += 1
    (folder / "empty_page.txt").write_bytes(b"")
    (folder / "copy_of_page_0.txt").write_bytes((folder / "page_0.txt").read_bytes())
    bad += 2  # an empty file; an exact duplicate of page_0 (rejected, naming the first)

    # HTML pages.
    for k in range(2):
        title, body = next_article()
        paras = "".join(f"<p>{p}</p>" for p in body.split("\n\n"))
        (folder / f"page_{k}.html").write_text(
            f"<!DOCTYPE html><html><head><title>{title}</title>"
            f'<meta property="og:site_name" content="Daily Example"></head>'
            f"<body><article><h1>{title}</h1>{paras}</article></body></html>",
            encoding="utf-8",
        )
        good += 1
    (folder / "empty_page.html").write_text("<html><body></body></html>", encoding="utf-8")
    bad += 1

    # JSONL: good records, a broken line, a record without text.
    lines = []
    for _ in range(4):
        title, body = next_article()
        lines.append(json.dumps({"outlet": "Daily Example", "title": title, "text": body}))
        good += 1
    lines.insert(2, '{"outlet": "Daily Example", "title": "broken", "text": ')
    lines.insert(4, "[1, 2, 3]")
    lines.insert(1, '"just a string"')
    bad += 3
    # An empty body is a row (text "", counted in the load warning), not a rejection.
    lines.append(json.dumps({"outlet": "Daily Example", "title": "no body", "text": ""}))
    empty += 1
    (folder / "records.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")

    # CSV: good rows and a row with an empty text.
    import csv

    with (folder / "records.csv").open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["outlet", "title", "text"])
        for _ in range(3):
            title, body = next_article()
            writer.writerow(["Weekly Example", title, body])
            good += 1
        writer.writerow(["Weekly Example", "headline only", ""])
        empty += 1
        writer.writerow(["Weekly Example", "too", "many", "fields", "here"])
        bad += 1

    # DOCX: a good one and one that is not a zip.
    title, body = next_article()
    (folder / "story.docx").write_bytes(docx_bytes([title, *body.split("\n\n")]))
    good += 1
    (folder / "broken.docx").write_bytes(b"not a zip at all")
    bad += 1

    # RTF: a good one.
    title, body = next_article()
    rtf_body = r"\par ".join(rtf_escape(p) for p in body.split("\n\n"))
    rtf = r"{\rtf1\ansi\deff0 {\fonttbl{\f0 Times;}}" + title + r"\par\par " + rtf_body + "}"
    (folder / "story.rtf").write_text(rtf, encoding="ascii")
    good += 1

    # Nexis Uni export as text and as DOCX: a cover page, then articles closed by "End of Document".
    nexis = [nexis_article(*next_article(), outlet="Harbour Gazette") for _ in range(3)]
    cover = "Date and Time: Wednesday, March 12, 2025 4:05:00 PM EDT\nJob Number: 1\nDocuments (3)\n\n\n\n"
    (folder / "nexis_export.txt").write_text(cover + "\n\n\n".join(nexis), encoding="utf-8")
    good += 3
    nexis = [nexis_article(*next_article(), outlet="River Courier") for _ in range(2)]
    lines = (cover.replace("(3)", "(2)") + "\n\n\n".join(nexis)).split("\n")
    (folder / "nexis_export.docx").write_bytes(docx_bytes(lines))
    good += 2

    # Factiva export without field codes: articles closed by "Document <accession number>".
    factiva = [factiva_article(*next_article(), k) for k in range(2)]
    (folder / "factiva_export.txt").write_text("\n\n\n".join(factiva), encoding="utf-8")
    good += 2

    # Parquet: good rows and one with missing text.
    import pandas as pd

    rows = []
    for _ in range(2):
        title, body = next_article()
        rows.append({"outlet": "Parquet Times", "title": title, "text": body})
        good += 1
    rows.append({"outlet": "Parquet Times", "title": "missing text", "text": None})
    empty += 1
    pd.DataFrame(rows).to_parquet(folder / "records.parquet", index=False)
    return Accounting(good=good, empty=empty, bad=bad)
