# Shortcuts for the scripts; the README documents the two set-up commands themselves.
PY := .venv/bin/python

.PHONY: setup run test lint bench bench-matching seed

setup:  ## install everything into .venv and node_modules
	./scripts/bootstrap.sh

run:  ## migrate, load the demo data when empty, serve on 127.0.0.1:8000
	./scripts/dev.sh

test:  ## ruff, makemigrations --check and the whole test suite (pass ARGS="-k name" to narrow)
	./scripts/test.sh $(ARGS)

lint:
	.venv/bin/ruff check .
	$(PY) manage.py makemigrations --check --dry-run

seed:  ## add demo data: make seed SCALE=50
	$(PY) manage.py seed_demo --scale $(or $(SCALE),1)

bench:  ## run every scripts/bench_*.py in turn; each prints its own figures
	@set -e; found=0; for script in scripts/bench_*.py; do \
	  [ -e "$$script" ] || continue; found=1; \
	  echo "==> $$script"; $(PY) "$$script"; \
	done; [ $$found -eq 1 ] || echo "No benchmark scripts (scripts/bench_*.py) found."

bench-matching:  ## matching at 100 000 candidates / 5 000 jobs in a database of its own (also part of make bench)
	$(PY) scripts/bench_matching.py $(ARGS)
