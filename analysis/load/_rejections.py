"""Accounting for documents that do not become rows: the tables in ``attrs`` and the one warning."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping
from typing import Any, NoReturn

import numpy as np
import pandas as pd

#: What a record holds: the values JSON has.
Value = str | int | float | bool | None


class LoadWarning(UserWarning):
    """The one warning ``load_articles`` gives: how many documents were rejected, dropped or noted."""


def _native(value: Any) -> Value:
    """``value`` as a plain Python value JSON can hold.

    numpy scalars become their Python values, missing values (None, NaN, NA,
    NaT) None, dates and times ISO strings; anything else its ``str``.
    """
    if isinstance(value, np.datetime64):
        value = pd.Timestamp(value)
    elif isinstance(value, np.timedelta64):
        value = pd.Timedelta(value)
    elif isinstance(value, np.generic):
        value = value.item()
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        return None if math.isnan(value) else value
    if value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, (dt.date, dt.time, pd.Timedelta)):
        return value.isoformat()
    return str(value)


def _read_only(self: object, *args: object, **kwargs: object) -> NoReturn:
    raise TypeError(
        f"a {type(self).__name__} records what happened and cannot be changed; "
        "change a copy instead: dict(record), or table.to_frame() for a DataFrame"
    )


class Record(dict):
    """One row of a :class:`RecordTable`: a dict that cannot be changed (``dict(record)`` can)."""

    __setitem__ = __delitem__ = __ior__ = _read_only
    clear = pop = popitem = setdefault = update = _read_only

    def __reduce__(self) -> tuple[type, tuple[dict[str, Value]]]:
        return (Record, (dict(self),))

    def __copy__(self) -> Record:
        return self

    def __deepcopy__(self, memo: dict | None = None) -> Record:
        return self


class RecordTable(list):
    """A table kept in ``articles.attrs``: a list of records that reads like a DataFrame.

    The loader's accounting (rejections, duplicates, notes, skipped files) lives
    in ``attrs``, which pandas writes as JSON into Parquet and Feather files,
    compares with ``==`` when it concatenates tables, and deep-copies on most
    operations. A DataFrame does none of these well, so the rows are kept as
    plain dicts holding only str, int, float, bool and None (numpy values
    become Python ones, missing values None, dates ISO strings), with the
    column names and dtypes beside them. ``json.dumps`` writes the table as a
    list of records, ``==`` with another table or list gives one bool, and as
    nothing in it can change (changing the list or a record raises TypeError),
    a copy, ``copy.deepcopy`` included, is the table itself.

    What a list does, it does as a list: ``len``, iteration and ``in`` over the
    records, ``table[0]`` (a record), ``table[1:3]`` (a shorter RecordTable),
    ``==``, ``.index()``, ``.count()``, ``.copy()`` (a plain list). Everything
    else goes to a DataFrame built from the records on first use: a column
    name, a list of them or a boolean mask in ``[]``, and any other attribute
    (``.empty``, ``.iloc``, ``.columns``, ``.to_csv``); ``repr`` and the
    notebook display are the DataFrame's. :meth:`to_frame` returns that
    DataFrame, a copy that can be changed freely.

    Parameters
    ----------
    records
        One mapping per row.
    dtypes
        Column name to pandas dtype (``"string"``, ``"int64"``, ...), in column
        order. Columns that only the records name come after, their dtype
        inferred. Empty tables keep their columns this way.

    Example
    -------
    >>> table = RecordTable([{"source_path": "a.jsonl", "reason": "no text"}])
    >>> table[["source_path", "reason"]]
      source_path   reason
    0     a.jsonl  no text
    >>> table[0]["reason"], len(table), table.empty
    ('no text', 1, False)
    >>> import json; json.dumps(table)
    '[{"source_path": "a.jsonl", "reason": "no text"}]'
    """

    append = extend = insert = pop = remove = clear = sort = reverse = _read_only
    __setitem__ = __delitem__ = __iadd__ = __imul__ = _read_only

    def __init__(
        self,
        records: Iterable[Mapping[Any, Any]] = (),
        dtypes: Mapping[str, str] | None = None,
    ) -> None:
        rows = [
            r if isinstance(r, Record) else Record({str(k): _native(v) for k, v in r.items()})
            for r in records
        ]
        super().__init__(rows)
        # None: inferred by pandas. A dict keeps the order the columns are met in.
        self._dtypes: dict[str, str | None] = dict(dtypes or {})
        for row in rows:
            for name in row:
                self._dtypes.setdefault(name, None)
        self._frame: pd.DataFrame | None = None

    @classmethod
    def from_frame(cls, frame: pd.DataFrame) -> RecordTable:
        """Return the rows of ``frame`` (its index dropped) as a RecordTable with its dtypes."""
        dtypes = {str(name): str(dtype) for name, dtype in frame.dtypes.items()}
        return cls(frame.to_dict(orient="records"), dtypes)

    def to_frame(self) -> pd.DataFrame:
        """Return the table as a new DataFrame: its columns, in order, with their dtypes."""
        if self._frame is None:
            frame = pd.DataFrame.from_records(list(self), columns=list(self._dtypes))
            known = {name: dtype for name, dtype in self._dtypes.items() if dtype is not None}
            self._frame = frame.astype(known)
        return self._frame.copy()

    def __getitem__(self, key: Any) -> Any:
        if isinstance(key, slice):
            return RecordTable(list.__getitem__(self, key), self._dtypes)
        if isinstance(key, (int, np.integer)) and not isinstance(key, (bool, np.bool_)):
            return list.__getitem__(self, key)
        return self.to_frame()[key]

    def __getattr__(self, name: str) -> Any:
        # Private and special names are never the DataFrame's: copy, pickle and
        # IPython look such names up, and must not get a DataFrame's answer.
        if name.startswith("_"):
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
        return getattr(self.to_frame(), name)

    def __dir__(self) -> list[str]:
        return sorted(set(super().__dir__()) | {n for n in dir(pd.DataFrame) if n[0] != "_"})

    def __repr__(self) -> str:
        return repr(self.to_frame())

    def _repr_html_(self) -> str | None:
        return self.to_frame()._repr_html_()

    def __reduce__(self) -> tuple[type, tuple[list[dict[str, Value]], dict[str, str | None]]]:
        return (RecordTable, ([dict(r) for r in self], self._dtypes))

    def __copy__(self) -> RecordTable:
        return self

    def __deepcopy__(self, memo: dict | None = None) -> RecordTable:
        return self


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
