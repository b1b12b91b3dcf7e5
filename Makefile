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

# The offline channels' files in dist/ (names as scripts/zim.py and scripts/booklet.py write them).
# Each depends on the built site, which is rebuilt only when a source changed (`make build`
# always rebuilds); every build also publishes the Kiwix files in site/downloads/.
SITE_NAME := community-rights-clearing-house
ZIMS := $(foreach language,sq sr en,dist/$(SITE_NAME)_$(language)_all.zim)
BOOKLETS := $(foreach language,sq sr en,dist/$(SITE_NAME)_$(language)_guides.pdf)
SITE_SOURCES := mkdocs.yml $(shell find docs overrides scripts -type f ! -name '*.pyc')

site/index.html: $(STAMP) $(SITE_SOURCES)
	$(PY) -m scripts.build

zim: $(ZIMS)

dist/$(SITE_NAME)_%_all.zim: site/index.html
	mkdir -p dist
	cp site/downloads/$(@F) $@

booklet: $(BOOKLETS)

dist/$(SITE_NAME)_%_guides.pdf: site/index.html
	$(PY) -m scripts.booklet --language $*

bench-build: $(STAMP)
	$(PY) -m scripts.bench.build

bench-search: $(STAMP)
	$(PY) -m scripts.bench.search

clean:
	rm -rf site dist .site-building-* .site-old .site-build.lock
