# analysis: Arabic news coverage of diplomacy as tables, charts and reports.
# `make help` lists the targets. Everything installs from uv.lock on first use.

SHELL := /bin/bash
PYTHON ?= python3
CORPUS ?= seeds
METADATA ?=
BENCH_N ?= 100000
# another corpus gets its own tables and reports folders, named after it (reports/ant_meeting_articles/)
SLUG := $(basename $(notdir $(patsubst %/,%,$(CORPUS))))
ifeq ($(patsubst %/,%,$(CORPUS)),seeds)
OUT ?= data/processed
REPORTS ?= reports
else
OUT ?= data/processed/$(SLUG)
REPORTS ?= reports/$(SLUG)
endif
# report parameters (all optional): START/END as YYYY-MM-DD, OUTLETS and ACTORS comma-separated
START ?=
END ?=
OUTLETS ?=
ACTORS ?=
LANGUAGE ?= en
TOP_N ?= 15
CODEBOOK ?=

VENV := .venv
PY := $(VENV)/bin/python
UV_HOME := .cache/uv
UV := $(UV_HOME)/bin/uv
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := $(VENV)

.DEFAULT_GOAL := help
.PHONY: help setup tables reports lab browser test bench reference fonts evaluate clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'
	@echo "  Variables: CORPUS=$(CORPUS) METADATA=$(METADATA) OUT=$(OUT) REPORTS=$(REPORTS) BENCH_N=$(BENCH_N)"
	@echo "  Report parameters: START END OUTLETS ACTORS LANGUAGE=$(LANGUAGE) TOP_N=$(TOP_N) CODEBOOK"

$(UV): .ci/uv-bootstrap.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (set PYTHON=...)")'
	$(PYTHON) -m venv $(UV_HOME)
	$(UV_HOME)/bin/pip install --quiet --require-hashes -r .ci/uv-bootstrap.txt
	@touch $@

# the installed packages and the project are compiled to bytecode once, here: a process that
# imports them (a worker of the build, a notebook kernel) then starts in half the time, also where
# PYTHONDONTWRITEBYTECODE keeps Python from caching what it compiles
$(VENV)/.installed: pyproject.toml uv.lock $(UV)
	$(UV) sync --locked --compile-bytecode --python $(PYTHON) --quiet
	$(PY) -m compileall -q analysis
	@touch $@

setup: $(VENV)/.installed ## Install the pinned environment into .venv (from uv.lock)

tables: $(VENV)/.installed ## Build the tables of CORPUS (default: the seeds) into OUT (default: data/processed)
	$(PY) -m analysis build $(CORPUS) --out $(OUT) $(if $(METADATA),--metadata $(METADATA))

reports: $(VENV)/.installed ## Build the tables if missing or stale, run the notebooks, write REPORTS (HTML, notebooks, charts/)
	$(PY) -m analysis reports $(CORPUS) --tables $(OUT) --out $(REPORTS) --language $(LANGUAGE) --top-n $(TOP_N) \
		$(if $(METADATA),--metadata $(METADATA)) $(if $(START),--start $(START)) $(if $(END),--end $(END)) \
		$(if $(OUTLETS),--outlets "$(OUTLETS)") $(if $(ACTORS),--actors "$(ACTORS)") $(if $(CODEBOOK),--codebook $(CODEBOOK))

lab: $(VENV)/.installed ## Open JupyterLab on the project (notebooks/ holds the report notebooks)
	$(PY) -m jupyter lab --notebook-dir=.

browser: ## Install Debian's chromium for the browser tests of the HTML reports, if it is missing
	@command -v chromium >/dev/null 2>&1 || { \
		echo "installing chromium (Debian package) for the browser tests ..."; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; }

test: $(VENV)/.installed browser ## Run the test suite (browser tests included)
	$(PY) -m pytest

bench: $(VENV)/.installed ## Time the table build on BENCH_N replicated seed articles
	$(PY) -m analysis bench --articles $(BENCH_N)

reference: $(VENV)/.installed ## Rebuild the shipped reference tables from data/raw
	$(PY) -m analysis.lexicon data/raw
	$(PY) -m analysis.transliterate build
	$(PY) -m analysis.build_gazetteer

fonts: $(VENV)/.installed ## Rebuild the charts' merged font (Noto Sans + Noto Sans Arabic) in analysis/resources/fonts
	$(PY) -m analysis.charts.fonts

evaluate: $(VENV)/.installed ## Score entities and dates against the annotated sets in data/eval
	$(PY) -m analysis evaluate

clean: ## Remove build outputs (not the environment)
	rm -rf data/processed reports/*
