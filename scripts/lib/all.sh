#!/usr/bin/env bash
# Sources every script library in dependency order. Source it from a script in scripts/.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
source "$CUSTOS_ROOT/scripts/lib/keycloak.sh"
source "$CUSTOS_ROOT/scripts/lib/install.sh"
source "$CUSTOS_ROOT/scripts/lib/anvil.sh"
source "$CUSTOS_ROOT/scripts/lib/postgres.sh"
source "$CUSTOS_ROOT/scripts/lib/portal.sh"
source "$CUSTOS_ROOT/scripts/lib/reports-pki.sh"

# The test services' ports, and the environment the tests read (portal under test, Keycloak, PostgreSQL).
TEST_ANVIL_PORT=18545
TEST_PG_PORT=15432
TEST_KEYCLOAK_PORT=18180
TEST_PORTAL_PORT=18080
# the local timestamp authority a test starts when it needs one (CUSTOS_REPORTS_TSA_URL)
TEST_TSA_PORT=18318
# the tests' report-signing PKI (scripts/lib/reports-pki.sh): made once, kept with the other run files
TEST_REPORTS_PKI_DIR="$CUSTOS_RUN_DIR/test-reports-pki"

# test_environment: prints `export` lines for the tests, with fresh secrets, and the report keystore's and the test
# TSA's keystore (CUSTOS_TEST_TSA_KEYSTORE*: the tests' timestamp authority signs with it), which it creates first if
# they do not exist yet.
test_environment() {
  reports_pki_ensure "$TEST_REPORTS_PKI_DIR" >&2
  reports_pki_env "$TEST_REPORTS_PKI_DIR"
  reports_pki_tsa_env "$TEST_REPORTS_PKI_DIR"
  echo "export CUSTOS_REPORTS_TSA_URL='http://127.0.0.1:$TEST_TSA_PORT/tsa'"
  cat <<ENV
export CUSTOS_OIDC_CLIENT_SECRET='$(random_secret)'
export CUSTOS_DEMO_PASSWORD='$(random_secret | cut -c1-16)'
export CUSTOS_PORTAL_URL='http://localhost:$TEST_PORTAL_PORT/custos'
export CUSTOS_OIDC_ISSUER='http://localhost:$TEST_KEYCLOAK_PORT/realms/custos'
export CUSTOS_LEDGER_URL='http://127.0.0.1:$TEST_ANVIL_PORT'
export CUSTOS_IT_PG_URL='jdbc:postgresql://127.0.0.1:$TEST_PG_PORT/custos_it'
export CUSTOS_IT_PG_USER='custos_app'
export CUSTOS_IT_KEYCLOAK_URL='http://localhost:$TEST_KEYCLOAK_PORT'
export CUSTOS_IT_KEYCLOAK_ADMIN_FILE='$CUSTOS_RUN_DIR/test-keycloak-admin.txt'
ENV
}

# start_test_services: anvil, PostgreSQL and Keycloak on the test ports (the environment must be exported); the
# report keystore exists before any portal under test starts (and its CRL is refreshed when older than 7 days).
start_test_services() {
  reports_pki_ensure "$TEST_REPORTS_PKI_DIR"
  anvil_start "$TEST_ANVIL_PORT" test-anvil
  pg_start "$TEST_PG_PORT" test-postgres
  kc_start "$TEST_KEYCLOAK_PORT" test-keycloak
}

stop_test_services() {
  kc_stop test-keycloak || true
  pg_stop test-postgres || true
  anvil_stop test-anvil || true
}
