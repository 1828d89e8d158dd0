#!/usr/bin/env bash
# Screenshots of the portal's pages for docs/pages.md, from a RUNNING demo (scripts/demo.sh in another terminal):
# signs in as each demo user through the real Keycloak form in headless Chromium and saves the pages as
# docs/images/pages/NAME.png (org.custos.portal.tools.PageScreenshots). Needs the demo's password:
#
#   CUSTOS_DEMO_PASSWORD=... scripts/screenshots.sh                 # demo on port 8080
#   CUSTOS_PORTAL_PORT=18080 CUSTOS_DEMO_PASSWORD=... scripts/screenshots.sh
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
CP_FILE="$ROOT/portal/target/screenshots.classpath"
: "${CUSTOS_DEMO_PASSWORD:?set CUSTOS_DEMO_PASSWORD to the password of the demo users}"
PORT="${CUSTOS_PORTAL_PORT:-8080}"
OUT="${CUSTOS_SCREENSHOTS_DIR:-$ROOT/docs/images/pages}"

source "$ROOT/scripts/lib/all.sh"
install_prereqs browser
(cd "$ROOT" && ./mvnw -B -q -pl portal -am test-compile dependency:build-classpath -DskipTests \
   -Dmdep.includeScope=test -Dmdep.outputFile="$CP_FILE")
curl -fsS -o /dev/null --max-time 5 "http://localhost:$PORT/health/live" \
  || die "no portal answers on http://localhost:$PORT/custos/: start scripts/demo.sh first"

cd "$ROOT/portal"
java -Dcustos.it.port="$PORT" -cp "target/test-classes:target/classes:$(cat "$CP_FILE")" \
  org.custos.portal.tools.PageScreenshots "$OUT" \
  regulator regulator-home index.xhtml \
  regulator ledger-clinics ledger/clinics.xhtml \
  regulator findings compliance/findings.xhtml \
  regulator trail trail/entries.xhtml \
  regulator upload evidence/upload.xhtml \
  regulator ledger-clinic "ledger/clinic.xhtml?clinic=0xf2281c8ae0e2eb264108ed80a323f767b99e34897d554d718f0b88b2899fe1a6" \
  regulator finding "compliance/finding.xhtml?key=GDPR-ER-01%7C0x8eb8e2cd751ed7aaf204a1d58a93806249ff98071e9ca6ca035a647671a0f5b9%7CrequestId%3A0xb9db19806517f9c67832ebb3262c6a980897c42824350a5a443869e9a6968820" \
  regulator reports-register reports/register.xhtml \
  officer-north officer-home index.xhtml \
  officer-north officer-findings compliance/findings.xhtml \
  officer-north readiness compliance/readiness.xhtml \
  dpo-north dpo-home index.xhtml \
  dpo-north dpo-requests dpo/requests.xhtml \
  dpo-north dpo-request "dpo/request.xhtml?id=0x60e31bd4c8f2430940f10a83eef8a81de9966e99350ed73fb65c8aacc747c16d" \
  "$@"
