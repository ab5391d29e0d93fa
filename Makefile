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

demo: $(STAMP)
	$(BIN)/cashless validate samples/workspace/rosters/2023-06 --max-issues 20 || [ $$? -eq 1 ]

test: $(STAMP)
	$(BIN)/ruff check src tests samples benchmarks
	$(BIN)/ruff format --check src tests samples benchmarks
	$(BIN)/mypy
	$(BIN)/pytest

samples: $(STAMP)
	$(BIN)/python samples/generate.py

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_validate.py

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
