"""Score chunks of texts, serially or on worker processes, in input order.

Workers are started with the ``spawn`` method (the same on Linux, macOS and
Windows, and safe when the parent runs threads, as Jupyter and Dask do); the
worker function is a top-level function of this module so it pickles by name.
At most ``2 * n_jobs`` chunks are in flight, so memory stays flat however long
the corpus is.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor

from .readability import _readability_values
from .tone import _tone_values

_SCORERS = {"readability": _readability_values, "tone": _tone_values}

#: Texts per chunk: large enough to amortise inter-process traffic, small enough for a smooth progress bar.
CHUNK_SIZE = 128


def score_chunk(kinds: tuple[str, ...], texts: list[str]) -> dict[str, list[tuple]]:
    """Rows of each kind of score for these texts (one tuple per text)."""
    return {kind: [_SCORERS[kind](text) for text in texts] for kind in kinds}


def _warm() -> None:
    # Build the heavy tables once per worker, before the first chunk arrives.
    from . import _syllables, _vader

    _syllables.cmu_phones()
    _syllables.easy_words()
    _vader._tables()


def resolve_n_jobs(n_jobs: int) -> int:
    """Check ``n_jobs`` (1, 2, ... or -1 for every core) and return the number of processes."""
    if isinstance(n_jobs, bool) or not isinstance(n_jobs, int) or n_jobs == 0 or n_jobs < -1:
        raise ValueError(f"n_jobs must be a positive int or -1 (all cores), got {n_jobs!r}")
    return (os.cpu_count() or 1) if n_jobs == -1 else n_jobs


def run(
    kinds: tuple[str, ...],
    chunks: Iterable[list[str]],
    *,
    n_jobs: int,
    bar=None,
    processes: bool | None = None,
) -> Iterator[dict[str, list[tuple]]]:
    """Yield :func:`score_chunk` of each chunk, in order, on ``n_jobs`` processes.

    ``processes`` defaults to ``n_jobs > 1``; the tests force the pool with one worker.
    """
    if processes is None:
        processes = n_jobs > 1
    if not processes:
        for chunk in chunks:
            out = score_chunk(kinds, chunk)
            if bar is not None:
                bar.update(len(chunk))
            yield out
        return
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=n_jobs, mp_context=context, initializer=_warm) as pool:
        pending: deque = deque()
        for chunk in chunks:
            pending.append((len(chunk), pool.submit(score_chunk, kinds, chunk)))
            if len(pending) >= 2 * n_jobs:
                size, future = pending.popleft()
                out = future.result()
                if bar is not None:
                    bar.update(size)
                yield out
        while pending:
            size, future = pending.popleft()
            out = future.result()
            if bar is not None:
                bar.update(size)
            yield out
