# VIP service platform. `make run` and `make test` work on a fresh machine with Python 3.11+ and make.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install run test lint format bench bench-smoke contracts clean api-check

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11+ required"'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]' --config-settings editable_mode=compat
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/python scripts/run.py

test: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy vipkit contracts services gateway simulator scripts bench
	$(BIN)/lint-imports --no-cache
	$(BIN)/python scripts/check_file_sizes.py
	$(BIN)/python scripts/check_private_imports.py
	$(BIN)/python scripts/check_dead_code.py
	$(MAKE) --no-print-directory api-check

# The merged OpenAPI document: spectral lint (ruleset .spectral.yaml, 0 errors), the TypeScript types
# generated from it (openapi-typescript) and a type-checked front-end example (tsc --noEmit).
TS_CLIENT := clients/ts
$(TS_CLIENT)/node_modules/.installed: $(TS_CLIENT)/package-lock.json
	cd $(TS_CLIENT) && npm ci --ignore-scripts --no-audit --no-fund
	touch $@

api-check: $(STAMP) $(TS_CLIENT)/node_modules/.installed
	$(BIN)/python scripts/build_openapi.py build/openapi.json
	cd $(TS_CLIENT) && npx --no-install spectral lint --fail-severity=error --ruleset ../../.spectral.yaml ../../build/openapi.json
	cd $(TS_CLIENT) && npx --no-install openapi-typescript ../../build/openapi.json -o src/api.d.ts
	cd $(TS_CLIENT) && npx --no-install tsc --noEmit -p .

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: $(STAMP)
	$(BIN)/python bench/run_all.py

# every benchmark at a tiny size (~2 minutes); make test runs it too (tests/bench/test_bench_smoke.py)
bench-smoke: $(STAMP)
	$(BIN)/python bench/run_all.py --smoke

contracts: $(STAMP)
	$(BIN)/python -m contracts.generate

clean:
	rm -rf var test-artifacts
