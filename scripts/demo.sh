#!/usr/bin/env bash
# Starts the whole Custos demo on this machine: installs what is missing, builds, starts anvil, Keycloak (with
# the custos realm) and the portal on Payara Micro with an embedded H2 database. Ctrl-C stops everything.
#
# Ports (override with the variables): portal 8080 (CUSTOS_PORTAL_PORT), Keycloak 8180 (CUSTOS_KEYCLOAK_PORT,
# management 9180), anvil 8545 (CUSTOS_ANVIL_PORT). Data: $CUSTOS_DATA_DIR (default .run/demo-data).
set -euo pipefail
source "$(dirname "$0")/lib/all.sh"

PORTAL_PORT="${CUSTOS_PORTAL_PORT:-8080}"
KEYCLOAK_PORT="${CUSTOS_KEYCLOAK_PORT:-8180}"
ANVIL_PORT="${CUSTOS_ANVIL_PORT:-8545}"
DATA_DIR="${CUSTOS_DATA_DIR:-$CUSTOS_RUN_DIR/demo-data}"

mkdir -p "$CUSTOS_RUN_DIR"
RUN_MARKER="$CUSTOS_RUN_DIR/demo-run.started"
touch "$RUN_MARKER"

cleanup() {
  # never let a closed terminal or pipe (SIGPIPE) or a failing command stop the clean-up half way
  set +e
  trap '' PIPE
  trap - EXIT INT TERM
  log "stopping the demo"
  portal_stop demo-portal || true
  kc_stop demo-keycloak || true
  anvil_stop demo-anvil || true
  anvil_tmp_cleanup_since "$RUN_MARKER"
  log "stopped"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

install_prereqs
log "building (tests are run by scripts/test.sh)"
(cd "$CUSTOS_ROOT" && "$MVN" -B -q package -DskipTests) || die "build failed"

# fresh secrets for every demo run: the realm is imported anew each start
export CUSTOS_OIDC_CLIENT_SECRET="$(random_secret)"
export CUSTOS_DEMO_PASSWORD="${CUSTOS_DEMO_PASSWORD:-$(random_secret | cut -c1-16)}"
export CUSTOS_PORTAL_URL="http://localhost:$PORTAL_PORT/custos"

# the ledger starts from the demo fixture (scripts/fixture.sh); CUSTOS_ANVIL_STATE= (empty) starts an empty chain
CUSTOS_ANVIL_STATE="${CUSTOS_ANVIL_STATE-$CUSTOS_ROOT/consortium/fixtures/demo/anvil-state.json.xz}" \
  anvil_start "$ANVIL_PORT" demo-anvil
kc_start "$KEYCLOAK_PORT" demo-keycloak

mkdir -p "$DATA_DIR"
export CUSTOS_OIDC_ISSUER="http://localhost:$KEYCLOAK_PORT/realms/custos"
export CUSTOS_LEDGER_URL="${CUSTOS_LEDGER_URL:-http://127.0.0.1:$ANVIL_PORT}"
# DB_CLOSE_ON_EXIT=FALSE: Payara closes the database after the application, so sessions ended at shutdown are recorded
export CUSTOS_DB_URL="${CUSTOS_DB_URL:-jdbc:h2:file:$DATA_DIR/custos;DB_CLOSE_ON_EXIT=FALSE}"
# report signing: unless a keystore is configured, the demo's own CA and signing key, made on the first start in
# $CUSTOS_RUN_DIR/reports-pki (outside the repository's files; docs/operations.md "Report signing")
if [[ -z "${CUSTOS_REPORTS_KEYSTORE:-}" ]]; then
  reports_pki_export "$CUSTOS_RUN_DIR/reports-pki"
  REPORTS_INFO="signed by the demo CA in $CUSTOS_RUN_DIR/reports-pki"
else
  REPORTS_INFO="signed with the keystore $CUSTOS_REPORTS_KEYSTORE"
fi
portal_start "$PORTAL_PORT" demo-portal

cat <<INFO

  Custos is running:   $CUSTOS_PORTAL_URL/
  Sign in as (password for all: $CUSTOS_DEMO_PASSWORD):
    regulator       regulator, all clinics
    officer-north   compliance officer of clinic-north (on chain: fixture clinic 0, EU)
    officer-south   compliance officer of clinic-south (on chain: fixture clinic 1, US, HIPAA)
    dpo-north       data-protection officer of clinic-north
    visitor         no portal role (gets 403)
  Keycloak:  http://localhost:$KEYCLOAK_PORT/   (admin password in $CUSTOS_RUN_DIR/demo-keycloak-admin.txt)
  Ledger:    $CUSTOS_LEDGER_URL (anvil, chain id ${CUSTOS_CHAIN_ID:-4242})
  Verified ledger: $CUSTOS_PORTAL_URL/ledger/status.xhtml   (clinic events with proofs: menu "Clinics")
  Health:    http://localhost:$PORTAL_PORT/health
  Reports:   $REPORTS_INFO
             trust anchor: $CUSTOS_PORTAL_URL/reports/trust-anchor.pem
  Data:      $DATA_DIR (H2)        Logs: $CUSTOS_RUN_DIR/demo-*.log

  Press Ctrl-C to stop everything.
INFO

# run until Ctrl-C or until one of the services dies
while true; do
  for svc in demo-anvil demo-keycloak demo-portal; do
    pid="$(cat "$CUSTOS_RUN_DIR/$svc.pid" 2>/dev/null || true)"
    if [[ -z "$pid" ]] || ! kill -0 "$pid" 2>/dev/null; then
      log "$svc stopped unexpectedly (log: $CUSTOS_RUN_DIR/$svc.log)"
      exit 1
    fi
  done
  sleep 2
done
