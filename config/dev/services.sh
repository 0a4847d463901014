#!/usr/bin/env bash
# Project-local PostgreSQL (+PostGIS) cluster and Redis for development and tests.
#   services.sh start   start both (creating the cluster on first use); idempotent
#   services.sh stop    stop what this project started, by PID
#   services.sh running print "pg" and/or "redis" for those already running
# Data lives under .data/ (ignored by git); both listen on loopback only.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
DATA="$ROOT/.data"
PGDATA="$DATA/pg"
PGPORT="${DB_PORT:-55432}"
REDIS_PORT="${REDIS_PORT:-56379}"
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)

as_pg() {
  # PostgreSQL refuses to run as root; use its system account then.
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_start() {
  mkdir -p "$DATA"
  if [ ! -s "$PGDATA/PG_VERSION" ]; then
    mkdir -p "$PGDATA"
    if [ "$(id -u)" = 0 ]; then
      chown postgres:postgres "$PGDATA" && chmod 700 "$PGDATA"
      if ! runuser -u postgres -- test -w "$PGDATA"; then
        echo "The postgres account cannot reach $PGDATA: every parent directory needs o+x (e.g. chmod o+x on a mktemp -d folder)." >&2
        exit 1
      fi
    fi
    as_pg "$PGBIN/initdb" -D "$PGDATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    cat >> "$PGDATA/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $PGPORT
unix_socket_directories = ''
fsync = ${PG_FSYNC:-on}
max_connections = 200
CONF
  fi
  if ! as_pg "$PGBIN/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1; then
    as_pg "$PGBIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/server.log" -o "-p $PGPORT" -w -t 60 start >/dev/null
  fi
  psql_admin -tAc "SELECT 1 FROM pg_roles WHERE rolname='openzaak_cmis'" | grep -q 1 \
    || psql_admin -c "CREATE ROLE openzaak_cmis LOGIN SUPERUSER" >/dev/null
  psql_admin -tAc "SELECT 1 FROM pg_database WHERE datname='openzaak_cmis'" | grep -q 1 \
    || psql_admin -c "CREATE DATABASE openzaak_cmis OWNER openzaak_cmis" >/dev/null
  psql_admin -d openzaak_cmis -c "CREATE EXTENSION IF NOT EXISTS postgis" >/dev/null
  echo "PostgreSQL on 127.0.0.1:$PGPORT (data: $PGDATA)"
}

psql_admin() { psql -h 127.0.0.1 -p "$PGPORT" -U postgres -v ON_ERROR_STOP=1 -q "$@"; }

redis_start() {
  mkdir -p "$DATA/redis"
  if [ -s "$DATA/redis.pid" ] && kill -0 "$(cat "$DATA/redis.pid")" 2>/dev/null; then
    echo "Redis on 127.0.0.1:$REDIS_PORT (already running)"; return
  fi
  redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --daemonize yes --save '' --appendonly no \
    --dir "$DATA/redis" --pidfile "$DATA/redis.pid" --logfile "$DATA/redis/redis.log"
  for _ in $(seq 50); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && break; sleep 0.1; done
  echo "Redis on 127.0.0.1:$REDIS_PORT"
}

stop() {
  if [ -s "$PGDATA/postmaster.pid" ]; then
    as_pg "$PGBIN/pg_ctl" -D "$PGDATA" -m fast -w stop >/dev/null 2>&1 || true
  fi
  if [ -s "$DATA/redis.pid" ]; then
    kill "$(cat "$DATA/redis.pid")" 2>/dev/null || true
    rm -f "$DATA/redis.pid"
  fi
}

running() {
  as_pg "$PGBIN/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1 && echo pg
  [ -s "$DATA/redis.pid" ] && kill -0 "$(cat "$DATA/redis.pid")" 2>/dev/null && echo redis
  true
}

case "${1:-}" in
  start) pg_start; redis_start ;;
  stop) stop ;;
  running) running ;;
  *) echo "usage: $0 start|stop|running" >&2; exit 2 ;;
esac
