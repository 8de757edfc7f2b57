# Shared helpers for the service scripts. Sourced, not run.

die() {
    echo "$SCRIPT_NAME: $*" >&2
    exit 1
}

say() {
    echo "$SCRIPT_NAME: $*" >&2
}

# PostgreSQL and Elasticsearch refuse to run as root, so when we are root they run as this user.
SERVICE_USER=commons-services

ensure_service_user() {
    [ "$(id -u)" -ne 0 ] && return 0
    if ! id "$SERVICE_USER" >/dev/null 2>&1; then
        useradd --system --no-create-home --shell /usr/sbin/nologin "$SERVICE_USER" \
            || die "could not create the unprivileged user '$SERVICE_USER' the services run as"
    fi
}

# Run a command as the unprivileged service user (or as ourselves when we are not root).
as_service() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u "$SERVICE_USER" -- "$@"
    else
        "$@"
    fi
}

give_to_service() {
    [ "$(id -u)" -eq 0 ] && chown -R "$SERVICE_USER" "$@"
    return 0
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# Install Debian packages when we may; otherwise say exactly what is missing.
apt_install() {
    if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
        die "missing: $*. Install it (Debian: apt-get install $*) and run again."
    fi
    say "installing $* from Debian's packages"
    if [ ! -f /var/lib/apt/lists/lock ] || [ -z "$(ls /var/lib/apt/lists/ 2>/dev/null | grep -v -e lock -e partial)" ]; then
        apt-get update -qq || die "apt-get update failed; cannot install $*"
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null \
        || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null; } \
        || die "could not install $* with apt-get"
}

# Cache for downloads and unpacked distributions, readable by the service user.
cache_dir() {
    if [ -n "${COMMONS_CACHE_DIR:-}" ]; then
        echo "$COMMONS_CACHE_DIR"
    elif [ "$(id -u)" -eq 0 ]; then
        echo /var/cache/commons
    else
        echo "${XDG_CACHE_HOME:-$HOME/.cache}/commons"
    fi
}
