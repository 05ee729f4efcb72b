# NataHjem: `make run` serves the app with demo data on SQLite; `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 5000
export APP_ENV ?= development

.PHONY: run test setup catalogs migrate demo lint translations-update clean rehearsal

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# Reinstall when pyproject.toml changes.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

setup: $(VENV)/.installed catalogs

catalogs: $(VENV)/.installed
	$(BIN)/pybabel -q compile -d translations

migrate: setup
	$(BIN)/flask --app webapp db-upgrade

demo: migrate
	$(BIN)/flask --app webapp demo-data

# The clock runs once before serving, so the demo's reminders and follow-up questions show on the start
# pages (the Procfile's clock runs it every hour; its worker sends them when SMTP or VAPID keys are set).
run: demo
	$(BIN)/flask --app webapp daily-checks
	$(BIN)/flask --app webapp run --host 127.0.0.1 --port $(PORT)

# The whole suite: static checks first (ruff, bandit), then unit, integration (SQLite and
# PostgreSQL) and browser tests.
test: setup
	scripts/system-packages.sh
	$(BIN)/ruff check .
	$(BIN)/bandit -q -c pyproject.toml -r webapp
	$(BIN)/python -m pytest

# The production rehearsal's long form (deploy/README.md): nginx with TLS before two gunicorn nodes,
# PostgreSQL, Redis, the worker and two clocks, on free ports, until Ctrl-C. Its checks are tests/rehearsal.
rehearsal: setup
	scripts/system-packages.sh
	$(BIN)/python -m deploy.rehearsal

lint: setup
	$(BIN)/ruff check .
	$(BIN)/bandit -q -c pyproject.toml -r webapp

translations-update: setup
	$(BIN)/flask --app webapp translate update

clean:
	rm -rf $(VENV) instance .pytest_cache .ruff_cache
