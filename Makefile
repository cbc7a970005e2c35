# geokit: every target sets up what it needs on a fresh machine.
#   make map    create .venv, install geokit, write the example map
#   make test   create .venv, install geokit with test deps, run the whole suite
#   make bench  run the benchmarks side by side with the peer tools
#   make wheel  build the compiled wheel into dist/ (see setup.py)

# The venv's interpreter: the system's own python3 where it can make a venv (Debian's is built
# with profile-guided and link-time optimisation and links libpython in; the geoparser runs
# about 7% faster on it than on a pyenv build without them), else python3 on the PATH.
# `make PYTHON=python3.12 ...` chooses another.
ifeq ($(origin PYTHON),undefined)
PYTHON := $(firstword $(shell for p in /usr/bin/python3 python3; do \
    "$$p" -c 'import ensurepip, sys; sys.exit(sys.version_info < (3, 10))' >/dev/null 2>&1 && echo "$$p"; \
    done) python3)
endif
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

# Real boundary and gazetteer files live beside the repository in ../shared/geodata;
# the data manager reads them from there instead of downloading.
SHARED_GEODATA := $(abspath ../shared/geodata)
ifneq ($(wildcard $(SHARED_GEODATA)),)
export GEOKIT_DATA_MIRROR ?= $(SHARED_GEODATA)
endif

EXAMPLE := examples/balochistan-2026-01-31.csv
OUTDIR  := out

# Browser tests drive Debian's Chromium and inline Leaflet from the asset cache that
# `geokit assets fetch` fills (once, from the npm registry; the tests never touch the network).
CHROMIUM := /usr/bin/chromium
TEST_CACHE := $(abspath .cache/tests)

.PHONY: all install map test bench lint typecheck clean assets wheel compiler

all: map

$(STAMP): pyproject.toml setup.py
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

map: $(STAMP)
	mkdir -p $(OUTDIR)
	@# Leaflet and its plugins from the npm registry, once, so the map carries them inline and
	@# draws with no network; without the registry the map loads them from a CDN instead.
	-$(VENV)/bin/geokit assets fetch -q
	$(VENV)/bin/geokit map $(EXAMPLE) -o $(OUTDIR)/balochistan-2026-01-31.html \
	    --geojson $(OUTDIR)/balochistan-2026-01-31.geojson --boundaries PAK:ADM2 --overwrite
	@echo "Example map written to $(OUTDIR)/balochistan-2026-01-31.html"

$(CHROMIUM):
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null

# a C compiler and the interpreter's headers, for the compiled wheel (setup.py) that
# tests/test_compiled.py and make bench build; Debian's packages where either is missing
PYTHON_H = $(shell $(PYTHON) -c 'import sysconfig; print(sysconfig.get_paths()["include"])')/Python.h
compiler:
	@command -v cc >/dev/null && test -f "$(PYTHON_H)" || { apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq build-essential python3-dev >/dev/null; }

assets: $(STAMP)
	GEOKIT_CACHE_DIR=$(TEST_CACHE) $(VENV)/bin/geokit assets fetch -q

test: $(STAMP) $(CHROMIUM) assets compiler
	GEOKIT_CACHE_DIR=$(TEST_CACHE) $(PY) -m pytest

# rows for the Dask row of make bench (bench/bench_scale.py)
BENCH_SCALE_ROWS ?= 10000000

bench: $(STAMP) $(CHROMIUM) compiler
	$(VENV)/bin/geokit assets fetch -q
	GEOKIT_BENCH_SCALE_ROWS=$(BENCH_SCALE_ROWS) $(PY) bench/run.py

# the geoparser's inner modules compiled with mypyc (setup.py), with the venv's mypy
wheel: $(STAMP) compiler
	GEOKIT_COMPILE=1 $(PY) -m pip wheel --quiet --no-deps --no-build-isolation -w dist .

lint: $(STAMP)
	$(VENV)/bin/ruff check geokit tests bench
	$(VENV)/bin/ruff format --check geokit tests bench

typecheck: $(STAMP)
	$(VENV)/bin/mypy

clean:
	rm -rf $(VENV) $(OUTDIR) build dist .pytest_cache .mypy_cache .ruff_cache
