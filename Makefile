# The Community Rights Clearing House. `make serve` to work on the site, `make test` to test it.
# Every target sets up .venv from the pinned requirements first, and installs the project itself
# (pyproject.toml: its MkDocs plugin) in editable mode; the venv is reinstalled only when a
# requirements file or pyproject.toml changes (the stamp file records the last install).

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.requirements-installed
export NO_MKDOCS_2_WARNING := 1

# `make serve LANG=sr` serves one language only (faster rebuilds while editing). LANG is also a
# locale variable of the shell, so only a LANG given on the make command line counts.
ifeq ($(origin LANG),command line)
SERVE_LANGUAGE := $(LANG)
endif

.PHONY: serve build check test offline bench-build bench-search clean

$(STAMP): requirements.txt requirements-dev.txt pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

serve: $(STAMP)
	CRCH_ONLY_LANGUAGE=$(SERVE_LANGUAGE) $(PY) -m mkdocs serve --dev-addr 127.0.0.1:8000 --livereload

build: $(STAMP)
	$(PY) -m scripts.site.build

check: $(STAMP)
	$(PY) -m scripts.checks

# The tests need Debian packages too (requirements-system.txt): installed when missing (as root),
# or `make test` stops at once with the command to run.
test: $(STAMP)
	$(PY) -m scripts.tools.system_packages
	$(PY) -m pytest

offline: $(STAMP)
	$(PY) -m scripts.site.offline

bench-build: $(STAMP)
	$(PY) -m scripts.bench.build

bench-search: $(STAMP)
	$(PY) -m scripts.bench.search

clean:
	rm -rf site dist .site-building-* .site-old .site-build.lock
