# The two set-up commands: `make run` and `make test`. Both work on a fresh machine with only Python >= 3.11.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1
PORT   ?= 7860
export ANONYMIZED_TELEMETRY := False
export GRADIO_ANALYTICS_ENABLED := False

.PHONY: run test lint typecheck pytest ingest eval bench clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Tandem needs Python 3.11 or newer; set PYTHON=python3.11")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed-run: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	@touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev]'
	@touch $@ $(VENV)/.installed-run

run: $(VENV)/.installed-run
	$(BIN)/tandem ingest
	$(BIN)/tandem serve --host $(HOST) --port $(PORT)

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(VENV)/.installed-dev
	$(BIN)/mypy

# Two workers (the machines have two cores); each test module stays on one worker, so a module's fixtures are
# built once. PYTEST_ARGS="-n 0" runs in one process. One hash seed for all workers: test ids that show a set
# must come out the same in each (xdist compares the collections).
PYTEST_ARGS ?= -n 2 --dist loadfile --durations=15

pytest: $(VENV)/.installed-dev
	PYTHONHASHSEED=0 $(BIN)/python -m pytest $(PYTEST_ARGS)

test: lint typecheck pytest

ingest: $(VENV)/.installed-run
	$(BIN)/tandem ingest

SUITES ?= retrieval language relevance answers plans feedback reflections routing roleplay

eval: $(VENV)/.installed-run  ## every suite on dev and test, with the gap (SUITES="..." for a few)
	$(BIN)/tandem ingest
	@for suite in $(SUITES); do $(BIN)/tandem eval $$suite --split all || exit 1; echo; done

bench: $(VENV)/.installed-dev
	$(BIN)/python -m benchmarks.run_all

clean:
	rm -rf .tandem .pytest_cache .mypy_cache .ruff_cache
