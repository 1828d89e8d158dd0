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
  # a fresh clone has no node_modules: the consortium module's build compiles the contracts with solc from npm
  source "$ROOT/scripts/lib/all.sh"
  require_jdk17
  install_node_tools
  # one reactor run: the portal's classpath then names the other modules' target/classes, so nothing has to be
  # installed in ~/.m2 first (a second Maven run of the portal alone looked for org.custos jars there and failed
  # on a fresh machine). Every module of the run writes the file; the portal, which depends on all, comes last.
  (cd "$ROOT" && ./mvnw -B -q -pl portal -am test-compile dependency:build-classpath -DskipTests \
     -Dmdep.includeScope=test -Dmdep.outputFile="$CP_FILE")
fi
cd "$ROOT/portal"
CLASSES="$(mktemp -d target/bench-rules-classes.XXXXXX)"
trap 'rm -rf "$CLASSES"' EXIT
cp -r target/classes "$CLASSES/main" && cp -r target/test-classes "$CLASSES/test"
java -Xmx512m -cp "$CLASSES/test:$CLASSES/main:$(cat "$CP_FILE")" org.custos.portal.compliance.bench.RulesBenchmark \
  --dir target/bench-rules "$@"
