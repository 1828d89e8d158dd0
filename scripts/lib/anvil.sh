#!/usr/bin/env bash
# The local Ethereum node (anvil, from npm). Source it after common.sh.
#   anvil_start PORT [NAME]   start on 127.0.0.1:PORT (chain id $CUSTOS_CHAIN_ID, default 4242); waits for JSON-RPC
#   anvil_stop [NAME]
# With CUSTOS_ANVIL_STATE=<file> the node starts from an anvil state dump (a fixture, docs/consortium.md): a
# `.xz` file is decompressed to $CUSTOS_RUN_DIR/NAME-state.json first; the fixture's flags (London rules) are added.

ANVIL_BIN="$CUSTOS_ROOT/node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil"

anvil_start() {
  local port="${1:?usage: anvil_start PORT [NAME]}" name="${2:-anvil}" pid waited=0
  [[ -x "$ANVIL_BIN" ]] || die "anvil not installed (npm ci)"
  if curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$port/"; then
    die "anvil_start: port $port is already in use"
  fi
  local state_flags=()
  if [[ -n "${CUSTOS_ANVIL_STATE:-}" ]]; then
    local state="$CUSTOS_ANVIL_STATE"
    [[ -f "$state" ]] || die "anvil_start: state file $state not found"
    if [[ "$state" == *.xz ]]; then
      command -v xz >/dev/null || die "anvil_start: xz is required to load $state"
      xz -dc "$state" > "$CUSTOS_RUN_DIR/$name-state.json" || die "anvil_start: cannot decompress $state"
      state="$CUSTOS_RUN_DIR/$name-state.json"
    fi
    state_flags=(--hardfork london --load-state "$state")
    log "anvil loads the state $CUSTOS_ANVIL_STATE"
  fi
  log "starting anvil on 127.0.0.1:$port, log $CUSTOS_RUN_DIR/$name.log"
  pid="$(start_bg "$name" "$CUSTOS_RUN_DIR/$name.log" "$ANVIL_BIN" --host 127.0.0.1 --port "$port" \
    --chain-id "${CUSTOS_CHAIN_ID:-4242}" "${state_flags[@]}" --silent)"
  until curl -fs -o /dev/null --max-time 2 -H 'Content-Type: application/json' \
      -d '{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]}' "http://127.0.0.1:$port/"; do
    kill -0 "$pid" 2>/dev/null || { tail -n 20 "$CUSTOS_RUN_DIR/$name.log" >&2; die "anvil exited"; }
    (( waited++ >= 30 )) && die "anvil did not answer on port $port"
    sleep 1
  done
  log "anvil ready on http://127.0.0.1:$port"
}

anvil_stop() { stop_pid "${1:-anvil}"; rm -f "$CUSTOS_RUN_DIR/${1:-anvil}-state.json"; }

# anvil keeps the states of older blocks in ~/.foundry/anvil/tmp/anvil-state-* (about 170 MB for the demo fixture)
# and removes them only on a clean exit; nodes the tests kill leave them behind. Removes those created since the
# marker file was written, but only when no anvil is running any more (one may still be using its directory).
#   anvil_tmp_cleanup_since MARKER
anvil_tmp_cleanup_since() {
  local marker="${1:?usage: anvil_tmp_cleanup_since MARKER}" dir="${HOME:-/root}/.foundry/anvil/tmp" left
  [[ -f "$marker" && -d "$dir" ]] || return 0
  if pgrep -f '@foundry-rs/anvil-linux-amd64/bin/anvil' >/dev/null; then
    log "anvil is still running; its state directories in $dir are left alone"
    return 0
  fi
  left="$(find "$dir" -maxdepth 1 -mindepth 1 -type d -name 'anvil-state-*' -newer "$marker" | wc -l)"
  if (( left > 0 )); then
    log "removing $left anvil state director$( ((left == 1)) && echo y || echo ies) left in $dir by this run"
    find "$dir" -maxdepth 1 -mindepth 1 -type d -name 'anvil-state-*' -newer "$marker" -exec rm -rf {} +
  fi
}
