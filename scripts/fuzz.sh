#!/usr/bin/env bash
# The full fuzz run (issue 17 item 4; docs/security.md "Fuzzing"): 10,000 mutated evidence bundles through the
# bundle reader and verifier (portal: org.custos.portal.evidence.fuzz.BundleFuzzTest) and 10,000 mutated signed
# reports through the report verifier (reports: org.custos.reports.verify.fuzz.ReportFuzzTest), each test JVM
# with -Xmx512m, then prints the figures: inputs, outcomes (accepted, refused by reason), median/p99/max time per
# input, the most bytes one input allocated, the run's peak heap. The unit suite (scripts/test.sh, CI) runs the
# same tests with 2,000 inputs each (FuzzInputs.UNIT_SUITE, reports test code org.custos.reports.testing).
#
#   scripts/fuzz.sh                      # 10,000 + 10,000
#   scripts/fuzz.sh --inputs 50000       # more inputs per test
#   scripts/fuzz.sh --only bundles       # or: --only reports
#   scripts/fuzz.sh -- -o                # arguments after -- go to Maven (-o: offline, from ~/.m2)
# Fails (exit 1) on the first input that ends in an exception other than a refusal, takes longer than 20 s, or
# (reports) verifies though changed; the message names the generator seed that replays it.
set -euo pipefail
source "$(dirname "$0")/lib/all.sh"

TRIES=10000
ONLY=all
MAVEN_EXTRA=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --inputs|--tries) TRIES="$2"; shift 2 ;;
    --only) ONLY="$2"; shift 2 ;;
    --) shift; MAVEN_EXTRA=("$@"); break ;;
    *) die "unknown argument $1 (see the head of $0)" ;;
  esac
done
case "$ONLY" in
  all) TESTS='BundleFuzzTest,ReportFuzzTest' ;;
  bundles) TESTS='BundleFuzzTest' ;;
  reports) TESTS='ReportFuzzTest' ;;
  *) die "--only bundles|reports" ;;
esac

require_jdk17
# a fresh clone has no node_modules: the consortium module (in the portal's reactor) compiles its contracts with solc
install_node_tools
cd "$CUSTOS_ROOT"
rm -f reports/target/fuzz/*.txt portal/target/fuzz/*.txt
log "fuzzing with $TRIES inputs per test ($TESTS)"
START=$(date +%s)
RC=0
"$MVN" -B -q -pl portal -am test -Dtest="$TESTS" -Dsurefire.failIfNoSpecifiedTests=false \
  -Dcustos.fuzz.inputs="$TRIES" -DargLine=-Xmx512m "${MAVEN_EXTRA[@]}" || RC=$?
log "done in $(( $(date +%s) - START )) s (build included), exit $RC"
echo
# the figures of what ran (also when a test failed: up to the failing input)
cat reports/target/fuzz/*.txt portal/target/fuzz/*.txt 2>/dev/null || true
exit "$RC"
