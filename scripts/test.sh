#!/usr/bin/env bash
# Runs every test of Custos: installs what is missing, starts what the tests need (anvil, PostgreSQL 15 with a
# database of its own, Keycloak with the custos realm), runs `mvnw verify` (unit tests, then Arquillian on
# Payara Micro against H2 and PostgreSQL, then Selenium in headless Chromium), and stops everything it started.
#
# Ports: anvil 18545, PostgreSQL 15432, Keycloak 18180 (management 19180), portal under test 18080.
# Extra arguments go to Maven, e.g.  scripts/test.sh -pl ledger-verifier
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
source "$CUSTOS_ROOT/scripts/lib/keycloak.sh"
source "$CUSTOS_ROOT/scripts/lib/install.sh"
source "$CUSTOS_ROOT/scripts/lib/anvil.sh"
source "$CUSTOS_ROOT/scripts/lib/postgres.sh"

ANVIL_PORT=18545
PG_PORT=15432
KEYCLOAK_PORT=18180
PORTAL_PORT=18080

cleanup() {
  local rc=$?
  set +e
  trap '' PIPE
  trap - EXIT INT TERM
  kc_stop test-keycloak || true
  pg_stop test-postgres || true
  anvil_stop test-anvil || true
  # Arquillian stops the Payara Micro instances it started; make sure none survived a crashed run
  local left
  left="$(pgrep -f "payara-micro.jar.*--port $PORTAL_PORT" || true)"
  if [[ -n "$left" ]]; then
    log "stopping a Payara Micro left behind: $left"
    kill $left 2>/dev/null || true
  fi
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

install_prereqs browser postgres

export CUSTOS_OIDC_CLIENT_SECRET="$(random_secret)"
export CUSTOS_DEMO_PASSWORD="$(random_secret | cut -c1-16)"
export CUSTOS_PORTAL_URL="http://localhost:$PORTAL_PORT/custos"

anvil_start "$ANVIL_PORT" test-anvil
pg_start "$PG_PORT" test-postgres
kc_start "$KEYCLOAK_PORT" test-keycloak

# configuration of the portal under test (inherited by Payara Micro through Maven and Arquillian)
export CUSTOS_OIDC_ISSUER="http://localhost:$KEYCLOAK_PORT/realms/custos"
export CUSTOS_LEDGER_URL="http://127.0.0.1:$ANVIL_PORT"
export CUSTOS_IT_PG_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/custos_it"
export CUSTOS_IT_PG_USER="custos_app"
export CUSTOS_IT_KEYCLOAK_URL="http://localhost:$KEYCLOAK_PORT"
export CUSTOS_IT_KEYCLOAK_ADMIN_FILE="$CUSTOS_RUN_DIR/test-keycloak-admin.txt"

cd "$CUSTOS_ROOT"
"$MVN" -B clean verify -Dcustos.it.port="$PORTAL_PORT" "$@"
