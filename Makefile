# Two commands: `make run` (demo server) and `make test` (lint + whole suite).
# Everything is installed into .venv from pyproject.toml; only Python 3.11 is needed beforehand.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
ADDR ?= 127.0.0.1:8000

# Settings from a local .env file, if there is one (see .env.example).
ifneq (,$(wildcard .env))
include .env
export
endif

.PHONY: run test lint format messages clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e ".[test]"
	touch $@ $(VENV)/.installed

run: $(VENV)/.installed
	$(BIN)/python -m doingoai migrate --noinput
	$(BIN)/python -m doingoai demo
	@echo
	@echo "Mở http://$(ADDR) và đăng nhập bằng một tài khoản ở trên. Ctrl+C để dừng."
	# The worker runs the queued jobs (trade-file imports) beside the server and stops with it.
	$(BIN)/python -m doingoai db_worker --no-reload & trap 'kill $$!' EXIT; $(BIN)/python -m doingoai runserver $(ADDR)

test: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m doingoai makemigrations --check --dry-run
	$(BIN)/python -m pytest

lint: $(VENV)/.installed-test
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Refresh the English catalogue after changing user-visible strings (needs GNU gettext), fill in
# doingoai/locale/en/LC_MESSAGES/django.po, and run this again to compile. The vi catalogue only
# rewords third-party messages and is edited by hand.
messages: $(VENV)/.installed-test
	cd doingoai && ../$(BIN)/python -m doingoai makemessages --locale en --no-obsolete --add-location file
	cd doingoai && ../$(BIN)/python -m doingoai compilemessages

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache .hypothesis
