"""The output folder: refuse to overwrite what is not a report, keep every file inside it."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from analysis._safe import safe_filename, safe_path

#: Name of the marker file that says "this folder holds a report written by analysis".
MARKER = ".analysis-report"


@dataclass
class _Figure:
    name: str
    title: str
    how_to_read: str
    png: bytes


@dataclass
class _Output:
    """Where the report goes, and the relative names of every file written there."""

    root: Path
    written: list[str] = field(default_factory=list)

    def path(self, name: str) -> Path:
        return _inside(self.root, name)

    def write_bytes(self, name: str, data: bytes) -> Path:
        target = self.path(name)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        self.written.append(name)
        return target


def _inside(root: Path, name: str) -> Path:
    """Return ``root/name`` (``name`` is ``file`` or ``folder/file``), checked to stay inside ``root``."""
    folder, _, file = name.rpartition("/")
    if "/" in folder or (folder and safe_filename(folder, strict=True) != folder):
        raise ValueError(f"output folder name {folder!r} is not allowed; use one plain folder name")
    if safe_filename(file, strict=True) != file:
        raise ValueError(
            f"output file name {file!r} is not allowed: use letters, digits, '.', '-' and '_' "
            "(nothing may leave the output folder)"
        )
    return safe_path(root / folder if folder else root, file, strict=True)


def _prepare_out(out: str | os.PathLike[str], *, force: bool) -> _Output:
    """Create ``out`` or check that it may be written; clear the files of a previous report."""
    root = Path(out)
    if root.exists() and not root.is_dir():
        raise NotADirectoryError(
            f"--out {str(root)!r} is a file, not a folder; choose a folder name"
        )
    root.mkdir(parents=True, exist_ok=True)
    marker = root / MARKER
    entries = sorted(p.name for p in root.iterdir())
    if marker.is_file():
        try:
            previous = json.loads(marker.read_text(encoding="utf-8")).get("files", [])
            if not isinstance(previous, list) or not all(isinstance(n, str) for n in previous):
                raise ValueError("'files' is not a list of names")
        except (ValueError, AttributeError) as exc:
            raise ValueError(
                f"the report marker {marker} is damaged; delete the folder {root} or pass force=True (--force)"
            ) from exc
        for name in previous:
            # Only names this module could have written are removed; anything else stays.
            try:
                _inside(root, name).unlink(missing_ok=True)
            except (ValueError, IsADirectoryError):
                continue
    elif entries and not force:
        shown = ", ".join(entries[:5]) + (", ..." if len(entries) > 5 else "")
        raise FileExistsError(
            f"output folder {str(root)!r} is not empty ({shown}) and holds no previous report "
            f"(no {MARKER} file); choose an empty or new folder, or pass force=True (--force) to write "
            "the report files into it anyway (other files are left alone)"
        )
    return _Output(root)


def _write_marker(root: Path, files: list[str]) -> None:
    marker = {"generator": "analysis", "files": files}
    (root / MARKER).write_text(json.dumps(marker, indent=1) + "\n", encoding="utf-8")


def _write_tables(output: _Output, tables: dict[str, pd.DataFrame]) -> None:
    from analysis._safe import write_table

    folder = output.path("tables")
    for name, table in tables.items():
        for path in write_table(table, folder, name, formats=("csv", "parquet")):
            output.written.append(f"tables/{path.name}")
