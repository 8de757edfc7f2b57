# The two commands a newcomer needs: `make run` (the demo) and `make test` (the whole suite);
# `make serve` runs the site in production (docs/deploy.md).
PYTHON ?= python3
VENV := .venv
INSTALLED := $(VENV)/.installed

.PHONY: run serve test lint install frontend clean

run: install frontend
	scripts/run.sh

serve: install frontend
	scripts/serve.sh

test: install frontend
	scripts/test.sh $(ARGS)

lint: install
	$(VENV)/bin/ruff check .

install: $(INSTALLED)

$(INSTALLED): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' \
		|| { echo "Commons needs Python 3.11 (found $$($(PYTHON) --version))"; exit 1; }
	test -x $(VENV)/bin/python || $(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $@

frontend:
	scripts/build_frontend.sh

clean:
	rm -rf $(VENV) node_modules commons/static/commons/build staticfiles
