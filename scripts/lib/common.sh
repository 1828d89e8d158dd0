#!/usr/bin/env bash
# Shared helpers for the Custos scripts. Source it; do not run it.
# Everything a script starts is recorded as a PID file under $CUSTOS_RUN_DIR and stopped by PID.

CUSTOS_ROOT="${CUSTOS_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
CUSTOS_TOOLS_DIR="${CUSTOS_TOOLS_DIR:-$CUSTOS_ROOT/.tools}"
CUSTOS_RUN_DIR="${CUSTOS_RUN_DIR:-$CUSTOS_ROOT/.run}"
MVN="${MVN:-$CUSTOS_ROOT/mvnw}"
mkdir -p "$CUSTOS_TOOLS_DIR" "$CUSTOS_RUN_DIR"

log()  { printf '[custos %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die()  { log "ERROR: $*"; exit 1; }

# wait_for_http URL TIMEOUT_SECONDS [PID]: succeed when URL answers 2xx; fail early if PID died.
wait_for_http() {
  local url="$1" timeout="$2" pid="${3:-}" waited=0
  until curl -fsS -o /dev/null --max-time 5 "$url" 2>/dev/null; do
    if [[ -n "$pid" ]] && ! kill -0 "$pid" 2>/dev/null; then
      log "process $pid ended before $url answered"; return 1
    fi
    (( waited >= timeout )) && { log "timed out after ${timeout}s waiting for $url"; return 1; }
    sleep 1; waited=$((waited + 1))
  done
}

# start_bg NAME LOGFILE CMD...: start CMD in its own process group, record its PID in $CUSTOS_RUN_DIR/NAME.pid.
start_bg() {
  local name="$1" logfile="$2"; shift 2
  setsid "$@" >"$logfile" 2>&1 < /dev/null &
  echo $! > "$CUSTOS_RUN_DIR/$name.pid"
  echo $!
}

# stop_pid NAME: stop the process group recorded in NAME.pid (TERM, then KILL after 20 s).
stop_pid() {
  local name="$1" file="$CUSTOS_RUN_DIR/$1.pid" pid
  [[ -f "$file" ]] || return 0
  pid="$(cat "$file")"
  if kill -0 "$pid" 2>/dev/null; then
    log "stopping $name (pid $pid)"
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null
    for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -KILL -- "-$pid" 2>/dev/null || true
  fi
  rm -f "$file"
}

# java_21_home: print a JAVA_HOME of JDK 21+ (Temurin 25 preferred), or nothing.
java_21_home() {
  local d v
  for d in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-2[1-9]* /usr/lib/jvm/java-2[1-9]-openjdk* ; do
    [[ -x "$d/bin/java" ]] || continue
    v="$("$d/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1)"
    if [[ -n "$v" && "$v" -ge 21 ]]; then echo "$d"; return 0; fi
  done
}

# random_secret: 32 url-safe characters.
random_secret() { head -c 24 /dev/urandom | base64 | tr '+/' '-_' | tr -d '='; }

as_root() { if [[ "$(id -u)" -eq 0 ]]; then "$@"; else sudo "$@"; fi; }
