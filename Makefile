# The Community Rights Clearing House. `make serve` to work on the site, `make test` to test it.
# Every target sets up .venv from the pinned requirements first, and installs the project itself
# (pyproject.toml: its MkDocs plugin) in editable mode; the venv is reinstalled only when a
# requirements file or pyproject.toml changes (the stamp file records the last install).

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.requirements-installed
export NO_MKDOCS_2_WARNING := 1

# npm tools of the tests (tests/node/, pinned by its package-lock.json): the Nu HTML Checker for
# `make test` and `make audit`, Lighthouse too for `make bench-lighthouse`; installed again only
# when package.json or the lock changes (from npm's cache when it has them). --ignore-scripts:
# vnu-jar's install script would download a Java runtime; Debian's Java runs it.
NODE_TOOLS := tests/node
NPM_CI := npm ci --prefix $(NODE_TOOLS) --ignore-scripts --prefer-offline --no-audit --no-fund --loglevel=error
VNU_JAR := $(NODE_TOOLS)/node_modules/vnu-jar/build/dist/vnu.jar
LIGHTHOUSE := $(NODE_TOOLS)/node_modules/.bin/lighthouse

# `make serve LANG=sr` serves one language only (faster rebuilds while editing). LANG is also a
# locale variable of the shell, so only a LANG given on the make command line counts.
ifeq ($(origin LANG),command line)
SERVE_LANGUAGE := $(LANG)
endif

.PHONY: serve build check test system-packages audit offline zim booklet bench-build bench-search bench-lighthouse clean

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
# or `make test` stops at once with the command to run. npm (one of them) then installs the Nu
# HTML Checker.
system-packages: $(STAMP)
	$(PY) -m scripts.tools.system_packages

$(VNU_JAR): $(NODE_TOOLS)/package.json $(NODE_TOOLS)/package-lock.json | system-packages
	$(NPM_CI) --omit=dev
	touch $@

$(LIGHTHOUSE): $(NODE_TOOLS)/package.json $(NODE_TOOLS)/package-lock.json | system-packages
	$(NPM_CI)
	touch $@

test: $(STAMP) system-packages $(VNU_JAR)
	$(PY) -m pytest

# The Nu HTML Checker and the ID-reference check over every page of site/ after a build (make test
# runs the same on its own build: tests/site/test_html_validity.py).
audit: build $(VNU_JAR)
	$(PY) -m scripts.site.html_audit site

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

# `make bench-build CORPUS=real`: the project's own docs/ replicated to about 300 documents per
# language instead of the synthetic corpus (scripts/bench/real_corpus.py).
CORPUS ?= synthetic

bench-build: $(STAMP)
	$(PY) -m scripts.bench.build --corpus $(CORPUS)

bench-search: $(STAMP)
	$(PY) -m scripts.bench.search

bench-lighthouse: $(STAMP) $(LIGHTHOUSE)
	$(PY) -m scripts.bench.lighthouse

clean:
	rm -rf site dist .site-building-* .site-old .site-build.lock
