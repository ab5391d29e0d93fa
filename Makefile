# Two entry points (see README): `make demo` and `make test`. Both set up .venv on first use.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint typecheck samples bench clean

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $(STAMP)

# The month's work on a scratch copy of the bundled samples (samples/ itself is never written):
# check the rosters, publish the rate table, hand the registrations to the Post Office.
DEMO := out/demo
demo: $(STAMP)
	rm -rf $(DEMO) && mkdir -p out && cp -r samples/workspace $(DEMO)
	$(BIN)/cashless validate $(DEMO)/rosters/2023-06 --max-issues 15 || [ $$? -eq 1 ]
	$(BIN)/cashless summarize --workspace $(DEMO) --month 2023-06
	$(BIN)/cashless export-postoffice --workspace $(DEMO) --month 2023-06
	@echo "Outputs: $(DEMO)/reports/2023-06 and $(DEMO)/handoff/2023-06"

test: $(STAMP)
	$(BIN)/ruff check src tests samples benchmarks
	$(BIN)/ruff format --check src tests samples benchmarks
	$(BIN)/mypy
	$(BIN)/mypy --platform win32  # the offices run Windows: type-check its code paths too
	$(BIN)/lint-imports  # the layers in pyproject.toml: imports only go down
	$(BIN)/pytest -n auto  # one worker a core (pytest-xdist); a single file: $(BIN)/pytest FILE

samples: $(STAMP)
	$(BIN)/python samples/generate.py

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_validate.py

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
