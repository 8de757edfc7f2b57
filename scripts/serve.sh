#!/bin/bash
# `make serve`: Commons in production behind a TLS proxy, with commons.settings.production.
# Migrates the database, collects the static files WhiteNoise serves, then replaces itself with
# gunicorn, so a process supervisor (systemd) signals gunicorn directly: TERM stops it gracefully,
# HUP reloads the code. See docs/deploy.md.
#
# Environment (besides the settings in README.md):
#   GUNICORN_BIND              address to listen on; default 127.0.0.1:8000 (only the proxy
#                              should reach the web processes: they trust its headers)
#   WEB_CONCURRENCY            worker processes; default 2 x cores + 1, at most 8
#   GUNICORN_THREADS           threads per worker; default 2 (each holds a database connection)
#   GUNICORN_TIMEOUT           seconds a request may take before its worker is restarted; default 30
#   GUNICORN_GRACEFUL_TIMEOUT  seconds running requests get to finish on stop or reload; default 30
#   FORWARDED_ALLOW_IPS        proxy addresses gunicorn takes X-Forwarded-Proto from; default
#                              127.0.0.1,::1 (gunicorn reads it itself)
#   SERVE_MIGRATE              false to skip `migrate` (when another step of the deployment runs it)
#   GUNICORN_CMD_ARGS          any further gunicorn options (gunicorn reads it itself)
set -euo pipefail
SCRIPT_NAME=serve
cd "$(dirname "$0")/.."
. scripts/lib.sh

export DJANGO_SETTINGS_MODULE=commons.settings.production

missing=()
for name in SECRET_KEY ALLOWED_HOSTS DATABASE_URL PUBLIC_BASE_URL; do
    [ -n "${!name:-}" ] || missing+=("$name")
done
[ ${#missing[@]} -eq 0 ] \
    || die "production needs ${missing[*]} in the environment; not starting (see docs/deploy.md)"
[ -f commons/static/commons/build/commons.css ] \
    || die "the front end is not built: run scripts/build_frontend.sh first (make serve does)"

PY=.venv/bin/python
[ -x "$PY" ] || die "no .venv: run make install first (make serve does)"

# Prints Django's deployment warnings (a missing CACHE_URL among them) to the log, and stops on
# an error before anything is changed.
$PY manage.py check --deploy
if [ "${SERVE_MIGRATE:-true}" != false ]; then
    $PY manage.py migrate --noinput
fi
$PY manage.py collectstatic --noinput --verbosity 0

cores=$(nproc 2>/dev/null || echo 1)
workers=$((2 * cores + 1))
[ "$workers" -le 8 ] || workers=8

# --no-control-socket: gunicorn's control socket has one path per user by default, so a second
# server on the same machine (staging beside live) would take it over; Commons does not use it.
# No --preload: each worker loads the site after the fork, so no two share a database, Redis or
# Elasticsearch connection.
exec .venv/bin/gunicorn commons.wsgi:application \
    --bind "${GUNICORN_BIND:-127.0.0.1:8000}" \
    --workers "${WEB_CONCURRENCY:-$workers}" \
    --threads "${GUNICORN_THREADS:-2}" \
    --timeout "${GUNICORN_TIMEOUT:-30}" \
    --graceful-timeout "${GUNICORN_GRACEFUL_TIMEOUT:-30}" \
    --access-logfile - \
    --error-logfile - \
    --no-control-socket
