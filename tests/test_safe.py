"""Safe outputs: file names stay in their folder, CSV cells stay text, bytes stay the same."""

from __future__ import annotations

import io
import os

import numpy as np
import pandas as pd
import pytest

from analysis._safe import (
    csv_bytes,
    fingerprint,
    neutralise_csv_cell,
    neutralise_frame,
    safe_filename,
    safe_path,
    to_csv_safe,
    write_table,
)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("tone_by_outlet", "tone_by_outlet"),
        ("Fox News", "Fox-News"),
        ("Fox News / 2019", "Fox-News-2019"),
        ("Le Monde diplomatique é", "Le-Monde-diplomatique-e"),
        ("../../x", "x"),
        ("/etc/passwd", "etc-passwd"),
        ("..\\..\\windows\\system32", "windows-system32"),
        (".hidden", "hidden"),
        ("CON", "CON_"),
        ("nul", "nul_"),
        ("com1.csv", "com1_.csv"),
        ("LPT9", "LPT9_"),
        ("CONTROL", "CONTROL"),  # only the exact device names are reserved
        ("report.csv", "report.csv"),
        ("a\x00b", "a-b"),
        ("trailing dot.", "trailing-dot"),
    ],
)
def test_safe_filename_slugs_names_from_data(name, expected):
    assert safe_filename(name) == expected


@pytest.mark.parametrize("name", ["", "...", "///", "  ", "\x00", "..", "🙂"])
def test_safe_filename_refuses_names_with_nothing_left(name):
    with pytest.raises(ValueError, match="no letters or digits"):
        safe_filename(name)


@pytest.mark.parametrize("name", ["../../x", "a/b", "a\\b", "/tmp/x", "C:x", "x\x00", "a..b"])
def test_strict_safe_filename_refuses_paths(name):
    with pytest.raises(ValueError, match="addresses a path"):
        safe_filename(name, strict=True)


def test_long_names_are_cut_but_stay_distinct_and_keep_their_extension():
    a, b = safe_filename("x" * 300 + "a.csv"), safe_filename("x" * 300 + "b.csv")
    assert len(a) <= 120 and len(b) <= 120
    assert a != b
    assert a.endswith(".csv") and b.endswith(".csv")
    assert safe_filename("y" * 300).startswith("y" * 100)


def test_safe_path_stays_inside_folder(tmp_path):
    path = safe_path(tmp_path, "../../escape.csv")
    assert path.parent == tmp_path.resolve()
    assert path.name == "escape.csv"


@pytest.mark.skipif(os.name == "nt", reason="symbolic links need privileges on Windows")
def test_safe_path_refuses_a_symlink_that_points_outside(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "figure.png").symlink_to(outside / "figure.png")
    with pytest.raises(ValueError, match="outside the output folder"):
        safe_path(folder, "figure.png")


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+1+1", "'+1+1"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tcmd", "'\tcmd"),
        ("\rcmd", "'\rcmd"),
        ("Fox News", "Fox News"),
        ("a=b", "a=b"),
        ("", ""),
        (-2.5, -2.5),
        (-3, -3),
        (None, None),
    ],
)
def test_neutralise_csv_cell(cell, expected):
    assert neutralise_csv_cell(cell) == expected


def test_neutralise_frame_touches_strings_only_and_leaves_input_alone():
    df = pd.DataFrame(
        {
            "title": pd.array(["=1+1", "ok", None], dtype="string"),
            "mixed": ["-danger", -4.0, "@x"],
            "tone": [-0.5, 0.25, np.nan],
            "n": [-1, 2, 3],
        }
    )
    before = df.copy()
    out = neutralise_frame(df)
    assert out["title"].tolist()[:2] == ["'=1+1", "ok"]
    assert pd.isna(out["title"].iloc[2])
    assert out["mixed"].tolist() == ["'-danger", -4.0, "'@x"]
    assert out["tone"].equals(df["tone"])
    assert out["n"].tolist() == [-1, 2, 3]
    pd.testing.assert_frame_equal(df, before)


def test_categorical_and_other_dtypes_are_handled_without_losing_cells():
    df = pd.DataFrame(
        {
            "cat": pd.Categorical(["=a", "b", "=a"]),
            "when": pd.to_datetime(["2020-01-01", None, "2021-05-06"]),
            "flag": [True, False, True],
            "period": pd.period_range("2020-01", periods=3, freq="M"),
        }
    )
    out = neutralise_frame(df)
    assert out["cat"].tolist() == ["'=a", "b", "'=a"]
    assert out["when"].equals(df["when"]) and out["flag"].equals(df["flag"])
    assert csv_bytes(df).decode().splitlines()[1] == "'=a,2020-01-01,True,2020-01"


def test_csv_keeps_negative_numbers_as_numbers():
    df = pd.DataFrame({"outlet": ["=evil()", "Fox"], "tone": [-0.125, 0.5], "n": [-3, 4]})
    text = csv_bytes(df).decode("utf-8")
    assert text == "outlet,tone,n\n'=evil(),-0.125,-3\nFox,0.5,4\n"
    back = pd.read_csv(io.StringIO(text))
    assert back["tone"].tolist() == [-0.125, 0.5]


def test_csv_header_from_data_is_neutralised():
    df = pd.DataFrame({"=cmd": [1]})
    assert csv_bytes(df).decode().splitlines()[0] == "'=cmd"


def test_csv_float_format_is_fixed_and_short():
    df = pd.DataFrame({"x": [0.1 + 0.2, 1 / 3, 1e-12, 123456789.0]})
    assert csv_bytes(df).decode().splitlines()[1:] == ["0.3", "0.3333333333", "1e-12", "123456789"]


def test_csv_writes_a_meaningful_index_and_drops_a_plain_one():
    plain = pd.DataFrame({"a": [1, 2]})
    named = plain.set_index(pd.Index(["x", "y"], name="outlet"))
    assert csv_bytes(plain).decode() == "a\n1\n2\n"
    assert csv_bytes(named).decode() == "outlet,a\nx,1\ny,2\n"


def test_to_csv_safe_is_byte_identical_and_fingerprinted(tmp_path):
    df = pd.DataFrame({"g": ["b", "a"], "v": [np.pi, -np.e]})
    p1 = to_csv_safe(df, tmp_path / "one.csv")
    p2 = to_csv_safe(df.copy(), tmp_path / "two.csv")
    assert p1.read_bytes() == p2.read_bytes()
    assert p1.read_bytes().decode().splitlines()[1] == "b,3.141592654"  # row order kept
    assert fingerprint(df) == fingerprint(df.copy())
    assert fingerprint(df) != fingerprint(df.assign(v=[np.pi, -2.0]))
    assert fingerprint(None) == "none"


def test_write_table_writes_csv_and_parquet_under_safe_names(tmp_path):
    df = pd.DataFrame({"outlet": ["+x"], "v": [1.5]})
    paths = write_table(df, tmp_path / "tables", "../Fox News", formats=("csv", "parquet"))
    assert [p.name for p in paths] == ["Fox-News.csv", "Fox-News.parquet"]
    assert all(p.parent == (tmp_path / "tables").resolve() for p in paths)
    assert paths[0].read_text() == "outlet,v\n'+x,1.5\n"
    assert pd.read_parquet(paths[1])["outlet"].tolist() == ["+x"]
    with pytest.raises(ValueError, match="unknown table format"):
        write_table(df, tmp_path, "t", formats=("xlsx",))
