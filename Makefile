# The few targets people type. `make demo` and `make test` do all the set-up.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo app test test-slow test-all lint bench sysdeps clean

$(STAMP): pyproject.toml
	@scripts/sysdeps.sh
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

sysdeps:            ## install the system libraries WeasyPrint needs (Pango, HarfBuzz subset, fonts)
	@scripts/sysdeps.sh

demo: $(STAMP)      ## run the whole audit offline on a bundled fictional person and write a PDF
	$(BIN)/footprint demo

app: $(STAMP)       ## open the local web app on the bundled fictional person (offline)
	$(BIN)/footprint app --demo

test: $(STAMP)      ## the test suite but the tests marked slow (installs Chromium for the app's tests)
	@scripts/sysdeps.sh test
	$(BIN)/python -m pytest -m "not slow"

test-slow: $(STAMP) ## only the tests marked slow (CI runs them after make test)
	@scripts/sysdeps.sh test
	$(BIN)/python -m pytest -m slow

test-all: $(STAMP)  ## every test in one run, the slow ones too
	@scripts/sysdeps.sh test
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check footprint search_providers tests benchmarks
	$(BIN)/ruff format --check footprint search_providers tests benchmarks
	$(BIN)/mypy

bench: $(STAMP)     ## run every benchmark under benchmarks/
	@for b in benchmarks/*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
