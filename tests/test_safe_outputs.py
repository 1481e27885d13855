"""Safe outputs: names from data stay in their folder, CSV cells stay text, HTML stays inert.

Properties checked here, for any name or cell a hostile corpus can hold:

* a file name built from an outlet or corpus name (``'../../x'``, ``'/etc/passwd'``,
  ``'CON'``, NUL, 300 characters) is a plain name inside the output folder, keeps
  its extension, or is refused with ``ValueError``;
* every string cell a spreadsheet would run as a formula is neutralised, and the
  original text is still readable;
* a ``<script>`` scraped into an article appears escaped in the HTML report;
* the report refuses to write into a folder that is not its own unless forced.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import warnings
from pathlib import Path

import pandas as pd
import pytest
from _hostile import file_text, fuzz, hostile_name, hostile_text
from hypothesis import given
from hypothesis import strategies as st

from analysis._safe import (
    csv_bytes,
    neutralise_csv_cell,
    neutralise_frame,
    safe_filename,
    safe_path,
    write_table,
)

_RESERVED = {"CON", "PRN", "AUX", "NUL"} | {f"{d}{i}" for d in ("COM", "LPT") for i in range(10)}
_PLAIN = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9._-]*$")
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def _assert_plain(name: str) -> None:
    assert _PLAIN.match(name), name
    assert ".." not in name.split(".")[0:1] and name not in {".", ".."}
    assert name.split(".", 1)[0].upper() not in _RESERVED, name
    assert len(name.encode()) <= 200


@fuzz(300)
@given(name=hostile_name)
def test_safe_filename_is_plain_or_refused(name):
    """Any name becomes a plain, non-reserved name of safe characters, or raises ValueError."""
    try:
        result = safe_filename(name)
    except ValueError as error:
        assert "name" in str(error)
        return
    _assert_plain(result)
    assert safe_filename(name) == result  # same name, same file


@fuzz(200)
@given(name=hostile_name)
def test_strict_names_that_address_a_path_are_refused(name):
    """With strict=True a name holding '/', '\\\\', '..' or NUL raises instead of being cleaned."""
    looks_like_path = any(s in name for s in ("/", "\\", "..", "\x00"))
    try:
        result = safe_filename(name, strict=True)
    except ValueError:
        return
    assert not looks_like_path, f"{name!r} addresses a path but became {result!r}"
    _assert_plain(result)


@fuzz(200)
@given(name=hostile_name, ext=st.sampled_from(["", ".csv", ".png", ".parquet"]))
def test_safe_path_stays_in_the_folder(tmp_path_factory, name, ext):
    """safe_path(folder, name) resolves to a file directly inside folder, whatever the name."""
    folder = tmp_path_factory.getbasetemp() / "out"
    try:
        path = safe_path(folder, name + ext)
    except ValueError:
        return
    assert path.parent == folder.resolve()
    _assert_plain(path.name)


# Finding 2 (fixed in analysis/_safe.py): long names used to lose their extension.
@fuzz(60)
@given(
    stem=st.text(st.sampled_from("abcXYZ -_é"), min_size=100, max_size=400),
    ext=st.sampled_from([".csv", ".png", ".svg", ".parquet"]),
)
def test_long_names_keep_their_extension(tmp_path_factory, stem, ext):
    """A long name is shortened but keeps its extension (a .csv stays a .csv)."""
    folder = tmp_path_factory.getbasetemp() / "out"
    try:
        path = safe_path(folder, stem + ext)
    except ValueError:
        return
    assert path.suffix == ext


def test_symlink_inside_the_folder_cannot_redirect_a_write(tmp_path):
    """A symbolic link in the output folder that points elsewhere is refused, not followed."""
    outside = tmp_path / "outside"
    outside.mkdir()
    out = tmp_path / "out"
    out.mkdir()
    os.symlink(outside / "victim.csv", out / "table.csv")
    with pytest.raises(ValueError, match="outside the output folder"):
        safe_path(out, "table.csv")


@pytest.mark.parametrize(
    "name",
    [
        "../../x",
        "/etc/passwd",
        "..\\..\\x",
        "CON",
        "nul.txt",
        "COM1",
        "lpt9.csv",
        ".hidden",
        "a/b/c",
    ],
)
def test_write_table_from_hostile_outlet_names_stays_inside(tmp_path, name):
    """write_table with a table named after a hostile outlet writes inside the folder only."""
    out = tmp_path / "deep" / "out"
    paths = write_table(pd.DataFrame({"x": [1]}), out, name, formats=("csv", "parquet"))
    assert [p.suffix for p in paths] == [".csv", ".parquet"]
    for p in paths:
        assert p.parent == out.resolve()
        _assert_plain(p.name)
    # Nothing was written anywhere else under tmp_path.
    written = sorted(p for p in tmp_path.rglob("*") if p.is_file())
    assert written == sorted(paths)


# ----------------------------------------------------------------------------------------------
# CSV formula injection
# ----------------------------------------------------------------------------------------------


@fuzz(300)
@given(
    value=st.one_of(
        hostile_text, st.sampled_from(["=1+1", "+cmd", "-2 dead", "@SUM(A1)", "\t=x", "\r=x"])
    )
)
def test_neutralised_cell_never_starts_a_formula_and_keeps_the_text(value):
    """A string cell never starts with = + - @ tab CR after neutralising, and the text is kept."""
    safe = neutralise_csv_cell(value)
    assert not safe.startswith(_FORMULA)
    assert safe in (value, "'" + value)


@pytest.mark.parametrize("value", [-2, -2.5, 0, float("nan"), None, pd.Timestamp("2024-01-01")])
def test_non_strings_are_not_touched(value):
    """Numbers (negative ones too), missing values and dates stay what they are."""
    assert neutralise_csv_cell(value) is value


@st.composite
def _frames(draw):
    n = draw(st.integers(0, 4))
    # Lone surrogates cannot live in a table (pandas' Arrow strings refuse them; loaders decode
    # bytes, so they never produce them): tables hold encodable text.
    texts = draw(st.lists(st.one_of(file_text, st.none()), min_size=n, max_size=n))
    nums = draw(st.lists(st.floats(-1e6, 1e6), min_size=n, max_size=n))
    label = draw(st.sampled_from(["text", "=HYPERLINK(1)", "-x", "@c"]))
    frame = pd.DataFrame(
        {label: pd.array(texts, dtype=draw(st.sampled_from(["string", "object"]))), "num": nums}
    )
    return frame


@fuzz(150)
@given(frame=_frames())
def test_csv_bytes_neutralise_every_string_cell_and_keep_input(frame):
    """Read back, no string cell or header of csv_bytes starts a formula; the input is unchanged."""
    before = frame.copy(deep=True)
    data = csv_bytes(frame)
    assert csv_bytes(frame) == data  # deterministic
    pd.testing.assert_frame_equal(frame, before)
    back = pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False)
    for column in back.columns:
        assert not str(column).startswith(_FORMULA)
    text_column = back.columns[0]
    for cell in back[text_column]:
        assert not cell.startswith(_FORMULA), cell


def test_neutralise_frame_leaves_numbers_numeric():
    """Negative numbers are numbers, not formulas: their column keeps its dtype and values."""
    frame = pd.DataFrame({"t": ["=cmd()", "ok", None], "x": [-1.5, 2.0, -3.0]})
    out = neutralise_frame(frame)
    assert out["t"].tolist()[:2] == ["'=cmd()", "ok"]
    assert out["x"].tolist() == [-1.5, 2.0, -3.0]
    assert frame["t"].tolist()[0] == "=cmd()"


# ----------------------------------------------------------------------------------------------
# save_figure names
# ----------------------------------------------------------------------------------------------


@fuzz(25)
@given(name=hostile_name)
def test_save_figure_names_never_leave_the_folder(tmp_path_factory, name):
    """save_figure writes only inside its folder: a path-like name raises ValueError."""
    import matplotlib.pyplot as plt

    from analysis.figures import save_figure

    base = tmp_path_factory.mktemp("fig")
    folder = base / "figures"
    fig, ax = plt.subplots(figsize=(1, 1))
    try:
        try:
            paths = save_figure(
                fig, name, data=pd.DataFrame({"a": [1]}), folder=folder, formats=("svg",)
            )
        except ValueError:
            assert not any(p.is_file() for p in base.rglob("*"))
            return
    finally:
        plt.close(fig)
    for path in paths:
        assert path.parent == folder.resolve()
    assert sorted(p for p in base.rglob("*") if p.is_file()) == sorted(paths)


# ----------------------------------------------------------------------------------------------
# The report: escaped HTML, no overwriting of a stranger's folder
# ----------------------------------------------------------------------------------------------

_SCRIPT = "<script>alert(1)</script>"


def _hostile_articles_folder(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    body = (
        "The council met on Monday to approve the budget for next year.\n\n"
        f"A reader posted {_SCRIPT} under the story, and another wrote <img src=x onerror=alert(2)>.\n\n"
        "\u201cWe will decide on Friday,\u201d said council member Ana Lopez."
    )
    outlets = ['=HYPERLINK("http://evil")', "../../escape", "<script>alert('outlet')</script>"]
    for i, outlet in enumerate(outlets):
        (folder / f"a{i}.jsonl").write_text(
            pd.DataFrame(
                [
                    {
                        "outlet": outlet,
                        "title": f"{_SCRIPT} headline {i}-{k}",
                        "text": f"Story {k}. " + body,
                    }
                    for k in range(3)
                ]
            ).to_json(orient="records", lines=True),
            encoding="utf-8",
        )
    return folder


@pytest.fixture(scope="module")
def hostile_report(tmp_path_factory):
    """One report over articles whose outlets, titles and text carry scripts and formulas."""
    from analysis.report import report

    base = tmp_path_factory.mktemp("hostile_report")
    data = _hostile_articles_folder(base / "data")
    out = base / "out"
    report(data, out=out, progress=False)
    return base, out


@pytest.mark.slow
def test_script_in_article_text_is_escaped_in_the_html(hostile_report):
    """A scraped <script> never appears as a tag in report.html: only escaped (&lt;script&gt;)."""
    _, out = hostile_report
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "<script" not in html.lower()
    assert "onerror=" not in html.lower().replace("&lt;img src=x onerror=", "")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


@pytest.mark.slow
def test_report_writes_nothing_outside_its_folder_and_neutralises_csv(hostile_report):
    """Outlet '../../escape' writes no file outside out/, and no CSV cell starts a formula."""
    base, out = hostile_report
    outside = [
        p for p in base.rglob("*") if p.is_file() and out not in p.parents and "data" not in p.parts
    ]
    assert outside == []
    csvs = list(out.rglob("*.csv"))
    assert csvs
    for path in csvs:
        table = pd.read_csv(path, dtype=str, keep_default_na=False)
        for column in table.columns:
            assert not str(column).startswith(_FORMULA), (path.name, column)
            for cell in table[column]:
                if re.fullmatch(r"-?\d+(\.\d+)?(e[-+]?\d+)?", cell):
                    continue  # a number, negative numbers included
                assert not cell.startswith(_FORMULA), (path.name, column, cell)


def test_report_refuses_a_folder_that_is_not_a_report(tmp_path, seed_path):
    """A non-empty folder without the report marker is refused, untouched, unless force=True."""
    from analysis.report import report

    out = tmp_path / "thesis"
    out.mkdir()
    (out / ".notes").write_text("precious", encoding="utf-8")
    with pytest.raises(FileExistsError, match="force"):
        report(seed_path, out=out, progress=False)
    assert [p.name for p in out.iterdir()] == [".notes"]


def test_forced_report_leaves_other_files_alone(tmp_path, seed_path):
    """With force=True the report writes into a stranger's folder but touches none of its files."""
    from analysis.report import report

    out = tmp_path / "thesis"
    out.mkdir()
    (out / "chapter1.docx").write_bytes(b"precious")
    (out / "tables").mkdir()
    (out / "tables" / "my_notes.csv").write_text("mine", encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        report(seed_path, out=out, force=True, progress=False)
    assert (out / "chapter1.docx").read_bytes() == b"precious"
    assert (out / "tables" / "my_notes.csv").read_text(encoding="utf-8") == "mine"
    assert (out / "report.html").is_file()


def test_report_marker_cannot_delete_files_outside(tmp_path, seed_path):
    """A forged marker listing '../victim' or an absolute path does not delete those files."""
    import json

    from analysis.report import MARKER, report

    victim = tmp_path / "victim.txt"
    victim.write_text("keep me", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    names = ["../victim.txt", str(victim), "tables/../../victim.txt", "..", "/"]
    (out / MARKER).write_text(json.dumps({"files": names}), encoding="utf-8")
    with contextlib.suppress(Exception):  # only the deletion matters here
        report(seed_path, out=out, progress=False)
    assert victim.read_text(encoding="utf-8") == "keep me"
