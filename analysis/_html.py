"""Small, escaping HTML builders for the report (no template engine, no JavaScript).

Every string that reaches the page goes through :func:`esc`, so text scraped from
articles (a ``<script>`` in a quote, an ``&`` in a headline) is shown as text.
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Iterable

import pandas as pd

__all__ = ["esc", "markdown_to_html", "table_html"]


def esc(value: object) -> str:
    """Return ``value`` as HTML-escaped text; missing values become an empty string."""
    if value is None or value is pd.NA or value is pd.NaT:
        return ""
    if isinstance(value, float) and math.isnan(value):
        return ""
    return html.escape(str(value), quote=True)


def _cell(value: object, digits: int) -> str:
    if isinstance(value, bool):
        return esc(value)
    if isinstance(value, float):
        if math.isnan(value):
            return '<span class="na">–</span>'
        return esc(f"{value:,.{digits}f}")
    if isinstance(value, pd.Timestamp):
        return esc(value.strftime("%Y-%m-%d"))
    try:
        if pd.isna(value):
            return '<span class="na">–</span>'
    except (TypeError, ValueError):
        pass
    return esc(value)


def table_html(
    table: pd.DataFrame,
    *,
    caption: str | None = None,
    digits: int = 3,
    max_rows: int | None = None,
    css_class: str = "data",
) -> str:
    """Render a DataFrame as an escaped HTML table; numbers right-aligned, rounded to ``digits``."""
    shown = table if max_rows is None else table.head(max_rows)
    numeric = [
        pd.api.types.is_numeric_dtype(shown[c]) and not pd.api.types.is_bool_dtype(shown[c])
        for c in shown.columns
    ]
    parts = [f'<table class="{esc(css_class)}">']
    if caption:
        parts.append(f"<caption>{esc(caption)}</caption>")
    parts.append("<thead><tr>")
    parts += [
        f'<th scope="col"{" class=num" if n else ""}>{esc(c)}</th>'
        for c, n in zip(shown.columns, numeric, strict=True)
    ]
    parts.append("</tr></thead><tbody>")
    for row in shown.itertuples(index=False, name=None):
        cells = (
            f"<td{' class=num' if n else ''}>{_cell(v, digits)}</td>"
            for v, n in zip(row, numeric, strict=True)
        )
        parts.append("<tr>" + "".join(cells) + "</tr>")
    parts.append("</tbody></table>")
    if max_rows is not None and len(table) > max_rows:
        parts.append(
            f'<p class="note">First {max_rows:,} of {len(table):,} rows; the CSV has them all.</p>'
        )
    return "".join(parts)


_INLINE = re.compile(r"`([^`]+)`|\*\*([^*]+)\*\*|\[([^\]]+)\]\(([^)\s]+)\)")


def _inline(text: str) -> str:
    """Escape a line of Markdown and keep its code spans, bold and link texts (links are not followed)."""
    out: list[str] = []
    pos = 0
    for m in _INLINE.finditer(text):
        out.append(esc(text[pos : m.start()]))
        if m.group(1) is not None:
            out.append(f"<code>{esc(m.group(1))}</code>")
        elif m.group(2) is not None:
            out.append(f"<strong>{esc(m.group(2))}</strong>")
        else:
            # A standalone file has no business sending the reader elsewhere; keep the words.
            out.append(f"{esc(m.group(3))} (<code>{esc(m.group(4))}</code>)")
        pos = m.end()
    out.append(esc(text[pos:]))
    return "".join(out)


def _split_row(line: str) -> list[str]:
    return [c.strip() for c in line.strip().strip("|").split("|")]


def markdown_to_html(text: str, *, heading_offset: int = 2) -> str:
    """Render the plain Markdown of ``docs/validity.md``: headings, paragraphs, lists, pipe tables, code.

    Deliberately small: anything it does not know is shown as escaped text, never as HTML.
    Raw HTML and HTML comments (the section markers) are dropped.
    """
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    lines = text.splitlines()
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if not stripped:
            i += 1
            continue
        if stripped.startswith("```"):
            block: list[str] = []
            i += 1
            while i < len(lines) and not lines[i].strip().startswith("```"):
                block.append(lines[i])
                i += 1
            out.append("<pre><code>" + esc("\n".join(block)) + "</code></pre>")
            i += 1
            continue
        heading = re.match(r"^(#{1,6})\s+(.*)$", stripped)
        if heading:
            level = min(6, len(heading.group(1)) + heading_offset)
            out.append(f"<h{level}>{_inline(heading.group(2))}</h{level}>")
            i += 1
            continue
        if stripped.startswith("|"):
            rows: list[str] = []
            while i < len(lines) and lines[i].strip().startswith("|"):
                rows.append(lines[i])
                i += 1
            out.append(_md_table(rows))
            continue
        if re.match(r"^([-*+]|\d+\.)\s+", stripped):
            items: list[str] = []
            while i < len(lines) and re.match(r"^\s*([-*+]|\d+\.)\s+", lines[i]):
                items.append(re.sub(r"^\s*([-*+]|\d+\.)\s+", "", lines[i]))
                i += 1
            out.append("<ul>" + "".join(f"<li>{_inline(it)}</li>" for it in items) + "</ul>")
            continue
        para: list[str] = []
        while (
            i < len(lines) and lines[i].strip() and not re.match(r"^(#|\||```)", lines[i].strip())
        ):
            para.append(lines[i].strip())
            i += 1
        out.append("<p>" + _inline(" ".join(para)) + "</p>")
    return "\n".join(out)


def _md_table(rows: Iterable[str]) -> str:
    rows = list(rows)
    header = _split_row(rows[0])
    body = [r for r in rows[1:] if not re.match(r"^\s*\|?[\s:|-]+\|?\s*$", r)]
    parts = ['<table class="data"><thead><tr>']
    parts += [f'<th scope="col">{_inline(c)}</th>' for c in header]
    parts.append("</tr></thead><tbody>")
    for r in body:
        parts.append("<tr>" + "".join(f"<td>{_inline(c)}</td>" for c in _split_row(r)) + "</tr>")
    parts.append("</tbody></table>")
    return "".join(parts)
