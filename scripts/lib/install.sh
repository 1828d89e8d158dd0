#!/usr/bin/env bash
# Installs what the demo and the tests need, only what is missing. Source it after common.sh.
#   install_prereqs [browser] [postgres]

apt_install_missing() {
  local missing=() p
  for p in "$@"; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
  done
  ((${#missing[@]} == 0)) && return 0
  command -v apt-get >/dev/null 2>&1 || die "missing packages ${missing[*]} and no apt-get to install them"
  log "installing Debian packages: ${missing[*]}"
  as_root apt-get update -qq || die "apt-get update failed"
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || die "apt-get install ${missing[*]} failed"
}

require_jdk17() {
  command -v java >/dev/null 2>&1 || die "no java on PATH: install a JDK 17 or newer"
  local v
  v="$(java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1)"
  [[ -n "$v" && "$v" -ge 17 ]] || die "java $v found; Custos needs JDK 17 or newer"
  command -v javac >/dev/null 2>&1 || die "java found but no javac: install a JDK, not only a JRE"
}

install_node_tools() {
  if ! command -v npm >/dev/null 2>&1; then
    apt_install_missing nodejs npm
  fi
  local anvil="$CUSTOS_ROOT/node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil"
  local solc="$CUSTOS_ROOT/node_modules/solc/package.json"
  if [[ ! -x "$anvil" || ! -f "$solc" || "$CUSTOS_ROOT/package-lock.json" -nt "$CUSTOS_ROOT/node_modules/.package-lock.json" ]]; then
    log "installing npm packages (anvil, solc) from package-lock.json"
    # `npm ci` refuses this lock where the registry lacks anvil's optional packages for other platforms
    # (darwin, win32, linux-arm64): they cannot be recorded in the lock. Then install from the same lock
    # without rewriting it; the exact versions pinned in package.json are checked below either way.
    if ! (cd "$CUSTOS_ROOT" && npm ci --no-audit --no-fund --loglevel=error) 2>"$CUSTOS_RUN_DIR/npm-ci.log"; then
      log "npm ci refused the lock (see $CUSTOS_RUN_DIR/npm-ci.log); installing with npm install --no-save"
      (cd "$CUSTOS_ROOT" && npm install --no-save --no-audit --no-fund --loglevel=error) || die "npm install failed"
    fi
  fi
  [[ -x "$anvil" ]] || die "anvil binary missing after the npm install: $anvil"
  [[ -f "$solc" ]] || die "solc missing after the npm install"
  (cd "$CUSTOS_ROOT" && npm ls --depth=0 >/dev/null 2>&1) \
    || die "installed npm packages do not match package.json (run: npm ls)"
}

install_prereqs() {
  local want_browser=false want_pg=false arg
  for arg in "$@"; do
    case "$arg" in
      browser) want_browser=true ;;
      postgres) want_pg=true ;;
    esac
  done
  require_jdk17
  # poppler-utils (pdfsig, pdftoppm) and libnss3-tools (certutil): the reports module's conformance tests;
  # openssl: the demo's and the tests' report-signing PKI (scripts/lib/reports-pki.sh)
  local pkgs=(curl unzip ca-certificates openssl poppler-utils libnss3-tools)
  $want_browser && pkgs+=(chromium chromium-driver)
  $want_pg && pkgs+=(postgresql)
  apt_install_missing "${pkgs[@]}"
  install_node_tools
  kc_install
}
