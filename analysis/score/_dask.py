"""Run the pandas table functions over a dask DataFrame, partition by partition.

Dask is imported only when a dask object is passed in (this module is imported
lazily by ``_table.dispatch``). Each partition is scored by exactly the same
pandas code, serially (Dask does the scheduling, over threads, processes or a
cluster); the output schema (``meta``) is the pandas function's output on the
empty input, so column names and dtypes are identical to the pandas result.
"""

from __future__ import annotations

from typing import Any


def _partition(frame, *, name: str, options: dict[str, Any]):
    from . import _table

    return getattr(_table, name)(frame, **options)


def map_partitions(ddf, name: str, **kwargs):
    """``ddf.map_partitions`` of the pandas table function ``_table.<name>``."""
    import warnings

    options = dict(kwargs, n_jobs=1, progress=False)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        meta = _partition(ddf._meta, name=name, options=dict(options, cache=None))
    return ddf.map_partitions(_partition, name=name, options=options, meta=meta)
