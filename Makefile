# Headway: `make run` serves a demo practice, `make test` lints and runs every test.
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
# Tests run on every core (pytest-xdist), a file's tests together on one worker.
PYTEST_ARGS ?= -n auto --dist loadfile
export HEADWAY_DATA_DIR ?= $(CURDIR)/data
export HEADWAY_ONET_DIR ?= $(abspath $(CURDIR)/../shared/onet)
export HEADWAY_ANNOMI_DIR ?= $(abspath $(CURDIR)/../shared/annomi)

.PHONY: install install-dev run test lint typecheck pytest browser clean

$(BIN)/python:
	@PY="$$(sh scripts/find-python.sh)" && echo "Creating $(VENV) with $$PY" && "$$PY" -m venv $(VENV)

$(BIN)/uv: | $(BIN)/python
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check uv 2>$(VENV)/pip.log \
	  || { cat $(VENV)/pip.log; exit 1; }

$(VENV)/.installed: pyproject.toml | $(BIN)/uv
	@$(BIN)/uv pip install --quiet --python $(BIN)/python -e .
	@touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/uv
	@$(BIN)/uv pip install --quiet --python $(BIN)/python -e '.[dev]'
	@touch $(VENV)/.installed $@

install: $(VENV)/.installed

install-dev: $(VENV)/.installed-dev browser

run: install
	@$(BIN)/headway manage migrate --noinput --verbosity 0
	@echo "Database ready in $(HEADWAY_DATA_DIR)"
	@$(BIN)/headway demo
	@$(BIN)/headway serve --host $(HOST) --port $(PORT)

# The browser tests drive Debian's Chromium (Playwright cannot download its own here).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Installing Chromium for the browser tests (Debian package 'chromium')"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; }
# The calendar tests read our .ics with a real calendar client: Debian's khal.
	@command -v khal >/dev/null 2>&1 || { \
	  echo "Installing khal for the calendar tests (Debian package 'khal')"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq khal >/dev/null; }

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: install-dev
	$(BIN)/mypy headway

pytest: install-dev
	$(BIN)/pytest $(PYTEST_ARGS)

test: lint typecheck pytest

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
