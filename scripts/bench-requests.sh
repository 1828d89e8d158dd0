#!/usr/bin/env bash
# The DPO request queue's benchmark (docs/performance.md "DPO request queue"). Builds the portal's test classes,
# then runs org.custos.portal.dpo.application.RequestQueueBenchmark with -Xmx512m: a clinic of 100,000 data-subject
# requests projected and stored as the chain evaluation does, then the time of one page of /dpo/requests.xhtml
# (count + 25 rows through RequestQueueService) in several orders and filters, first / middle / last page.
#
#   scripts/bench-requests.sh                                   # H2 in memory, 100,000 requests
#   scripts/bench-requests.sh --requests 20000 --repeat 10
#   scripts/bench-requests.sh --db 'jdbc:postgresql://localhost:15432/custos?user=custos'   # a PostgreSQL of yours
#   CUSTOS_BENCH_SKIP_BUILD=1 scripts/bench-requests.sh ...
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
CP_FILE="$ROOT/portal/target/bench-requests.classpath"

if [[ "${CUSTOS_BENCH_SKIP_BUILD:-0}" != 1 || ! -f "$CP_FILE" ]]; then
  source "$ROOT/scripts/lib/all.sh"
  require_jdk17
  install_node_tools
  # builds the harness only (as bench-rules.sh does): the tests are scripts/test.sh's; -DskipTests also skips the
  # reports module's conformance-corpus step, which the benchmark does not need
  (cd "$ROOT" && ./mvnw -B -q -pl portal -am test-compile dependency:build-classpath -DskipTests \
     -Dmdep.includeScope=test -Dmdep.outputFile="$CP_FILE")
fi
cd "$ROOT/portal"
CLASSES="$(mktemp -d target/bench-requests-classes.XXXXXX)"
trap 'rm -rf "$CLASSES"' EXIT
cp -r target/classes "$CLASSES/main" && cp -r target/test-classes "$CLASSES/test"
java -Xmx512m -cp "$CLASSES/test:$CLASSES/main:$(cat "$CP_FILE")" \
  org.custos.portal.dpo.application.RequestQueueBenchmark "$@"
