#!/usr/bin/env bash
# The portal's ledger sync benchmark (docs/performance.md "Portal sync"). Builds the portal's test classes, then
# runs org.custos.portal.ledger.bench.SyncBenchmark with -Xmx512m: builds (once; cached in portal/target/bench-sync,
# never committed) a chain of the consortium simulator's history plus empty blocks up to --blocks on anvil, and
# reports in one run the raw batched fetch rate, a naive one-request-per-block Web3j loop, Custos's
# verified-and-stored rate and the heap used.
#
#   scripts/bench-sync.sh                       # 100,000 blocks: the first run builds the chain (simulator about
#                                               # 3 minutes, anvil_mine about 5 minutes with --max-persisted-states 0,
#                                               # see docs/performance.md "Portal sync"), later runs about 1.5 minutes
#   scripts/bench-sync.sh --blocks 30000        # a smaller chain
#   scripts/bench-sync.sh --batch 500 ...       # blocks per batched request
#   scripts/bench-sync.sh --fill transactions --blocks 20000   # the blocks after the consortium's history carry
#                                               # ordinary transactions (calldata, logs of a non-consortium contract,
#                                               # now and then a contract creation) instead of none
#   scripts/bench-sync.sh --postgres ...        # store into PostgreSQL (a fresh server of our own on port 25432,
#                                               # default fsync) instead of an H2 file database
#   scripts/bench-sync.sh --phases custos ...   # only the sync (for profiling)
#   scripts/bench-sync.sh --bft [--blocks 20000] # QBFT seal checking: a chain sealed by 4 test validators, served
#                                               # from memory, synced into H2 (BftSyncBenchmark)
#   CUSTOS_BENCH_SKIP_BUILD=1 scripts/bench-sync.sh ...
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
CP_FILE="$ROOT/portal/target/bench-sync.classpath"
BENCH_PG_PORT=25432

args=()
postgres=0
main=org.custos.portal.ledger.bench.SyncBenchmark
for a in "$@"; do
  case "$a" in
    --postgres) postgres=1 ;;
    --bft) main=org.custos.portal.ledger.bench.BftSyncBenchmark ;;
    *) args+=("$a") ;;
  esac
done
# a fresh clone has no node_modules: anvil, and solc for the consortium module's build, come from npm
source "$ROOT/scripts/lib/all.sh"
require_jdk17
install_node_tools
if (( postgres )); then
  apt_install_missing postgresql
  PG_FSYNC=on pg_start "$BENCH_PG_PORT" bench-postgres
  trap 'pg_stop bench-postgres' EXIT
  args+=(--jdbc "jdbc:postgresql://127.0.0.1:$BENCH_PG_PORT/custos_it?user=custos_app")
fi

if [[ "${CUSTOS_BENCH_SKIP_BUILD:-0}" != 1 || ! -f "$CP_FILE" ]]; then
  # one reactor run: the portal's classpath then names the other modules' target/classes, so nothing has to be
  # installed in ~/.m2 first (a second Maven run of the portal alone looked for org.custos jars there and failed
  # on a fresh machine). Every module of the run writes the file; the portal, which depends on all, comes last.
  (cd "$ROOT" && ./mvnw -B -q -pl portal -am test-compile dependency:build-classpath -DskipTests \
     -Dmdep.includeScope=test -Dmdep.outputFile="$CP_FILE")
fi
cd "$ROOT/portal"
# a private copy of the classes, so that a rebuild while the benchmark runs cannot change them under it
CLASSES="$(mktemp -d target/bench-sync-classes.XXXXXX)"
if (( postgres )); then trap 'rm -rf "$CLASSES"; pg_stop bench-postgres' EXIT; else trap 'rm -rf "$CLASSES"' EXIT; fi
cp -r target/classes "$CLASSES/main" && cp -r target/test-classes "$CLASSES/test"
java -Xmx512m -Danvil.binary="$ROOT/node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil" \
  -cp "$CLASSES/test:$CLASSES/main:$(cat "$CP_FILE")" "$main" \
  --dir target/bench-sync "${args[@]}"
