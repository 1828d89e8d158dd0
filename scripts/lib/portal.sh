#!/usr/bin/env bash
# The portal on Payara Micro. Source it after common.sh.
#   portal_start PORT [NAME]   deploy portal/target/custos.war on a fresh root dir; waits until the app is live
#   portal_stop [NAME]
#   portal_ledger_from_fixture   export the ledger sync settings of the demo fixture when the node serves it
# The portal reads its configuration from the environment (docs/operations.md); export it before.

PAYARA_JAR="$CUSTOS_ROOT/portal/target/payara-micro.jar"
PORTAL_WAR="$CUSTOS_ROOT/portal/target/custos.war"

# portal_ledger_from_fixture: when CUSTOS_LEDGER_CHECKPOINT is not set and the ledger node's genesis hash is the
# one in $CUSTOS_LEDGER_FIXTURE/scenario.json (default: consortium/fixtures/demo), exports the sync settings of that
# chain (checkpoint = its genesis, consensus DEV, the three contracts) and maps clinic-north and clinic-south to the
# fixture's clinics 0 and 1. The node is asked, not assumed: an empty demo chain gets no checkpoint (sync off).
portal_ledger_from_fixture() {
  local scenario="${CUSTOS_LEDGER_FIXTURE:-$CUSTOS_ROOT/consortium/fixtures/demo}/scenario.json" url genesis
  [[ -z "${CUSTOS_LEDGER_CHECKPOINT:-}" && -f "$scenario" ]] || return 0
  url="${CUSTOS_LEDGER_URLS:-${CUSTOS_LEDGER_URL:-http://127.0.0.1:8545}}"
  url="${url%%,*}"
  genesis="$(curl -fsS --max-time 5 -H 'Content-Type: application/json' \
    -d '{"jsonrpc":"2.0","id":1,"method":"eth_getBlockByNumber","params":["0x0",false]}' "$url" 2>/dev/null \
    | grep -oE '"hash":"0x[0-9a-f]{64}"' | head -1 | cut -d'"' -f4)" || true
  local fixture_genesis
  fixture_genesis="$(tr -d '\n' < "$scenario" | grep -oE '"genesis": *\{[^}]*\}' | grep -oE '0x[0-9a-f]{64}')"
  if [[ -z "$genesis" || "$genesis" != "$fixture_genesis" ]]; then
    log "ledger sync off: the node at $url does not serve the fixture of $scenario"
    return 0
  fi
  contract() { tr -d '\n' < "$scenario" | grep -oE "\"$1\": *\"0x[0-9a-fA-F]{40}\"" | head -1 | grep -oE '0x[0-9a-fA-F]{40}'; }
  clinic() { tr -d '\n' < "$scenario" | grep -oE "\"0x[0-9a-f]{64}\": *\\{\"index\": *$1," | grep -oE '0x[0-9a-f]{64}'; }
  export CUSTOS_LEDGER_CHECKPOINT="0:$fixture_genesis"
  export CUSTOS_LEDGER_CONSENSUS=DEV
  export CUSTOS_LEDGER_CONTRACTS_REGISTRY="$(contract registry)"
  export CUSTOS_LEDGER_CONTRACTS_RECORDS="$(contract records)"
  export CUSTOS_LEDGER_CONTRACTS_ACCOUNTABILITY="$(contract accountability)"
  export CUSTOS_LEDGER_CLINICS="clinic-north=$(clinic 0),clinic-south=$(clinic 1)"
  # the regulator's register of the clinics it supervises: display names only, the ids stay the evidence (D19)
  export CUSTOS_CLINIC_NAMES="$(clinic 0)=North Aesthetics Clinic;$(clinic 1)=South Bay Skin Clinic;$(clinic 2)=Riverside Dermatology;$(clinic 3)=Harbour Medical Aesthetics;$(clinic 4)=Hillcrest Cosmetic Clinic"
  log "ledger sync on: checkpoint $CUSTOS_LEDGER_CHECKPOINT (the fixture's genesis), consensus DEV"
}

portal_start() {
  local port="${1:?usage: portal_start PORT [NAME]}" name="${2:-portal}" pid root
  [[ -f "$PAYARA_JAR" && -f "$PORTAL_WAR" ]] || die "build first: $PORTAL_WAR or $PAYARA_JAR missing"
  portal_ledger_from_fixture
  if curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$port/"; then
    die "portal_start: port $port is already in use"
  fi
  root="$CUSTOS_RUN_DIR/$name-root"
  rm -rf "$root"   # a reused root dir redeploys old applications
  log "starting Payara Micro on port $port, log $CUSTOS_RUN_DIR/$name.log"
  pid="$(start_bg "$name" "$CUSTOS_RUN_DIR/$name.log" java ${CUSTOS_PORTAL_JAVA_OPTS:--Xmx768m} -jar "$PAYARA_JAR" \
    --nohazelcast --disablephonehome --port "$port" --rootdir "$root" \
    --prebootcommandfile "$CUSTOS_ROOT/portal/src/main/payara/pre-boot-commands.asadmin" --deploy "$PORTAL_WAR")"
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
