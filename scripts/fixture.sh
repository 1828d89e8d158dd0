#!/usr/bin/env bash
# Regenerates the demo fixture consortium/fixtures/demo/ from scratch (docs/consortium.md, "The demo fixture"):
# builds the consortium module, starts its own anvil on a free port (London rules, chain id 4242, genesis
# 2024-12-01, historical states preserved), runs the simulator (seed 2026, 5 clinics, 60 patients, 12 months,
# every violation at rate 0.5, one clean clinic), writes scenario.json, stops anvil so that it dumps its state,
# compresses the dump with xz and replaces the fixture's files. Same seed, same ground truth and bundles.
#
#   scripts/fixture.sh [OUT_DIR]      (default consortium/fixtures/demo)
#
# Needs a JDK 17+ and Node/npm; installs anvil and solc (npm) and xz when missing. Takes about three minutes.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
source "$CUSTOS_ROOT/scripts/lib/anvil.sh"
source "$CUSTOS_ROOT/scripts/lib/install.sh"

OUT="${1:-$CUSTOS_ROOT/consortium/fixtures/demo}"
SEED=2026 CLINICS=5 PATIENTS=60 MONTHS=12 VIOLATIONS=all=0.5
GENERATE_FLAGS=(--hardfork london --chain-id 4242 --timestamp 1733011200 --preserve-historical-states)
LOAD_FLAGS="--hardfork london --chain-id 4242"

# what a fresh clone lacks: node_modules (anvil, solc for the consortium build), xz
require_jdk17
install_node_tools
command -v xz >/dev/null || apt_install_missing xz-utils
WORK="$(mktemp -d "$CUSTOS_RUN_DIR/fixture.XXXXXX")"
cleanup() { set +e; stop_pid fixture-anvil; rm -rf "$WORK"; }
trap cleanup EXIT

log "building the consortium module"
(cd "$CUSTOS_ROOT" && "$MVN" -B -q -pl consortium -am package dependency:build-classpath -DskipTests \
  -Dmdep.outputFile="$WORK/classpath.txt") || die "build failed"
CLASSPATH_ALL="$CUSTOS_ROOT/consortium/target/classes:$(cat "$WORK/classpath.txt")"

port=""
for _ in $(seq 1 50); do
  candidate=$((20000 + RANDOM % 20000))
  if ! curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$candidate/"; then port="$candidate"; break; fi
done
[[ -n "$port" ]] || die "no free port found"
log "starting anvil on 127.0.0.1:$port (${GENERATE_FLAGS[*]})"
pid="$(start_bg fixture-anvil "$WORK/anvil.log" "$ANVIL_BIN" --host 127.0.0.1 --port "$port" "${GENERATE_FLAGS[@]}" \
  --dump-state "$WORK/anvil-state.json" --silent)"
wait_for_http_rpc() {
  local waited=0
  until curl -fs -o /dev/null --max-time 2 -H 'Content-Type: application/json' \
      -d '{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]}' "http://127.0.0.1:$port/"; do
    kill -0 "$pid" 2>/dev/null || { cat "$WORK/anvil.log" >&2; die "anvil exited"; }
    (( waited++ >= 30 )) && die "anvil did not answer on port $port"
    sleep 1
  done
}
wait_for_http_rpc

log "simulating seed $SEED: $CLINICS clinics, $PATIENTS patients, $MONTHS months, violations $VIOLATIONS"
java -cp "$CLASSPATH_ALL" org.custos.consortium.sim.Simulate --rpc "http://127.0.0.1:$port" --seed "$SEED" \
  --clinics "$CLINICS" --patients "$PATIENTS" --months "$MONTHS" --violations "$VIOLATIONS" --out "$WORK/out" \
  --ledger-leaks on --scenario-load-flags "$LOAD_FLAGS" --anvil-version "$("$ANVIL_BIN" --version | head -1)" 2>/dev/null \
  || die "simulation failed"

log "stopping anvil (it dumps its state on exit; a large dump takes a while)"
kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid"
for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
kill -0 "$pid" 2>/dev/null && die "anvil did not exit within 300 s after SIGTERM"
rm -f "$CUSTOS_RUN_DIR/fixture-anvil.pid"
[[ -s "$WORK/anvil-state.json" ]] || die "anvil wrote no state dump"
xz -9 -T1 -c "$WORK/anvil-state.json" > "$WORK/out/anvil-state.json.xz"

mkdir -p "$OUT"
rm -rf "$OUT/bundles" "$OUT/anvil-state.json.xz" "$OUT/scenario.json" "$OUT/ground-truth.json" "$OUT/ledger-wide.json" \
  "$OUT/kms-receipts.json"
cp -r "$WORK/out/." "$OUT/"
log "fixture written to $OUT: state dump $(stat -c %s "$WORK/anvil-state.json") bytes," \
  "compressed $(stat -c %s "$OUT/anvil-state.json.xz") bytes"
log "serve it: xz -dc $OUT/anvil-state.json.xz > /tmp/state.json && anvil $LOAD_FLAGS --load-state /tmp/state.json"
log "      or: CUSTOS_ANVIL_STATE=$OUT/anvil-state.json.xz with scripts/lib/anvil.sh (scripts/demo.sh does)"
