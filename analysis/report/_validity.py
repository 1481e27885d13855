"""docs/validity.md: the agreement of each measure with human annotations, read for the report."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pandas as pd


def _validity_markdown() -> str | None:
    """The text of docs/validity.md when the package runs from a checkout, else None."""
    path = Path(__file__).resolve().parents[2] / "docs" / "validity.md"
    if not path.is_file():
        return None
    return path.read_text(encoding="utf-8")


def read_validity(path: str | os.PathLike[str] | None = None) -> dict[str, pd.DataFrame]:
    """Return the agreement tables of ``docs/validity.md`` as DataFrames, keyed by their heading.

    Parameters
    ----------
    path
        The Markdown file; by default ``docs/validity.md`` of the checkout the package runs from.

    Returns
    -------
    dict of str to pandas.DataFrame
        One table per Markdown pipe table, keyed by the nearest heading above it
        (``"Tone / VADER against NYT ratings"``; a second table under one heading gets `` (2)``).
        Empty when the file is absent.

    Example
    -------
    >>> tables = read_validity()            # doctest: +SKIP
    >>> list(tables)[:1]                    # doctest: +SKIP
    ['Tone: VADER against human ratings']
    """
    text = _validity_markdown() if path is None else Path(path).read_text(encoding="utf-8")
    if text is None:
        return {}
    tables: dict[str, pd.DataFrame] = {}
    heading = "validity"
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        stripped = lines[i].strip()
        if stripped.startswith("#"):
            heading = stripped.lstrip("#").strip()
        if stripped.startswith("|"):
            block = []
            while i < len(lines) and lines[i].strip().startswith("|"):
                block.append(lines[i].strip().strip("|"))
                i += 1
            rows = [[c.strip() for c in b.split("|")] for b in block]
            body = [r for r in rows[1:] if not all(set(c) <= set(":- ") for c in r)]
            key, n = heading, 2
            while key in tables:
                key, n = f"{heading} ({n})", n + 1
            tables[key] = pd.DataFrame(body, columns=rows[0]).map(_number)
            continue
        i += 1
    return tables


def _number(cell: str) -> object:
    try:
        return (
            float(cell.replace(",", "").replace("−", "-"))
            if re.fullmatch(r"[-+−]?[\d,]*\.?\d+", cell)
            else cell
        )
    except ValueError:
        return cell
