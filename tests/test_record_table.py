"""RecordTable: the loader's tables in ``attrs`` are JSON records that read like DataFrames."""

from __future__ import annotations

import copy
import json
import pickle

import numpy as np
import pandas as pd
import pytest

from analysis.load import RecordTable


@pytest.fixture
def frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "source_path": pd.array(["a.jsonl", "b.csv", None], dtype="string"),
            "group": np.array([0, 1, 2], dtype="int64"),
            "kept": [True, False, True],
            "similarity": [1.0, np.nan, 0.5],
            "date": pd.to_datetime(["2024-03-01 00:00", None, "2024-03-02 10:30"]),
        }
    )


def test_records_hold_only_json_values(frame):
    table = RecordTable.from_frame(frame)
    assert table[1] == {
        "source_path": "b.csv",
        "group": 1,
        "kept": False,
        "similarity": None,
        "date": None,
    }
    assert table[2]["source_path"] is None
    assert table[2]["date"] == "2024-03-02T10:30:00"
    for record in table:
        for value in record.values():
            assert value is None or type(value) in (str, int, float, bool)
    assert json.loads(json.dumps(table)) == list(table)


def test_values_from_numpy_and_pandas_become_python_values():
    table = RecordTable(
        [
            {
                "i": np.int32(3),
                "f": np.float64(0.25),
                "b": np.bool_(True),
                "na": pd.NA,
                "nat": pd.NaT,
                "ts": pd.Timestamp("2025-01-02"),
                1: "key made a string",
            }
        ]
    )
    assert table[0] == {
        "i": 3,
        "f": 0.25,
        "b": True,
        "na": None,
        "nat": None,
        "ts": "2025-01-02T00:00:00",
        "1": "key made a string",
    }
    assert [type(v) for v in table[0].values()][:3] == [int, float, bool]


def test_frame_comes_back_with_columns_and_dtypes(frame):
    table = RecordTable.from_frame(frame)
    pd.testing.assert_frame_equal(table.to_frame(), frame)
    # A fresh copy each time: changing it leaves the table as it was.
    changed = table.to_frame()
    changed.loc[0, "source_path"] = "changed"
    assert table.iloc[0]["source_path"] == "a.jsonl"


def test_reads_like_a_dataframe(frame):
    table = RecordTable.from_frame(frame)
    assert len(table) == 3 and not table.empty
    assert table["source_path"].tolist()[:2] == ["a.jsonl", "b.csv"]
    pd.testing.assert_frame_equal(table[["group", "kept"]], frame[["group", "kept"]])
    pd.testing.assert_frame_equal(table[table["kept"]], frame[frame["kept"]])
    assert table.iloc[1]["group"] == 1
    assert list(table.columns) == list(frame.columns)
    assert table.to_csv(index=False) == frame.to_csv(index=False)
    assert repr(table) == repr(frame)
    assert table._repr_html_() == frame._repr_html_()
    assert "iloc" in dir(table) and "append" in dir(table)


def test_ints_and_slices_index_the_list(frame):
    table = RecordTable.from_frame(frame)
    assert table[0]["source_path"] == "a.jsonl" and table[-1]["group"] == 2
    assert table[np.int64(1)]["group"] == 1
    part = table[1:]
    assert isinstance(part, RecordTable) and len(part) == 2
    # The slice keeps the columns and dtypes; its frame is numbered from 0.
    pd.testing.assert_frame_equal(part.to_frame(), frame.iloc[1:].reset_index(drop=True))


def test_an_empty_table_keeps_its_columns():
    table = RecordTable([], {"source_path": "string", "reason": "string"})
    assert table.empty and len(table) == 0 and json.dumps(table) == "[]"
    assert list(table.columns) == ["source_path", "reason"]
    assert table["reason"].tolist() == [] and str(table["reason"].dtype) == "string"


def test_equality_is_one_bool_and_concat_keeps_or_drops_attrs(frame):
    table = RecordTable.from_frame(frame)
    assert (table == RecordTable.from_frame(frame)) is True
    assert (table == RecordTable.from_frame(frame.iloc[:2])) is False
    assert table == json.loads(json.dumps(table))  # equal to what Parquet gives back
    articles = pd.DataFrame({"n": range(4)})
    articles.attrs = {"rejections": table, "summary": {"documents": 7}}
    halves = pd.concat([articles.iloc[:1], articles.iloc[1:]])
    assert halves.attrs["rejections"] == table
    assert isinstance(halves.attrs["rejections"], RecordTable)
    # Different accounting on the two sides: pandas keeps none of it.
    other = articles.iloc[1:].copy()
    other.attrs["rejections"] = table[:1]
    assert pd.concat([articles.iloc[:1], other]).attrs == {}


def test_copies_and_pickles_stay_record_tables(frame):
    table = RecordTable.from_frame(frame)
    assert copy.deepcopy(table) is table  # nothing in it can change
    assert copy.copy(table) is table
    back = pickle.loads(pickle.dumps(table))
    assert isinstance(back, RecordTable) and back == table
    pd.testing.assert_frame_equal(back.to_frame(), frame)
    articles = pd.DataFrame({"n": [1]})
    articles.attrs["rejections"] = table
    assert isinstance(articles.copy().attrs["rejections"], RecordTable)
    assert isinstance(articles[["n"]].attrs["rejections"], RecordTable)


def test_a_record_table_cannot_be_changed(frame):
    table = RecordTable.from_frame(frame)
    for change in (
        lambda: table.append({"group": 3}),
        lambda: table.extend([]),
        lambda: table.pop(),
        lambda: table.sort(key=len),
        lambda: table.__setitem__(0, {}),
        lambda: table.__delitem__(0),
        lambda: table[0].__setitem__("group", 5),
        lambda: table[0].update(group=5),
        lambda: table[0].pop("group"),
    ):
        with pytest.raises(TypeError, match="cannot be changed"):
            change()
    assert table == RecordTable.from_frame(frame)
    # An editable copy is one call away.
    record = dict(table[0])
    record["group"] = 5
    assert record["group"] == 5 and table[0]["group"] == 0


def test_unknown_and_private_names_are_attribute_errors(frame):
    table = RecordTable.from_frame(frame)
    with pytest.raises(AttributeError, match="no_such_thing"):
        table.no_such_thing  # noqa: B018
    with pytest.raises(AttributeError):
        table._mgr  # noqa: B018
