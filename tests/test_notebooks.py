"""The notebooks run headless, top to bottom, on the bundled sample and (where present) on BASIL.

Each notebook's ``.py`` twin (jupytext, percent format) is executed with nbclient,
with parameters injected after the cell tagged ``parameters`` (as papermill does),
so that the figures go to a temporary folder instead of ``figures/``.

The same runner makes the committed BASIL figures::

    ANALYSIS_CORPORA=../shared/corpora .venv/bin/python tests/test_notebooks.py basil
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
NOTEBOOKS = REPO / "notebooks"
SOURCES = sorted(NOTEBOOKS.glob("[0-9][0-9]-*.py"))


def run_notebook(source: Path, **parameters: object) -> object:
    """Execute the notebook paired with ``source`` with ``parameters`` injected; return the notebook."""
    import jupytext
    import nbformat
    from nbclient import NotebookClient

    notebook = jupytext.read(source)
    tagged = [i for i, c in enumerate(notebook.cells) if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1, (
        f"{source.name}: needs exactly one cell tagged 'parameters', found {len(tagged)}"
    )
    injected = "\n".join(f"{name} = {value!r}" for name, value in parameters.items())
    cell = nbformat.v4.new_code_cell(injected, metadata={"tags": ["injected-parameters"]})
    notebook.cells.insert(tagged[0] + 1, cell)
    client = NotebookClient(
        notebook,
        timeout=600,
        kernel_name="python3",
        resources={"metadata": {"path": str(NOTEBOOKS)}},
    )
    client.execute()
    return notebook


def _hashes(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(autouse=True)
def _single_threaded(monkeypatch):
    # The kernels inherit this environment: one BLAS thread, no GUI backend.
    monkeypatch.setenv("OMP_NUM_THREADS", "1")
    monkeypatch.setenv("MPLBACKEND", "Agg")


def test_there_are_five_numbered_notebooks_paired_and_without_outputs():
    assert [p.stem for p in SOURCES] == [
        "01-load-and-clean",
        "02-tone-and-readability",
        "03-sources-and-quotes",
        "04-comparing-coverage",
        "05-validity",
    ]
    for source in SOURCES:
        paired = source.with_suffix(".ipynb")
        assert paired.is_file(), f"{paired.name} is missing: run `make notebooks`"
        nb = json.loads(paired.read_text(encoding="utf-8"))
        code = [c for c in nb["cells"] if c["cell_type"] == "code"]
        assert all(not c.get("outputs") and c.get("execution_count") is None for c in code), (
            f"{paired.name} is committed with outputs; clear them (`make notebooks`)"
        )
        import jupytext

        # The pair says the same thing (edit one, then `make notebooks`).
        cells = [(c.cell_type, c.source) for c in jupytext.read(source).cells]
        assert cells == [(c["cell_type"], "".join(c["source"])) for c in nb["cells"]], (
            f"{paired.name} and {source.name} differ: run `make notebooks`"
        )
        text = source.read_text(encoding="utf-8")
        # Thin notebooks: no function or class definitions, imports only from the package.
        assert "\ndef " not in text and "\nclass " not in text, f"{source.name} defines a function"
        imports = [
            line
            for line in text.splitlines()
            if line.startswith(("import ", "from ")) and not line.startswith("from __future__")
        ]
        assert all(
            line == "import analysis" or line.startswith("from analysis") for line in imports
        ), f"{source.name} imports from outside the package: {imports}"


@pytest.mark.slow
def test_notebooks_run_on_the_sample_and_rerun_identically(tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    for source in SOURCES:
        run_notebook(source, CORPUS="sample", FIGURES=str(first))
    assert list(first.glob("*.png")), "the notebooks saved no figures"
    # A second run of one plotting notebook gives the same bytes for every file it writes.
    run_notebook(NOTEBOOKS / "02-tone-and-readability.py", CORPUS="sample", FIGURES=str(second))
    again = _hashes(second)
    assert again and {k: _hashes(first)[k] for k in again} == again


@pytest.mark.slow
@pytest.mark.shared
def test_notebooks_run_on_basil(tmp_path, shared_dir, monkeypatch):
    monkeypatch.setenv("ANALYSIS_CORPORA", str(shared_dir / "corpora"))
    # 05-validity does not depend on the corpus; it ran on the sample above.
    for source in SOURCES[:4]:
        run_notebook(source, CORPUS="basil", FIGURES=str(tmp_path))
    committed = REPO / "figures" / "basil"
    mine = _hashes(tmp_path)
    assert sorted(mine) == sorted(_hashes(committed)), (
        "figures/basil does not hold what the notebooks make"
    )
    # The committed tables are exactly what the notebooks compute today. (Picture bytes depend on
    # the matplotlib and FreeType build as well; their re-run identity is checked on the sample.)
    stale = sorted(k for k, v in _hashes(committed).items() if k.endswith(".csv") and mine[k] != v)
    assert not stale, (
        f"figures/basil is out of date for {stale}: rerun `python tests/test_notebooks.py basil`"
    )


if __name__ == "__main__":
    corpus = sys.argv[1] if len(sys.argv) > 1 else "basil"
    os.environ.setdefault("MPLBACKEND", "Agg")
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    for source in SOURCES:
        print(f"running {source.name} on {corpus}", flush=True)
        run_notebook(source, CORPUS=corpus)
