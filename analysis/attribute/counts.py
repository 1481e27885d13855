"""Counts of sources per article or outlet, and the most attributed speakers.

Both functions take the attribution table made by
:func:`analysis.attribute.extract_attributions` and, where they need it, the
article table (to map ``article_id`` to ``outlet`` and to measure the share of
text inside quotation marks).

Example
-------
>>> import pandas as pd
>>> from analysis.attribute import extract_attributions
>>> articles = pd.DataFrame({"article_id": ["a"], "outlet": ["X"],
...                          "text": ['"We won," Ms. Lee said. Officials said the vote was close.']})
>>> count_sources(extract_attributions(articles), articles=articles)[["direct", "indirect", "anonymous"]].values.tolist()
[[1, 1, 1]]
"""

from __future__ import annotations

import math
import re
import warnings
from collections import Counter

import pandas as pd

from ..schema import _keyed_like_attributions
from ._quotes import find_quotes
from ._segment import paragraphs

__all__ = ["COUNT_COLUMNS", "count_sources", "merge_names", "top_speakers"]

#: The count columns of :func:`count_sources`, after the key column.
COUNT_COLUMNS: tuple[str, ...] = (
    "attributions",
    "direct",
    "partial",
    "indirect",
    "anonymous",
    "named_speakers",
    "spokespeople",
    "officials",
    "politicians",
    "experts",
    "quoted_share",
    "source_diversity",
)
_NEEDED = (
    "article_id",
    "kind",
    "speaker",
    "speaker_name",
    "speaker_role",
    "organisation",
    "anonymous",
)
_ROLE_COLUMNS = {
    "spokespeople": "spokesperson",
    "officials": "official",
    "politicians": "politician",
    "experts": "expert",
}


def _check(attributions: pd.DataFrame, func: str) -> None:
    if not isinstance(attributions, pd.DataFrame):
        raise TypeError(
            f"{func}: attributions must be the table from extract_attributions(), got "
            f"{type(attributions).__name__}"
        )
    missing = [c for c in _NEEDED if c not in attributions.columns]
    if missing:
        raise ValueError(
            f"{func}: the attribution table lacks column(s) {missing}; make it with "
            "analysis.extract_attributions(articles)"
        )


def _outlet_map(articles: pd.DataFrame | None, by: str, func: str) -> dict:
    if articles is None:
        raise ValueError(
            f"{func}: by={by!r} needs the article table to map article_id to {by!r}; "
            f"pass articles=... (the table given to extract_attributions)"
        )
    for col in ("article_id", by):
        if col not in articles.columns:
            raise ValueError(f"{func}: the article table has no column {col!r}")
    return dict(zip(articles["article_id"], articles[by], strict=True))


def _source_key(row) -> str:
    """Who a row counts as for diversity: the resolved name, else the organisation, else the phrase."""
    for value in (row.speaker_name, row.organisation):
        if isinstance(value, str) and value:
            return value
    if isinstance(row.speaker, str) and row.speaker:
        return row.speaker.lower()
    return "(no source)"


def _entropy(counts: Counter) -> float:
    total = sum(counts.values())
    if not total:
        return math.nan
    return -sum(c / total * math.log2(c / total) for c in counts.values()) + 0.0


def quoted_characters(text: str) -> int:
    """Characters inside double quotation marks (the marks included), whatever their source."""
    quotes, _ = find_quotes(text, paragraphs(text))
    return sum(b - a for q in quotes for a, b in q.pieces)


def _group_key(key: object) -> object:
    """One key for every kind of missing value (None, NaN, pd.NA): NaN never equals itself."""
    return None if pd.api.types.is_scalar(key) and pd.isna(key) else key


def count_sources(
    attributions: pd.DataFrame,
    *,
    by: str = "article_id",
    articles: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Count attributions, kinds, roles and distinct sources per article (or outlet, or any column).

    Parameters
    ----------
    attributions
        The table from :func:`extract_attributions`.
    by
        ``"article_id"`` (default), ``"outlet"`` or another column of the article
        table (mapped through ``article_id``) or of the attribution table.
    articles
        The article table. Needed for ``by="outlet"`` and for ``quoted_share``;
        when given, every article appears, with zeros when it has no attribution.

    Returns
    -------
    pandas.DataFrame
        One row per key: the ``by`` column, then ``attributions``, ``direct``,
        ``partial``, ``indirect``, ``anonymous`` (counts of rows); ``named_speakers``
        (distinct resolved names of non-anonymous speakers); ``spokespeople``,
        ``officials``, ``politicians``, ``experts`` (rows whose speaker has that role);
        names are merged across articles first (:func:`merge_names`);
        ``quoted_share`` (share of the body text's characters that stand inside
        double quotation marks, marks included, 0–1; NaN without ``articles``); and
        ``source_diversity``: Shannon entropy in bits of the attributions over
        sources (a source is the resolved speaker name, else the organisation, else
        the speaker phrase). 0 means one voice; more means more, and more evenly
        heard, voices; NaN when there is no attribution. Missing values come with
        one warning that counts them. Rows follow the article order for
        ``article_id`` (first appearance without ``articles``), else sorted keys.

    Example
    -------
    >>> import analysis
    >>> rows = analysis.extract_attributions('"Yes," Mr. Obi said. "No," Ms. Ray said.')
    >>> round(float(count_sources(rows)["source_diversity"].iloc[0]), 2)
    1.0
    """
    _check(attributions, "count_sources")
    articles = _keyed_like_attributions(articles)
    # One spelling per person, so that "Trump" and "Donald Trump" are one named speaker of an outlet.
    data = attributions.assign(speaker_name=merge_names(attributions["speaker_name"]))
    if by == "article_id":
        keys = data["article_id"]
    elif articles is not None and by in articles.columns:
        keys = data["article_id"].map(_outlet_map(articles, by, "count_sources"))
    elif by in data.columns:
        keys = data[by]
    else:
        if by == "outlet":
            _outlet_map(articles, by, "count_sources")
        raise ValueError(
            f"count_sources: unknown by={by!r}; use 'article_id', 'outlet' or a column of the "
            "article or attribution table"
        )
    buckets: dict[object, list] = {}
    if articles is not None:
        # Every article (or outlet) appears, in the article table's order, even without attributions.
        key_col = "article_id" if by == "article_id" else by
        for key in articles[key_col].tolist() if key_col in articles.columns else []:
            buckets.setdefault(_group_key(key), [])
    for key, row in zip(keys, data.itertuples(index=False), strict=True):
        buckets.setdefault(_group_key(key), []).append(row)
    chars: dict[object, list[int]] = {}
    if articles is not None:
        key_col = "article_id" if by == "article_id" else by
        if key_col in articles.columns:
            for key, text in zip(articles[key_col], articles["text"], strict=True):
                text = text if isinstance(text, str) else ""
                acc = chars.setdefault(_group_key(key), [0, 0])
                acc[0] += quoted_characters(text)
                acc[1] += len(text)
    rows = []
    for key, items in buckets.items():
        kinds = Counter(r.kind for r in items)
        roles = Counter(r.speaker_role for r in items)
        named = {
            r.speaker_name
            for r in items
            if isinstance(r.speaker_name, str) and r.speaker_name and not bool(r.anonymous)
        }
        quoted, total = chars.get(key, (0, 0))
        rows.append(
            {
                by: key,
                "attributions": len(items),
                "direct": kinds["direct"],
                "partial": kinds["partial"],
                "indirect": kinds["indirect"],
                "anonymous": sum(bool(r.anonymous) for r in items),
                "named_speakers": len(named),
                **{col: roles[role] for col, role in _ROLE_COLUMNS.items()},
                "quoted_share": quoted / total if total else math.nan,
                "source_diversity": _entropy(Counter(_source_key(r) for r in items)),
            }
        )
    out = pd.DataFrame(rows, columns=[by, *COUNT_COLUMNS])
    if by != "article_id":
        out = out.sort_values(by, kind="stable", na_position="last")
    out = out.reset_index(drop=True)
    for col in COUNT_COLUMNS[:10]:
        out[col] = out[col].astype("int64")
    for col in ("quoted_share", "source_diversity"):
        out[col] = out[col].astype("float64")
    missing = {c: int(out[c].isna().sum()) for c in ("quoted_share", "source_diversity")}
    if len(out) and any(missing.values()):
        why = []
        if missing["quoted_share"]:
            why.append(
                f"quoted_share is NaN for {missing['quoted_share']} row(s)"
                + (" (pass articles= to measure it)" if articles is None else " (empty text)")
            )
        if missing["source_diversity"]:
            why.append(
                f"source_diversity is NaN for {missing['source_diversity']} row(s) without attributions"
            )
        warnings.warn("count_sources: " + "; ".join(why), stacklevel=2)
    return out


def _mode(values, *, unless=()) -> object:
    """The most frequent non-empty value, ties by name; values in ``unless`` only when nothing else is."""
    present = [v for v in values if isinstance(v, str) and v]
    counts = Counter(v for v in present if v not in unless) or Counter(present)
    if not counts:
        return pd.NA
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]


_INITIAL = re.compile(r"\s+[A-Z]\.(?=\s)")


def merge_names(names: pd.Series) -> pd.Series:
    """One spelling per person across articles: drop middle initials, expand lone surnames.

    ``speaker_name`` is resolved within each article, so an article that only says
    "Trump" keeps "Trump". Across the table, "Donald J. Trump" becomes "Donald Trump"
    and a one-word name becomes the most frequent longer name that ends with it,
    when there is one ("Trump" → "Donald Trump").

    Example
    -------
    >>> merge_names(pd.Series(["Trump", "Donald J. Trump", "Donald Trump", "Obi"])).tolist()
    ['Donald Trump', 'Donald Trump', 'Donald Trump', 'Obi']
    """
    clean = names.map(lambda v: _INITIAL.sub("", v) if isinstance(v, str) else v)
    counts = Counter(v for v in clean if isinstance(v, str) and " " in v)
    longest: dict[str, str] = {}
    for name, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        longest.setdefault(name.split()[-1], name)
    return clean.map(lambda v: longest.get(v, v) if isinstance(v, str) and " " not in v else v)


def top_speakers(
    attributions: pd.DataFrame,
    *,
    by: str | None = None,
    n: int = 10,
    articles: pd.DataFrame | None = None,
    merge: bool = True,
) -> pd.DataFrame:
    """The ``n`` named speakers with the most attributions, overall or per outlet.

    Anonymous and unresolved speakers (no ``speaker_name``) are left out. With
    ``merge=True`` (default) the spellings of one person are merged across articles
    first (:func:`merge_names`: "Trump", "Donald J. Trump" → "Donald Trump").

    Parameters
    ----------
    attributions
        The table from :func:`extract_attributions`.
    by
        ``None`` for one ranking, or ``"outlet"`` (or another article-table column,
        which needs ``articles``) for one ranking per group.
    n
        How many speakers per ranking.
    articles
        The article table, to map ``article_id`` to ``by``.
    merge
        Merge the spellings of one person across articles (see :func:`merge_names`).

    Returns
    -------
    pandas.DataFrame
        Tidy: ``[by,] rank, speaker_name, speaker_role, organisation, attributions,
        direct, partial, indirect, articles``; role and organisation are the most
        frequent ones written for that speaker. Ties are broken by name.

    Example
    -------
    >>> import analysis
    >>> rows = analysis.extract_attributions('"Yes," Mr. Obi said. "No," Mr. Obi said.')
    >>> top_speakers(rows)[["speaker_name", "attributions"]].values.tolist()
    [['Obi', 2]]
    """
    _check(attributions, "top_speakers")
    articles = _keyed_like_attributions(articles)
    if not isinstance(n, int) or n < 1:
        raise ValueError(f"top_speakers: n must be a positive integer, got {n!r}")
    data = attributions[
        attributions["speaker_name"].notna() & ~attributions["anonymous"].astype(bool)
    ]
    if merge:
        data = data.assign(speaker_name=merge_names(data["speaker_name"]))
    if by is None:
        groups = {None: data}
    else:
        mapping = _outlet_map(articles, by, "top_speakers")
        keys = data["article_id"].map(mapping)
        groups = {k: g for k, g in data.groupby(keys, sort=True, dropna=False)}
    rows = []
    for key, g in groups.items():
        ranked = []
        for name, s in g.groupby("speaker_name", sort=True):
            kinds = Counter(s["kind"])
            ranked.append(
                {
                    "speaker_name": name,
                    # A speaker named once with a title ("Sen. Rubio") and often without ("Rubio")
                    # has the title's role.
                    "speaker_role": _mode(s["speaker_role"], unless=("unknown",)),
                    "organisation": _mode(s["organisation"]),
                    "attributions": len(s),
                    "direct": kinds["direct"],
                    "partial": kinds["partial"],
                    "indirect": kinds["indirect"],
                    "articles": s["article_id"].nunique(),
                }
            )
        ranked.sort(key=lambda r: (-r["attributions"], str(r["speaker_name"])))
        for rank, r in enumerate(ranked[:n], start=1):
            rows.append({**({by: key} if by else {}), "rank": rank, **r})
    columns = ([by] if by else []) + [
        "rank",
        "speaker_name",
        "speaker_role",
        "organisation",
        "attributions",
        "direct",
        "partial",
        "indirect",
        "articles",
    ]
    out = pd.DataFrame(rows, columns=columns)
    for col in ("rank", "attributions", "direct", "partial", "indirect", "articles"):
        out[col] = out[col].astype("int64")
    return out
