#!/usr/bin/env bash
# Installs what the platform needs into the repository: a virtualenv in .venv
# with the pinned Python packages, and the front-end packages from the npm
# registry (copied to wsp_platform/static/vendor, never committed).
# Idempotent: a second run only checks.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3.11}
command -v "$PYTHON" >/dev/null 2>&1 || PYTHON=python3

if [ ! -x .venv/bin/python ]; then
  echo "==> Creating virtualenv in .venv"
  "$PYTHON" -m venv .venv
fi
stamp=.venv/.installed-$(sha256sum pyproject.toml | cut -c1-16)
if [ ! -f "$stamp" ]; then
  echo "==> Installing Python packages"
  .venv/bin/pip install --quiet --upgrade pip
  .venv/bin/pip install --quiet -e ".[dev]"
  rm -f .venv/.installed-*
  touch "$stamp"
fi

if [ -f package.json ]; then
  lockstamp=node_modules/.installed-$(cat package.json package-lock.json 2>/dev/null | sha256sum | cut -c1-16)
  if [ ! -f "$lockstamp" ]; then
    echo "==> Installing front-end packages from the npm registry"
    if [ -f package-lock.json ]; then npm ci --no-audit --no-fund --loglevel=error; else npm install --no-audit --no-fund --loglevel=error; fi
    touch "$lockstamp"
  fi
  node scripts/copy-vendor.mjs
fi
