# conflict-coverage: `make help` lists the targets.
# The README's two commands are `make report` and `make test`; both create the environment first.

PYTHON ?= python3
UV_VERSION := 0.13.9
TOOLS := .tools
UV := $(TOOLS)/bin/uv
VENV := .venv
BIN := $(VENV)/bin
CORPUS ?= data/demo
CONFIG ?= reports.yml
OUT ?= reports
# one test process per core (pytest-xdist), each test file's tests in one process (they share
# module fixtures: rendered reports, extractions)
PYTEST_ARGS ?= -n auto --dist loadfile
SCALE ?= 50000

.DEFAULT_GOAL := help
.PHONY: help env report test lab data lock bench clean

## Show this help
help:
	@awk '/^## /{doc=substr($$0,4); next} /^[a-z][a-z-]*:/{if (doc) {split($$0,t,":"); printf "  make %-8s %s\n", t[1], doc}; doc=""}' $(MAKEFILE_LIST)
	@echo "  variables: CORPUS=$(CORPUS) CONFIG=$(CONFIG) OUT=$(OUT) SCALE=$(SCALE)"

$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/python -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

$(VENV)/.installed: requirements.lock pyproject.toml | $(UV)
	$(UV) venv --quiet --allow-existing --python $(PYTHON) $(VENV)
	$(UV) pip sync --quiet --python $(BIN)/python requirements.lock
	$(UV) pip install --quiet --python $(BIN)/python --no-deps -e .
	@touch $@

## Create the environment (.venv) from the exact pins in requirements.lock
env: $(VENV)/.installed

## Run every notebook on CORPUS (default: the demo corpus) and write OUT/index.html
report: env
	$(BIN)/python -m analysis report --corpus $(CORPUS) --config $(CONFIG) --out $(OUT)

## Run the test suite
test: env
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# JupyterLab refuses to run as root ("Running as root is not recommended") unless told it may,
# as in a container where root is the only user.
LAB_FLAGS := $(if $(filter 0,$(shell id -u 2>/dev/null)),--allow-root,)

## Open JupyterLab on the notebooks (also as root, as in a container)
lab: env
	$(BIN)/jupyter lab --notebook-dir=notebooks $(LAB_FLAGS)

## Download FA-KES from Zenodo into data/raw/ and verify its checksum
data: env
	$(BIN)/python -m analysis.io.download --out data/raw

## Re-resolve requirements.lock from pyproject.toml (then update environment.yml to match)
lock: | $(UV)
	$(UV) pip compile --quiet --no-header pyproject.toml --extra test -o requirements.lock

## Benchmarks on FA-KES and a scaled corpus of SCALE reports (SCALE=0: FA-KES only, ~3 min)
bench: env
	$(BIN)/python benchmarks/run.py --scale $(SCALE)

## Remove the environment, caches and generated reports
clean:
	rm -rf $(VENV) $(TOOLS) $(OUT) data/processed .pytest_cache
