#!/usr/bin/env bash
# Start a throw-away PostgreSQL cluster and a redis-server on loopback for the storage and queue tests.
# Needs Debian's `postgresql` and `redis-server` packages. Idempotent: services already running are reused.
# Prints `export` lines (use: eval "$(bash scripts/ci_services.sh)") and writes them to $STATE/services.env.
set -euo pipefail

STATE="${KLARTEXT_CI_STATE:-/tmp/klartext-ci}"
PG_PORT="${KLARTEXT_CI_PG_PORT:-5433}"
REDIS_PORT="${KLARTEXT_CI_REDIS_PORT:-6390}"
PG_BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
if [ -z "$PG_BIN" ] || ! command -v redis-server >/dev/null; then
  echo "ci_services.sh: install Debian's postgresql and redis-server first" >&2
  exit 1
fi

mkdir -p "$STATE"
PG_DATA="$STATE/pgdata"
# PostgreSQL refuses to run as root: run its tools as the postgres user then.
as_pg() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
if [ "$(id -u)" -eq 0 ]; then chown postgres: "$STATE"; chmod 755 "$STATE"; fi

if [ ! -f "$PG_DATA/PG_VERSION" ]; then
  as_pg "$PG_BIN/initdb" -D "$PG_DATA" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
    -E UTF8 --locale=C.UTF-8 >"$STATE/initdb.log"
fi
if ! as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1; then
  as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$STATE/postgresql.log" -w -t 30 \
    -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $STATE -c fsync=off" start >/dev/null
fi
psql_pg() { as_pg "$PG_BIN/psql" -h "$STATE" -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 -qAt "$@"; }
if [ "$(psql_pg -c "SELECT 1 FROM pg_roles WHERE rolname = 'klartext'")" != "1" ]; then
  psql_pg -c "CREATE ROLE klartext LOGIN PASSWORD 'klartext'"
fi
if [ "$(psql_pg -c "SELECT 1 FROM pg_database WHERE datname = 'klartext'")" != "1" ]; then
  psql_pg -c "CREATE DATABASE klartext OWNER klartext"
fi

if ! redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping >/dev/null 2>&1; then
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --daemonize yes --save '' --appendonly no \
    --dir "$STATE" --pidfile "$STATE/redis.pid" --logfile "$STATE/redis.log"
  for _ in $(seq 50); do
    redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping >/dev/null 2>&1 && break
    sleep 0.1
  done
fi

cat >"$STATE/services.env" <<ENV
export KLARTEXT_TEST_DATABASE_URL=postgresql+psycopg://klartext:klartext@127.0.0.1:$PG_PORT/klartext
export KLARTEXT_TEST_REDIS_URL=redis://127.0.0.1:$REDIS_PORT/0
ENV
cat "$STATE/services.env"
