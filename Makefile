# Two commands for a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint install debian-packages bench fuzz screenshots clean

$(BIN)/samverkan: requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

install: $(BIN)/samverkan

# The Debian programs beyond Python (Chromium, LibreOffice, antiword, Tesseract); needs root or sudo.
debian-packages:
	.ci/install-debian-packages

run: install
	$(BIN)/samverkan migrate --no-input
	$(BIN)/samverkan import samples/archive
	$(BIN)/samverkan load_sample_population
	$(BIN)/samverkan collectstatic --no-input --verbosity 0
	@# The worker (background tasks: the browser import) runs beside the web server and stops with it.
	$(BIN)/samverkan worker & worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
		$(BIN)/samverkan serve --host $(HOST) --port $(PORT)

test: lint
	$(BIN)/pytest -n auto

# Layers (import-linter) and code style (ruff); `make test` runs them first.
lint: install
	$(BIN)/ruff check src tests bench
	$(BIN)/lint-imports

# Damaged inputs through parse (memory-capped worker, time limit per file), then Hypothesis on the reader.
COUNT ?= 2000
SEED ?= $(shell date +%s)
fuzz: install
	$(BIN)/python -m tests.fuzz.harness --count $(COUNT) --seed $(SEED)
	SAMVERKAN_FUZZ_EXAMPLES=5000 $(BIN)/pytest tests/fuzz/test_reader_properties.py -p no:cacheprovider

# Benchmarks print figures beside a floor; none fails on a timing (bench/README.md). Small sizes here.
bench: install
	$(BIN)/python bench/run.py
	$(BIN)/python bench/parse.py
	$(BIN)/python bench/render.py
	$(BIN)/python bench/search.py --entries 5000 --queries 100
	$(BIN)/python bench/web.py --count 100 --seconds 3 --rounds 1

# PNGs of the main pages at 1280 and 320 px wide in screenshots/ (gitignored), for review; needs Chromium.
screenshots: install
	$(BIN)/pytest tests/e2e/screenshots.py -p no:cacheprovider -q -s

clean:
	rm -rf $(VENV) build *.egg-info
