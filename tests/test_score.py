"""analysis.score and friends: the score table, its cache, worker processes and bad input."""

from __future__ import annotations

import math
import threading
import warnings

import numpy as np
import pandas as pd
import pytest

import analysis
from analysis.schema import SchemaError
from analysis.score import (
    READABILITY_COLUMNS,
    SCORE_COLUMNS,
    SENTENCE_TONE_COLUMNS,
    TONE_COLUMNS,
    _parallel,
    score,
    score_readability,
    score_tone,
    sentence_tone,
)
from analysis.score._cache import ScoreCache

TEXTS = {
    "b": "The plan is a great success. Critics call it a disaster.",
    "a": "Mr. Smith said the vote was close. “We lost,” he said.\n\nThe party will try again next year.",
    "c": "Unemployment fell sharply; economists welcomed the unexpectedly strong figures.",
}


@pytest.fixture
def articles() -> pd.DataFrame:
    frame = pd.DataFrame(
        {"article_id": list(TEXTS), "text": list(TEXTS.values()), "outlet": ["X", "Y", "X"]}
    )
    frame.index = [10, 20, 30]  # a non-default index survives
    return frame


def test_score_table_shape_order_and_dtypes(articles):
    table = score(articles, progress=False)
    assert list(table.columns) == ["article_id", *SCORE_COLUMNS]
    assert table["article_id"].tolist() == ["b", "a", "c"]
    assert table.index.tolist() == [10, 20, 30]
    ints = {
        "words",
        "sentences",
        "syllables",
        "polysyllables",
        "difficult_words",
        "characters",
        "letters",
        "tone_sentences",
    }
    for name in SCORE_COLUMNS:
        assert str(table[name].dtype) == ("int64" if name in ints else "float64"), name


def test_rows_equal_the_pure_functions(articles):
    table = score(articles, progress=False).set_index("article_id")
    for article_id, text in TEXTS.items():
        expected = {**analysis.readability(text), **analysis.tone(text)}
        assert table.loc[article_id].to_dict() == pytest.approx(expected), article_id


def test_score_joins_readability_and_tone(articles):
    both = score(articles, progress=False)
    parts = score_readability(articles, progress=False).merge(
        score_tone(articles, progress=False), on="article_id"
    )
    pd.testing.assert_frame_equal(both.reset_index(drop=True), parts)


def test_input_is_not_modified(articles):
    before = articles.copy(deep=True)
    score(articles, progress=False)
    sentence_tone(articles, progress=False)
    pd.testing.assert_frame_equal(articles, before)


def test_metrics_selects_columns_and_only_needed_scorers(articles, monkeypatch):
    import analysis.score.tone as tone_module

    monkeypatch.setitem(
        _parallel._SCORERS, "tone", lambda text: pytest.fail("tone scorer should not run")
    )
    table = score(articles, metrics=["gunning_fog", "words"], progress=False)
    assert list(table.columns) == ["article_id", "gunning_fog", "words"]
    assert tone_module.TONE_COLUMNS  # module untouched


def test_unknown_metric_suggests_the_right_one(articles):
    with pytest.raises(
        ValueError, match=r"unknown metric 'flesh_reading_ease'.*did you mean 'flesch_reading_ease'"
    ):
        score_readability(articles, metrics=["flesh_reading_ease"])


def test_empty_texts_are_nan_with_one_warning_that_counts_them(articles):
    frame = articles.copy()
    frame["text"] = ["", "  \n ", TEXTS["c"]]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        table = score(frame, progress=False)
    messages = [str(w.message) for w in caught if issubclass(w.category, UserWarning)]
    assert len(messages) == 1 and messages[0].startswith("2 of 3 articles have no words")
    assert table.loc[[10, 20], "flesch_reading_ease"].isna().all()
    assert table.loc[[10, 20], "tone_compound"].isna().all()
    assert table.loc[[10, 20], "tone_sentences"].tolist() == [0, 0]
    assert not table.loc[30].isna().any()


def test_missing_text_counts_as_empty(articles):
    frame = articles.copy()
    frame["text"] = pd.Series([None, TEXTS["a"], np.nan], index=frame.index, dtype=object)
    with pytest.warns(UserWarning, match="2 of 3 articles"):
        table = score_tone(frame, progress=False)
    assert table["tone_compound"].isna().tolist() == [True, False, True]


def test_non_string_text_names_the_article(articles):
    frame = articles.copy()
    frame["text"] = pd.Series([TEXTS["b"], 123, TEXTS["c"]], index=frame.index, dtype=object)
    with pytest.raises(TypeError, match=r"article_id 'a' \(row 1\) is int"):
        score(frame, progress=False)


def test_missing_column_is_a_schema_error(articles):
    with pytest.raises(SchemaError, match=r"no column\(s\) \['text'\]"):
        score(articles.drop(columns="text"))
    with pytest.raises(TypeError, match="expected the article table"):
        score(list(TEXTS.values()))


def test_bad_n_jobs(articles):
    with pytest.raises(ValueError, match="n_jobs must be a positive int or -1"):
        score(articles, n_jobs=0)


def test_duplicate_texts_scored_once_and_copied(articles):
    frame = pd.concat([articles, articles.assign(article_id=["b2", "a2", "c2"])], ignore_index=True)
    table = score(frame, progress=False)
    left = table.iloc[:3, 1:].reset_index(drop=True)
    right = table.iloc[3:, 1:].reset_index(drop=True)
    pd.testing.assert_frame_equal(left, right)


def test_worker_processes_give_identical_rows_in_order(seed_text):
    texts = [seed_text[: 400 * k] for k in range(1, 8)]
    serial = list(_parallel.run(("readability", "tone"), [texts[:3], texts[3:]], n_jobs=1))
    pooled = list(
        _parallel.run(("readability", "tone"), [texts[:3], texts[3:]], n_jobs=1, processes=True)
    )
    assert pooled == serial


def test_score_callable_after_importing_the_subpackage(articles):
    import analysis.score as module

    pd.testing.assert_frame_equal(module(articles, progress=False), score(articles, progress=False))


def test_sentence_tone_long_table(articles):
    table = sentence_tone(articles, progress=False)
    assert list(table.columns) == list(SENTENCE_TONE_COLUMNS)
    first = table[table["article_id"] == "a"]
    assert first["text"].tolist() == [
        "Mr. Smith said the vote was close.",
        "“We lost,” he said.",
        "The party will try again next year.",
    ]
    assert first["paragraph"].tolist() == [0, 0, 1]
    assert first["sentence"].tolist() == [0, 1, 2]
    for row in first.itertuples():
        assert TEXTS["a"][row.start : row.end] == row.text
        assert row.compound == analysis.tone(row.text)["tone_compound"]
    per_article = score_tone(articles, progress=False).set_index("article_id")
    means = table.groupby("article_id")["compound"].mean()
    assert means.to_dict() == pytest.approx(per_article["tone_sentence_mean"].to_dict())


def test_sentence_tone_paragraph_level(articles):
    table = sentence_tone(articles, level="paragraph", progress=False)
    assert table[table["article_id"] == "a"]["paragraph"].tolist() == [0, 1]
    assert table["sentence"].isna().all()
    with pytest.raises(ValueError, match="level must be"):
        sentence_tone(articles, level="word")


# --- cache -------------------------------------------------------------------------------


def test_cache_warm_run_reads_instead_of_scoring(articles, tmp_path, monkeypatch):
    cold = score(articles, cache=tmp_path, progress=False)
    files = sorted(tmp_path.rglob("*.parquet"))
    assert {f.parent.name.split("-")[0] for f in files} == {"readability", "tone"}

    def refuse(*args, **kwargs):
        raise AssertionError("a cached text was scored again")

    monkeypatch.setattr(_parallel, "score_chunk", refuse)
    warm = score(articles, cache=tmp_path, progress=False)
    pd.testing.assert_frame_equal(cold, warm)


def test_cache_scores_only_new_texts(articles, tmp_path, monkeypatch):
    score(articles.iloc[:2], cache=tmp_path, progress=False)
    seen = []
    original = _parallel.score_chunk

    def spy(kinds, texts):
        seen.extend(texts)
        return original(kinds, texts)

    monkeypatch.setattr(_parallel, "score_chunk", spy)
    table = score(articles, cache=tmp_path, progress=False)
    assert seen == [TEXTS["c"]]
    pd.testing.assert_frame_equal(table, score(articles, progress=False))


@pytest.mark.parametrize("damage", ["truncate", "flip", "garbage"])
def test_corrupt_cache_file_is_detected_and_rebuilt(articles, tmp_path, damage):
    expected = score(articles, cache=tmp_path, progress=False)
    target = sorted(tmp_path.rglob("readability-*/*.parquet"))[0]
    data = bytearray(target.read_bytes())
    if damage == "truncate":
        data = data[: len(data) // 2]
    elif damage == "flip":
        # Change a stored number without breaking the file: rewrite it with a wrong value
        # but the old checksum in its metadata.
        import pyarrow.parquet as pq

        table = pq.read_table(target)
        words = table.column("words").to_pylist()
        table = table.set_column(
            table.column_names.index("words"), "words", [[w + 1 for w in words]]
        )
        pq.write_table(table, target)
        data = bytearray(target.read_bytes())
    else:
        data = bytearray(b"not a parquet file at all")
    target.write_bytes(bytes(data))
    reason = "checksum mismatch" if damage == "flip" else "corrupt score-cache file"
    with pytest.warns(RuntimeWarning, match=reason):
        again = score(articles, cache=tmp_path, progress=False)
    pd.testing.assert_frame_equal(again, expected)
    # rebuilt: a third run is clean and still right
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)
        pd.testing.assert_frame_equal(score(articles, cache=tmp_path, progress=False), expected)


def test_concurrent_writers_lose_nothing(tmp_path):
    dtypes = {"value": "float64"}
    stores = [ScoreCache(tmp_path, kind="demo", version="t", dtypes=dtypes) for _ in range(2)]
    barrier = threading.Barrier(2)

    def write(w):
        barrier.wait()
        for i in range(40):
            key = f"{w}-{i}"
            stores[w].store([key], {"value": np.array([float(i)])})

    threads = [threading.Thread(target=write, args=(w,)) for w in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    (tmp_path / "demo-t" / ".half-written.parquet.tmp").write_bytes(
        b"PAR1"
    )  # a crashed writer's leftover
    loaded = ScoreCache(tmp_path, kind="demo", version="t", dtypes=dtypes).load()
    assert len(loaded) == 80
    assert loaded.loc["1-39", "value"] == 39.0
    # more than COMPACT_AFTER files were merged into one, nothing lost
    assert len(list((tmp_path / "demo-t").glob("*.parquet"))) == 1
    assert len(ScoreCache(tmp_path, kind="demo", version="t", dtypes=dtypes).load()) == 80


def test_cache_key_includes_scorer_version(articles, tmp_path):
    score_tone(articles, cache=tmp_path, progress=False)
    (folder,) = [p for p in tmp_path.iterdir() if p.is_dir()]
    assert folder.name.startswith("tone-v") and "vaderSentiment3.3.2" in folder.name


def test_nan_rows_round_trip_through_the_cache(articles, tmp_path):
    frame = articles.assign(text=["", TEXTS["a"], TEXTS["c"]])
    with pytest.warns(UserWarning):
        cold = score(frame, cache=tmp_path, progress=False)
    with pytest.warns(UserWarning):
        warm = score(frame, cache=tmp_path, progress=False)
    pd.testing.assert_frame_equal(cold, warm)
    assert math.isnan(warm.loc[10, "smog_index"])


def test_documented_columns():
    assert list(SCORE_COLUMNS) == [*READABILITY_COLUMNS, *TONE_COLUMNS]
    assert all(isinstance(doc, str) and doc for doc in SCORE_COLUMNS.values())
