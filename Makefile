# Hramada: `make run` sets everything up and serves the platform; `make test` installs what tests need and runs them.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
UV     := $(VENV)/bin/uv
HOST   ?= 127.0.0.1
PORT   ?= 8000
PYTEST_ARGS ?=

.PHONY: run test test-only setup lint typecheck check-deploy browser-deps clean-var help

help:
	@echo "make run    set up (venv, database under var/, keys, administrator, bundled lists, demo) and serve on http://$(HOST):$(PORT)"
	@echo "make test   install test dependencies and run the whole suite (SQLite; DATABASE_URL=postgres://... for PostgreSQL)"

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.run-deps: requirements/lock.txt pyproject.toml | $(VENV)/bin/python
	$(PY) -m pip install -q --disable-pip-version-check --upgrade pip uv
	$(UV) pip install -q --python $(PY) -r requirements/lock.txt
	$(UV) pip install -q --python $(PY) --no-deps -e .
	touch $@

$(VENV)/.dev-deps: requirements/dev.txt pyproject.toml | $(VENV)/bin/python
	$(PY) -m pip install -q --disable-pip-version-check --upgrade pip uv
	$(UV) pip install -q --python $(PY) -r requirements/dev.txt
	$(UV) pip install -q --python $(PY) --no-deps -e .
	touch $@ $(VENV)/.run-deps

setup: $(VENV)/.run-deps
	$(PY) manage.py generate_keys
	$(PY) manage.py compile_translations -v 0
	$(PY) manage.py migrate --noinput -v 0
	$(PY) manage.py bootstrap

run: setup
	$(PY) manage.py serve --host $(HOST) --port $(PORT)

# Debian's Chromium drives the browser tests; install it when missing and we may (root with apt-get).
browser-deps:
	@if [ ! -x /usr/bin/chromium ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing Debian's chromium for the browser tests"; \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) || echo "chromium could not be installed: browser tests will be skipped"; \
	  else echo "No /usr/bin/chromium and no root apt-get: browser tests will be skipped"; fi; \
	fi

test: $(VENV)/.dev-deps browser-deps
	$(PY) manage.py compile_translations -v 0
	$(PY) -m pytest -n 2 $(PYTEST_ARGS)

test-only:
	$(PY) -m pytest -n 2 $(PYTEST_ARGS)

lint: $(VENV)/.dev-deps
	$(VENV)/bin/ruff check src tests benchmarks
	$(VENV)/bin/ruff format --check src tests benchmarks
	PYTHONPATH=src $(VENV)/bin/lint-imports

typecheck: $(VENV)/.dev-deps
	$(VENV)/bin/mypy src

check-deploy: $(VENV)/.run-deps
	$(PY) manage.py generate_keys
	HRAMADA_SECRET_KEY=check-deploy-$$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n') HRAMADA_ALLOWED_HOSTS=hramada.example.org \
	  DJANGO_SETTINGS_MODULE=hramada.settings.production $(PY) manage.py check --deploy --fail-level WARNING

clean-var:
	rm -rf var
