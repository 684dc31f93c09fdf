# The two commands a newcomer needs: `make run` and `make test`. Both set up .venv first.
VENV ?= .venv
PY := $(VENV)/bin/python
PYTHON ?= python3

.PHONY: run test lint bench clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	touch $@

run: $(VENV)/.installed
	$(VENV)/bin/privacybot db upgrade
	$(VENV)/bin/privacybot serve

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports

# With branch coverage; fails under [tool.coverage.report] fail_under in pyproject.toml.
test: lint
	$(VENV)/bin/pytest -q -n auto --cov

bench: $(VENV)/.installed
	for b in bench/*.py; do $(PY) $$b; done

clean:
	rm -rf $(VENV) data .mypy_cache .pytest_cache .ruff_cache
