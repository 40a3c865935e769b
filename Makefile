# Everything runs from a local virtual environment with exactly pinned packages (requirements.txt).
# The two commands a newcomer needs: `make serve` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
export NO_MKDOCS_2_WARNING := 1
export PYTHONPATH := hooks

.PHONY: serve build test check check-translations translations-done browser clean

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

# Debian's Chromium for the browser tests, installed when missing (needs root or sudo).
browser:
	@command -v chromium >/dev/null || { \
	  echo "Installing Debian's Chromium for the browser tests..."; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; }

## Build the site and serve it with live reload at http://127.0.0.1:$(PORT)/
serve: $(VENV)/.installed
	@echo "Serving the course at http://127.0.0.1:$(PORT)/ (English) and http://127.0.0.1:$(PORT)/nl/ (Dutch). Stop with Ctrl+C."
	SITE_URL=http://127.0.0.1:$(PORT)/ $(BIN)/mkdocs serve --dev-addr 127.0.0.1:$(PORT)

## Build the static site into site/
build: $(VENV)/.installed
	$(BIN)/mkdocs build --strict --site-dir site
	@echo "Built the site into site/"

## Run every test: translation parity, content rules, real builds, browser tests
test: $(VENV)/.installed browser
	$(BIN)/python -m pytest

## Fast checks for authors: translations and content rules, no browser
check: check-translations $(VENV)/.installed
	$(BIN)/python -m pytest -q tests/test_content.py

check-translations: $(VENV)/.installed
	$(BIN)/python -m course.parity check docs

## After updating a translation: make translations-done PAGE=docs/nl/why/index.md (or all pages)
translations-done: $(VENV)/.installed
	$(BIN)/python -m course.parity done $(PAGE)

clean:
	rm -rf site build .pytest_cache
