"""Safe outputs: file names that stay in their folder, CSV cells that stay text.

Two hazards of writing research outputs that other people open:

* **Path traversal.** A file name built from data (an outlet called
  ``"../../etc"``, a corpus called ``"CON"``) must not write outside the output
  folder, nor produce a name Windows cannot open.
* **Spreadsheet formula injection.** A scraped headline such as
  ``=HYPERLINK("http://evil", "click")`` is run as a formula when the CSV is
  opened in Excel or LibreOffice. String cells that start with ``=``, ``+``,
  ``-``, ``@``, a tab or a carriage return are prefixed with a single quote
  (the OWASP recommendation); numbers, including negative numbers, stay numbers.

The report and :func:`analysis.save_figure` write every table through
:func:`to_csv_safe`, which also makes the bytes deterministic (fixed float
format, ``\\n`` line ends, UTF-8, no index unless it carries information).

Example
-------
>>> safe_filename("Fox News / 2019")
'Fox-News-2019'
>>> neutralise_csv_cell("=1+1")
"'=1+1"
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

__all__ = [
    "FLOAT_FORMAT",
    "csv_bytes",
    "fingerprint",
    "neutralise_csv_cell",
    "neutralise_frame",
    "safe_filename",
    "safe_path",
    "to_csv_safe",
    "write_csv",
    "write_table",
]

#: printf-style format of floats in every CSV we write: 10 significant digits are
#: far more than any of our measures carry, and short enough to diff by eye.
FLOAT_FORMAT = "%.10g"

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

# Device names Windows reserves in every folder, with or without an extension.
_RESERVED = {
    "CON",
    "PRN",
    "AUX",
    "NUL",
    *(f"COM{i}" for i in range(10)),
    *(f"LPT{i}" for i in range(10)),
    "COM¹",
    "COM²",
    "COM³",
    "LPT¹",
    "LPT²",
    "LPT³",
}
_MAX_STEM = 120
_UNSAFE_CHARS = re.compile(r"[^A-Za-z0-9._-]+")


def _is_reserved(stem: str) -> bool:
    return stem.split(".", 1)[0].rstrip(" ").upper() in _RESERVED


def safe_filename(name: object, *, strict: bool = False) -> str:
    """Return a file name made from ``name`` that cannot leave its folder.

    Letters are reduced to ASCII (``"Le Monde é"`` → ``"Le-Monde-e"``), every run of
    characters other than letters, digits, ``.``, ``_`` and ``-`` becomes one ``-``,
    leading dots and dashes are dropped (no hidden files, no ``..``), Windows device
    names get a trailing ``_`` (``"CON"`` → ``"CON_"``), and names longer than 120
    characters are cut and given a short hash so two long names stay distinct.

    Parameters
    ----------
    name
        Anything with a ``str()``: an outlet, a corpus name, a figure name.
    strict
        If True, refuse (rather than clean) a name that looks like a path: one with
        ``/`` or ``\\``, ``..``, a drive or a NUL. Use it where the caller typed the
        name (``save_figure``); leave it False for names that come from data.

    Returns
    -------
    str
        A non-empty name of ASCII letters, digits, ``.``, ``_`` and ``-``.

    Raises
    ------
    ValueError
        If nothing usable is left (``""``, ``"..."``, ``"///"``), or, with
        ``strict=True``, if ``name`` addresses a path.

    Example
    -------
    >>> safe_filename("../../x")
    'x'
    >>> safe_filename("nul")
    'nul_'
    """
    text = str(name)
    if strict:
        looks_like_path = (
            "/" in text
            or "\\" in text
            or "\x00" in text
            or ".." in text
            or os.path.isabs(text)
            or re.match(r"^[A-Za-z]:", text) is not None
        )
        if looks_like_path:
            raise ValueError(
                f"file name {text!r} addresses a path, which could write outside the output folder; "
                "give a plain name such as 'tone_by_outlet' and choose the folder with folder=..."
            )
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = _UNSAFE_CHARS.sub("-", ascii_text).strip("-")
    slug = re.sub(r"-*\.-*", ".", slug)  # "a - . b" and friends read as one dot
    slug = slug.lstrip(".-").rstrip(". ")
    if not slug or set(slug) <= {".", "-", "_"}:
        raise ValueError(
            f"file name {text!r} has no letters or digits left once unsafe characters are removed; "
            "give a name with at least one letter or digit"
        )
    if len(slug) > _MAX_STEM:
        # Cut the stem, never the extension: a long outlet name must still give a .csv.
        match = re.search(r"\.[A-Za-z0-9]{1,10}$", slug)
        ext = match.group(0) if match else ""
        stem = slug[: len(slug) - len(ext)]
        digest = hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:8]
        slug = f"{stem[: _MAX_STEM - 9 - len(ext)].rstrip('.-')}-{digest}{ext}"
    if _is_reserved(slug):
        stem, dot, rest = slug.partition(".")
        slug = f"{stem}_{dot}{rest}"
    return slug


def safe_path(folder: str | os.PathLike[str], name: object, *, strict: bool = False) -> Path:
    """Return ``folder / safe_filename(name)``, checked to lie inside ``folder``.

    The check is made on resolved paths, so a symbolic link inside ``folder`` that
    points elsewhere is refused as well.

    Parameters
    ----------
    folder
        The output folder (need not exist yet).
    name
        The file name, extension included; cleaned with :func:`safe_filename`.
    strict
        Passed to :func:`safe_filename`.

    Returns
    -------
    pathlib.Path
        The absolute, resolved path of the file.

    Raises
    ------
    ValueError
        If the name is unusable or the resolved path is outside ``folder``.

    Example
    -------
    >>> safe_path("figures", "tone.png").name
    'tone.png'
    """
    base = Path(folder).resolve()
    target = (base / safe_filename(name, strict=strict)).resolve()
    if target.parent != base:
        raise ValueError(
            f"file name {str(name)!r} resolves to {target}, outside the output folder {base} "
            "(is there a symbolic link with that name?); choose another name or folder"
        )
    return target


def neutralise_csv_cell(value: object) -> object:
    """Return ``value`` made safe to open in a spreadsheet.

    A string that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return
    gets a leading ``'`` so spreadsheets show it as text instead of running it.
    Anything that is not a string (numbers, negative numbers, NaN, dates) is
    returned unchanged.

    Example
    -------
    >>> neutralise_csv_cell("-2 dead"), neutralise_csv_cell(-2.0)
    ("'-2 dead", -2.0)
    """
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def neutralise_frame(df: pd.DataFrame) -> pd.DataFrame:
    """Return a copy of ``df`` with every string cell and column label neutralised.

    Numeric columns are untouched; in object and string columns only the cells
    that are strings change. The input is not modified.

    Example
    -------
    >>> neutralise_frame(pd.DataFrame({"t": ["=cmd()", "ok"], "x": [-1, 2]}))["t"].tolist()
    ["'=cmd()", 'ok']
    """
    out = df.copy()
    for column in out.columns:
        series = out[column]
        dtype = series.dtype
        if isinstance(dtype, pd.CategoricalDtype):
            # New values are not among the categories: work on plain objects.
            out[column] = series.astype(object).map(neutralise_csv_cell, na_action="ignore")
        elif pd.api.types.is_string_dtype(dtype) or pd.api.types.is_object_dtype(dtype):
            out[column] = series.map(neutralise_csv_cell, na_action="ignore").astype(dtype)
    out.columns = [neutralise_csv_cell(c) if isinstance(c, str) else c for c in out.columns]
    return out


def _flatten(df: pd.DataFrame) -> pd.DataFrame:
    # A meaningful index (named, or not a plain 0..n-1 range) is written as columns.
    if isinstance(df.index, pd.RangeIndex) and df.index.name is None:
        return df
    if df.index.names == [None] and df.index.equals(pd.RangeIndex(len(df))):
        return df.reset_index(drop=True)
    return df.reset_index()


def csv_bytes(df: pd.DataFrame, *, float_format: str = FLOAT_FORMAT) -> bytes:
    """Return the safe, deterministic CSV bytes of ``df`` (what :func:`to_csv_safe` writes).

    Example
    -------
    >>> csv_bytes(pd.DataFrame({"a": [0.1 + 0.2]}))
    b'a\\n0.3\\n'
    """
    if not isinstance(df, pd.DataFrame):
        raise TypeError(f"expected a pandas DataFrame, got {type(df).__name__}")
    table = neutralise_frame(_flatten(df))
    text = table.to_csv(index=False, float_format=float_format, lineterminator="\n")
    return text.encode("utf-8")


def fingerprint(df: pd.DataFrame | None) -> str:
    """Return ``"sha256:<hex>"`` of the table's CSV bytes, or ``"none"`` without a table.

    Example
    -------
    >>> fingerprint(pd.DataFrame({"a": [1]}))[:7]
    'sha256:'
    """
    if df is None:
        return "none"
    return "sha256:" + hashlib.sha256(csv_bytes(df)).hexdigest()


def to_csv_safe(
    df: pd.DataFrame, path: str | os.PathLike[str], *, float_format: str = FLOAT_FORMAT
) -> Path:
    """Write ``df`` to ``path`` as formula-safe, byte-deterministic CSV and return the path.

    Floats use ``float_format`` (10 significant digits), lines end in ``\\n``, the
    text is UTF-8, string cells are neutralised with :func:`neutralise_csv_cell`, a
    meaningful index is written as columns, and rows keep their order.

    Example
    -------
    >>> to_csv_safe(pd.DataFrame({"a": ["=x"]}), "t.csv")  # doctest: +SKIP
    PosixPath('t.csv')
    """
    path = Path(path)
    path.write_bytes(csv_bytes(df, float_format=float_format))
    return path


#: Alias: the name the report uses.
write_csv = to_csv_safe


def write_table(
    df: pd.DataFrame,
    folder: str | os.PathLike[str],
    name: object,
    *,
    formats: Iterable[str] = ("csv",),
) -> list[Path]:
    """Write ``df`` as ``<folder>/<safe name>.<format>`` for each format; return the paths.

    ``csv`` goes through :func:`to_csv_safe`; ``parquet`` is written with pyarrow
    without the pandas index (parquet is not opened by spreadsheets, so cells are
    kept as they are). The folder is created when missing.

    Parameters
    ----------
    df
        The table.
    folder
        Output folder.
    name
        File stem, cleaned with :func:`safe_filename` (names from data are fine).
    formats
        Any of ``"csv"`` and ``"parquet"``.

    Example
    -------
    >>> write_table(pd.DataFrame({"a": [1]}), "out", "Fox News")  # doctest: +SKIP
    [PosixPath('/.../out/Fox-News.csv')]
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    stem = safe_filename(name)
    paths: list[Path] = []
    for fmt in formats:
        if fmt == "csv":
            paths.append(to_csv_safe(df, safe_path(folder, f"{stem}.csv")))
        elif fmt == "parquet":
            path = safe_path(folder, f"{stem}.parquet")
            _flatten(df).to_parquet(path, index=False)
            paths.append(path)
        else:
            raise ValueError(f"unknown table format {fmt!r}; choose from: 'csv', 'parquet'")
    return paths
