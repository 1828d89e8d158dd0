#!/usr/bin/env bash
# Script test (scripts/test.sh runs it after Maven, when it ran the whole build): the smallest runs of
# scripts/bench-rules.sh and scripts/bench-sync.sh --bft, each through its own build step. That step is one reactor
# run, so it works on a fresh machine, with nothing of Custos installed in ~/.m2 (a second Maven run of the portal
# alone looked for org.custos jars there and failed). About half a minute once the modules are compiled.
# The anvil benchmark (bench-sync.sh without --bft) is not run: building its chain takes minutes.
#
#   scripts/tests/bench-smoke.sh
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"

say() { printf '[bench-smoke] %s\n' "$*" >&2; }
fail() { say "FAIL: $*"; [[ -f "${out:-}" ]] && tail -n 30 "$out" >&2; exit 1; }

scratch="$(mktemp -d "${TMPDIR:-/tmp}/custos-bench-smoke.XXXXXX")"
trap 'rm -rf "$scratch"' EXIT
out="$scratch/out.txt"
start=$SECONDS

"$ROOT/scripts/bench-rules.sh" --only rules --events 2000 --clinics 2 --dir "$scratch/rules" >"$out" 2>&1 \
  || fail "bench-rules.sh (rules) failed"
grep -q '^rules: 2000 events, 2 clinics' "$out" || fail "bench-rules.sh printed no rules figure"

CUSTOS_BENCH_SKIP_BUILD=1 "$ROOT/scripts/bench-rules.sh" --only bundle --entries 500 --dir "$scratch/rules" \
  >"$out" 2>&1 || fail "bench-rules.sh (bundle) failed"
grep -q '^bundle: 500 entries.*all match: true' "$out" || fail "bench-rules.sh printed no verified bundle"

"$ROOT/scripts/bench-sync.sh" --bft --blocks 200 >"$out" 2>&1 || fail "bench-sync.sh --bft failed"
grep -q '200 blocks verified (seals included) and stored' "$out" || fail "bench-sync.sh --bft printed no figure"

say "ok ($((SECONDS - start)) s)"
