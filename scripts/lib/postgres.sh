#!/usr/bin/env bash
# A PostgreSQL server of our own (Debian's binaries, a fresh data directory, 127.0.0.1 only), for the tests.
# Source it after common.sh.
#   pg_start PORT [NAME]   initdb + start; creates role custos_app and database custos_it (owner custos_app)
#   pg_stop [NAME]         stop it and delete its data directory
# The server runs as the invoking user, or as "postgres" when that is root (PostgreSQL refuses to run as root).
# Its data and socket live in a directory of its own under the system temporary directory (mktemp -d, owned by
# the server's user, its path recorded in $CUSTOS_RUN_DIR/NAME.dir), never in the checkout: "postgres" cannot
# traverse a checkout under a private home directory (/root is 0700), and a Unix socket path must stay under
# 108 bytes and is safer without spaces. The PID file and the logs stay in $CUSTOS_RUN_DIR (written by the caller).
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

# pg_tmp_base: where the server's directory goes: $TMPDIR if the server's user can reach it and its path is short
# and without spaces, else /tmp.
pg_tmp_base() {
  local base="${TMPDIR:-/tmp}"
  base="${base%/}"
  if [[ -z "$base" || "$base" =~ [[:space:]] || ${#base} -gt 48 || ! -d "$base" || ! -w "$base" ]] \
      || ! pg_as_owner test -x "$base"; then
    base=/tmp
  fi
  printf '%s\n' "$base"
}

# pg_remove_dir NAME: deletes the server directory recorded for NAME (only a custos-pg-* directory) and the record.
pg_remove_dir() {
  local record="$CUSTOS_RUN_DIR/$1.dir" dir
  [[ -f "$record" ]] || return 0
  dir="$(cat "$record")"
  if [[ "$(basename "$dir")" == custos-pg-"$1".* && -d "$dir" ]]; then
    rm -rf -- "$dir"
  fi
  rm -f "$record"
}

pg_start() {
  local port="${1:?usage: pg_start PORT [NAME]}" name="${2:-postgres}" bin dir pid waited=0
  bin="$(pg_bin_dir)" || die "PostgreSQL binaries not found (apt-get install postgresql)"
  if [[ -f "$CUSTOS_RUN_DIR/$name.pid" ]] && kill -0 "$(cat "$CUSTOS_RUN_DIR/$name.pid")" 2>/dev/null; then
    die "pg_start: $name already running (pid $(cat "$CUSTOS_RUN_DIR/$name.pid")); pg_stop $name first"
  fi
  pg_remove_dir "$name"   # left by a killed run
  rm -rf "${CUSTOS_RUN_DIR:?}/$name"   # where older versions of this script kept the data
  dir="$(mktemp -d "$(pg_tmp_base)/custos-pg-$name.XXXXXX")" || die "cannot create a directory for PostgreSQL"
  printf '%s\n' "$dir" > "$CUSTOS_RUN_DIR/$name.dir"
  mkdir -p "$dir/data" "$dir/socket"
  [[ "$(id -u)" -eq 0 ]] && chown -R postgres:postgres "$dir"
  log "initialising PostgreSQL ($bin) in $dir"
  # from the server's own directory: the server's user may not be able to enter the caller's working directory
  (cd "$dir" && pg_as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8) \
    >"$CUSTOS_RUN_DIR/$name-initdb.log" 2>&1 \
    || { cat "$CUSTOS_RUN_DIR/$name-initdb.log" >&2; pg_remove_dir "$name"; die "initdb failed"; }
  local -a as_owner=()
  [[ "$(id -u)" -eq 0 ]] && as_owner=(runuser -u postgres --)
  pid="$(cd "$dir" && start_bg "$name" "$CUSTOS_RUN_DIR/$name.log" "${as_owner[@]}" "$bin/postgres" -D "$dir/data" \
    -p "$port" -c listen_addresses=127.0.0.1 -c unix_socket_directories="$dir/socket" -c fsync="${PG_FSYNC:-off}")"
  until "$bin/pg_isready" -q -h 127.0.0.1 -p "$port"; do
    kill -0 "$pid" 2>/dev/null || { tail -n 20 "$CUSTOS_RUN_DIR/$name.log" >&2; pg_remove_dir "$name"; die "PostgreSQL exited"; }
    (( waited++ >= 300 )) && { pg_stop "$name"; die "PostgreSQL did not start on port $port in 60 s"; }
    sleep 0.2
  done
  "$bin/psql" -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 \
    -c "CREATE ROLE custos_app LOGIN" -c "CREATE DATABASE custos_it OWNER custos_app" >/dev/null \
    || { pg_stop "$name"; die "could not create the test database"; }
  log "PostgreSQL ready on 127.0.0.1:$port (database custos_it, role custos_app; data in $dir)"
}

pg_stop() {
  local name="${1:-postgres}" record bin dir pid
  record="$CUSTOS_RUN_DIR/$name.dir"
  # a fast shutdown through pg_ctl (seconds faster than a TERM to runuser, which waits 2 s before it kills),
  # then whatever is left of the process group
  if [[ -f "$record" ]] && bin="$(pg_bin_dir)"; then
    dir="$(cat "$record")"
    if [[ -f "$dir/data/postmaster.pid" ]]; then
      (cd "$dir" && pg_as_owner "$bin/pg_ctl" stop -D "$dir/data" -m fast -w -t 20) >/dev/null 2>&1 || true
      pid="$(cat "$CUSTOS_RUN_DIR/$name.pid" 2>/dev/null || true)"
      for _ in $(seq 1 20); do [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    fi
  fi
  stop_pid "$name"
  pg_remove_dir "$name"
  rm -f "$CUSTOS_RUN_DIR/$name-initdb.log"
}
