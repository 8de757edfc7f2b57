#!/bin/bash
# `make run`: migrate, load the demo content (idempotent), make the demo editor, and serve.
set -euo pipefail
cd "$(dirname "$0")/.."

PY=.venv/bin/python
$PY manage.py migrate --noinput
$PY manage.py load_demo
$PY manage.py load_community_demo
$PY manage.py ensure_demo_editor
# The database's search entries for the demo (a search catches up on changes by itself).
$PY manage.py search_entries
if [ -n "${ELASTICSEARCH_URL:-}" ]; then
    # With a node: fill a fresh index from the demo, and keep it in step while the site runs.
    $PY manage.py search_rebuild
    $PY manage.py search_worker &
    worker=$!
    trap 'kill "$worker" 2>/dev/null || true' EXIT
fi
echo "Commons is at http://127.0.0.1:8000 (admin: http://127.0.0.1:8000/admin/). Stop with Ctrl+C."
$PY manage.py runserver "${RUN_ADDRESS:-127.0.0.1:8000}"
