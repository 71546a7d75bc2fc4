# IJkpunt task runner. `make serve` and `make test` install what they need.
SHELL := /bin/bash
.DEFAULT_GOAL := help

# Python 3.13: the pyenv build on the project machines, else any python3.13 on PATH.
PYTHON ?= $(firstword $(wildcard /root/.pyenv/versions/3.13.*/bin/python3.13) $(shell command -v python3.13))
VENV := .venv
BIN := $(VENV)/bin
WHEELS := .cache/browser-wheels
PORT ?= 8000
export NO_MKDOCS_2_WARNING := 1

.PHONY: help install build serve test lint typecheck pytest bench schemas clean chromium

help:
	@echo "make serve   build the site into public/ and serve it at http://127.0.0.1:$(PORT)"
	@echo "make test    lint, type-check and run all tests (installs Chromium if missing)"
	@echo "make build   build the site into public/"
	@echo "make bench   measure start-up of the form and kit pages, and aggregation (CLI, DuckDB, dashboard)"
	@echo "make schemas regenerate schemas/ from the models"

$(BIN)/.installed: pyproject.toml site/theme-requirements.txt
	@test -n "$(PYTHON)" || { echo "Python 3.13 not found: set PYTHON=/path/to/python3.13" >&2; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
# the theme files that go into the site, hash-checked; their own dependencies come with IJkpunt's below
	$(BIN)/pip install --quiet --no-deps --require-hashes -r site/theme-requirements.txt
	$(BIN)/pip install --quiet -e '.[test]'
# irrCAC 0.4.4 (reference for AC1 and Fleiss' kappa in tests) pins scipy==1.12.0, which has no
# Python 3.13 wheel and fails to build: install it without its pins, next to the pandas and
# scipy of the test extra (it works with them; tests/core/test_agreement.py checks its figures).
	$(BIN)/pip install --quiet --no-deps irrCAC==0.4.4
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

$(WHEELS)/.installed: site/browser-requirements.txt $(BIN)/.installed
	rm -rf $(WHEELS)
	$(BIN)/pip download --quiet --no-deps --require-hashes --only-binary=:all: \
	  --platform pyemscripten_2026_0_wasm32 --python-version 3.14 --implementation cp --abi cp314 \
	  -r site/browser-requirements.txt -d $(WHEELS)
	touch $@

install: $(BIN)/.installed node_modules/.installed $(WHEELS)/.installed

build: install
	$(BIN)/ijkpunt build --out public

serve: install
	$(BIN)/ijkpunt serve --out public --port $(PORT)

chromium:
	@if [ -x /usr/bin/chromium ]; then :; \
	elif command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ]; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else \
	  echo "No /usr/bin/chromium: using Playwright's own Chromium"; $(BIN)/playwright install chromium; \
	fi

lint: install
	$(BIN)/ruff check generator tests bench
	$(BIN)/ruff format --check generator tests bench

typecheck: install
	$(BIN)/mypy

pytest: install chromium
	$(BIN)/pytest

test: lint typecheck pytest

bench: install chromium
	$(BIN)/pip install --quiet duckdb==2.0.1  # the aggregation benchmark's yardstick; never a dependency of IJkpunt
	$(BIN)/python bench/form_startup.py
	$(BIN)/python bench/aggregate.py

schemas: install
	$(BIN)/ijkpunt schemas --out schemas

clean:
	rm -rf public .cache $(VENV) node_modules
