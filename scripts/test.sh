#!/usr/bin/env bash
# The second README command: the whole test suite, plus lint, the migration check and API fuzzing.
# Runs against SQLite unless DATABASE_URL (and REDIS_URL) are set, as CI does.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/bootstrap.sh
PY=.venv/bin/python
echo "==> ruff"
.venv/bin/ruff check .
echo "==> makemigrations --check"
$PY manage.py makemigrations --check --dry-run >/dev/null || {
  echo "Model changes without a migration:"; $PY manage.py makemigrations --check --dry-run; exit 1; }
echo "==> pytest"
if [ $# -eq 0 ]; then
  # A full run: on both cores (pytest-xdist), then fuzz the running API against its
  # OpenAPI document.
  .venv/bin/pytest -n 2
  echo "==> schemathesis"
  ./scripts/schemathesis.sh
else
  .venv/bin/pytest "$@"
fi
