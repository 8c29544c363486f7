# JoinedUp: `make demo` sets up and serves a synthetic town; `make test` runs the whole suite.
.DEFAULT_GOAL := help
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
POSTGRES_URL ?= postgres://postgres@127.0.0.1:5432/test
PYTEST_ARGS ?=

help:
	@echo "make demo        set up, load the synthetic town and serve JoinedUp on http://127.0.0.1:8000"
	@echo "make test        run the whole suite (SQLite, then PostgreSQL at $(POSTGRES_URL))"
	@echo "make test-sqlite / test-postgres / test-browser / static-checks / lint / bench"

$(STAMP): requirements.txt requirements-dev.txt pyproject.toml
	@test -x $(BIN)/python || "$$(scripts/find-python)" -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements-dev.txt
	$(BIN)/pip install --quiet --no-deps -e .
	@touch $(STAMP)

venv: $(STAMP)

DEMO := var/demo
DEMO_CONCERNS ?= 5000

# The town ends about now: four years of history up to the last day or two.
$(DEMO)/town/town.jsonl: | $(STAMP)
	@mkdir -p $(DEMO)
	$(BIN)/python -m sim.town --seed 7 --concerns $(DEMO_CONCERNS) --years 4 \
		--start $$(date -d '4 years ago 3 days ago' +%F) --out $(DEMO)/town

# The log-ins (and so the front-door team) exist before the town arrives, so that work created on arrival
# (history reviews, strategy decisions, triage) lands with the front door.
$(DEMO)/.loaded: $(DEMO)/town/town.jsonl
	$(BIN)/joinedup migrate --no-input -v 0
	$(BIN)/joinedup demo_setup --quiet
	JOINEDUP_PROGRESS=1 $(BIN)/joinedup import $(DEMO)/town/town.jsonl --replay
	$(BIN)/python -m sim.demo_casework
	@touch $@

demo: venv $(DEMO)/.loaded
	@$(BIN)/joinedup demo_setup
	$(BIN)/joinedup serve --plain-http

chromium:
	@scripts/ensure-chromium

# The Spark relink test (pyspark in local mode) needs Java 17+.
java:
	@scripts/ensure-java

test: venv chromium java static-checks test-sqlite test-postgres

# Static security checks, before the suites: bandit fails on any high-severity finding (config in
# pyproject.toml); pip-audit fails on a known vulnerability in the installed requirements and says
# "NOT CHECKED" when the PyPI advisory service cannot be reached (JOINEDUP_REQUIRE_PIP_AUDIT=true fails then).
static-checks: venv
	@echo "== static checks: bandit (high severity) and pip-audit =="
	$(BIN)/bandit -c pyproject.toml -r src --severity-level high --quiet
	$(BIN)/python scripts/audit-dependencies

test-sqlite: venv
	@echo "== the suite on SQLite =="
	$(BIN)/pytest $(PYTEST_ARGS)

test-postgres: venv
	@echo "== the suite on PostgreSQL ($(POSTGRES_URL)) =="
	JOINEDUP_DATABASE_URL=$(POSTGRES_URL) $(BIN)/pytest $(PYTEST_ARGS)

test-browser: venv chromium
	$(BIN)/pytest -m browser $(PYTEST_ARGS)

lint: venv
	$(BIN)/ruff check src tests sim benchmarks

bench: venv
	$(BIN)/python -m benchmarks.run_all

.PHONY: help venv demo chromium java static-checks test test-sqlite test-postgres test-browser lint bench
