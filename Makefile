# Headway: `make run` serves a demo practice, `make test` lints and runs every test.
# While developing: `make dev` (autoreloading server and the worker), `make fmt`, `make lint`,
# `make typecheck` and `make test-fast` (everything but the browser tests; no Chromium needed).
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
# Tests run on every core (pytest-xdist), a file's tests together on one worker.
PYTEST_ARGS ?= -n auto --dist loadfile
export HEADWAY_DATA_DIR ?= $(CURDIR)/data
export HEADWAY_ONET_DIR ?= $(abspath $(CURDIR)/../shared/onet)
export HEADWAY_ANNOMI_DIR ?= $(abspath $(CURDIR)/../shared/annomi)

.PHONY: install install-dev run dev test test-fast fmt lint typecheck pytest browser clean

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

# Linting, type checks and the tests outside tests/browser need only the Python dev
# dependencies; the browser tests also need Chromium and khal (`browser`).
DEV_DEPS := $(VENV)/.installed-dev
install-dev: $(DEV_DEPS) browser

run: install
	@$(BIN)/headway manage migrate --noinput --verbosity 0
	@echo "Database ready in $(HEADWAY_DATA_DIR)"
	@$(BIN)/headway demo
	@$(BIN)/headway serve --host $(HOST) --port $(PORT)

# Django's autoreloading server with DEBUG on, and the task worker beside it as `headway serve`
# runs it. The worker keeps DEBUG off: with it on, db_worker would reload in a child process
# while `headway worker` kept its reminders clock and watchdog in the parent, so both would
# run twice. After changing a task, Ctrl-C and `make dev` again. Ctrl-C stops the server; the
# shell's exit then stops the worker with SIGTERM, as serve does.
dev: install
	@$(BIN)/headway manage migrate --noinput --verbosity 0
	@$(BIN)/headway worker & worker=$$!; \
	  trap 'kill -TERM $$worker 2>/dev/null; wait $$worker' EXIT; \
	  trap 'exit 130' INT TERM; \
	  DEBUG=true $(BIN)/headway manage runserver $(HOST):$(PORT)

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

lint: $(DEV_DEPS)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

fmt: $(DEV_DEPS)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

typecheck: $(DEV_DEPS)
	$(BIN)/mypy headway

# The whole suite but the browser tests, e.g. `make test-fast PYTEST_ARGS="-q tests/core"`.
test-fast: $(DEV_DEPS)
	$(BIN)/pytest $(PYTEST_ARGS) --ignore=tests/browser

pytest: install-dev
	$(BIN)/pytest $(PYTEST_ARGS)

test: lint typecheck pytest

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
