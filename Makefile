# Nämndrapport — entry points. `make help` lists them.
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DEV    := $(VENV)/.dev
BROWSER := $(VENV)/.chromium

.DEFAULT_GOAL := help
.PHONY: help report validate test test-fast pdf bench bench-scale lab lock clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(STAMP): requirements.lock pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Hittar inte $(PYTHON). Installera Python 3.11 eller kör: make PYTHON=python3 ..."; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	@touch $(STAMP)

# Test and dev tools (pytest, ruff, ...), pinned with hashes like the runtime set.
$(DEV): requirements-dev.lock | $(STAMP)
	$(BIN)/python -m pip install --quiet -r requirements-dev.lock
	@touch $(DEV)

# Debian's Chromium, for PDF export and the accessibility test (Playwright drives it; no browser download).
$(BROWSER): | $(STAMP)
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Installerar Debians chromium (för PDF och tillgänglighetstestet)..."; \
	  SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
	  $$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; }
	@touch $(BROWSER)

report: $(STAMP) ## Validate the sample data and build every sample report into reports/
	$(BIN)/namndrapport validate
	$(BIN)/namndrapport build

validate: $(STAMP) ## Check all raw tables against their schemas
	$(BIN)/namndrapport validate

test: $(STAMP) $(DEV) $(BROWSER) ## Run the whole test suite (what CI runs)
	$(BIN)/python -m pytest

test-fast: $(STAMP) $(DEV) ## Tests without the slow notebook/report builds and browser tests
	$(BIN)/python -m pytest -m "not slow"

pdf: $(STAMP) $(BROWSER) ## Print every built report to PDF next to its HTML
	$(BIN)/namndrapport pdf

bench: $(STAMP) ## Batch benchmark: naive papermill/nbconvert loop vs namndrapport build (several minutes)
	$(BIN)/python benchmarks/batch.py

SKALA_N ?= 10,100,1000
bench-scale: $(STAMP) ## Scale benchmark: N synthetic reports, local pool vs Dask (make bench-scale SKALA_N=10,100)
	$(BIN)/python benchmarks/skala.py --n $(SKALA_N)

lab: $(STAMP) ## Start JupyterLab in the project environment
	$(BIN)/jupyter lab notebooks/

# Existing pins are kept unless a requirement needs another version; add --upgrade-package NAME to move one.
lock: ## Re-pin requirements.lock and requirements-dev.lock with hashes (needs network to the package index)
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/pip install --quiet uv
	UV_CUSTOM_COMPILE_COMMAND="make lock" .lock-venv/bin/uv pip compile --quiet --generate-hashes \
	  --python $(PYTHON) requirements.in -o requirements.lock
	UV_CUSTOM_COMPILE_COMMAND="make lock" .lock-venv/bin/uv pip compile --quiet --generate-hashes \
	  --python $(PYTHON) requirements-dev.in -o requirements-dev.lock
	rm -rf .lock-venv
	$(PYTHON) scripts/environment_fran_lock.py

clean: ## Remove generated reports and processed data (keeps .venv)
	rm -rf reports/* data/processed/* && touch reports/.gitkeep data/processed/.gitkeep
