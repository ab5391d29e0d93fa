# Two entry points (see README): `make demo` and `make test`. Both set up .venv on first use.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test test-all lint typecheck samples bench clean

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $(STAMP)

# The month's work on a scratch copy of the bundled samples (samples/ itself is never written):
# check the rosters, publish the rate table, hand the registrations to the Post Office; then a
# 2025+ commune's payment cycle (list, the provider's result, next month's list with arrears);
# then the 2025+ province's table by commune, with who reported on time.
DEMO := out/demo
DEMO25 := out/demo-2025
DEMOP := out/demo-province-2025
demo: $(STAMP)
	rm -rf $(DEMO) && mkdir -p out && cp -r samples/workspace $(DEMO)
	$(BIN)/cashless validate $(DEMO)/rosters/2023-06 --max-issues 15 || [ $$? -eq 1 ]
	$(BIN)/cashless summarize --workspace $(DEMO) --month 2023-06
	$(BIN)/cashless export-postoffice --workspace $(DEMO) --month 2023-06
	@echo "Outputs: $(DEMO)/reports/2023-06 and $(DEMO)/handoff/2023-06"
	@echo "--- 2025+: xã Vạn Tường, merged from old communes; the payment cycle ---"
	rm -rf $(DEMO25) && cp -r samples/commune-2025 $(DEMO25)
	$(BIN)/cashless validate $(DEMO25)/rosters/2025-08 --max-issues 5 || [ $$? -eq 1 ]
	$(BIN)/cashless summarize --workspace $(DEMO25) --month 2025-08
	$(BIN)/cashless export-payments --workspace $(DEMO25) --month 2025-08
	$(BIN)/python samples/generate_2025.py provider $(DEMO25) 2025-08
	$(BIN)/cashless import-payments $(DEMO25)/ket-qua-chi-tra-2025-08.csv --workspace $(DEMO25)
	$(BIN)/cashless export-payments --workspace $(DEMO25) --month 2025-09
	@echo "Outputs: $(DEMO25)/payments/2025-08 and $(DEMO25)/payments/2025-09 (with arrears)"
	@echo "--- 2025+: the province (Sở Y tế) sees its communes' August lists, who reported on time ---"
	rm -rf $(DEMOP) && cp -r samples/province-2025 $(DEMOP)
	touch -d 2025-08-23T09:00 "$(DEMOP)/rosters/2025-08/Dong Son T8.xlsx"  # it came on 23 August
	$(BIN)/cashless summarize --workspace $(DEMOP) --month 2025-08
	@echo "Outputs: $(DEMOP)/reports/2025-08"

test: $(STAMP)
	$(BIN)/ruff check src tests samples benchmarks
	$(BIN)/ruff format --check src tests samples benchmarks
	$(BIN)/mypy
	$(BIN)/mypy --platform win32  # the offices run Windows: type-check its code paths too
	$(BIN)/lint-imports  # the layers in pyproject.toml: imports only go down
	$(BIN)/pytest -n auto -m "not slow" --durations=10  # one worker a core (pytest-xdist)

# The whole suite, the slow cases too (full-disk at every write, damaged ledgers one by one,
# unreadable folders per command, ...): about two minutes more than make test.
test-all: $(STAMP)
	$(BIN)/pytest -n auto --durations=10

samples: $(STAMP)
	$(BIN)/python samples/generate.py
	$(BIN)/python samples/generate_2025.py

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_validate.py

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
