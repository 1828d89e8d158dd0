#!/usr/bin/env bash
# The rules and evidence-bundle benchmark (docs/performance.md "Rules and bundles"). Builds the portal's test
# classes, then runs org.custos.portal.compliance.bench.RulesBenchmark with -Xmx512m: the rules over 1,000,000
# proven events across 50 clinics, and a bundle of 1,000,000 access-log entries (generated once into
# portal/target/bench-rules, about 1 GB uncompressed) read, parsed with HAPI FHIR, hashed and verified.
#
#   scripts/bench-rules.sh                               # both, the figures of docs/performance.md
#   scripts/bench-rules.sh --only rules --events 200000  # JMH-free harness; options --events --clinics --entries
#   CUSTOS_BENCH_SKIP_BUILD=1 scripts/bench-rules.sh ...
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
CP_FILE="$ROOT/portal/target/bench-rules.classpath"

if [[ "${CUSTOS_BENCH_SKIP_BUILD:-0}" != 1 || ! -f "$CP_FILE" ]]; then
  (cd "$ROOT" && ./mvnw -B -q -pl portal -am test-compile -DskipTests \
     && ./mvnw -B -q -pl portal dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$CP_FILE")
fi
cd "$ROOT/portal"
CLASSES="$(mktemp -d target/bench-rules-classes.XXXXXX)"
trap 'rm -rf "$CLASSES"' EXIT
cp -r target/classes "$CLASSES/main" && cp -r target/test-classes "$CLASSES/test"
java -Xmx512m -cp "$CLASSES/test:$CLASSES/main:$(cat "$CP_FILE")" org.custos.portal.compliance.bench.RulesBenchmark \
  --dir target/bench-rules "$@"
