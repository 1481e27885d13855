"""Near-duplicate articles: wire copies, re-published and lightly edited versions.

Each text becomes a set of overlapping word *shingles* (``shingle_size``
consecutive lower-cased words). Two articles are near-duplicates when the
Jaccard similarity of their shingle sets (shared / all distinct shingles)
reaches ``threshold``. Candidate pairs come from MinHash signatures with
locality-sensitive hashing (numpy, fixed seeds, so the same input always gives
the same groups); every candidate is then checked with the exact Jaccard
similarity, so the MinHash step can only miss pairs (rarely, near the
threshold), never invent them.

Example
-------
>>> dups = find_duplicates(articles, threshold=0.8)   # doctest: +SKIP
>>> dups[~dups.kept]                                    # doctest: +SKIP
"""

from __future__ import annotations

import zlib
from collections import defaultdict

import numpy as np
import pandas as pd

__all__ = ["DUPLICATE_COLUMNS", "find_duplicates"]

#: Columns of the table returned by :func:`find_duplicates`.
DUPLICATE_COLUMNS = {
    "article_id": ("string", "the article"),
    "group": ("int64", "0-based number of its duplicate group, in order of the kept articles"),
    "kept": (
        "bool",
        "True for the one article per group that is kept (the earliest, then the first)",
    ),
    "duplicate_of": ("string", "article_id of the kept article of the group (itself when kept)"),
    "similarity": (
        "float64",
        "exact Jaccard similarity of shingles with the kept article (1.0 when kept)",
    ),
}


# Punctuation becomes a space so that bytes.split() finds the words: on
# UTF-8 bytes this runs several times faster than a regular expression.
_ASCII_PUNCTUATION = b"!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
_TO_SPACE = bytes.maketrans(_ASCII_PUNCTUATION, b" " * len(_ASCII_PUNCTUATION))
_UNICODE_MARKS = tuple(
    c.encode("utf-8") for c in "\u2018\u2019\u201c\u201d\u2013\u2014\u2026\u00ab\u00bb\u00a0"
)


def _tokens(text: str) -> list[bytes]:
    data = text.lower().encode("utf-8", "surrogatepass")
    for mark in _UNICODE_MARKS:
        if mark in data:
            data = data.replace(mark, b" ")
    return data.translate(_TO_SPACE).split()


def _shingles(text: str, size: int) -> np.ndarray:
    """Return the 32-bit hashes of a text's word shingles (repeats included)."""
    tokens = _tokens(text)
    if not tokens:
        return np.empty(0, dtype=np.uint64)
    ids = np.fromiter(map(zlib.crc32, tokens), dtype=np.uint64, count=len(tokens))
    size = min(size, len(ids))
    windows = np.lib.stride_tricks.sliding_window_view(ids, size)
    # A polynomial hash of the window's token hashes (wrapping in 64 bits), cut
    # to 32 bits for the multiply-shift MinHash below.
    weights = np.array([pow(1_000_003, k, 1 << 64) for k in range(size)], dtype=np.uint64)
    return (windows * weights).sum(axis=1, dtype=np.uint64) >> np.uint64(32)


def _bands_for(threshold: float, permutations: int) -> int:
    """Pick the number of LSH bands whose S-curve midpoint sits well below ``threshold`` (few misses)."""
    best, best_gap = 1, float("inf")
    for bands in range(1, permutations + 1):
        if permutations % bands:
            continue
        rows = permutations // bands
        midpoint = (1 / bands) ** (1 / rows)
        gap = abs(midpoint - max(0.2, threshold - 0.3))
        if gap < best_gap:
            best, best_gap = bands, gap
    return best


def find_duplicates(
    articles: pd.DataFrame,
    *,
    threshold: float = 0.8,
    shingle_size: int = 5,
    permutations: int = 64,
    seed: int = 0,
    min_words: int = 10,
) -> pd.DataFrame:
    """Group near-duplicate articles and say which one of each group to keep.

    Parameters
    ----------
    articles
        The article table (needs ``article_id`` and ``text``; ``date`` is used to
        keep the earliest article of a group when present).
    threshold
        Jaccard similarity of word shingles (0–1; higher = more alike) from
        which two articles count as duplicates. 0.8 catches wire copies with a
        changed headline, byline or a line or two; lower it (0.5) to also catch
        versions with a paragraph added or cut.
    shingle_size
        Words per shingle. Smaller catches more paraphrase, larger less.
    permutations, seed
        Size and seed of the MinHash signatures (deterministic).
    min_words
        Articles with fewer words (e.g. Media Cloud rows without text) are never
        grouped: short texts share shingles by accident.

    Returns
    -------
    pandas.DataFrame
        One row per article that has at least one duplicate, with the columns of
        :data:`DUPLICATE_COLUMNS`, ordered by group then table order. Groups are
        connected components: A~B and B~C put A, B, C together.

    Example
    -------
    >>> dups = find_duplicates(articles, threshold=0.8)    # doctest: +SKIP
    >>> articles[~articles.article_id.isin(dups.loc[~dups.kept, "article_id"])]  # doctest: +SKIP
    """
    for column in ("article_id", "text"):
        if column not in articles.columns:
            raise ValueError(
                f"find_duplicates needs an article table with column {column!r}; got {list(articles.columns)}"
            )
    if not 0 < threshold <= 1:
        raise ValueError(
            f"threshold={threshold!r} must be in (0, 1]; 0.8 is a good start for wire copies"
        )
    if shingle_size < 1 or permutations < 1:
        raise ValueError("shingle_size and permutations must be positive integers")

    ids = articles["article_id"].astype(str).tolist()
    texts = [t if isinstance(t, str) else "" for t in articles["text"]]
    # Word count by spaces is enough to tell a body from an empty or stub text.
    shingles = [
        _shingles(t, shingle_size) if t.count(" ") + 1 >= min_words else np.empty(0, np.uint64)
        for t in texts
    ]
    rng = np.random.default_rng(seed)
    a = rng.integers(1, 1 << 63, size=permutations, dtype=np.uint64) | np.uint64(1)
    b = rng.integers(0, 1 << 63, size=permutations, dtype=np.uint64)
    bands = _bands_for(threshold, permutations)
    rows = permutations // bands

    buckets: dict[tuple, list[int]] = defaultdict(list)
    for index, hashes in enumerate(shingles):
        if hashes.size == 0:
            continue
        # Multiply-shift hashing: one multiply-add per permutation, wrapping in
        # 64 bits, high bits kept; no modulo, which is slow on uint64.
        signature = ((hashes[:, None] * a[None, :] + b[None, :]) >> np.uint64(32)).min(axis=0)
        for band in range(bands):
            key = (band, signature[band * rows : (band + 1) * rows].tobytes())
            buckets[key].append(index)

    candidates: set[tuple[int, int]] = set()
    for members in buckets.values():
        if len(members) > 1:
            for i, first in enumerate(members):
                for second in members[i + 1 :]:
                    candidates.add((first, second))

    sets = {}

    def as_set(index: int) -> set:
        if index not in sets:
            sets[index] = set(shingles[index].tolist())
        return sets[index]

    def jaccard(i: int, j: int) -> float:
        left, right = as_set(i), as_set(j)
        return len(left & right) / len(left | right)

    parent = list(range(len(ids)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in sorted(candidates):
        if jaccard(i, j) >= threshold:
            parent[max(root(i), root(j))] = min(root(i), root(j))

    members: dict[int, list[int]] = defaultdict(list)
    for index in range(len(ids)):
        members[root(index)].append(index)
    dates = (
        pd.to_datetime(articles["date"], errors="coerce").tolist()
        if "date" in articles.columns
        else [pd.NaT] * len(ids)
    )

    def keep_order(index: int) -> tuple:
        date = dates[index]
        return (pd.isna(date), date if not pd.isna(date) else pd.Timestamp(0), index)

    groups = sorted(
        (m for m in members.values() if len(m) > 1), key=lambda m: min(m, key=keep_order)
    )
    groups.sort(key=lambda m: min(m))
    out = []
    for number, group in enumerate(groups):
        kept = min(group, key=keep_order)
        for index in sorted(group):
            out.append(
                {
                    "article_id": ids[index],
                    "group": number,
                    "kept": index == kept,
                    "duplicate_of": ids[kept],
                    "similarity": 1.0 if index == kept else jaccard(kept, index),
                }
            )
    table = pd.DataFrame(out, columns=list(DUPLICATE_COLUMNS))
    return table.astype({name: dtype for name, (dtype, _) in DUPLICATE_COLUMNS.items()})
