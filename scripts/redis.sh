#!/bin/bash
# A private Redis for the tests that need a cache shared between processes, in a scratch
# directory, on a free port, bound to 127.0.0.1, keeping nothing on disk.
#   scripts/redis.sh start DIR   prints the redis:// URL and writes it to DIR/url
#   scripts/redis.sh stop DIR    stops it and deletes DIR
set -euo pipefail
SCRIPT_NAME=redis
. "$(dirname "$0")/lib.sh"

start() {
    local dir=$1 port _
    command -v redis-server >/dev/null 2>&1 || apt_install redis-server
    command -v redis-cli >/dev/null 2>&1 || apt_install redis-tools
    ensure_service_user
    mkdir -p "$dir"
    chmod 755 "$dir"
    give_to_service "$dir"
    port=$(free_port)
    # No snapshots and no append-only file: rate-limit counters of a test run are worth nothing
    # once it ends, and writing them would only slow the run down.
    as_service redis-server --port "$port" --bind 127.0.0.1 --save "" --appendonly no \
        --dir "$dir" --daemonize yes --pidfile "$dir/redis.pid" --logfile "$dir/redis.log" \
        || die "redis-server did not start (log: $dir/redis.log)"
    for _ in $(seq 1 100); do
        if [ "$(redis-cli -h 127.0.0.1 -p "$port" ping 2>/dev/null)" = PONG ]; then
            echo "redis://127.0.0.1:$port/0" | tee "$dir/url"
            return 0
        fi
        sleep 0.1
    done
    tail -n 20 "$dir/redis.log" >&2 || true
    die "Redis did not answer on port $port within 10 seconds (log above)"
}

stop() {
    local dir=$1 pid _
    [ -d "$dir" ] || return 0
    pid=$(cat "$dir/redis.pid" 2>/dev/null || true)
    if [ -n "$pid" ] && kill "$pid" 2>/dev/null; then
        for _ in $(seq 1 50); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.1
        done
        kill -9 "$pid" 2>/dev/null || true
    fi
    rm -rf "$dir"
}

case "${1:-}" in
    start) start "${2:?usage: redis.sh start DIR}" ;;
    stop) stop "${2:?usage: redis.sh stop DIR}" ;;
    *) echo "usage: $0 start|stop DIR" >&2; exit 2 ;;
esac
