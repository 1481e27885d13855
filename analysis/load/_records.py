"""What every format reader returns: article records, rejections and notes for one file."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Parsed:
    """The documents of one file.

    ``records`` are dicts with (some of) the article-table columns plus any extra
    columns and ``position`` ('document 2', 'line 7'); ``rejections`` and
    ``notes`` are ``(position, text)`` pairs.
    """

    records: list[dict[str, Any]] = field(default_factory=list)
    rejections: list[tuple[str, str]] = field(default_factory=list)
    notes: list[tuple[str, str]] = field(default_factory=list)
    #: Columns the file itself carries beyond the article table (tabular inputs), in order.
    extra_columns: list[str] = field(default_factory=list)
    #: How many documents the file says it holds (e.g. Nexis "Documents (N)"), when it says.
    declared: int | None = None

    def reject(self, position: str, reason: str) -> None:
        self.rejections.append((position, reason))

    def note(self, position: str, text: str) -> None:
        self.notes.append((position, text))
