# The Community Rights Clearing House. `make serve` to work on the site, `make test` to test it.
# Every target sets up .venv from the pinned requirements first; the venv is reinstalled only
# when a requirements file changes (the stamp file records the last install).

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

$(STAMP): requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

serve: $(STAMP)
	CRCH_ONLY_LANGUAGE=$(SERVE_LANGUAGE) $(PY) -m mkdocs serve --dev-addr 127.0.0.1:8000 --livereload

build: $(STAMP)
	$(PY) -m scripts.build

check: $(STAMP)
	$(PY) -m scripts.check_all

test: $(STAMP)
	$(PY) -m pytest tests --strict-markers

offline: $(STAMP)
	$(PY) -m scripts.offline

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
	$(PY) -m scripts.bench_build

bench-search: $(STAMP)
	$(PY) -m scripts.bench_search

clean:
	rm -rf site dist .site-building-* .site-old
