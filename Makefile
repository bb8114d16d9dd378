# SPDX-License-Identifier: EUPL-1.2
# jeugdregie: `make run` starts the product with the demo region, `make test` runs the suite.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
JR := $(BIN)/jeugdregie
HOST ?= 127.0.0.1
PORT ?= 8000
SCALE ?= region
# Test processes (pytest-xdist): one per core; TEST_WORKERS=0 runs the suite in one process.
TEST_WORKERS ?= auto
# The container image that `make image` builds (buildah, vfs storage).
IMAGE ?= localhost/jeugdregie:latest

.DEFAULT_GOAL := help
.PHONY: help setup run test test-unit test-e2e check lint format typecheck imports-check migrations-check \
        translations messages bench demo clean image image-smoke

help:
	@echo "make run    - installeren, demoregio laden en starten op http://$(HOST):$(PORT)"
	@echo "make test   - installeren en de volledige testsuite draaien"
	@echo "make check  - ruff, mypy, makemigrations --check, vertalingen, OpenAPI"
	@echo "make bench  - prestatiemetingen naar benchmarks/results/*.json"
	@echo "make image  - container-image $(IMAGE) bouwen (buildah, root) en de rooktest draaien"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: requirements.lock pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

frontend/node_modules/.installed: frontend/package.json frontend/package-lock.json
	cd frontend && npm ci --no-audit --no-fund --loglevel=error
	touch $@

build/static/.built: frontend/node_modules/.installed $(VENV)/.installed
	$(JR) build_assets
	touch $@

setup: $(VENV)/.installed build/static/.built translations

translations: $(VENV)/.installed
	$(JR) compile_translations

# Demo mode (synthetic regions, the published demo password, plain http on 127.0.0.1) for
# `make run`, `make demo` and the benchmarks only; never in a real installation.
run demo bench: export JEUGDREGIE_DEMO = 1
# The static checks read no personal data: outside demo mode they would stop at the missing
# personal-data keys (check E301), which a developer's machine and CI do not have.
check migrations-check: export JEUGDREGIE_DEMO = 1

# seed_demo builds the demo once and leaves it alone on later runs; when the demo year (the
# last complete year) or the generator changed, it recreates the database and builds again.
demo: setup
	$(JR) migrate --noinput
	$(JR) seed_demo --scale $(SCALE)
	$(JR) budget_recompute

# The web server, one worker and the scheduler (scripts/run.sh stops all three on Ctrl+C).
run: demo
	@$(JR) demo_logins
	@echo "jeugdregie draait op http://$(HOST):$(PORT)/ met een worker en de planner  (stoppen: Ctrl+C)"
	scripts/run.sh $(JR) $(HOST):$(PORT)

test: setup
	$(BIN)/python scripts/ensure_test_tools.py
	$(BIN)/pytest -n $(TEST_WORKERS) $(PYTEST_ARGS)

test-unit: setup
	$(BIN)/pytest -n $(TEST_WORKERS) -m "not e2e" $(PYTEST_ARGS)

test-e2e: setup
	$(BIN)/python scripts/ensure_test_tools.py
	$(BIN)/pytest -n $(TEST_WORKERS) -m e2e $(PYTEST_ARGS)

check: setup lint typecheck imports-check migrations-check
	@mkdir -p build
	$(JR) check_translations
	$(JR) spectacular --lang en --validate --fail-on-warn --file build/openapi.yaml
	$(BIN)/python scripts/check_openapi.py build/openapi.yaml docs/openapi.yaml

lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.installed
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

typecheck: $(VENV)/.installed
	$(BIN)/mypy src tests benchmarks scripts conftest.py

# The import contract in .importlinter: layers, no cycles, no other app's models.
imports-check: $(VENV)/.installed
	$(BIN)/lint-imports --no-cache

migrations-check: $(VENV)/.installed
	$(JR) makemigrations --check --dry-run

messages: $(VENV)/.installed
	cd src/jeugdregie && ../../$(JR) makemessages -l nl --no-location --no-obsolete

bench: setup
	$(BIN)/python benchmarks/run.py
	$(BIN)/python benchmarks/ijw_validate.py
	scripts/with-postgres.sh $(BIN)/python benchmarks/ijw_import.py
	scripts/with-postgres.sh $(BIN)/python benchmarks/budgets.py
	$(BIN)/python benchmarks/afweging.py

# The container image (Containerfile) on a Debian base made by mmdebstrap, cached outside the
# clone; then its smoke test. Needs root, mmdebstrap and buildah (README, "Productie").
image: build/static/.built
	scripts/image_build.sh $(IMAGE)
	scripts/image_smoke.sh $(IMAGE)

image-smoke:
	scripts/image_smoke.sh $(IMAGE)

clean:
	rm -rf $(VENV) build var/static frontend/node_modules
