#!/usr/bin/env bash
# Keycloak helpers for the Custos scripts. Source it after common.sh; do not run it.
#
#   kc_install            unpack Keycloak $KC_VERSION into $KC_HOME (once; kept outside target/)
#   kc_start PORT [NAME]  start a dev-mode Keycloak on PORT with the custos realm imported; waits until ready
#   kc_stop [NAME]        stop it (the whole process group, so the child JVM too)
#
# kc_start needs these variables (they fill the placeholders of keycloak-realm/custos-realm.json):
#   CUSTOS_OIDC_CLIENT_SECRET  secret of the confidential client "custos-portal"
#   CUSTOS_DEMO_PASSWORD       password of every demo user (at least 8 characters: realm password policy)
#   CUSTOS_PORTAL_URL          portal base URL without trailing slash, e.g. http://localhost:8080/custos
# NAME (default "keycloak") names the PID file $CUSTOS_RUN_DIR/NAME.pid and the log $CUSTOS_RUN_DIR/NAME.log;
# give a different NAME to run two instances side by side (e.g. demo on 8180 and tests on 18180).
# The management interface (health/metrics, normally 9000) is moved to PORT+1000 so instances do not clash.
# The random bootstrap admin password (user "admin") is written to $CUSTOS_RUN_DIR/NAME-admin.txt (mode 600; kc_stop removes it).

KC_VERSION=26.7.3
KC_HOME="${KC_HOME:-$CUSTOS_TOOLS_DIR/keycloak-$KC_VERSION}"
KC_REALM_FILE="${KC_REALM_FILE:-$CUSTOS_ROOT/keycloak-realm/custos-realm.json}"

kc_install() {
  [[ -x "$KC_HOME/bin/kc.sh" ]] && return 0
  local zip="$CUSTOS_TOOLS_DIR/keycloak-quarkus-dist-$KC_VERSION.zip"
  log "installing Keycloak $KC_VERSION into $KC_HOME"
  # Run outside the project directory: in /work/main Maven would load the whole reactor (dependency:copy
  # needs no project). The zip comes from ~/.m2 when present, else from Maven Central.
  ( cd "$CUSTOS_TOOLS_DIR" && "$MVN" -q dependency:copy \
      -Dartifact="org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip" \
      -DoutputDirectory="$CUSTOS_TOOLS_DIR" -Dmdep.overWriteIfNewer=true ) \
    || die "could not fetch keycloak-quarkus-dist $KC_VERSION"
  [[ -f "$zip" ]] || die "expected $zip after dependency:copy"
  if ! command -v unzip >/dev/null 2>&1; then
    log "installing unzip"
    as_root apt-get install -y -qq unzip >/dev/null || { as_root apt-get update -qq && as_root apt-get install -y -qq unzip >/dev/null; } \
      || die "could not install unzip"
  fi
  rm -rf "$KC_HOME"
  unzip -q -o "$zip" -d "$CUSTOS_TOOLS_DIR" || die "could not unpack $zip"
  rm -f "$zip"
  [[ -x "$KC_HOME/bin/kc.sh" ]] || die "$KC_HOME/bin/kc.sh missing after unpacking"
}

kc_start() {
  local port="${1:?usage: kc_start PORT [NAME]}" name="${2:-keycloak}"
  local v
  for v in CUSTOS_OIDC_CLIENT_SECRET CUSTOS_DEMO_PASSWORD CUSTOS_PORTAL_URL; do
    [[ -n "${!v:-}" ]] || die "kc_start: $v must be set"
  done
  # The realm's password policy (length(8) and notUsername and notEmail) also applies to the imported demo
  # passwords: a shorter one makes the import, and so the whole start, fail with invalidPasswordMinLengthMessage.
  (( ${#CUSTOS_DEMO_PASSWORD} >= 8 )) || die "kc_start: CUSTOS_DEMO_PASSWORD must have at least 8 characters"
  [[ "$CUSTOS_PORTAL_URL" != */ ]] || die "kc_start: CUSTOS_PORTAL_URL must not end with /"
  [[ -x "$KC_HOME/bin/kc.sh" ]] || die "Keycloak not installed in $KC_HOME (run kc_install)"
  [[ -f "$KC_REALM_FILE" ]] || die "realm file $KC_REALM_FILE missing"
  if [[ -f "$CUSTOS_RUN_DIR/$name.pid" ]] && kill -0 "$(cat "$CUSTOS_RUN_DIR/$name.pid")" 2>/dev/null; then
    die "kc_start: $name already running (pid $(cat "$CUSTOS_RUN_DIR/$name.pid")); kc_stop $name first"
  fi
  if curl -s -o /dev/null --max-time 2 "http://localhost:$port/"; then
    die "kc_start: port $port is already in use"
  fi

  mkdir -p "$KC_HOME/data/import"
  cp "$KC_REALM_FILE" "$KC_HOME/data/import/custos-realm.json"

  local admin_file="$CUSTOS_RUN_DIR/$name-admin.txt" admin_pw java_home pid
  admin_pw="$(random_secret)"
  ( umask 077; printf 'admin\n%s\n' "$admin_pw" > "$admin_file" )
  chmod 600 "$admin_file"

  java_home="$(java_21_home || true)"
  local -a envs=(
    "KC_BOOTSTRAP_ADMIN_USERNAME=admin"
    "KC_BOOTSTRAP_ADMIN_PASSWORD=$admin_pw"
    "JAVA_OPTS_KC_HEAP=-Xms64m -Xmx512m"
    "CUSTOS_OIDC_CLIENT_SECRET=$CUSTOS_OIDC_CLIENT_SECRET"
    "CUSTOS_DEMO_PASSWORD=$CUSTOS_DEMO_PASSWORD"
    "CUSTOS_PORTAL_URL=$CUSTOS_PORTAL_URL"
  )
  [[ -n "$java_home" ]] && envs+=("JAVA_HOME=$java_home")

  log "starting Keycloak on port $port (${java_home:-default java}), log $CUSTOS_RUN_DIR/$name.log"
  # --db is a build-time option: keep every build-time option identical on each start (no re-augmentation).
  pid="$(start_bg "$name" "$CUSTOS_RUN_DIR/$name.log" env "${envs[@]}" "$KC_HOME/bin/kc.sh" start-dev \
    --db=dev-mem --import-realm \
    --http-port="$port" --hostname="http://localhost:$port" \
    --http-management-port="$((port + 1000))")"
  if ! wait_for_http "http://localhost:$port/realms/custos/.well-known/openid-configuration" 240 "$pid"; then
    log "Keycloak did not come up; last lines of $CUSTOS_RUN_DIR/$name.log:"
    tail -n 30 "$CUSTOS_RUN_DIR/$name.log" >&2 || true
    stop_pid "$name"
    return 1
  fi
  log "Keycloak ready on http://localhost:$port (realm custos)"
}

kc_stop() {
  local name="${1:-keycloak}"
  stop_pid "$name"
  rm -f "$CUSTOS_RUN_DIR/$name-admin.txt"
}
