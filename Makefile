# analysis: Arabic news coverage of diplomacy as tables, charts and reports.
# `make help` lists the targets. Everything installs from uv.lock on first use.

SHELL := /bin/bash
PYTHON ?= python3
CORPUS ?= seeds
METADATA ?=
OUT ?= data/processed
BENCH_N ?= 100000

VENV := .venv
PY := $(VENV)/bin/python
UV_HOME := .cache/uv
UV := $(UV_HOME)/bin/uv
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := $(VENV)

.DEFAULT_GOAL := help
.PHONY: help setup tables reports test bench reference evaluate clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'
	@echo "  Variables: CORPUS=$(CORPUS) METADATA=$(METADATA) OUT=$(OUT) BENCH_N=$(BENCH_N)"

$(UV): .ci/uv-bootstrap.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (set PYTHON=...)")'
	$(PYTHON) -m venv $(UV_HOME)
	$(UV_HOME)/bin/pip install --quiet --require-hashes -r .ci/uv-bootstrap.txt
	@touch $@

$(VENV)/.installed: pyproject.toml uv.lock $(UV)
	$(UV) sync --locked --python $(PYTHON) --quiet
	@touch $@

setup: $(VENV)/.installed ## Install the pinned environment into .venv (from uv.lock)

tables: $(VENV)/.installed ## Build the tables of CORPUS (default: the seeds) into OUT (default: data/processed)
	$(PY) -m analysis build $(CORPUS) --out $(OUT) $(if $(METADATA),--metadata $(METADATA))

reports: tables ## Build the tables and reports of CORPUS (reports: see the reports issue)

test: $(VENV)/.installed ## Run the test suite
	$(PY) -m pytest

bench: $(VENV)/.installed ## Time the table build on BENCH_N replicated seed articles
	$(PY) -m analysis bench --articles $(BENCH_N)

reference: $(VENV)/.installed ## Rebuild the shipped reference tables from data/raw
	$(PY) -m analysis.lexicon data/raw
	$(PY) -m analysis.transliterate build
	$(PY) -m analysis.build_gazetteer

evaluate: $(VENV)/.installed ## Score entities and dates against the annotated sets in data/eval
	$(PY) -m analysis evaluate

clean: ## Remove build outputs (not the environment)
	rm -rf data/processed reports/*.html reports/*.ipynb reports/charts
