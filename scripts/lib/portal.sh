#!/usr/bin/env bash
# The portal on Payara Micro. Source it after common.sh.
#   portal_start PORT [NAME]   deploy portal/target/custos.war on a fresh root dir; waits until the app is live
#   portal_stop [NAME]
# The portal reads its configuration from the environment (docs/operations.md); export it before.

PAYARA_JAR="$CUSTOS_ROOT/portal/target/payara-micro.jar"
PORTAL_WAR="$CUSTOS_ROOT/portal/target/custos.war"

portal_start() {
  local port="${1:?usage: portal_start PORT [NAME]}" name="${2:-portal}" pid root
  [[ -f "$PAYARA_JAR" && -f "$PORTAL_WAR" ]] || die "build first: $PORTAL_WAR or $PAYARA_JAR missing"
  if curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$port/"; then
    die "portal_start: port $port is already in use"
  fi
  root="$CUSTOS_RUN_DIR/$name-root"
  rm -rf "$root"   # a reused root dir redeploys old applications
  log "starting Payara Micro on port $port, log $CUSTOS_RUN_DIR/$name.log"
  pid="$(start_bg "$name" "$CUSTOS_RUN_DIR/$name.log" java ${CUSTOS_PORTAL_JAVA_OPTS:--Xmx768m} -jar "$PAYARA_JAR" \
    --nohazelcast --disablephonehome --port "$port" --rootdir "$root" --deploy "$PORTAL_WAR")"
  local waited=0
  until curl -fsS --max-time 5 "http://127.0.0.1:$port/health/live" 2>/dev/null | grep -q '"portal"'; do
    if ! kill -0 "$pid" 2>/dev/null; then
      tail -n 40 "$CUSTOS_RUN_DIR/$name.log" >&2; die "Payara Micro exited"
    fi
    if grep -q "Exception while loading the app" "$CUSTOS_RUN_DIR/$name.log" 2>/dev/null; then
      grep -m1 -A5 "Exception while loading the app" "$CUSTOS_RUN_DIR/$name.log" >&2
      stop_pid "$name"; die "the portal failed to deploy (see $CUSTOS_RUN_DIR/$name.log)"
    fi
    (( waited++ >= 240 )) && { stop_pid "$name"; die "the portal did not come up in 240 s"; }
    sleep 1
  done
  log "portal live on http://localhost:$port/custos/"
}

portal_stop() { stop_pid "${1:-portal}"; rm -rf "$CUSTOS_RUN_DIR/${1:-portal}-root"; }
