#!/usr/bin/env bash
# Runs every test of Custos: installs what is missing, starts what the tests need (anvil, PostgreSQL 15 with a
# database of its own, Keycloak with the custos realm), runs `mvnw verify` (unit tests, then Arquillian on
# Payara Micro against H2 and PostgreSQL, then Selenium in headless Chromium), and stops everything it started.
#
# Ports: anvil 18545, PostgreSQL 15432, Keycloak 18180 (management 19180), portal under test 18080.
# Extra arguments go to Maven, e.g.  scripts/test.sh -pl ledger-verifier
set -euo pipefail
source "$(dirname "$0")/lib/all.sh"

mkdir -p "$CUSTOS_RUN_DIR"
RUN_MARKER="$CUSTOS_RUN_DIR/test-run.started"
touch "$RUN_MARKER"

cleanup() {
  local rc=$?
  set +e
  trap '' PIPE
  trap - EXIT INT TERM
  stop_test_services
  # Arquillian stops the Payara Micro instances it started; make sure none survived a crashed run
  local left
  left="$(pgrep -f "payara-micro.jar.*--port $TEST_PORTAL_PORT" || true)"
  if [[ -n "$left" ]]; then
    log "stopping a Payara Micro left behind: $left"
    kill $left 2>/dev/null || true
  fi
  sleep 1
  anvil_tmp_cleanup_since "$RUN_MARKER"
  # what the test JVMs leave in the temporary directory when a server is killed (Payara Micro's runtime copies,
  # about 100 MB each, and decompressed anvil fixtures): only this run's, and only when none of them still runs
  if ! pgrep -f 'payara-micro|@foundry-rs/anvil-linux-amd64/bin/anvil' >/dev/null; then
    find "${TMPDIR:-/tmp}" -maxdepth 1 -mindepth 1 -newer "$RUN_MARKER" \( -name 'arquillian-payara-micro*' \
      -o -name 'payaramicro-rt*' -o -name 'custos-demo-state*' -o -name 'custos-portal-chain*' \) \
      -exec rm -rf {} + 2>/dev/null
  fi
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

install_prereqs browser postgres

# the scripts' own tests, before anything else starts (a few seconds each)
"$CUSTOS_ROOT/scripts/tests/postgres-private-dir.sh"
"$CUSTOS_ROOT/scripts/tests/reports-pki.sh"

# fresh secrets and the configuration of the portal under test (inherited by Payara Micro through Maven and
# Arquillian), with the report keystore (created first; assigned before eval so that a failure stops here)
test_env="$(test_environment)"
eval "$test_env"
start_test_services

cd "$CUSTOS_ROOT"
"$MVN" -B clean verify -Dcustos.it.port="$TEST_PORTAL_PORT" "$@"

# the benchmarks' smallest runs, through their own build step (only after the whole build: with a module
# selection in "$@" they would build the portal again)
if (( $# == 0 )); then
  "$CUSTOS_ROOT/scripts/tests/bench-smoke.sh"
fi
