# Two commands set everything up on a fresh machine:
#   make demo   - create .venv, install zhfin, run it on a bundled sample article
#   make test   - create .venv, install zhfin with its test tools, run the whole suite
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
SAMPLE ?= corpora/articles/funding_lead_follow.txt
PUBLISHED ?= 2025-12-05

$(VENV)/.installed: pyproject.toml setup.py
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test]"
	touch $@

.PHONY: demo test
demo: $(VENV)/.installed
	$(PY) cli.py extract $(SAMPLE) --published $(PUBLISHED) --format table

test: $(VENV)/.installed
	$(PY) -m pytest -q
