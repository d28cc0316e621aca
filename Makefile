# Hramada: `make run` sets everything up and serves the platform; `make test` installs what tests need and runs them.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
UV     := $(VENV)/bin/uv
HOST   ?= 127.0.0.1
PORT   ?= 8000
PYTEST_ARGS ?=

.PHONY: run test test-only setup native lint typecheck check-deploy browser-deps clean-var help lock

help:
	@echo "make run    set up (venv, database under var/, keys, administrator, bundled lists, demo) and serve on http://$(HOST):$(PORT)"
	@echo "make test   install test dependencies and run the whole suite (SQLite; DATABASE_URL=postgres://... for PostgreSQL)"

# A shell that sets PYTHONDONTWRITEBYTECODE would have each of the nine Python processes of `make run` compile every
# module it imports from source again (2 to 4 s of CPU each); their bytecode goes under var/pycache instead, so
# nothing is written beside the sources or into the virtual environment all the same.
ifneq ($(PYTHONDONTWRITEBYTECODE),)
unexport PYTHONDONTWRITEBYTECODE
export PYTHONPYCACHEPREFIX ?= $(CURDIR)/var/pycache
endif

# Every install takes the versions in the lock files; requirements/overrides.txt keeps the source-only PyICU out
# (icukit-pyicu provides the same module as a wheel with ICU inside), so no compiler or ICU headers are needed.
UV_INSTALL := $(UV) pip install -q --python $(PY) --override requirements/overrides.txt

# The environment starts without pip (ensurepip took 5 s of a first run): the machine's own pip puts uv into a
# folder of it, and uv installs everything else, itself and pip included. Where the machine's pip cannot (none,
# or too old for these options), the environment's own pip does it as before.
$(VENV)/bin/python:
	@$(PYTHON) scripts/preflight.py
	$(PYTHON) -m venv --without-pip $(VENV)

$(UV): | $(VENV)/bin/python
	@$(PY) scripts/preflight.py --index
	@echo "Installing uv (and pip) into $(VENV)"; rm -rf $(VENV)/uv-bootstrap
	@if $(PYTHON) -m pip install -q --disable-pip-version-check --root-user-action=ignore --no-warn-script-location \
	    --target $(VENV)/uv-bootstrap uv 2>/dev/null; then \
	  $(VENV)/uv-bootstrap/bin/uv pip install -q --python $(PY) uv pip && rm -rf $(VENV)/uv-bootstrap; \
	else \
	  rm -rf $(VENV)/uv-bootstrap; \
	  $(PY) -m ensurepip -q && $(PY) -m pip install -q --disable-pip-version-check uv; \
	fi
	@test -x $(UV)

$(VENV)/.run-deps: requirements/lock.txt requirements/overrides.txt pyproject.toml | $(UV)
	@$(PY) scripts/preflight.py --index
	$(UV_INSTALL) -r requirements/lock.txt
	$(UV_INSTALL) --no-deps -e .
	touch $@

$(VENV)/.dev-deps: requirements/dev.txt requirements/overrides.txt pyproject.toml | $(UV)
	@$(PY) scripts/preflight.py --index
	$(UV_INSTALL) -r requirements/dev.txt
	$(UV_INSTALL) --no-deps -e .
	touch $@ $(VENV)/.run-deps

# Regenerate both lock files from pyproject.toml (keeps the pinned versions unless asked to upgrade).
lock: | $(UV)
	$(UV) pip compile pyproject.toml --override requirements/overrides.txt --no-header -q -o requirements/lock.txt
	$(UV) pip compile pyproject.toml --extra dev --override requirements/overrides.txt --no-header -q -o requirements/dev.txt

# The screening engine's hot modules compiled with mypyc into build/native (scripts/compile_screening.py): built
# again only when their sources change, used only while current, never fatal (without a C compiler the engine runs
# from its sources, slower, with the same answers).
native: $(VENV)/.run-deps
	@$(PY) scripts/compile_screening.py

# Key ring, translations, migrations and the first-run steps (manage.py bootstrap), in one process.
setup: $(VENV)/.run-deps native
	$(PY) manage.py setup --site-url http://$(HOST):$(PORT)

# One Python process starts Django once and forks the set-up, the gunicorn master and the task worker from it.
run: $(VENV)/.run-deps native
	$(PY) manage.py serve --setup --host $(HOST) --port $(PORT)

# Debian's Chromium drives the browser tests (Playwright's driver needs libatomic), and a Java runtime runs the
# Spark job's test; install what is missing when we may (root with apt-get), and say so.
browser-deps:
	@missing=""; [ -x /usr/bin/chromium ] || missing="chromium"; command -v java >/dev/null || missing="$$missing default-jre-headless"; \
	(PATH="$$PATH:/sbin:/usr/sbin" ldconfig -p 2>/dev/null | grep -q libatomic.so.1) || missing="$$missing libatomic1"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing Debian packages the tests need:$$missing"; \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null) || echo "could not install$$missing: the tests that need them will be skipped"; \
	  else echo "Missing$$missing and no root apt-get: the tests that need them will be skipped"; fi; \
	fi

test: $(VENV)/.dev-deps browser-deps native
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
