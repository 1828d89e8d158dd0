#!/usr/bin/env bash
# The signed-report benchmark (docs/performance.md "Signed reports"). Builds once (Maven, before anything is
# measured), then against the real parts (anvil, Keycloak, the portal on Payara Micro with -Xmx512m, an H2 file
# database) and through the portal's own page (/reports/issue.xhtml, signed in as the regulator through Keycloak's
# login form, the page's Faces ajax requests sent with curl as a browser would send them):
#
#   clinic      the demo fixture's busiest clinic (most events, from its scenario.json): N clinic audit reports,
#               each timed from the "Issue the report" request to the poll whose answer says "issued" (polled
#               every 100 ms); the first one is a warm-up reported apart; median, p90, max; the portal's heap
#               after (jcmd GC.heap_info), its GC log, and whether any OutOfMemoryError was logged.
#   consortium  the fixture's chain mined on (anvil_mine) to --blocks blocks; a fresh portal verifies it (sync time),
#               then one consortium integrity report is timed the same way (thread dumps and class histograms are
#               taken while it runs when it takes longer than 10 s); the PDF (from /reports/download, else read from
#               the portal's H2 register after it stopped), its embedded evidence (pdfdetach) and the offline
#               re-verification `java -Xmx512m -jar ledger-verifier-…-cli.jar transcript evidence.json` under
#               /usr/bin/time -v (time and peak RSS).
#
#   flock /work/heavy.lock scripts/bench-reports.sh                  # both, 100,000 blocks, 10 clinic reports
#   scripts/bench-reports.sh --only clinic --issues 10
#   scripts/bench-reports.sh --only consortium --blocks 100000
#   scripts/bench-reports.sh --smoke          # small: 3 clinic reports, a 2,000-block chain (a quick check)
#   scripts/bench-reports.sh --report-timeout 600   # give up on a report after this many seconds (default 600)
#   CUSTOS_BENCH_SKIP_BUILD=1 scripts/bench-reports.sh ...   # use the build already in portal/target
# A report that is not issued (the portal ran out of memory, the job failed or timed out) ends the run with the
# reason; what was measured until then is in the summary, the jcmd thread dumps and class histograms beside it.
#
# Ports of its own (not the demo's nor the tests'): portal 28080, Keycloak 28180 (management 29180), anvil 28545.
# Results (summary, logs, the PDF and evidence, jcmd output): $CUSTOS_RUN_DIR/bench-reports/<UTC time>/.
set -euo pipefail
source "$(dirname "$0")/lib/all.sh"

PORTAL_PORT=28080
KEYCLOAK_PORT=28180
ANVIL_PORT=28545
BLOCKS=100000
ISSUES=10
ONLY=all
POLL_SECONDS=0.1
HEAP=512m
REPORT_TIMEOUT=600
while (( $# )); do
  case "$1" in
    --blocks) BLOCKS="$2"; shift 2 ;;
    --issues) ISSUES="$2"; shift 2 ;;
    --only) ONLY="$2"; shift 2 ;;
    --smoke) BLOCKS=2000; ISSUES=3; shift ;;
    --report-timeout) REPORT_TIMEOUT="$2"; shift 2 ;;
    -h|--help) sed -n '2,28p' "$0"; exit 0 ;;
    *) die "unknown argument $1 (see --help)" ;;
  esac
done
[[ "$BLOCKS" =~ ^[0-9]+$ && "$ISSUES" =~ ^[0-9]+$ && "$ISSUES" -ge 2 ]] || die "--blocks and --issues (>= 2) are numbers"
[[ "$ONLY" == all || "$ONLY" == clinic || "$ONLY" == consortium ]] || die "--only clinic|consortium"

FIXTURE="$CUSTOS_ROOT/consortium/fixtures/demo"
OUT="$CUSTOS_RUN_DIR/bench-reports/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$OUT"
SUMMARY="$OUT/summary.txt"
JAR="$CUSTOS_ROOT/ledger-verifier/target/ledger-verifier-0.1.0-SNAPSHOT-cli.jar"
BASE="http://localhost:$PORTAL_PORT/custos"
JAR_COOKIES="$OUT/cookies.txt"
RUN_MARKER="$OUT/started"
touch "$RUN_MARKER"

say() { printf '%s\n' "$*" | tee -a "$SUMMARY"; }
now_ms() { date +%s%3N; }

cleanup() {
  set +e
  trap '' PIPE
  trap - EXIT INT TERM
  portal_stop bench-reports-portal
  kc_stop bench-reports-keycloak
  stop_pid bench-reports-anvil
  rm -f "$CUSTOS_RUN_DIR/bench-reports-anvil-state.json"
  anvil_tmp_cleanup_since "$RUN_MARKER"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- build (never inside the measured part) ------------------------------------------------------------------
install_prereqs
apt_install_missing jq poppler-utils time
if [[ "${CUSTOS_BENCH_SKIP_BUILD:-0}" != 1 || ! -f "$PORTAL_WAR" || ! -f "$JAR" ]]; then
  log "building (portal and ledger-verifier, tests skipped)"
  (cd "$CUSTOS_ROOT" && "$MVN" -B -q -pl portal,ledger-verifier -am package -DskipTests) || die "build failed"
fi
kc_install

# --- the services ------------------------------------------------------------------------------------------------
export CUSTOS_OIDC_CLIENT_SECRET="$(random_secret)"
export CUSTOS_DEMO_PASSWORD="$(random_secret | cut -c1-16)"
export CUSTOS_PORTAL_URL="$BASE"
export CUSTOS_OIDC_ISSUER="http://localhost:$KEYCLOAK_PORT/realms/custos"
export CUSTOS_LEDGER_URL="http://127.0.0.1:$ANVIL_PORT"
reports_pki_export "$CUSTOS_RUN_DIR/bench-reports-pki"
unset CUSTOS_REPORTS_TSA_URL CUSTOS_REPORTS_CRL   # B-B: no timestamp authority in the measurement
kc_start "$KEYCLOAK_PORT" bench-reports-keycloak

# anvil_fixture [extra flags...]: anvil from the demo fixture's state on our port (fixture flags, as anvil_start)
anvil_fixture() {
  local state="$CUSTOS_RUN_DIR/bench-reports-anvil-state.json" pid waited=0
  xz -dc "$FIXTURE/anvil-state.json.xz" > "$state"
  pid="$(start_bg bench-reports-anvil "$OUT/anvil.log" "$ANVIL_BIN" --host 127.0.0.1 --port "$ANVIL_PORT" \
    --chain-id 4242 --hardfork london --load-state "$state" --silent "$@")"
  until rpc eth_chainId '[]' >/dev/null 2>&1; do
    kill -0 "$pid" 2>/dev/null || die "anvil exited (log $OUT/anvil.log)"
    (( waited++ < 60 )) || die "anvil did not answer"
    sleep 0.5
  done
}

rpc() {
  curl -fsS --max-time "${RPC_TIMEOUT:-10}" -H 'Content-Type: application/json' \
    -d "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"$1\",\"params\":$2}" "$CUSTOS_LEDGER_URL"
}
node_head() { printf '%d' "$(rpc eth_blockNumber '[]' | jq -r .result)"; }

# portal_up NAME: a fresh H2 database, the portal with -Xmx$HEAP and a GC log
PORTAL_PID=
portal_up() {
  local name="$1"
  rm -rf "$OUT/$name-db"
  export CUSTOS_DB_URL="jdbc:h2:file:$OUT/$name-db/custos;DB_CLOSE_ON_EXIT=FALSE"
  export CUSTOS_PORTAL_JAVA_OPTS="-Xmx$HEAP -Xlog:gc:file=$OUT/$name-gc.log:uptime"
  unset CUSTOS_LEDGER_CHECKPOINT   # portal_ledger_from_fixture sets the fixture's sync settings anew
  portal_start "$PORTAL_PORT" bench-reports-portal
  PORTAL_PID="$(java_pid)"
  [[ -n "$PORTAL_PID" ]] || die "no JVM of the portal found"
}
# the portal's JVM: the child of the process group start_bg recorded (java itself, started by setsid)
java_pid() {
  local pid; pid="$(cat "$CUSTOS_RUN_DIR/bench-reports-portal.pid")"
  if [[ "$(ps -o comm= -p "$pid")" == java ]]; then echo "$pid"; else pgrep -P "$pid" java | head -1; fi
}
portal_log() { echo "$CUSTOS_RUN_DIR/bench-reports-portal.log"; }

# sign_in USER: the authorization code flow through Keycloak's login form; the cookies end up in $JAR_COOKIES
sign_in() {
  local user="$1" page action
  rm -f "$JAR_COOKIES"
  page="$(curl -sS -L -c "$JAR_COOKIES" -b "$JAR_COOKIES" "$BASE/reports/issue.xhtml")"
  action="$(grep -oE '<form[^>]*id="kc-form-login"[^>]*' <<<"$page" | grep -oE 'action="[^"]+"' | head -1 \
    | sed -e 's/^action="//' -e 's/"$//' -e 's/&amp;/\&/g')"
  [[ -n "$action" ]] || die "no Keycloak login form at $BASE/reports/issue.xhtml"
  page="$(curl -sS -L -c "$JAR_COOKIES" -b "$JAR_COOKIES" --data-urlencode "username=$user" \
    --data-urlencode "password=$CUSTOS_DEMO_PASSWORD" --data-urlencode "credentialId=" "$action")"
  grep -q 'id="issue"' <<<"$page" || die "signing in as $user did not lead to the issue page"
}

portal_get() { curl -fsS -c "$JAR_COOKIES" -b "$JAR_COOKIES" "$BASE/$1"; }
view_state() { grep -oE 'name="jakarta.faces.ViewState"[^>]*value="[^"]+"' | head -1 | sed -E 's/.*value="([^"]+)"/\1/'; }

faces_ajax() {   # faces_ajax VIEWSTATE SOURCE EXECUTE RENDER [extra --data-urlencode args]
  local vs="$1" source="$2" execute="$3" render="$4"; shift 4
  curl -fsS -c "$JAR_COOKIES" -b "$JAR_COOKIES" -H 'Faces-Request: partial/ajax' \
    --data-urlencode "jakarta.faces.partial.ajax=true" --data-urlencode "jakarta.faces.source=$source" \
    --data-urlencode "jakarta.faces.partial.execute=$execute" --data-urlencode "jakarta.faces.partial.render=$render" \
    --data-urlencode "$source=$source" --data-urlencode "issue=issue" "$@" \
    --data-urlencode "jakarta.faces.ViewState=$vs" "$BASE/reports/issue.xhtml"
}

# wait_synced TARGET: until the portal's verified head reaches TARGET (its status page); prints the seconds
verified_number() {
  portal_get ledger/status.xhtml | grep -oE 'id="ledgerForm:verifiedNumber">[0-9]+' | grep -oE '[0-9]+$' || echo -1
}
wait_synced() {   # wait_synced TARGET T0_MS: prints the milliseconds since T0_MS
  local target="$1" t0="$2" v
  while :; do
    v="$(verified_number)"
    (( v >= target )) && break
    kill -0 "$PORTAL_PID" 2>/dev/null || die "the portal died during the sync"
    (( $(now_ms) - t0 < 3600000 )) || die "the sync did not reach $target in an hour (at $v)"
    sleep 0.2
  done
  echo $(( $(now_ms) - t0 ))
}

# issue KIND CLINIC TAG: one report, from the start request to the answer that says "issued"; prints
# "<ms> <report id>"; the stages seen are logged to $OUT/TAG.stages (for where the time goes)
ISSUE_WATCH=
issue() {
  local kind="$1" clinic="$2" tag="$3" page vs t0 answer stage id
  page="$(portal_get reports/issue.xhtml)"
  vs="$(view_state <<<"$page")"
  [[ -n "$vs" ]] || die "no ViewState on the issue page"
  : > "$OUT/$tag.stages"
  t0="$(now_ms)"
  answer="$(faces_ajax "$vs" issue:start issue "issue:messages issue:progressPanel" \
    --data-urlencode "issue:kind_input=$kind" --data-urlencode "issue:clinic_input=$clinic")"
  while :; do
    stage="$(grep -oE 'id="issue:stage">[^<]*' <<<"$answer" | sed 's/.*>//' || true)"
    printf '%d %s\n' $(( $(now_ms) - t0 )) "${stage:-(none)}" >> "$OUT/$tag.stages"
    [[ "$stage" == issued ]] && break
    if [[ "$stage" == refused || "$stage" == failed || -z "$stage" ]]; then
      printf '%s\n' "$answer" > "$OUT/$tag.answer.xml"
      die "$tag: not issued (stage '${stage:-none}'; answer in $OUT/$tag.answer.xml)"
    fi
    [[ -n "$ISSUE_WATCH" ]] && "$ISSUE_WATCH" "$tag" $(( $(now_ms) - t0 ))
    # a job whose thread died of an Error stays in its last stage: the portal's log says why
    if grep -q OutOfMemoryError "$(portal_log)"; then
      die "$tag: the portal ran out of memory after $(( $(now_ms) - t0 )) ms, in stage '$stage' ($(portal_log))"
    fi
    (( $(now_ms) - t0 < REPORT_TIMEOUT * 1000 )) || die "$tag: not issued after $REPORT_TIMEOUT s (stage '$stage')"
    sleep "$POLL_SECONDS"
    answer="$(faces_ajax "$vs" issue:poll issue:poll issue:progressPanel)" \
      || die "$tag: the poll request failed after $(( $(now_ms) - t0 )) ms"
  done
  local elapsed=$(( $(now_ms) - t0 ))
  id="$(grep -oE 'id="issue:reportId"[^>]*>[^<]+' <<<"$answer" | sed 's/.*>//')"
  echo "$elapsed $id"
}

# stats MS...: median, p90 (nearest rank) and max
stats() {
  printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {m = (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2;
    p = int(0.9 * NR + 0.999999); if (p < 1) p = 1; printf "median %d ms, p90 %d ms, max %d ms (n=%d)", m, a[p], a[NR], NR}'
}

heap_after() {   # heap_after LABEL: jcmd GC.heap_info (after a full GC, so the retained heap) into the summary
  local label="$1"
  jcmd "$PORTAL_PID" GC.heap_info > "$OUT/$label-heap-before-gc.txt" 2>&1 || true
  jcmd "$PORTAL_PID" GC.run > /dev/null 2>&1 || true
  jcmd "$PORTAL_PID" GC.heap_info > "$OUT/$label-heap-after-gc.txt" 2>&1 || true
  say "  heap ($label), jcmd GC.heap_info as left:  $(grep -m1 -E 'total|garbage-first' "$OUT/$label-heap-before-gc.txt" | sed 's/^ *//')"
  say "  heap ($label), after a full GC:             $(grep -m1 -E 'total|garbage-first' "$OUT/$label-heap-after-gc.txt" | sed 's/^ *//')"
  local peak
  peak="$(grep -oE '[0-9]+M->[0-9]+M\([0-9]+M\)' "$OUT/$label-gc.log" 2>/dev/null \
    | sed 's/M->.*//' | sort -n | tail -1)"
  say "  heap ($label), largest occupancy before a GC (GC log): ${peak:-?} MB of -Xmx$HEAP"
  if grep -q OutOfMemoryError "$(portal_log)" "$OUT/$label-gc.log" 2>/dev/null; then
    say "  OutOfMemoryError: YES (see $(portal_log))"
  else
    say "  OutOfMemoryError: none logged"
  fi
}

say "Custos signed-report benchmark, $(date -u +%FT%TZ), $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB," \
  "$(java -version 2>&1 | head -1), commit $(git -C "$CUSTOS_ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')"
say "results in $OUT"

# --- 1. the busiest clinic's audit report, click to issued ------------------------------------------------------
if [[ "$ONLY" == all || "$ONLY" == clinic ]]; then
  anvil_fixture --max-persisted-states 0
  head="$(node_head)"
  t0="$(now_ms)"
  portal_up clinic
  live=$(( $(now_ms) - t0 ))
  sign_in regulator
  ms="$(wait_synced "$head" "$t0")"
  busiest="$(jq -r '.events.byClinic | to_entries | max_by(.value.total) | "\(.key) \(.value.total)"' "$FIXTURE/scenario.json")"
  clinic="${busiest% *}"
  say ""
  say "1. clinic audit report of the busiest clinic $clinic (${busiest#* } events in the fixture; chain 0..$head," \
    "verified $ms ms after the portal was started, $live ms of it the deploy), -Xmx$HEAP, poll every ${POLL_SECONDS}s"
  times=()
  for i in $(seq 0 "$ISSUES"); do
    r="$(issue CLINIC_AUDIT "$clinic" "clinic-$i")"
    ms="${r%% *}"; id="${r#* }"
    if (( i == 0 )); then say "  warm-up (first issue after start): $ms ms ($id)"; else times+=("$ms"); fi
    log "clinic report $i: $ms ms ($id)"
  done
  say "  click to issued, issues 1..$ISSUES: $(stats "${times[@]}")   [all: ${times[*]}]"
  heap_after clinic
  portal_stop bench-reports-portal
  cp "$(portal_log)" "$OUT/clinic-portal.log" 2>/dev/null || true
  stop_pid bench-reports-anvil
fi

# --- 2. the consortium integrity report over BLOCKS verified blocks ---------------------------------------------
# watch_consortium TAG MS: while the report runs, a thread dump and a class histogram at 10 s, 30 s and 60 s
WATCHED=()
watch_consortium() {
  local tag="$1" ms="$2" at
  for at in 10000 30000 60000 120000; do
    if (( ms >= at )) && [[ " ${WATCHED[*]:-} " != *" $at "* ]]; then
      WATCHED+=("$at")
      jcmd "$PORTAL_PID" Thread.print > "$OUT/$tag-threads-$((at / 1000))s.txt" 2>&1 || true
      jcmd "$PORTAL_PID" GC.class_histogram > "$OUT/$tag-histogram-$((at / 1000))s.txt" 2>&1 || true
      jcmd "$PORTAL_PID" GC.heap_info > "$OUT/$tag-heap-$((at / 1000))s.txt" 2>&1 || true
      log "$tag at $((at / 1000)) s: thread dump and class histogram taken"
    fi
  done
}

if [[ "$ONLY" == all || "$ONLY" == consortium ]]; then
  say ""
  anvil_fixture --max-persisted-states 0
  head="$(node_head)"
  t0="$(now_ms)"
  while (( head < BLOCKS )); do
    n=$(( BLOCKS - head < 5000 ? BLOCKS - head : 5000 ))
    RPC_TIMEOUT=900 rpc anvil_mine "[\"0x$(printf '%x' "$n")\"]" > /dev/null || die "anvil_mine failed"
    head="$(node_head)"
    log "mined to $head"
  done
  say "2. consortium integrity report: chain 0..$head (the fixture's 1,573 blocks, then empty blocks by anvil_mine" \
    "in $(( ($(now_ms) - t0) / 1000 )) s)"
  t0="$(now_ms)"
  portal_up consortium
  live=$(( $(now_ms) - t0 ))
  sign_in regulator
  ms="$(wait_synced "$head" "$t0")"
  say "  sync: blocks 1..$head verified and stored $ms ms after the portal was started ($live ms of it the deploy; H2 file," \
    "default batch 100 and prefetch 2)"
  jcmd "$PORTAL_PID" GC.run > /dev/null 2>&1 || true
  # twice: the first issue after the start also loads the renderer's classes and fonts (the clinic section's
  # warm-up shows what that costs); the second is the figure of a portal that has been running
  for round in 1 2; do
    ISSUE_WATCH=watch_consortium
    WATCHED=()
    r="$(issue CONSORTIUM_INTEGRITY "" "consortium-$round")" \
      || { heap_after consortium; say "  the consortium report was NOT issued: $(tail -1 "$OUT/consortium-$round.stages");" \
           "the thread dumps and class histograms taken while it ran are in $OUT"; die "consortium report not issued"; }
    ISSUE_WATCH=
    ms="${r%% *}"; id="${r#* }"
    gather="$(awk '$0 ~ /rendering and signing/ && $9+0 == $11+0 && $9+0 > 0 {print $1; exit}' \
      "$OUT/consortium-$round.stages")"
    say "  click to issued, issue $round after the start: $ms ms ($id); evidence taken (last block fetched and" \
      "checked) at ${gather:-?} ms, the rest is the transcript's re-verification, rendering, signing and storing"
  done
  heap_after consortium
  pdf="$OUT/$id.pdf"
  code="$(curl -sS -o "$pdf" -w '%{http_code}' -c "$JAR_COOKIES" -b "$JAR_COOKIES" "$BASE/reports/download?id=$id" || true)"
  portal_stop bench-reports-portal
  cp "$(portal_log)" "$OUT/consortium-portal.log" 2>/dev/null || true
  if [[ "$code" != 200 ]] || ! head -c 5 "$pdf" | grep -q '%PDF-'; then
    # no download page yet: read the PDF out of the register in the portal's (now closed) H2 database
    h2="$(find "$CUSTOS_RUN_DIR" "$CUSTOS_ROOT/portal/target" -name 'h2-*.jar' 2>/dev/null | head -1)"
    [[ -n "$h2" ]] || h2="$(find ~/.m2/repository/com/h2database -name 'h2-*.jar' | sort | tail -1)"
    java -cp "$h2" org.h2.tools.Shell -url "${CUSTOS_DB_URL%%;*}" -user "${CUSTOS_DB_USER:-custos}" -password "${CUSTOS_DB_PASSWORD:-}" \
      -sql "CALL FILE_WRITE((SELECT pdf FROM report_register WHERE id = '$id'), '$pdf')" > "$OUT/h2-extract.txt" 2>&1 \
      || true
    if head -c 5 "$pdf" 2>/dev/null | grep -q '%PDF-'; then
      say "  PDF read from the register in H2 (/reports/download answered $code)"
    else
      say "  no PDF: /reports/download answered $code and the register holds none ($(grep -m1 -oE 'Table "[A-Z_]+" not found' \
        "$OUT/h2-extract.txt" || echo "see $OUT/h2-extract.txt")): PDF size, evidence and its re-verification skipped"
      say ""; say "done: $SUMMARY"; exit 0
    fi
  fi
  mkdir -p "$OUT/evidence"
  pdfdetach -saveall -o "$OUT/evidence" "$pdf" > /dev/null
  evidence="$(find "$OUT/evidence" -name '*.json' | head -1)"
  [[ -n "$evidence" ]] || die "no evidence attached to $pdf"
  say "  PDF $(stat -c %s "$pdf") bytes; embedded evidence $(basename "$evidence") $(stat -c %s "$evidence") bytes" \
    "($(jq '.blocks | length' "$evidence") blocks, $(jq '[.blocks[] | select(has("receipts"))] | length' "$evidence") with" \
    "bodies and receipts, $(jq '.events | length' "$evidence") events)"
  # against the checkpoint pinned out of band (the fixture's genesis, as the portal was configured): exit 0
  /usr/bin/time -v -o "$OUT/transcript-time.txt" java -Xmx512m -jar "$JAR" transcript "$evidence" \
    --checkpoint "$(jq -r .genesis.hash "$FIXTURE/scenario.json")" \
    > "$OUT/transcript-out.txt" 2>&1 && rc=0 || rc=$?
  wall="$(grep 'Elapsed (wall clock)' "$OUT/transcript-time.txt" | sed 's/.*: //')"
  rss="$(grep 'Maximum resident set size' "$OUT/transcript-time.txt" | sed 's/.*: //')"
  say "  offline re-verification (java -Xmx512m -jar $(basename "$JAR") transcript): exit $rc, wall $wall," \
    "peak RSS $(( rss / 1024 )) MB; $(head -c 300 "$OUT/transcript-out.txt" | tr '\n' ' ')"
fi
say ""
say "done: $SUMMARY"
