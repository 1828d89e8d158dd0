#!/usr/bin/env bash
# A PostgreSQL server of our own (Debian's binaries, a fresh data directory, 127.0.0.1 only), for the tests.
# Source it after common.sh.
#   pg_start PORT [NAME]   initdb + start; creates role custos_app and database custos_it (owner custos_app)
#   pg_stop [NAME]
# PG_FSYNC=on pg_start ... keeps PostgreSQL's default durability (the sync benchmark); tests run with fsync=off.
# Authentication is "trust" on 127.0.0.1 and the private socket directory: this server exists for one test
# run, listens on loopback only, and is deleted by pg_stop.

pg_bin_dir() {
  local d
  for d in /usr/lib/postgresql/*/bin; do
    [[ -x "$d/initdb" ]] && { echo "$d"; return 0; }
  done
  return 1
}

# run as the unprivileged "postgres" user when we are root (PostgreSQL refuses to run as root)
pg_as_owner() {
  if [[ "$(id -u)" -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_start() {
  local port="${1:?usage: pg_start PORT [NAME]}" name="${2:-postgres}" bin dir pid waited=0
  bin="$(pg_bin_dir)" || die "PostgreSQL binaries not found (apt-get install postgresql)"
  dir="$CUSTOS_RUN_DIR/$name"
  rm -rf "$dir"; mkdir -p "$dir/data" "$dir/socket"
  [[ "$(id -u)" -eq 0 ]] && chown -R postgres:postgres "$dir"
  log "initialising PostgreSQL ($bin) in $dir"
  pg_as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; die "initdb failed"; }
  local -a as_owner=()
  [[ "$(id -u)" -eq 0 ]] && as_owner=(runuser -u postgres --)
  pid="$(start_bg "$name" "$CUSTOS_RUN_DIR/$name.log" "${as_owner[@]}" "$bin/postgres" -D "$dir/data" -p "$port" \
    -c listen_addresses=127.0.0.1 -c unix_socket_directories="$dir/socket" -c fsync="${PG_FSYNC:-off}")"
  until "$bin/pg_isready" -q -h 127.0.0.1 -p "$port"; do
    kill -0 "$pid" 2>/dev/null || { tail -n 20 "$CUSTOS_RUN_DIR/$name.log" >&2; die "PostgreSQL exited"; }
    (( waited++ >= 60 )) && die "PostgreSQL did not start on port $port"
    sleep 1
  done
  "$bin/psql" -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 \
    -c "CREATE ROLE custos_app LOGIN" -c "CREATE DATABASE custos_it OWNER custos_app" >/dev/null \
    || die "could not create the test database"
  log "PostgreSQL ready on 127.0.0.1:$port (database custos_it, role custos_app)"
}

pg_stop() {
  local name="${1:-postgres}"
  stop_pid "$name"
  rm -rf "${CUSTOS_RUN_DIR:?}/$name"
}
