#!/usr/bin/env bash
# Script test (scripts/test.sh runs it before Maven): the test PostgreSQL (scripts/lib/postgres.sh) starts and stops
# from a checkout that other users cannot traverse (a 0700 directory, as root's home is by default), whose path has
# a space. Checks that the server runs as its own user ("postgres" when we are root, else us), keeps its data
# outside the checkout in a directory of its own under the temporary directory, answers SQL as custos_app, and
# that pg_stop stops it and deletes that directory; then that a start after a crashed run (server killed, its
# directory and PID file left behind) cleans up and starts again. About five seconds.
#
#   scripts/tests/postgres-private-dir.sh          port 15433, or CUSTOS_PG_TEST_PORT
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
PORT="${CUSTOS_PG_TEST_PORT:-15433}"
NAME=private-dir-test

say() { printf '[postgres-private-dir] %s\n' "$*" >&2; }
fail() { say "FAIL: $*"; exit 1; }

private="$(mktemp -d "${TMPDIR:-/tmp}/custos-private.XXXXXX")"
chmod 0700 "$private"
checkout="$private/a checkout"
mkdir -p "$checkout"
cp -r "$ROOT/scripts" "$checkout/"

# runs a command with the checkout's libraries loaded, as a fresh shell of that checkout would
in_checkout() {
  (cd "$checkout" && env -u CUSTOS_ROOT -u CUSTOS_RUN_DIR -u CUSTOS_TOOLS_DIR bash -c '
    set -euo pipefail
    source scripts/lib/common.sh
    source scripts/lib/postgres.sh
    eval "$1"' _ "$1")
}

cleanup() {
  local rc=$?
  set +e
  [[ -f "$checkout/.run/$NAME.pid" || -f "$checkout/.run/$NAME.dir" ]] && in_checkout "pg_stop $NAME" 2>/dev/null
  rm -rf "$private"
  exit $rc
}
trap cleanup EXIT

bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | head -1)"
[[ -x "$bin/psql" ]] || fail "PostgreSQL is not installed (scripts/test.sh installs it first)"
if "$bin/pg_isready" -q -h 127.0.0.1 -p "$PORT"; then fail "port $PORT is in use (set CUSTOS_PG_TEST_PORT)"; fi
if [[ "$(id -u)" -eq 0 ]]; then server_user=postgres; else server_user="$(id -un)"; fi

# checks the running server; prints its directory
check_running() {
  local record="$checkout/.run/$NAME.dir" dir pm owner
  [[ -f "$record" ]] || fail "pg_start recorded no directory ($record)"
  dir="$(cat "$record")"
  [[ -d "$dir/data" ]] || fail "no data directory $dir/data"
  [[ "$dir" != "$private"* ]] || fail "the data is inside the private checkout: $dir"
  owner="$(stat -c %U "$dir/data")"
  [[ "$owner" == "$server_user" ]] || fail "data owned by $owner, expected $server_user"
  pm="$(head -1 "$dir/data/postmaster.pid")"
  [[ "$(ps -o user= -p "$pm" | tr -d ' ')" == "$server_user" ]] || fail "server $pm does not run as $server_user"
  [[ "$("$bin/psql" -qAt -h 127.0.0.1 -p "$PORT" -U custos_app -d custos_it -c 'SELECT current_user')" == custos_app ]] \
    || fail "custos_app cannot query custos_it"
  [[ "$("$bin/psql" -qAt -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -c 'SHOW data_directory')" == "$dir/data" ]] \
    || fail "the server's data directory is not $dir/data"
  printf '%s\n' "$dir"
}

check_stopped() {
  local dir="$1" pm="$2"
  [[ ! -e "$dir" ]] || fail "pg_stop left $dir behind"
  [[ ! -e "$checkout/.run/$NAME.dir" ]] || fail "pg_stop left the record $checkout/.run/$NAME.dir"
  ! kill -0 "$pm" 2>/dev/null || fail "server $pm still running after pg_stop"
  ! "$bin/pg_isready" -q -h 127.0.0.1 -p "$PORT" || fail "something still answers on port $PORT"
}

start=$SECONDS
in_checkout "pg_start $PORT $NAME" 2>/dev/null || fail "pg_start failed from $checkout"
dir="$(check_running)"
pm="$(head -1 "$dir/data/postmaster.pid")"
say "started as $server_user from '$checkout' (mode $(stat -c %a "$private")), data in $dir"
in_checkout "pg_stop $NAME" 2>/dev/null
check_stopped "$dir" "$pm"

# a crashed run: the server is killed, its directory and PID file stay; the next start cleans up and starts
in_checkout "pg_start $PORT $NAME" 2>/dev/null || fail "second pg_start failed"
dir="$(check_running)"
pm="$(head -1 "$dir/data/postmaster.pid")"
kill -KILL -- "-$(cat "$checkout/.run/$NAME.pid")" 2>/dev/null || true
kill -KILL "$pm" 2>/dev/null || true
for _ in $(seq 1 50); do kill -0 "$pm" 2>/dev/null || break; sleep 0.1; done
[[ -d "$dir" ]] || fail "the killed server's directory vanished by itself"
in_checkout "pg_start $PORT $NAME" 2>/dev/null || fail "pg_start after a crashed run failed"
[[ ! -e "$dir" ]] || fail "pg_start after a crashed run left the old directory $dir"
dir="$(check_running)"
pm="$(head -1 "$dir/data/postmaster.pid")"
in_checkout "pg_stop $NAME" 2>/dev/null
check_stopped "$dir" "$pm"
say "ok ($((SECONDS - start)) s)"
