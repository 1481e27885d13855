"""The table functions on a dask DataFrame: same pandas code per partition, same numbers.

Runs on a one-worker ``dask.distributed.LocalCluster`` in this process (threads,
not processes) to stay fast; the partition function is the one a real cluster runs.
"""

from __future__ import annotations

import subprocess
import sys

import pandas as pd
import pytest

from analysis.score import score, score_readability, score_tone

# Partitions with an empty text warn on the worker; the pandas side checks that warning.
pytestmark = pytest.mark.filterwarnings("ignore:.*have no words to score:UserWarning")

dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("dask.distributed")


@pytest.fixture(scope="module")
def client():
    with (
        distributed.LocalCluster(
            n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as c,
    ):
        yield c


@pytest.fixture(scope="module")
def articles(seed_text) -> pd.DataFrame:
    paragraphs = [p for p in seed_text.split("\n\n") if p.strip()]
    texts = [" ".join(paragraphs[i : i + 3]) for i in range(0, len(paragraphs), 2)]
    texts[1] = ""  # one empty text travels through Dask too
    return pd.DataFrame({"article_id": [f"id{i:02d}" for i in range(len(texts))], "text": texts})


def _same(result, expected: pd.DataFrame) -> None:
    result = result.astype({"article_id": expected["article_id"].dtype})
    pd.testing.assert_frame_equal(result, expected)


@pytest.mark.parametrize("function", [score, score_readability, score_tone])
def test_dask_equals_pandas_on_a_local_cluster(client, articles, function):
    ddf = dd.from_pandas(articles, npartitions=3)
    with pytest.warns(UserWarning, match="1 of"):
        expected = function(articles, progress=False)
    lazy = function(ddf)
    assert isinstance(lazy, dd.DataFrame)
    assert list(lazy.columns) == list(expected.columns)
    assert dict(lazy.dtypes.astype(str).drop("article_id")) == dict(
        expected.dtypes.astype(str).drop("article_id")
    )
    _same(client.compute(lazy).result(), expected)


def test_dask_with_metrics_and_cache(client, articles, tmp_path):
    ddf = dd.from_pandas(articles, npartitions=2)
    lazy = score(ddf, metrics=["smog_index", "tone_sentence_mean"], cache=tmp_path)
    first = client.compute(lazy).result()
    assert list(first.columns) == ["article_id", "smog_index", "tone_sentence_mean"]
    assert list(tmp_path.rglob("*.parquet"))  # the workers filled the cache
    second = client.compute(
        score(ddf, metrics=["smog_index", "tone_sentence_mean"], cache=tmp_path)
    ).result()
    pd.testing.assert_frame_equal(first, second)


def test_importing_the_package_does_not_import_dask():
    code = "import analysis, analysis.score, sys; analysis.score_tone; print('dask' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
