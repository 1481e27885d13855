"""Save a figure together with the table behind it, byte for byte reproducibly.

A published chart is only as trustworthy as the numbers behind it, so
:func:`save_figure` writes, for one name, the picture (PNG and SVG) **and** the
table it was drawn from (CSV), and stamps each picture with where it came from:
the version of this package and a fingerprint (SHA-256) of the table's CSV bytes.

Re-running the same code on the same data gives byte-identical files:

* SVG: a fixed ``svg.hashsalt`` (matplotlib otherwise salts element ids with a
  random UUID), no ``Date`` in the metadata, text drawn as paths.
* PNG: matplotlib's Agg writer stores only the text chunks it is given
  (``Software`` by default: the matplotlib version) and no ``tIME`` chunk; we
  set ``Software`` ourselves and add the provenance as ``Description`` and
  ``Source``.
* CSV: written with :func:`analysis._safe.to_csv_safe` (fixed float format,
  ``\\n`` line ends, formula injection neutralised, rows in the order given).

Example
-------
>>> fig, ax = plt.subplots()                                     # doctest: +SKIP
>>> save_figure(fig, "tone_by_outlet", data=summary)             # doctest: +SKIP
[PosixPath('figures/tone_by_outlet.png'), PosixPath('figures/tone_by_outlet.svg'), ...]
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import matplotlib as mpl
import pandas as pd
from matplotlib.figure import Figure

from analysis._safe import csv_bytes, fingerprint, safe_filename, safe_path

__all__ = ["FORMATS", "provenance", "save_figure"]

#: Picture formats :func:`save_figure` can write deterministically.
FORMATS: tuple[str, ...] = ("png", "svg", "pdf")

_DPI = 150
_HASHSALT = "analysis"


def _version() -> str:
    from analysis import __version__

    return __version__


def provenance(data: pd.DataFrame | None = None) -> dict[str, str]:
    """Return the provenance stamped into saved figures.

    Parameters
    ----------
    data
        The table behind the figure, or None.

    Returns
    -------
    dict
        ``software`` (``"analysis <version>"``), ``data_fingerprint``
        (``"sha256:<hex>"`` of the table's safe CSV bytes, ``"none"`` without a
        table) and ``description`` (both in one line).

    Example
    -------
    >>> provenance(None)["data_fingerprint"]
    'none'
    """
    software = f"analysis {_version()}"
    data_fp = fingerprint(data)
    return {
        "software": software,
        "data_fingerprint": data_fp,
        "description": f"made with {software}; data {data_fp}",
    }


def _metadata(fmt: str, prov: dict[str, str], title: str) -> dict[str, str | None]:
    if fmt == "png":
        return {
            "Software": prov["software"],
            "Title": title,
            "Description": prov["description"],
            "Source": prov["data_fingerprint"],
        }
    if fmt == "svg":
        # Only Dublin Core keys are allowed here; Date=None removes the timestamp.
        return {
            "Date": None,
            "Creator": prov["software"],
            "Title": title,
            "Description": prov["description"],
            "Source": prov["data_fingerprint"],
        }
    # PDF: no dates, fixed producer.
    return {
        "CreationDate": None,
        "ModDate": None,
        "Creator": prov["software"],
        "Producer": prov["software"],
        "Title": title,
        "Subject": prov["description"],
    }


def save_figure(
    fig: Figure,
    name: str,
    *,
    data: pd.DataFrame | None = None,
    folder: str | os.PathLike[str] = "figures",
    formats: Sequence[str] = ("png", "svg"),
) -> list[Path]:
    """Write ``fig`` as ``<folder>/<name>.<format>`` plus ``<folder>/<name>.csv`` (the data).

    Parameters
    ----------
    fig
        A matplotlib Figure (``ax.figure`` if you hold an Axes).
    name
        Plain file stem such as ``"tone_by_outlet"``. Spaces and other unsafe
        characters become ``-``; a name that addresses a path (``"../x"``,
        ``"/tmp/x"``, ``"a/b"``) raises ``ValueError``; a Windows device name
        (``"CON"``) gets a trailing ``_``. A trailing ``.png``/``.svg``/``.pdf``/``.csv``
        is ignored.
    data
        The table the figure shows. Written next to it as CSV (formula-safe,
        deterministic) and fingerprinted into the picture's metadata.
    folder
        Output folder, created when missing.
    formats
        Picture formats, any of ``"png"``, ``"svg"``, ``"pdf"``.

    Returns
    -------
    list of pathlib.Path
        The files written: pictures in the order of ``formats``, then the CSV.

    Raises
    ------
    ValueError
        For an unusable name or an unknown format.

    Example
    -------
    >>> ax = analysis.plot.tone_by_outlet(comparison)                    # doctest: +SKIP
    >>> analysis.save_figure(ax.figure, "tone_by_outlet", data=comparison.summary)  # doctest: +SKIP
    """
    if not isinstance(fig, Figure):
        raise TypeError(
            f"save_figure needs a matplotlib Figure, got {type(fig).__name__}; "
            "pass ax.figure if you have an Axes"
        )
    formats = tuple(formats)
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise ValueError(f"unknown figure format(s) {unknown}; choose from: {', '.join(FORMATS)}")
    if data is not None and not isinstance(data, pd.DataFrame):
        data_frame = getattr(data, "summary", None)
        raise TypeError(
            f"data must be a pandas DataFrame (the table behind the figure), got {type(data).__name__}"
            + ("; pass comparison.summary or comparison.pairwise" if data_frame is not None else "")
        )
    stem = str(name)
    for ext in (".png", ".svg", ".pdf", ".csv"):
        if stem.lower().endswith(ext):
            stem = stem[: -len(ext)]
            break
    stem = safe_filename(stem, strict=True)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)

    prov = provenance(data)
    written: list[Path] = []
    rc = {"svg.hashsalt": _HASHSALT, "svg.fonttype": "path", "pdf.compression": 6}
    with mpl.rc_context(rc):
        for fmt in formats:
            path = safe_path(folder, f"{stem}.{fmt}")
            fig.savefig(
                path,
                format=fmt,
                dpi=_DPI,
                metadata=_metadata(fmt, prov, stem),
                bbox_inches="tight",
            )
            written.append(path)
    if data is not None:
        path = safe_path(folder, f"{stem}.csv")
        path.write_bytes(csv_bytes(data))
        written.append(path)
    return written
