#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
# Runs a command with a throwaway PostgreSQL cluster (socket only, in a temporary directory,
# removed afterwards) and its URL in BENCH_POSTGRES_URL. Used by `make bench`.
# Without PostgreSQL binaries the command runs without it (the benchmarks then measure SQLite only).
#
#   scripts/with-postgres.sh COMMAND [ARGS...]
#   PG_BIN=/path/to/bin scripts/with-postgres.sh ...   (default: /usr/lib/postgresql/15/bin)
set -euo pipefail

PG_BIN="${PG_BIN:-/usr/lib/postgresql/${PG_VERSION:-15}/bin}"
if [[ ! -x "$PG_BIN/initdb" ]]; then
    echo "PostgreSQL not found in $PG_BIN: measuring without PostgreSQL" >&2
    exec "$@"
fi

PG_DIR=$(mktemp -d /tmp/jeugdregie-bench-pg.XXXXXX)  # short: a socket path has at most 107 bytes
as_pg() {
    if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}
stop_postgres() {
    if [[ -f "$PG_DIR/data/postmaster.pid" ]]; then
        as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null || true
    fi
    rm -rf "$PG_DIR"
}
trap stop_postgres EXIT

mkdir -p "$PG_DIR/socket"
if [[ $(id -u) -eq 0 ]]; then chown -R postgres: "$PG_DIR"; fi
as_pg "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --auth=trust --encoding=UTF8 --no-locale \
    >"$PG_DIR/initdb.log" || { cat "$PG_DIR/initdb.log" >&2; exit 1; }
as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/postgres.log" -w start \
    -o "-c listen_addresses='' -c unix_socket_directories='$PG_DIR/socket' -c fsync=off" >/dev/null \
    || { cat "$PG_DIR/postgres.log" >&2; exit 1; }
"$PG_BIN/createdb" -h "$PG_DIR/socket" -U postgres jeugdregie_bench
export BENCH_POSTGRES_URL="postgresql://postgres@/jeugdregie_bench?host=$PG_DIR/socket"
echo "PostgreSQL for benchmarks: $BENCH_POSTGRES_URL" >&2
"$@"
