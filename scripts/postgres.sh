#!/bin/bash
# A private PostgreSQL cluster for the test suite, in a scratch directory, on a free port.
#   scripts/postgres.sh start DIR   prints the DATABASE_URL and writes it to DIR/url
#   scripts/postgres.sh stop DIR    stops it and deletes DIR
set -euo pipefail
SCRIPT_NAME=postgres
. "$(dirname "$0")/lib.sh"

find_bindir() {
    local dir
    for dir in /usr/lib/postgresql/*/bin; do
        [ -x "$dir/initdb" ] && { echo "$dir"; return 0; }
    done
    command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ] && { pg_config --bindir; return 0; }
    return 1
}

start() {
    local dir=$1 bindir port
    bindir=$(find_bindir) || { apt_install postgresql; bindir=$(find_bindir) || die "PostgreSQL server (initdb) not found after installing"; }
    ensure_service_user
    mkdir -p "$dir"
    chmod 755 "$dir"
    give_to_service "$dir"
    port=$(free_port)
    as_service "$bindir/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 \
        --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; die "initdb failed"; }
    # Durability is irrelevant for a throwaway test cluster; speed is not.
    if ! as_service "$bindir/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -t 60 \
        -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
        start >/dev/null; then
        tail -n 20 "$dir/postgres.log" >&2 || true
        die "PostgreSQL did not start on port $port (log above)"
    fi
    as_service "$bindir/createdb" -h 127.0.0.1 -p "$port" -U postgres commons
    echo "$bindir" >"$dir/bindir"
    echo "postgres://postgres@127.0.0.1:$port/commons" | tee "$dir/url"
}

stop() {
    local dir=$1
    [ -d "$dir" ] || return 0
    if [ -f "$dir/data/postmaster.pid" ] && [ -f "$dir/bindir" ]; then
        as_service "$(cat "$dir/bindir")/pg_ctl" -D "$dir/data" -m immediate -w -t 30 stop >/dev/null 2>&1 || true
        local pid
        pid=$(head -n 1 "$dir/data/postmaster.pid" 2>/dev/null || true)
        [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null || true
    fi
    rm -rf "$dir"
}

case "${1:-}" in
    start) start "${2:?usage: postgres.sh start DIR}" ;;
    stop) stop "${2:?usage: postgres.sh stop DIR}" ;;
    *) echo "usage: $0 start|stop DIR" >&2; exit 2 ;;
esac
