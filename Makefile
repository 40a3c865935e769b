# Everything runs from a local virtual environment with exactly pinned packages (requirements.txt).
# The two commands a newcomer needs: `make serve` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
export NO_MKDOCS_2_WARNING := 1
export PYTHONPATH := hooks

.PHONY: lms serve build test check check-translations check-content translations-done issuer-key certificate revoke-certificate browser webserver media-tools valgrind offline bench clean

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

# Debian's Valgrind for `make bench`, which counts the instructions of a build.
valgrind:
	@command -v valgrind >/dev/null || { \
	  echo "Installing Debian's Valgrind for the benchmark..."; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq valgrind >/dev/null; }

# Debian's nginx for tests/test_nginx.py, which serves the site with deploy/nginx/leercultuur.conf.
webserver:
	@command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || { \
	  echo "Installing Debian's nginx for the web server test..."; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends nginx >/dev/null; }

# Debian's ffmpeg for tests/test_media.py, which makes a short clip instead of keeping one in the repository.
media-tools:
	@command -v ffmpeg >/dev/null || { \
	  echo "Installing Debian's ffmpeg for the media test..."; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends ffmpeg >/dev/null; }

# npm packages pinned in package-lock.json (the offline package's iframe-worker shim, quality gates);
# npm from Debian when missing (needs root or sudo). Debian's Java runs the Nu Html Checker (vnu-jar);
# --ignore-scripts keeps vnu-jar's install script from downloading a JDK from GitHub instead.
# devDependencies (Lighthouse) are only needed by `make bench`.
node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null || { \
	  echo "Installing Debian's npm..."; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq npm >/dev/null; }
	@command -v java >/dev/null || { \
	  echo "Installing Debian's Java for the Nu Html Checker..."; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq default-jre-headless >/dev/null; }
	npm ci --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

node_modules/.bench-installed: package.json package-lock.json | node_modules/.installed
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch node_modules/.installed $@

# LANG_ONLY=<locale> builds one language only, at the site's root (the fast preview for authors).
LANG_ONLY ?=
export LANG_ONLY

## Build the site and serve it with live reload at http://127.0.0.1:$(PORT)/; LANG_ONLY=nl: one language, faster
serve: $(VENV)/.installed
	@if [ -n "$(LANG_ONLY)" ]; then echo "Serving only '$(LANG_ONLY)' at http://127.0.0.1:$(PORT)/. Stop with Ctrl+C."; \
	else echo "Serving the course at http://127.0.0.1:$(PORT)/ (English) and http://127.0.0.1:$(PORT)/nl/ (Dutch). Stop with Ctrl+C."; fi
	SITE_URL=http://127.0.0.1:$(PORT)/ $(BIN)/mkdocs serve --dev-addr 127.0.0.1:$(PORT)

## Build the static site into site/ (LANG_ONLY=en: that language only)
build: $(VENV)/.installed
	$(BIN)/mkdocs build --strict --site-dir site
	@echo "Built the site into site/"

## Build the offline package build/course-offline.zip: unzip it, open course-offline/index.html
OFFLINE_DIR ?= build
offline: $(VENV)/.installed node_modules/.installed
	rm -rf $(OFFLINE_DIR)/course-offline $(OFFLINE_DIR)/course-offline.zip
	OFFLINE=true $(BIN)/mkdocs build --strict --site-dir $(OFFLINE_DIR)/course-offline
	cd $(OFFLINE_DIR) && $(CURDIR)/$(BIN)/python -m zipfile -c course-offline.zip course-offline
	@echo "Built the offline package $(OFFLINE_DIR)/course-offline.zip"

## Build the SCORM packages (1.2 and 2004, each language and bilingual) into build/lms/
lms: $(VENV)/.installed node_modules/.installed
	$(BIN)/python -m course.scorm --kind all --language each --out build/lms

## Run every test: translation parity, content rules, real builds, browser tests
test: $(VENV)/.installed node_modules/.installed browser webserver media-tools
	$(BIN)/python -m pytest

## Benchmark: build time against plain Material, page weight, Lighthouse; prints a table (BENCHMARKS.md)
bench: $(VENV)/.installed node_modules/.bench-installed browser valgrind
	$(BIN)/python bench/run.py

## Fast checks for authors: translations and content rules, no browser. Both run, either fails it.
## FORMAT=github|gitlab|json prints annotations for CI instead of lines for people (human).
FORMAT ?= human
check: $(VENV)/.installed
	@status=0; \
	$(BIN)/python -m course.parity check docs --format $(FORMAT) || status=1; \
	$(BIN)/python -m course.content check docs --format $(FORMAT) || status=1; \
	exit $$status

## Translations only: missing, mismatched and outdated pages, with the English paragraphs that changed
check-translations: $(VENV)/.installed
	$(BIN)/python -m course.parity check docs --format $(FORMAT)

check-content: $(VENV)/.installed
	$(BIN)/python -m course.content check docs --format $(FORMAT)

## After updating a translation: make translations-done PAGE=docs/nl/why/index.md (or all pages)
translations-done: $(VENV)/.installed
	$(BIN)/python -m course.parity done $(PAGE)

## Issuer: a new Ed25519 key pair; the private key to $$COURSE_ISSUER_KEY (outside the repository)
issuer-key: $(VENV)/.installed
	$(BIN)/python tools/issuer.py key

## Issuer: check a request and issue the certificate: make certificate REQUEST=request.json OUT=folder
certificate: $(VENV)/.installed
	$(BIN)/python tools/issuer.py issue "$(REQUEST)" "$(OUT)"

## Issuer: withdraw an issued certificate: make revoke-certificate ID=urn:uuid:... REASON="..."
revoke-certificate: $(VENV)/.installed
	$(BIN)/python tools/issuer.py revoke "$(ID)" "$(REASON)"

clean:
	rm -rf site build .pytest_cache .cache
