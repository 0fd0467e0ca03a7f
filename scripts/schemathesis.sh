#!/usr/bin/env bash
# Fuzz the live API with schemathesis against its own OpenAPI document.
#
# Starts the app (gunicorn, 2 workers) on 127.0.0.1 on a free port with a freshly
# migrated, seeded database and an API client token with every scope, then runs
# every operation with a bounded number of examples, checking for server errors
# (5xx) and responses that do not match the schema. Exits non-zero on any failure.
#
# Env: SCHEMATHESIS_MAX_EXAMPLES (default 15), SCHEMATHESIS_DATABASE_URL (default: a
# throw-away SQLite file; CI may pass a PostgreSQL URL of a scratch database).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python

WORKDIR="$(mktemp -d)"
export WSP_VAR_DIR="$WORKDIR"
if [[ -n "${SCHEMATHESIS_DATABASE_URL:-}" ]]; then
  export DATABASE_URL="$SCHEMATHESIS_DATABASE_URL"
else
  unset DATABASE_URL
fi
unset REDIS_URL  # webhooks and tasks run in-process
export DEBUG=0 ALLOWED_HOSTS=127.0.0.1,localhost WSP_API_THROTTLE_RATE=1000000/minute LOG_LEVEL=WARNING

PORT="$($PY -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
SERVER_PID=""
cleanup() {
  if [[ -n "$SERVER_PID" ]]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  rm -rf "$WORKDIR"
}
trap cleanup EXIT

$PY manage.py migrate --noinput -v 0
TOKEN="$($PY manage.py shell -c 'from wsp_platform.api.seed import seed_for_fuzzing; print(seed_for_fuzzing())' | tail -n 1)"

.venv/bin/gunicorn wsp_platform.wsgi:application --bind "127.0.0.1:$PORT" --workers 2 --timeout 60 \
  --log-level warning >"$WORKDIR/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 50); do
  if curl -fsS "http://127.0.0.1:$PORT/api/v1/openapi.json" -o /dev/null 2>/dev/null; then break; fi
  sleep 0.2
done

set +e
timeout 280 .venv/bin/schemathesis run "http://127.0.0.1:$PORT/api/v1/openapi.json" \
  --url "http://127.0.0.1:$PORT" \
  --header "Authorization: Bearer $TOKEN" \
  --checks not_a_server_error,response_schema_conformance \
  --max-examples "${SCHEMATHESIS_MAX_EXAMPLES:-15}" \
  --phases examples,coverage,fuzzing \
  --request-timeout 20 \
  --seed 20251 \
  --warnings off
STATUS=$?
set -e
if [[ $STATUS -ne 0 ]]; then
  echo "--- server log (tail) ---"; tail -n 60 "$WORKDIR/server.log"
fi
exit $STATUS
