#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests: `start DIR` installs Debian's server when it is missing,
# makes a cluster in DIR (owned by an unprivileged user: the server refuses to run as root), starts it on
# a Unix socket in DIR with no TCP port, and prints the URL the tests read from AMANAT_TEST_POSTGRESQL;
# `stop DIR` stops it and removes DIR. Nothing listens on the network and nothing outlives `stop`.
set -euo pipefail

usage() { echo "usage: $0 start|stop DIR" >&2; exit 2; }
[ $# -eq 2 ] || usage
action=$1 dir=$2
sudo=""; [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null && sudo="sudo"

find_bin() {
    local found
    found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
    [ -n "$found" ] && [ -x "$found/initdb" ] && echo "$found"
}

# Runs a server program as the cluster's owner.
as_owner() {
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case $action in
start)
    bin=$(find_bin || true)
    if [ -z "$bin" ]; then
        echo "amanat: installing PostgreSQL from Debian for the PostgreSQL tests" >&2
        $sudo apt-get update -qq >&2
        $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
        bin=$(find_bin) || { echo "amanat: PostgreSQL's initdb is still missing after installing it" >&2; exit 1; }
    fi
    if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
        echo "amanat: the user 'postgres' (made by Debian's package) is missing" >&2
        exit 1
    fi
    mkdir -p "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres "$dir"
    chmod 700 "$dir"
    as_owner "$bin/initdb" -D "$dir/data" -U amanat -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; exit 1; }
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-c listen_addresses='' -k $dir -c fsync=off -c max_connections=200" start >/dev/null \
        || { cat "$dir/server.log" >&2; exit 1; }
    # The tests reach the socket folder as the user they run as.
    chmod 711 "$dir"
    echo "postgresql://amanat@/postgres?host=$dir"
    ;;
stop)
    bin=$(find_bin || true)
    if [ -n "$bin" ] && [ -f "$dir/data/postmaster.pid" ]; then
        as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    ;;
*) usage ;;
esac
