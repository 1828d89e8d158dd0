#!/usr/bin/env bash
# Builds the ledger-verifier JMH benchmarks (Maven profile `bench`, tests skipped: the normal build runs them)
# and runs them, forwarding every argument to JMH. See docs/performance.md for the figures and how they were made.
#
#   scripts/bench.sh                                   # all benchmarks, the parameters of docs/performance.md
#   scripts/bench.sh -t 2 QbftFinalityBenchmark.commitSeals
#   scripts/bench.sh -h                                # JMH's own options
#   CUSTOS_BENCH_SKIP_BUILD=1 scripts/bench.sh ...     # reuse ledger-verifier/target/benchmarks.jar
#   CUSTOS_BENCH_MODULE=reports scripts/bench.sh ...    # the reports module's benchmarks instead
#
# With no arguments JMH runs with -f 1 -wi 3 -i 5 -w 2s -r 2s. Run it on an otherwise idle machine.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
MODULE="${CUSTOS_BENCH_MODULE:-ledger-verifier}"
[[ "$MODULE" == ledger-verifier || "$MODULE" == reports ]] || { echo "CUSTOS_BENCH_MODULE: ledger-verifier or reports" >&2; exit 2; }
JAR="$ROOT/$MODULE/target/benchmarks.jar"

if [[ "${CUSTOS_BENCH_SKIP_BUILD:-0}" != 1 ]]; then
  (cd "$ROOT" && ./mvnw -B -q -P bench -pl "$MODULE" -am -DskipTests package)
fi

if [[ $# -eq 0 ]]; then
  set -- -f 1 -wi 3 -i 5 -w 2s -r 2s
fi
exec java -jar "$JAR" "$@"
