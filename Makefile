# Two commands do all the set-up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
# More pytest arguments: CI's PostgreSQL pass runs only the tests that read the service
# database with PYTEST_ARGS='-m service_database'. Plain `make test` runs the whole suite.
PYTEST_ARGS ?=

.PHONY: install db run test lint types pytest load bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP) ## create .venv and install the project with its dev tools

db: install ## migrate and seed the configured database (SQLite by default)
	$(BIN)/alembic upgrade head
	$(BIN)/python -m app seed

run: db ## serve on 127.0.0.1:8000 (HOST, PORT, WEB_CONCURRENCY: see docs/operations.md)
	$(BIN)/python -m app.serve

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

types: install
	$(BIN)/mypy

pytest: install
	$(BIN)/pytest $(PYTEST_ARGS)

test: db lint types pytest ## the whole suite: lint, types, tests

load: db ## bounded load test on 127.0.0.1: 200 connections, 10,000 real queries (needs wrk)
	@command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk"; exit 1; }
	$(BIN)/python -m bench.load

bench: install ## throughput and latency against raw ASGI, bare FastAPI and Datasette (needs wrk; ~7 min)
	@command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk"; exit 1; }
	$(BIN)/python -m bench.run $(BENCH_ARGS)

clean:
	rm -rf $(VENV) data .mypy_cache .pytest_cache .ruff_cache
