#!/usr/bin/env bash
# The first README command: set everything up, load the demo data, serve the app.
# Uses SQLite and in-process tasks unless DATABASE_URL / REDIS_URL are set.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/bootstrap.sh
PY=.venv/bin/python
$PY manage.py migrate --no-input -v0
$PY manage.py seed_demo --if-empty
cat <<'MSG'

  WSP-platform draait op http://127.0.0.1:8000/

  Demo-accounts (wachtwoord voor allemaal: demo-wachtwoord-2026):
    bemiddelaar   – Bemiddelaar (werkvoorraad, kandidaten, plaatsingen)
    bemiddelaar2  – Bemiddelaar
    bemiddelaar3  – Bemiddelaar
    teamleider    – Teamleider
    beheerder     – Functioneel beheerder (http://127.0.0.1:8000/admin/)
    werkgever     – Werkgeversportaal van de eerste demowerkgever

MSG
exec $PY manage.py runserver 127.0.0.1:8000
