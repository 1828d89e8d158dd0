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
source "$(dirname "$0")/lib/all.sh"

ENV_FILE="$CUSTOS_RUN_DIR/dev-services.env"

write_env() {
  ( umask 077; test_environment > "$ENV_FILE" )
}

case "${1:-}" in
  start)
    install_prereqs browser postgres
    write_env
    # shellcheck disable=SC1090
    source "$ENV_FILE"
    start_test_services
    log "services up; run:  eval \"\$(scripts/services.sh env)\""
    ;;
  env)
    [[ -f "$ENV_FILE" ]] || die "not started: scripts/services.sh start"
    cat "$ENV_FILE"
    ;;
  stop)
    stop_test_services
    rm -f "$ENV_FILE"
    ;;
  *)
    echo "usage: scripts/services.sh start|env|stop" >&2
    exit 2
    ;;
esac
