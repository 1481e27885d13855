"""save_figure: picture + table, byte-identical re-runs, provenance, safe names."""

from __future__ import annotations

import hashlib

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from PIL import Image

import analysis
from analysis.figures import provenance, save_figure


def _table() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "group": ["Fox News", "HuffPost", "=HYPERLINK(1)"],
            "mean": [-0.12, 0.05, 0.3],
            "ci_low": [-0.2, -0.01, 0.1],
            "ci_high": [-0.04, 0.11, 0.5],
        }
    )


def _draw(table: pd.DataFrame) -> plt.Figure:
    fig, ax = plt.subplots()
    ax.errorbar(table["mean"], range(len(table)), xerr=0.05, fmt="o")
    ax.set_yticks(range(len(table)), table["group"])
    ax.set_title("Tone by outlet")
    return fig


def _hashes(paths) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in paths}


def test_writes_png_svg_and_the_table(tmp_path):
    paths = save_figure(_draw(_table()), "tone_by_outlet", data=_table(), folder=tmp_path / "figs")
    assert [p.name for p in paths] == [
        "tone_by_outlet.png",
        "tone_by_outlet.svg",
        "tone_by_outlet.csv",
    ]
    assert all(p.is_file() and p.stat().st_size > 0 for p in paths)
    assert paths[0].read_bytes().startswith(b"\x89PNG")
    assert b"<svg" in paths[1].read_bytes()
    # The CSV is the table, formula cell neutralised, numbers as numbers.
    back = pd.read_csv(paths[2])
    assert back["group"].tolist() == ["Fox News", "HuffPost", "'=HYPERLINK(1)"]
    assert back["mean"].tolist() == [-0.12, 0.05, 0.3]


def test_rerun_gives_byte_identical_files(tmp_path):
    first = save_figure(
        _draw(_table()), "fig", data=_table(), folder=tmp_path / "a", formats=("png", "svg", "pdf")
    )
    plt.close("all")
    second = save_figure(
        _draw(_table()), "fig", data=_table(), folder=tmp_path / "b", formats=("png", "svg", "pdf")
    )
    assert _hashes(first) == _hashes(second)


def test_svg_has_no_date_and_a_fixed_salt(tmp_path):
    svg = save_figure(_draw(_table()), "fig", data=_table(), folder=tmp_path, formats=("svg",))[0]
    text = svg.read_text()
    assert "<dc:date>" not in text
    assert "analysis" in text


def test_provenance_is_in_the_png_and_svg_metadata(tmp_path):
    table = _table()
    png, svg, csv = save_figure(_draw(table), "fig", data=table, folder=tmp_path)
    # The fingerprint is the hash of the CSV written beside the figure.
    data_fp = "sha256:" + hashlib.sha256(csv.read_bytes()).hexdigest()
    assert provenance(table)["data_fingerprint"] == data_fp
    info = Image.open(png).info
    assert info["Software"] == f"analysis {analysis.__version__}"
    assert info["Source"] == data_fp
    assert data_fp in info["Description"] and analysis.__version__ in info["Description"]
    text = svg.read_text()
    assert data_fp in text
    assert f"analysis {analysis.__version__}" in text


def test_fingerprint_changes_with_the_data(tmp_path):
    a = save_figure(_draw(_table()), "a", data=_table(), folder=tmp_path, formats=("png",))[0]
    changed = _table().assign(mean=[-0.12, 0.05, 0.31])
    b = save_figure(_draw(_table()), "b", data=changed, folder=tmp_path, formats=("png",))[0]
    assert Image.open(a).info["Source"] != Image.open(b).info["Source"]


def test_without_data_no_csv_and_fingerprint_none(tmp_path):
    paths = save_figure(_draw(_table()), "bare", folder=tmp_path, formats=("png",))
    assert [p.name for p in paths] == ["bare.png"]
    assert Image.open(paths[0]).info["Source"] == "none"


@pytest.mark.parametrize("name", ["../../x", "/tmp/evil", "sub/fig", "..\\x", ".."])
def test_names_that_address_a_path_are_refused(tmp_path, name):
    folder = tmp_path / "figs"
    with pytest.raises(ValueError, match="path|no letters"):
        save_figure(_draw(_table()), name, data=_table(), folder=folder)
    assert not any(tmp_path.rglob("*.png"))


@pytest.mark.parametrize(
    ("name", "stem"), [("CON", "CON_"), ("Tone by outlet", "Tone-by-outlet"), ("tone.png", "tone")]
)
def test_names_are_cleaned(tmp_path, name, stem):
    paths = save_figure(_draw(_table()), name, folder=tmp_path, formats=("png",))
    assert paths[0].name == f"{stem}.png"
    assert paths[0].parent == tmp_path.resolve()


def test_errors_name_the_problem(tmp_path):
    fig = _draw(_table())
    with pytest.raises(ValueError, match="unknown figure format"):
        save_figure(fig, "x", folder=tmp_path, formats=("jpg",))
    with pytest.raises(TypeError, match="ax.figure"):
        save_figure(fig.axes[0], "x", folder=tmp_path)
    with pytest.raises(TypeError, match="DataFrame"):
        save_figure(fig, "x", data=[1, 2], folder=tmp_path)
