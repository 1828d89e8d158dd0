#!/usr/bin/env bash
# The report-evidence re-verification benchmark (docs/performance.md "Report evidence re-verification"): builds
# ledger-verifier's CLI jar and benchmarks jar, generates a header-only custos-evidence/2 transcript of BLOCKS
# blocks (default 100,000; consensus dev: Cancun-shaped headers, or qbft: 4 validators, 3 commit seals per block)
# into ledger-verifier/target/bench-transcript/, and runs `transcript FILE --checkpoint HASH` on it with -Xmx512m
# and a GC log, printing wall time, exit status, file size and the peak heap occupancy the GC log shows.
#
#   scripts/bench-transcript.sh [BLOCKS] [dev|qbft] [JAVA_HEAP]      e.g. scripts/bench-transcript.sh 100000 dev 512m
#   CUSTOS_BENCH_SKIP_BUILD=1 scripts/bench-transcript.sh ...
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BLOCKS="${1:-100000}" CONSENSUS="${2:-dev}" HEAP="${3:-512m}"
LV="$ROOT/ledger-verifier"
if [[ "${CUSTOS_BENCH_SKIP_BUILD:-0}" != 1 ]]; then
  (cd "$ROOT" && ./mvnw -B -q -pl ledger-verifier -DskipTests package && \
     ./mvnw -B -q -P bench -pl ledger-verifier -DskipTests package)
fi
OUT="$LV/target/bench-transcript"
mkdir -p "$OUT"
FILE="$OUT/transcript-$CONSENSUS-$BLOCKS.json"
if [[ ! -f "$FILE" ]]; then
  java -Xmx4g -cp "$LV/target/benchmarks.jar" org.custos.bench.TranscriptGenerator "$FILE" "$BLOCKS" "$CONSENSUS" \
    | tee "$FILE.info"
fi
HASH="$(awk '{print $3}' "$FILE.info" | tr -d ,)"
CLI="$(ls "$LV"/target/ledger-verifier-*-cli.jar | head -1)"
START=$(date +%s%N)
set +e
java -Xmx"$HEAP" -Xlog:gc:file="$OUT/gc.log" -jar "$CLI" transcript "$FILE" --checkpoint "$HASH" > "$OUT/out.txt"
STATUS=$?
set -e
END=$(date +%s%N)
PEAK="$(grep -oE '[0-9]+M->[0-9]+M' "$OUT/gc.log" | cut -dM -f1 | sort -n | tail -1)"
echo "exit $STATUS, wall $(( (END - START) / 1000000 )) ms, file $(stat -c %s "$FILE") bytes, peak heap before GC ${PEAK:-?} MiB (-Xmx$HEAP)"
head -3 "$OUT/out.txt"
