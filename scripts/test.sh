#!/bin/bash
# `make test`: starts a private PostgreSQL, Elasticsearch and Redis (unless DATABASE_URL /
# ELASTICSEARCH_URL / REDIS_URL are given), runs ruff and the whole pytest suite, and always stops what it
# started, whether the tests pass, fail or are interrupted.
set -euo pipefail
SCRIPT_NAME=test
cd "$(dirname "$0")/.."
. scripts/lib.sh

state=$(mktemp -d "${TMPDIR:-/tmp}/commons-test.XXXXXX")
chmod 755 "$state"

cleanup() {
    local status=$?
    trap - EXIT INT TERM
    scripts/elasticsearch.sh stop "$state/elasticsearch" || true
    scripts/postgres.sh stop "$state/postgres" || true
    scripts/redis.sh stop "$state/redis" || true
    rm -rf "$state"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

export CHROMIUM_PATH
CHROMIUM_PATH=$(scripts/chromium.sh)

if [ -z "${DATABASE_URL:-}" ]; then
    say "starting a private PostgreSQL"
    DATABASE_URL=$(scripts/postgres.sh start "$state/postgres")
fi
if [ -z "${ELASTICSEARCH_URL:-}" ]; then
    say "starting a private Elasticsearch node"
    ELASTICSEARCH_URL=$(scripts/elasticsearch.sh start "$state/elasticsearch")
fi
# The suite's own cache stays per process (see commons/settings/test.py); REDIS_URL is for the
# tests of what must be shared between processes: rate limits, and the production server.
if [ -z "${REDIS_URL:-}" ]; then
    say "starting a private Redis"
    REDIS_URL=$(scripts/redis.sh start "$state/redis")
fi
export DATABASE_URL ELASTICSEARCH_URL REDIS_URL
say "PostgreSQL at $DATABASE_URL, Elasticsearch at $ELASTICSEARCH_URL, Redis at $REDIS_URL"

.venv/bin/ruff check .
say "running the analysis plugin's Java tests"
java17=/usr/lib/jvm/java-17-openjdk-amd64
(cd search/analysis_plugin && JAVA_HOME="$( [ -d $java17 ] && echo $java17 || echo "${JAVA_HOME:-}")" \
    mvn -B -ntp test) || die "the analysis plugin's Java tests failed"
.venv/bin/python manage.py makemigrations --check --dry-run --settings=commons.settings.test >/dev/null \
    || die "models have changes without a migration: run manage.py makemigrations"
.venv/bin/pytest "$@"
