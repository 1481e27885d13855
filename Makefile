# The index of commands. `make help` lists them.
# A fresh machine needs only `make report` and `make test`: both create .venv themselves.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp
# Research corpora live outside the repository (see README, "Corpora"); CI points here.
ANALYSIS_CORPORA ?= $(abspath ../shared/corpora)
export ANALYSIS_CORPORA
# Keep BLAS single-threaded: our parallelism is by process, and results must not depend on threads.
export OMP_NUM_THREADS = 1
export MPLBACKEND = Agg

.DEFAULT_GOAL := help
.PHONY: help venv report test test-fast lint format bench bench-full eval figures notebooks lab clean

help: ## list the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-12s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[lab,test,scale]'
	touch $(STAMP)

venv: $(STAMP) ## create or update the virtual environment in .venv

report: $(STAMP) ## run the main job on the bundled data: writes reports/sample/report.html
	$(PY) -m analysis report data --out reports/sample --force

test: $(STAMP) ## run the whole test suite (notebooks included)
	$(PY) -m pytest -q

test-fast: $(STAMP) ## the suite without the slow tests
	$(PY) -m pytest -q -m "not slow"

lint: $(STAMP) ## ruff check and format check
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(STAMP) ## format the code with ruff
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

bench: $(STAMP) ## speed benchmarks, ours against the baseline in one run (quick: 1,000 articles)
	$(PY) benchmarks/bench_scoring.py --limit 1000
	$(PY) benchmarks/bench_load.py
	$(PY) benchmarks/bench_compare.py

bench-full: $(STAMP) ## the full benchmarks: 5,000 articles scored, 100,000 through the pipeline (an hour)
	$(PY) benchmarks/bench_scoring.py
	$(PY) benchmarks/bench_scale.py

eval: $(STAMP) ## agreement with human annotations; writes docs/validity.md
	$(PY) benchmarks/eval_tone.py
	$(PY) benchmarks/eval_readability.py
	$(PY) benchmarks/eval_attribution.py

figures: $(STAMP) ## re-run notebooks 01-05 on BASIL and rewrite the committed figures/basil/
	$(PY) tests/test_notebooks.py basil

notebooks: $(STAMP) ## rebuild the .ipynb files from their paired .py files (no outputs)
	$(VENV)/bin/jupytext --sync notebooks/*.py

lab: $(STAMP) ## open the notebooks in JupyterLab
	$(VENV)/bin/jupyter lab notebooks/

clean: ## remove the environment, caches and generated reports
	rm -rf $(VENV) reports .pytest_cache .analysis-cache
