"""Finding input files and decoding their bytes, with every fallback recorded."""

from __future__ import annotations

import codecs
import glob
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

# Files a researcher keeps beside the data that are not articles: skipped on
# purpose when a folder or glob is expanded (and listed in attrs["skipped"]).
_DOC_NAMES = ("readme", "license", "licence", "changelog", "notice", "copying", "citation")
_DOC_SUFFIXES = {
    ".md",
    ".markdown",
    ".rst",
    ".yml",
    ".yaml",
    ".toml",
    ".cfg",
    ".ini",
    ".py",
    ".ipynb",
}

#: File-name endings load_articles knows how to read.
KNOWN_SUFFIXES = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".rtf": "rtf",
    ".docx": "docx",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".csv": "csv",
    ".tsv": "csv",
    ".parquet": "parquet",
    ".pq": "parquet",
}


@dataclass(frozen=True)
class Skipped:
    """A file met while expanding a folder or glob that is not read as articles."""

    source_path: str
    reason: str


def _is_documentation(path: Path) -> bool:
    stem = path.name.lower()
    return path.suffix.lower() in _DOC_SUFFIXES or any(stem.startswith(n) for n in _DOC_NAMES)


def discover(
    paths: str | os.PathLike | Iterable[str | os.PathLike],
) -> tuple[list[Path], list[Skipped]]:
    """Expand files, folders (recursive) and globs into a sorted, de-duplicated file list.

    Files named explicitly are always read; files found by walking a folder or
    matching a glob are skipped (and reported) when they are documentation
    (README, *.md, LICENSE, ...), hidden, or of an unknown kind.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    files: list[Path] = []
    skipped: list[Skipped] = []
    seen: set[Path] = set()

    def add(path: Path, explicit: bool, root: Path | None = None) -> None:
        key = path.resolve()
        if key in seen:
            return
        seen.add(key)
        if not explicit:
            inner = path.relative_to(root).parts if root is not None else (path.name,)
            if any(part.startswith(".") for part in inner):
                skipped.append(Skipped(str(path), "hidden file"))
                return
            if _is_documentation(path):
                skipped.append(Skipped(str(path), "documentation, not an article file"))
                return
            if path.suffix.lower() not in KNOWN_SUFFIXES:
                skipped.append(Skipped(str(path), f"unknown file type {path.suffix or '(none)'!r}"))
                return
        files.append(path)

    for item in paths:
        text = os.fspath(item)
        if not text.strip():
            # Path("") is the current folder: an empty parameter must not read it silently.
            raise ValueError(
                f"paths: {text!r} is empty; give a file, a folder or a glob ('.' for the current folder)"
            )
        path = Path(text)
        if path.is_file():
            add(path, explicit=True)
        elif path.is_dir():
            for found in sorted(path.rglob("*")):
                if found.is_file():
                    add(found, explicit=False, root=path)
                elif found.is_symlink() and not found.exists():
                    skipped.append(
                        Skipped(str(found), "broken symbolic link: it points to nothing")
                    )
        elif glob.has_magic(text):
            for found in sorted(glob.glob(text, recursive=True)):
                if Path(found).is_file():
                    add(Path(found), explicit=False)
                elif Path(found).is_symlink():
                    skipped.append(Skipped(found, "broken symbolic link: it points to nothing"))
        else:
            raise FileNotFoundError(
                f"paths: {text!r} is not a file, a folder or a glob that matches anything; "
                "check the spelling, or pass a folder to read every article file in it"
            )
    return files, skipped


_DECLARED_CHARSET = re.compile(
    rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)|<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""",
    re.IGNORECASE,
)


def _declared_charset(data: bytes) -> str | None:
    """The charset an HTML or XML file declares in its first 4 KB, when Python knows it."""
    match = _DECLARED_CHARSET.search(data[:4096])
    if match is None:
        return None
    name = (match.group(1) or match.group(2)).decode("ascii")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode(data: bytes) -> tuple[str, str | None]:
    """Decode file bytes to text; return ``(text, note)`` where note records any fallback.

    UTF-8 (with or without BOM) and UTF-16 with a BOM are read as such; a file that
    is not valid UTF-8 but declares its charset (``<meta charset>``, an XML
    declaration) is decoded with it; anything else is decoded as Windows-1252 (the usual culprit in
    exports from Word and older newsroom systems), and Latin-1 as a last resort,
    since Latin-1 maps every byte and so never fails.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "decoded as UTF-16 (byte-order mark)"
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as error:
        where = f"byte {error.start}"
    declared = _declared_charset(data)
    if declared is not None:
        note = f"not valid UTF-8 ({where}); decoded as {declared} (declared in the file)"
        try:
            return data.decode(declared), note
        except (UnicodeError, LookupError):  # LookupError: a declared non-text codec ("base64")
            pass  # the declaration is wrong: fall back as for any other file
    try:
        return data.decode("cp1252"), f"not valid UTF-8 ({where}); decoded as Windows-1252 (cp1252)"
    except UnicodeDecodeError:
        return data.decode("latin-1"), f"not valid UTF-8 ({where}) nor cp1252; decoded as Latin-1"


#: Control characters other than tab, line feed, carriage return and form feed.
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")
#: Above this share of control characters a "text" file is binary data (random
#: bytes hold about 13 %; a scrape with a few stray bell or tab characters, far less).
_BINARY_SHARE = 0.05


class NotText(ValueError):
    """A file named like text holds binary data."""


def read_text(path: Path, *, data: bytes | None = None) -> tuple[str, str | None]:
    """Read a text file with :func:`decode`; line endings become ``\\n``.

    Binary data (more than 5 % control characters) raises :class:`NotText`; a few stray control characters are removed and the
    removal is added to the note.
    """
    text, note = decode(path.read_bytes() if data is None else data)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    controls = len(_CONTROL.findall(text)) if _CONTROL.search(text) else 0
    if controls:
        if controls >= 8 and controls > _BINARY_SHARE * len(text):
            raise NotText(
                f"binary data, not text ({controls} control characters in {len(text)}); "
                "check the file, or give it the extension of its real format"
            )
        text = _CONTROL.sub("", text)
        removed = f"removed {controls} control character{'s' if controls > 1 else ''}"
        note = f"{note}; {removed}" if note else removed
    return text, note
