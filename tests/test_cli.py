"""The command line: ``python -m analysis report PATH --out DIR`` and its refusals."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from analysis.__main__ import main
from analysis.report import MARKER


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, MPLBACKEND="Agg", OMP_NUM_THREADS="1")
    return subprocess.run(
        [sys.executable, "-m", "analysis", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=600,
        check=False,
    )


@pytest.mark.slow
def test_report_command_writes_the_report(tmp_path, data_dir):
    data = tmp_path / "data"
    shutil.copytree(data_dir, data)
    done = _run("report", "data", "--out", "out", "--quiet", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    out = tmp_path / "out"
    assert done.stdout.strip().endswith("report.html")
    assert (out / "report.html").stat().st_size > 10_000
    assert (out / MARKER).is_file()
    assert sorted(p.suffix for p in (out / "tables").iterdir() if p.stem == "articles") == [
        ".csv",
        ".parquet",
    ]
    assert list((out / "figures").glob("*.png"))
    page = (out / "report.html").read_text(encoding="utf-8")
    assert "14 documents in = 13 articles + 1 rejected inputs." in page  # see data/README.md


def test_refuses_to_write_into_a_non_report_folder(tmp_path, capsys, seed_path):
    out = tmp_path / "thesis"
    out.mkdir()
    (out / "chapter1.docx").write_bytes(b"precious")
    code = main(["report", str(seed_path), "--out", str(out), "--quiet"])
    assert code == 1
    err = capsys.readouterr().err
    assert "not empty" in err and "--force" in err and "chapter1.docx" in err
    assert sorted(p.name for p in out.iterdir()) == ["chapter1.docx"]


def test_bad_path_is_a_clear_error_with_non_zero_exit(tmp_path):
    done = _run("report", "no/such/folder", "--out", str(tmp_path / "out"), "--quiet", cwd=tmp_path)
    assert done.returncode == 1
    assert "no/such/folder" in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "out").exists()


def test_unknown_grouping_column_is_named(tmp_path, capsys, seed_path):
    code = main(
        ["report", str(seed_path), "--out", str(tmp_path / "o"), "--by", "colour", "--quiet"]
    )
    assert code == 1
    err = capsys.readouterr().err
    assert "colour" in err and "outlet" in err


def test_usage_errors_exit_2(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["report", "data"])  # --out is required
    assert exc.value.code == 2
    assert "--out" in capsys.readouterr().err
