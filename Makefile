# The Community Rights Clearing House. `make serve` to work on the site, `make test` to test it.
# Every target sets up .venv from the pinned requirements first; the venv is reinstalled only
# when a requirements file changes (the stamp file records the last install).

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.requirements-installed
# npm tools of the tests (tests/node/, pinned by its package-lock.json): the Nu HTML Checker for
# `make test`, Lighthouse too for `make bench-lighthouse`. --ignore-scripts: vnu-jar's install
# script would download a Java runtime; Debian's Java runs it.
NODE_TOOLS := tests/node
NPM_CI := npm ci --prefix $(NODE_TOOLS) --ignore-scripts --no-audit --no-fund
VNU_JAR := $(NODE_TOOLS)/node_modules/vnu-jar/build/dist/vnu.jar
LIGHTHOUSE := $(NODE_TOOLS)/node_modules/.bin/lighthouse
export NO_MKDOCS_2_WARNING := 1

# `make serve LANG=sr` serves one language only (faster rebuilds while editing). LANG is also a
# locale variable of the shell, so only a LANG given on the make command line counts.
ifeq ($(origin LANG),command line)
SERVE_LANGUAGE := $(LANG)
endif

.PHONY: serve build check test audit offline bench-build bench-search bench-lighthouse clean

$(STAMP): requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

$(VNU_JAR): $(NODE_TOOLS)/package.json $(NODE_TOOLS)/package-lock.json
	$(NPM_CI) --omit=dev
	touch $@

$(LIGHTHOUSE): $(NODE_TOOLS)/package.json $(NODE_TOOLS)/package-lock.json
	$(NPM_CI)
	touch $@

serve: $(STAMP)
	CRCH_ONLY_LANGUAGE=$(SERVE_LANGUAGE) $(PY) -m mkdocs serve --dev-addr 127.0.0.1:8000 --livereload

build: $(STAMP)
	$(PY) -m scripts.build

check: $(STAMP)
	$(PY) -m scripts.check_all

test: $(STAMP) $(VNU_JAR)
	$(PY) -m pytest tests --strict-markers

# The Nu HTML Checker and the ID-reference check over every page of a fresh build (make test runs
# the same through tests/test_html_validity.py).
audit: build $(VNU_JAR)
	$(PY) -m scripts.html_audit site

offline: $(STAMP)
	$(PY) -m scripts.offline

bench-build: $(STAMP)
	$(PY) -m scripts.bench_build

bench-search: $(STAMP)
	$(PY) -m scripts.bench_search

bench-lighthouse: $(STAMP) $(LIGHTHOUSE)
	$(PY) -m scripts.bench_lighthouse

clean:
	rm -rf site dist .site-building-* .site-old
