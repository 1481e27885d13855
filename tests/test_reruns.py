"""Identical re-runs: the same input gives byte-identical tables and figures, however it is run.

* the report, run once in this process and once in a fresh process with another
  hash seed (set and dict order must not leak into any file), gives files with
  the same SHA-256;
* a notebook run twice writes the same figure bytes (reusing the notebook
  runner of ``tests/test_notebooks.py``);
* scoring with two worker processes equals scoring serially, value for value and
  in input order; attribution and loading are identical across runs.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import warnings
from pathlib import Path

import pandas as pd
import pytest

REPO = Path(__file__).resolve().parents[1]


def _hashes(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _quiet(func, *args, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return func(*args, **kwargs)


@pytest.mark.slow
def test_report_twice_gives_byte_identical_files(tmp_path, data_dir):
    """report on the bundled data, here and in a process with another hash seed: same bytes."""
    from analysis.report import report

    first, second = tmp_path / "first", tmp_path / "second"
    _quiet(report, data_dir, out=first, progress=False)
    env = dict(os.environ, PYTHONHASHSEED="12345", MPLBACKEND="Agg", OMP_NUM_THREADS="1")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "analysis",
            "report",
            str(data_dir),
            "--out",
            str(second),
            "--quiet",
        ],
        capture_output=True,
        text=True,
        timeout=600,
        env=env,
        cwd=tmp_path,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    a, b = _hashes(first), _hashes(second)
    assert sorted(a) == sorted(b)
    assert any(name.startswith("figures/") and name.endswith(".png") for name in a)
    assert any(name.startswith("tables/") and name.endswith(".parquet") for name in a)
    different = sorted(name for name in a if a[name] != b[name])
    assert different == [], different


@pytest.mark.slow
def test_a_notebook_twice_gives_identical_figures(tmp_path):
    """04-comparing-coverage (bootstrap intervals, paired tests) run twice: same figure bytes."""
    nbclient = pytest.importorskip("nbclient")
    assert nbclient
    sys.path.insert(0, str(REPO / "tests"))
    try:
        from test_notebooks import NOTEBOOKS, run_notebook
    finally:
        sys.path.remove(str(REPO / "tests"))
    source = NOTEBOOKS / "04-comparing-coverage.py"
    if not source.is_file():
        pytest.skip("notebook 04-comparing-coverage.py is not there yet")
    first, second = tmp_path / "first", tmp_path / "second"
    for folder in (first, second):
        run_notebook(source, CORPUS="sample", FIGURES=str(folder))
    a, b = _hashes(first), _hashes(second)
    assert a, "the notebook saved no figures"
    assert a == b


@pytest.fixture(scope="module")
def sample_articles(data_dir):
    from analysis import load_articles

    return _quiet(load_articles, data_dir / "sample", progress=False)


def test_parallel_scoring_equals_serial(sample_articles, shared_dir):
    """score(n_jobs=2) gives exactly score(n_jobs=1): same values, same row order."""
    from analysis import load_articles, score

    basil = _quiet(
        load_articles, shared_dir / "corpora" / "basil" / "articles.jsonl", progress=False
    )
    # Enough texts that both workers get several chunks; shuffled so order is not accidental.
    articles = pd.concat([sample_articles, basil.iloc[:80]], ignore_index=True)
    articles = articles.sample(frac=1.0, random_state=7).reset_index(drop=True)
    serial = _quiet(score, articles, n_jobs=1, progress=False)
    parallel = _quiet(score, articles, n_jobs=2, progress=False)
    assert serial["article_id"].tolist() == articles["article_id"].tolist()
    pd.testing.assert_frame_equal(parallel, serial, check_exact=True)


def test_loading_and_attribution_are_identical_across_runs(sample_articles, data_dir):
    """Loading again gives the same table (ids included); attributions are the same rows."""
    from analysis import extract_attributions, load_articles

    again = _quiet(load_articles, data_dir / "sample", progress=False)
    pd.testing.assert_frame_equal(again, sample_articles)
    first = _quiet(extract_attributions, sample_articles)
    second = _quiet(extract_attributions, again)
    pd.testing.assert_frame_equal(first, second)
    assert len(first) > 0
