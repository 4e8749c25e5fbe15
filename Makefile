# The two commands a newcomer runs: `make run` (demo) and `make test`.
VENV ?= .venv
PYTHON ?= python3
# The Python that makes the venv: 3.11 or newer (`make test PYTHON=python3.12` picks another).
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: install run test lint bench clean package package-check

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null || { \
		echo "Kasir needs Python 3.11 or newer to make $(VENV), and '$(PYTHON)' is not (or is missing):" \
			"name another, e.g. make $(or $(MAKECMDGOALS),install) PYTHON=python3.11" >&2; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

run: install
	$(VENV)/bin/pos-app --demo

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

# The suite runs in one process per core, at most four (`make test TEST_PROCESSES=0` runs it in
# one); a module's tests stay in one process, so the servers it shares start once.
TEST_PROCESSES ?= auto
test: lint
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/pytest -n $(TEST_PROCESSES) --maxprocesses 4 --dist loadscope

bench: install
	@set -e; for f in benchmarks/*.py; do echo "== $$f"; QT_QPA_PLATFORM=offscreen PYTHONPATH=. $(PY) $$f; done

# The desktop app as one folder, dist/kasir/ (PyInstaller; packaging/kasir.spec). Not part of test.
package: install
	$(PY) -m pip install --quiet 'pyinstaller>=6.10'
	$(PY) -m PyInstaller --noconfirm --clean --log-level WARN \
		--distpath dist --workpath build/pyinstaller packaging/kasir.spec

# Build, then start the built app: its version, and one QR sale end to end (offscreen).
package-check: package
	dist/kasir/kasir --version
	QT_QPA_PLATFORM=offscreen dist/kasir/kasir --self-test

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache
