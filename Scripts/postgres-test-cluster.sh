#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests: `start DIR` installs Debian's server when it is missing,
# makes a cluster in DIR (owned by an unprivileged user: the server refuses to run as root), starts it on
# a Unix socket in DIR and on loopback TCP (127.0.0.1 and 127.0.0.2, TLS only, with a certificate for
# localhost and 127.0.0.1 signed by a throwaway authority in DIR/tls/ca.crt; DIR/tls/other-ca.crt signed
# nothing), and prints the URL the tests read from AMANAT_TEST_POSTGRESQL; `stop DIR` stops it and removes
# DIR. Nothing listens beyond loopback and nothing outlives `stop`. fsync is off (the tests need no
# durability) unless AMANAT_CLUSTER_FSYNC=on (the benchmarks, to compare with SQLite's fsync'd commits).
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
    # TCP only with TLS: every host line becomes hostssl, for the whole loopback network.
    sed -i -E 's#^host(\s+\S+\s+\S+\s+)127\.0\.0\.1/32#hostssl\1127.0.0.0/8#; s#^host\s#hostssl #' "$dir/data/pg_hba.conf"
    tls="$dir/tls"
    mkdir -p "$tls"
    make_authority() {
        openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 3 -subj "/CN=$2" \
            -keyout "$tls/$1.key" -out "$tls/$1.crt" 2>/dev/null
    }
    make_authority ca "Amanat test authority"
    make_authority other-ca "Amanat other test authority"
    openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj "/CN=localhost" \
        -keyout "$tls/server.key" -out "$tls/server.csr" 2>/dev/null
    printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\n' > "$tls/server.ext"
    openssl x509 -req -in "$tls/server.csr" -CA "$tls/ca.crt" -CAkey "$tls/ca.key" -CAcreateserial -days 3 \
        -extfile "$tls/server.ext" -out "$tls/server.crt" 2>/dev/null
    chmod 600 "$tls"/*.key
    [ "$(id -u)" -eq 0 ] && chown postgres "$tls/server.key" "$tls/server.crt"
    chmod 755 "$tls"
    # A free port: a few random tries (the socket's name carries the port too).
    started=""
    options="-c listen_addresses='127.0.0.1,127.0.0.2' -k $dir -c fsync=${AMANAT_CLUSTER_FSYNC:-off}"
    options+=" -c max_connections=200"
    options+=" -c ssl=on -c ssl_cert_file=$tls/server.crt -c ssl_key_file=$tls/server.key"
    for _ in 1 2 3 4 5; do
        port=$((20000 + RANDOM % 40000))
        if as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 -o "$options -p $port" start \
            >/dev/null; then
            started=yes
            break
        fi
    done
    [ -n "$started" ] || { cat "$dir/server.log" >&2; exit 1; }
    # The tests reach the socket folder as the user they run as.
    chmod 711 "$dir"
    echo "postgresql://amanat@localhost:$port/postgres?host=$dir"
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
