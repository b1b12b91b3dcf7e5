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

.PHONY: serve build check test offline zim booklet bench-build bench-search clean

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

# The offline channels' files in dist/, for handing out: `make zim` copies the Kiwix files the build
# wrote into site/downloads/ (`kiwix_files: true` in mkdocs.yml), `make booklet` prints the PDFs
# from the built site. Each runs again only when the built site did, and the site is rebuilt only
# when a source changed (`make build` always rebuilds). The stamps stand for the files of every
# language (their names come from mkdocs.yml's languages, which make does not read).
SITE_SOURCES := mkdocs.yml $(shell find docs overrides scripts -type f ! -name '*.pyc')

site/index.html: $(STAMP) $(SITE_SOURCES)
	$(PY) -m scripts.site.build

zim: dist/.zim-stamp

dist/.zim-stamp: site/index.html
	mkdir -p dist
	cp site/downloads/*.zim dist/
	touch $@

booklet: dist/.booklet-stamp

dist/.booklet-stamp: site/index.html
	$(PY) -m scripts.site.booklet
	touch $@

bench-build: $(STAMP)
	$(PY) -m scripts.bench.build

bench-search: $(STAMP)
	$(PY) -m scripts.bench.search

clean:
	rm -rf site dist .site-building-* .site-old .site-build.lock
