"""Accounting for documents that do not become rows: the tables in ``attrs`` and the one warning."""

from __future__ import annotations

import pandas as pd


class LoadWarning(UserWarning):
    """The one warning ``load_articles`` gives: how many documents were rejected, dropped or noted."""


class AttrsTable(pd.DataFrame):
    """A DataFrame kept in ``articles.attrs`` (rejections, duplicates, notes, skipped files).

    pandas compares the ``attrs`` of tables it concatenates with ``==`` and
    deep-copies them on every operation. A plain DataFrame there makes
    ``pd.concat([part1, part2])`` raise ("truth value of a DataFrame is
    ambiguous"), so this one compares by content and returns a single bool,
    and stays itself when deep-copied. Anything derived from it (a column, a
    filter) is an ordinary DataFrame or Series.
    """

    _metadata: list[str] = []

    @property
    def _constructor(self):
        return pd.DataFrame

    def __eq__(self, other: object) -> bool:  # type: ignore[override]
        return isinstance(other, pd.DataFrame) and self.equals(other)

    def __ne__(self, other: object) -> bool:  # type: ignore[override]
        return not self.__eq__(other)

    __hash__ = None  # type: ignore[assignment]

    def __deepcopy__(self, memo: dict | None = None) -> AttrsTable:
        return AttrsTable(pd.DataFrame(self).copy(deep=True))


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def summary_message(summary: dict) -> str | None:
    """The text of the one warning, or None when every document became a row and nothing needs saying."""
    parts = []
    if summary["rejected"]:
        parts.append(
            f"{_plural(summary['rejected'], 'document')} rejected (see articles.attrs['rejections'])"
        )
    if summary["duplicates_dropped"]:
        parts.append(
            f"{_plural(summary['duplicates_dropped'], 'near-duplicate')} dropped (see articles.attrs['duplicates'])"
        )
    if summary["notes"]:
        parts.append(f"{_plural(summary['notes'], 'note')} (see articles.attrs['notes'])")
    if summary["skipped_files"]:
        parts.append(
            f"{_plural(summary['skipped_files'], 'file')} skipped (see articles.attrs['skipped'])"
        )
    if summary["missing_dates"]:
        parts.append(f"{_plural(summary['missing_dates'], 'article')} without a date (NaT)")
    if summary["empty_texts"]:
        parts.append(f"{_plural(summary['empty_texts'], 'article')} with empty text")
    if not parts:
        return None
    head = (
        f"loaded {_plural(summary['articles'], 'article')} from {_plural(summary['files'], 'file')} "
        f"({_plural(summary['documents'], 'document')} in)"
    )
    return head + "; " + "; ".join(parts)
