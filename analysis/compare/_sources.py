"""source_shares(): attributions split into non-overlapping source categories per group."""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.compare._stats import _did_you_mean
from analysis.schema import _keyed_like_attributions

# --------------------------------------------------------------------------- sources

#: Source categories of :func:`source_shares`, in drawing order. Each attribution
#: falls in exactly one: anonymous first, then by speaker_role, else "other".
SOURCE_CATEGORIES: tuple[str, ...] = (
    "spokespeople",
    "officials",
    "politicians",
    "experts",
    "anonymous",
    "other",
)
_ROLE_CATEGORY = {
    "spokesperson": "spokespeople",
    "official": "officials",
    "politician": "politicians",
    "expert": "experts",
}


def _with_group(attributions: pd.DataFrame, by: str, articles: pd.DataFrame | None) -> pd.DataFrame:
    if by in attributions.columns:
        return attributions
    if articles is None:
        raise ValueError(
            f"the attribution table has no {by!r} column; pass articles=... so each attribution "
            f"can be given its article's {by!r}"
        )
    if by not in articles.columns:
        raise ValueError(
            f"by={by!r} is not a column of the article table; choose from: {', '.join(map(str, articles.columns))}"
            f"{_did_you_mean(by, articles.columns)}"
        )
    keyed = _keyed_like_attributions(articles[["article_id", by]])
    return attributions.merge(keyed, on="article_id", how="left")


def source_shares(
    attributions: pd.DataFrame,
    *,
    by: str = "outlet",
    articles: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Split each group's attributions into exclusive source categories and their shares.

    Categories (:data:`SOURCE_CATEGORIES`): an anonymous attribution counts as
    ``anonymous`` whatever its role (an unnamed official is anonymous); the others
    count by ``speaker_role`` as spokespeople, officials, politicians or experts;
    everything else (journalists, documents, citizens, unknown) is ``other``.
    Shares within a group sum to 1.

    Parameters
    ----------
    attributions
        The attribution table (``extract_attributions``), with ``speaker_role``
        and ``anonymous``.
    by
        Grouping column, taken from ``articles`` when the attribution table lacks it.
    articles
        The article table, needed when ``by`` is not in ``attributions``.

    Returns
    -------
    pandas.DataFrame
        Columns ``group, category, count, share, total``: one row per group and
        category (zeros included), groups sorted, categories in drawing order.

    Example
    -------
    >>> shares = source_shares(attributions, articles=articles)   # doctest: +SKIP
    >>> shares.pivot(index="group", columns="category", values="share")  # doctest: +SKIP
    """
    for column in ("speaker_role", "anonymous"):
        if column not in attributions.columns:
            raise ValueError(
                f"the attribution table has no {column!r} column; make it with analysis.extract_attributions(articles)"
            )
    table = _with_group(attributions, by, articles)
    roles = table["speaker_role"].astype("string").str.lower()
    category = roles.map(
        lambda r: _ROLE_CATEGORY.get(r, "other") if isinstance(r, str) else "other"
    )
    anonymous = table["anonymous"].fillna(False).astype(bool).to_numpy()
    category = np.where(anonymous, "anonymous", category.to_numpy(dtype=object))
    groups = table[by].astype("string")
    frame = pd.DataFrame({"group": groups.to_numpy(dtype=object), "category": category})
    frame = frame[groups.notna().to_numpy()]
    counts = frame.groupby(["group", "category"]).size()
    names = sorted(frame["group"].unique().tolist(), key=str)
    index = pd.MultiIndex.from_product(
        [names, list(SOURCE_CATEGORIES)], names=["group", "category"]
    )
    counts = counts.reindex(index, fill_value=0)
    out = counts.rename("count").reset_index()
    out["total"] = out.groupby("group")["count"].transform("sum")
    out["share"] = np.where(
        out["total"] > 0, out["count"] / out["total"].where(out["total"] > 0, 1), np.nan
    )
    out = out[["group", "category", "count", "share", "total"]]
    return out.astype({"group": "string", "category": "string", "count": "int64", "total": "int64"})
