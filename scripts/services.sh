#!/usr/bin/env bash
# For developers: starts (or stops) the services the integration tests need, on the test ports, so that a
# single test can be run again and again without paying Keycloak's start each time.
#
#   scripts/services.sh start      # prints the environment to export, e.g.  eval "$(scripts/services.sh env)"
#   eval "$(scripts/services.sh env)"
#   ./mvnw verify -pl portal -am -Dit.test='PortalPageIT#dpo*' -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
#   scripts/services.sh stop
#
# The secrets are generated once per start and kept in .run/dev-services.env (mode 600, git-ignored).
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
source "$CUSTOS_ROOT/scripts/lib/keycloak.sh"
source "$CUSTOS_ROOT/scripts/lib/install.sh"
source "$CUSTOS_ROOT/scripts/lib/anvil.sh"
source "$CUSTOS_ROOT/scripts/lib/postgres.sh"

ENV_FILE="$CUSTOS_RUN_DIR/dev-services.env"

write_env() {
  ( umask 077
    cat > "$ENV_FILE" <<ENV
export CUSTOS_OIDC_CLIENT_SECRET='$(random_secret)'
export CUSTOS_DEMO_PASSWORD='$(random_secret | cut -c1-16)'
export CUSTOS_PORTAL_URL='http://localhost:18080/custos'
export CUSTOS_OIDC_ISSUER='http://localhost:18180/realms/custos'
export CUSTOS_LEDGER_URL='http://127.0.0.1:18545'
export CUSTOS_IT_PG_URL='jdbc:postgresql://127.0.0.1:15432/custos_it'
export CUSTOS_IT_PG_USER='custos_app'
export CUSTOS_IT_KEYCLOAK_URL='http://localhost:18180'
export CUSTOS_IT_KEYCLOAK_ADMIN_FILE='$CUSTOS_RUN_DIR/test-keycloak-admin.txt'
ENV
  )
}

case "${1:-}" in
  start)
    install_prereqs browser postgres
    write_env
    # shellcheck disable=SC1090
    source "$ENV_FILE"
    anvil_start 18545 test-anvil
    pg_start 15432 test-postgres
    kc_start 18180 test-keycloak
    log "services up; run:  eval \"\$(scripts/services.sh env)\""
    ;;
  env)
    [[ -f "$ENV_FILE" ]] || die "not started: scripts/services.sh start"
    cat "$ENV_FILE"
    ;;
  stop)
    kc_stop test-keycloak || true
    pg_stop test-postgres || true
    anvil_stop test-anvil || true
    rm -f "$ENV_FILE"
    ;;
  *)
    echo "usage: scripts/services.sh start|env|stop" >&2
    exit 2
    ;;
esac
