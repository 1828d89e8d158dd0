#!/usr/bin/env bash
# Script test (scripts/test.sh runs it before Maven): the report-signing PKI of the demo and the tests
# (scripts/lib/reports-pki.sh), made from a copy of the scripts in a directory whose path has spaces. Checks with
# openssl that the CA and the signing certificate are what docs/operations.md says (names, key usages, lifetimes),
# that the chain verifies, that the CRL is signed by the CA and current, that the PKCS#12 opens with the password
# next to it and not without it, and that Java's keytool reads it and decrypts its key; the same for the tests'
# timestamp authority (extended key usage timeStamping, critical; its own keystore with one key entry; on the same
# CA's CRL; exported only by reports_pki_tsa_env); then that a second start
# changes nothing, a stale CRL is refreshed, a lost password or a certificate about to expire gets a new signing
# certificate under the same CA, and a rotation with revocation puts the old certificate on the CRL. A few seconds.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"

say() { printf '[reports-pki] %s\n' "$*" >&2; }
fail() { say "FAIL: $*"; exit 1; }

tmp="$(mktemp -d "${TMPDIR:-/tmp}/custos-pki.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
checkout="$tmp/a checkout"
mkdir -p "$checkout"
cp -r "$ROOT/scripts" "$checkout/"
pki="$checkout/.run/reports pki"

# runs a command with the checkout's libraries loaded, as a fresh shell of that checkout would
in_checkout() {
  (cd "$checkout" && env -u CUSTOS_ROOT -u CUSTOS_RUN_DIR -u CUSTOS_TOOLS_DIR -u CUSTOS_REPORTS_CRL_URL bash -c '
    set -euo pipefail
    source scripts/lib/common.sh
    source scripts/lib/reports-pki.sh
    eval "$1"' _ "$1")
}

command -v openssl >/dev/null || fail "openssl is not installed (scripts/test.sh installs it first)"
command -v keytool >/dev/null || fail "keytool (JDK) is not on PATH"
start=$SECONDS

in_checkout 'reports_pki_ensure "$CUSTOS_RUN_DIR/reports pki"' 2>/dev/null || fail "reports_pki_ensure failed"
cd "$pki"

# --- files and modes ---
[[ "$(stat -c %a .)" == 700 ]] || fail "the PKI directory is mode $(stat -c %a .), not 700"
for f in ca.key signer.key signer.p12 signer.p12.password tsa.key tsa.p12 tsa.p12.password; do
  [[ "$(stat -c %a "$f")" == 600 ]] || fail "$f is mode $(stat -c %a "$f"), not 600"
done
(( $(wc -c < signer.p12.password) >= 32 )) || fail "the keystore password is shorter than 32 characters"
(( $(wc -c < tsa.p12.password) >= 32 )) || fail "the TSA keystore password is shorter than 32 characters"
[[ "$(cat tsa.p12.password)" != "$(cat signer.p12.password)" ]] || fail "the TSA and the signer share a password"

# --- the CA ---
ca_text="$(openssl x509 -in ca.pem -noout -text)"
[[ "$(openssl x509 -in ca.pem -noout -subject -nameopt RFC2253)" == "subject=CN=Custos demo report CA" ]] \
  || fail "CA subject: $(openssl x509 -in ca.pem -noout -subject)"
grep -A1 'Basic Constraints: critical' <<<"$ca_text" | grep -q 'CA:TRUE' || fail "the CA is not a CA (basicConstraints)"
grep -A1 'Key Usage: critical' <<<"$ca_text" | grep -qx ' *Certificate Sign, CRL Sign' \
  || fail "CA key usage is not keyCertSign + cRLSign"
openssl verify -CAfile ca.pem ca.pem >/dev/null || fail "the CA is not self-signed"
openssl x509 -in ca.pem -noout -checkend $((3649 * 86400)) >/dev/null || fail "the CA expires within 10 years"
! openssl x509 -in ca.pem -noout -checkend $((3651 * 86400)) >/dev/null || fail "the CA lives longer than 10 years"

# --- the signing certificate ---
signer_text="$(openssl x509 -in signer.pem -noout -text)"
[[ "$(openssl x509 -in signer.pem -noout -subject -nameopt RFC2253)" == "subject=CN=Custos demo report signer" ]] \
  || fail "signer subject: $(openssl x509 -in signer.pem -noout -subject)"
grep -A1 'Key Usage: critical' <<<"$signer_text" | grep -qx ' *Digital Signature, Non Repudiation' \
  || fail "signer key usage is not digitalSignature + nonRepudiation"
grep -A1 'Basic Constraints: critical' <<<"$signer_text" | grep -q 'CA:FALSE' || fail "the signer may act as a CA"
grep -q 'ASN1 OID: prime256v1' <<<"$signer_text" || fail "the signing key is not EC P-256"
openssl x509 -in signer.pem -noout -checkend $((729 * 86400)) >/dev/null || fail "the signer expires within 2 years"
! openssl x509 -in signer.pem -noout -checkend $((731 * 86400)) >/dev/null || fail "the signer lives longer than 2 years"
openssl verify -CAfile ca.pem signer.pem >/dev/null || fail "the chain does not verify"

# --- the timestamp authority's certificate (the tests' TSA) ---
tsa_text="$(openssl x509 -in tsa.pem -noout -text)"
[[ "$(openssl x509 -in tsa.pem -noout -subject -nameopt RFC2253)" == "subject=CN=Custos demo timestamp authority" ]] \
  || fail "TSA subject: $(openssl x509 -in tsa.pem -noout -subject)"
grep -A1 'X509v3 Extended Key Usage: critical' <<<"$tsa_text" | grep -qx ' *Time Stamping' \
  || fail "the TSA's extended key usage is not timeStamping alone, critical"
grep -A1 'X509v3 Key Usage: critical' <<<"$tsa_text" | grep -qx ' *Digital Signature' \
  || fail "the TSA's key usage is not digitalSignature"
grep -A1 'Basic Constraints: critical' <<<"$tsa_text" | grep -q 'CA:FALSE' || fail "the TSA may act as a CA"
grep -q 'ASN1 OID: prime256v1' <<<"$tsa_text" || fail "the TSA key is not EC P-256"
openssl x509 -in tsa.pem -noout -checkend $((729 * 86400)) >/dev/null || fail "the TSA expires within 2 years"
! openssl x509 -in tsa.pem -noout -checkend $((731 * 86400)) >/dev/null || fail "the TSA lives longer than 2 years"
openssl verify -CAfile ca.pem -purpose timestampsign tsa.pem >/dev/null || fail "the TSA chain does not verify for timestamping"
! openssl verify -CAfile ca.pem -purpose timestampsign signer.pem >/dev/null 2>&1 || fail "the signer may sign timestamps"
[[ "$(openssl x509 -in tsa.pem -noout -issuer -nameopt RFC2253)" == "issuer=CN=Custos demo report CA" ]] \
  || fail "the TSA is not issued by the report CA"
[[ "$(openssl x509 -in tsa.pem -noout -serial)" != "$(openssl x509 -in signer.pem -noout -serial)" ]] \
  || fail "the TSA and the signer share a serial number"

# --- the CRL ---
openssl crl -in ca.crl -inform DER -noout -CAfile ca.pem 2>&1 | grep -q 'verify OK' || fail "the CRL is not signed by the CA"
cmp -s ca.crl <(openssl crl -in ca.crl.pem -outform DER) || fail "ca.crl and ca.crl.pem differ"
next="$(date -d "$(openssl crl -in ca.crl.pem -noout -nextupdate | cut -d= -f2-)" +%s)"
last="$(date -d "$(openssl crl -in ca.crl.pem -noout -lastupdate | cut -d= -f2-)" +%s)"
(( next - last == 30 * 86400 )) || fail "the CRL's nextUpdate is not 30 days after its lastUpdate"
openssl verify -crl_check -CAfile ca.pem -CRLfile ca.crl.pem signer.pem >/dev/null || fail "chain + CRL do not verify"
openssl verify -crl_check -CAfile ca.pem -CRLfile ca.crl.pem tsa.pem >/dev/null || fail "TSA chain + CRL do not verify"

# --- the keystore ---
openssl pkcs12 -in signer.p12 -noout -passin file:signer.p12.password 2>/dev/null \
  || fail "the PKCS#12 does not open with its password"
! openssl pkcs12 -in signer.p12 -noout -passin pass:wrong-password 2>/dev/null || fail "the PKCS#12 opens with a wrong password"
[[ "$(openssl pkcs12 -in signer.p12 -nodes -nocerts -passin file:signer.p12.password 2>/dev/null | openssl pkey -pubout)" \
   == "$(openssl x509 -in signer.pem -noout -pubkey)" ]] || fail "the PKCS#12 key is not the signing certificate's"
[[ "$(openssl pkcs12 -in signer.p12 -nokeys -passin file:signer.p12.password 2>/dev/null | grep -c 'BEGIN CERTIFICATE')" == 2 ]] \
  || fail "the PKCS#12 does not hold the chain (signer and CA)"
listing="$(keytool -list -v -storetype PKCS12 -keystore signer.p12 -storepass:file signer.p12.password 2>&1)" \
  || fail "keytool cannot read the PKCS#12: $listing"
grep -q 'Alias name: custos-report-signer' <<<"$listing" || fail "keytool: no alias custos-report-signer"
grep -q 'Entry type: PrivateKeyEntry' <<<"$listing" || fail "keytool: no private key entry"
grep -q 'Certificate chain length: 2' <<<"$listing" || fail "keytool: the chain is not signer + CA"
keytool -importkeystore -noprompt -srckeystore signer.p12 -srcstoretype PKCS12 -srcstorepass:file signer.p12.password \
  -destkeystore "$tmp/copy.p12" -deststoretype PKCS12 -deststorepass "$(cat signer.p12.password)" >/dev/null 2>&1 \
  || fail "keytool cannot decrypt the private key"

# --- the TSA's keystore: one key entry, the TSA certificate and the CA ---
openssl pkcs12 -in tsa.p12 -noout -passin file:tsa.p12.password 2>/dev/null || fail "the TSA PKCS#12 does not open"
! openssl pkcs12 -in tsa.p12 -noout -passin file:signer.p12.password 2>/dev/null || fail "the TSA PKCS#12 opens with the signer's password"
[[ "$(openssl pkcs12 -in tsa.p12 -nodes -nocerts -passin file:tsa.p12.password 2>/dev/null | openssl pkey -pubout)" \
   == "$(openssl x509 -in tsa.pem -noout -pubkey)" ]] || fail "the TSA PKCS#12 key is not the TSA certificate's"
tsa_listing="$(keytool -list -v -storetype PKCS12 -keystore tsa.p12 -storepass:file tsa.p12.password 2>&1)" \
  || fail "keytool cannot read the TSA PKCS#12: $tsa_listing"
[[ "$(grep -c '^Alias name:' <<<"$tsa_listing")" == 1 ]] || fail "keytool: the TSA keystore does not hold exactly one entry"
grep -q 'Alias name: custos-test-tsa' <<<"$tsa_listing" || fail "keytool: no alias custos-test-tsa"
grep -q 'Entry type: PrivateKeyEntry' <<<"$tsa_listing" || fail "keytool: no TSA private key entry"
grep -q 'Certificate chain length: 2' <<<"$tsa_listing" || fail "keytool: the TSA chain is not TSA + CA"
keytool -importkeystore -noprompt -srckeystore tsa.p12 -srcstoretype PKCS12 -srcstorepass:file tsa.p12.password \
  -destkeystore "$tmp/tsa-copy.p12" -deststoretype PKCS12 -deststorepass "$(cat tsa.p12.password)" >/dev/null 2>&1 \
  || fail "keytool cannot decrypt the TSA private key"

# --- the environment for the portal (paths with spaces survive) ---
env_lines="$(in_checkout 'reports_pki_env "$CUSTOS_RUN_DIR/reports pki"')"
(
  eval "$env_lines"
  [[ "$CUSTOS_REPORTS_KEYSTORE" == "$pki/signer.p12" ]] || fail "CUSTOS_REPORTS_KEYSTORE=$CUSTOS_REPORTS_KEYSTORE"
  [[ "$CUSTOS_REPORTS_KEYSTORE_PASSWORD" == "$(cat "$pki/signer.p12.password")" ]] || fail "wrong keystore password"
  [[ "$CUSTOS_REPORTS_TRUST_ANCHOR" == "$pki/ca.pem" ]] || fail "CUSTOS_REPORTS_TRUST_ANCHOR=$CUSTOS_REPORTS_TRUST_ANCHOR"
  [[ "$CUSTOS_REPORTS_CRL" == "$pki/ca.crl" ]] || fail "CUSTOS_REPORTS_CRL=$CUSTOS_REPORTS_CRL"
  [[ -z "${CUSTOS_TEST_TSA_KEYSTORE:-}" ]] || fail "reports_pki_env (the demo's too) exports the test TSA"
)
tsa_env_lines="$(in_checkout 'reports_pki_tsa_env "$CUSTOS_RUN_DIR/reports pki"')"
(
  eval "$tsa_env_lines"
  [[ "$CUSTOS_TEST_TSA_KEYSTORE" == "$pki/tsa.p12" ]] || fail "CUSTOS_TEST_TSA_KEYSTORE=$CUSTOS_TEST_TSA_KEYSTORE"
  [[ "$CUSTOS_TEST_TSA_KEYSTORE_PASSWORD" == "$(cat "$pki/tsa.p12.password")" ]] || fail "wrong TSA keystore password"
)
grep -q 'reports_pki_tsa_env' "$ROOT/scripts/lib/all.sh" || fail "test_environment does not export the test TSA"
! grep -q 'reports_pki_tsa_env' "$ROOT/scripts/demo.sh" || fail "the demo exports the test TSA"
git -C "$ROOT" check-ignore -q ".run/reports-pki/ca.key" || fail "the demo's PKI directory is not git-ignored"

# --- idempotent: a second start changes nothing ---
sums() { sha256sum ca.key ca.pem signer.key signer.pem signer.p12 signer.p12.password tsa.key tsa.pem tsa.p12 \
  tsa.p12.password ca.crl; }
before="$(sums)"
in_checkout 'reports_pki_ensure "$CUSTOS_RUN_DIR/reports pki"' 2>/dev/null || fail "second reports_pki_ensure failed"
[[ "$(sums)" == "$before" ]] || fail "a second start changed the PKI"

# --- a CRL older than 7 days is issued again; the CA and the keystore stay ---
openssl ca -config ca.cnf -gencrl -crl_lastupdate "$(date -u -d '10 days ago' +%Y%m%d%H%M%SZ)" -crldays 30 \
  -out ca.crl.pem -batch 2>/dev/null
openssl crl -in ca.crl.pem -outform DER -out ca.crl
in_checkout 'reports_pki_ensure "$CUSTOS_RUN_DIR/reports pki"' 2>/dev/null || fail "reports_pki_ensure (stale CRL) failed"
last="$(date -d "$(openssl crl -in ca.crl.pem -noout -lastupdate | cut -d= -f2-)" +%s)"
(( $(date +%s) - last < 3600 )) || fail "a 10-day-old CRL was not issued again"
openssl crl -in ca.crl -inform DER -noout -CAfile ca.pem 2>&1 | grep -q 'verify OK' || fail "the new CRL does not verify"
[[ "$(sha256sum ca.pem signer.p12 tsa.p12)" == "$(grep -E 'ca.pem|signer.p12$|tsa.p12$' <<<"$before")" ]] \
  || fail "refreshing the CRL changed the CA or a keystore"

# --- a lost password or a signer about to expire: a new signing certificate under the same CA ---
ca_before="$(sha256sum ca.pem)"
serial1="$(openssl x509 -in signer.pem -noout -serial)"
rm signer.p12.password
in_checkout 'reports_pki_ensure "$CUSTOS_RUN_DIR/reports pki"' 2>/dev/null || fail "reports_pki_ensure (lost password) failed"
serial2="$(openssl x509 -in signer.pem -noout -serial)"
[[ "$serial2" != "$serial1" && "$(sha256sum ca.pem)" == "$ca_before" ]] || fail "a lost password did not reissue the signer"
openssl pkcs12 -in signer.p12 -noout -passin file:signer.p12.password 2>/dev/null || fail "the reissued keystore does not open"
openssl x509 -req -in <(openssl req -new -key signer.key -subj "/CN=Custos demo report signer" 2>/dev/null) \
  -CA ca.pem -CAkey ca.key -days 5 -set_serial 7 -out signer.pem 2>/dev/null
in_checkout 'reports_pki_ensure "$CUSTOS_RUN_DIR/reports pki"' 2>/dev/null || fail "reports_pki_ensure (expiring) failed"
openssl x509 -in signer.pem -noout -checkend $((700 * 86400)) >/dev/null || fail "a signer expiring in 5 days was not renewed"

# --- rotation with revocation: the old certificate is on the CRL, the new one is good ---
cp signer.pem "$tmp/old-signer.pem"
in_checkout 'reports_pki_rotate "$CUSTOS_RUN_DIR/reports pki" revoke' 2>/dev/null || fail "reports_pki_rotate failed"
! openssl verify -crl_check -CAfile ca.pem -CRLfile ca.crl.pem "$tmp/old-signer.pem" >/dev/null 2>&1 \
  || fail "the rotated-out certificate is not revoked"
openssl verify -crl_check -CAfile ca.pem -CRLfile ca.crl.pem signer.pem >/dev/null || fail "the new signer does not verify"
[[ "$(sha256sum ca.pem)" == "$ca_before" ]] || fail "rotation changed the CA"
keytool -list -storetype PKCS12 -keystore signer.p12 -storepass:file signer.p12.password >/dev/null 2>&1 \
  || fail "keytool cannot read the rotated keystore"
[[ "$(sha256sum tsa.p12)" == "$(grep -E 'tsa.p12$' <<<"$before")" ]] || fail "rotating the signer changed the TSA"
openssl verify -crl_check -CAfile ca.pem -CRLfile ca.crl.pem tsa.pem >/dev/null || fail "the TSA is revoked by the rotation"

# --- a lost TSA password: a new TSA certificate, the signer and the CA stay ---
signer_before="$(sha256sum signer.p12)"
tsa_serial1="$(openssl x509 -in tsa.pem -noout -serial)"
rm tsa.p12.password
in_checkout 'reports_pki_ensure "$CUSTOS_RUN_DIR/reports pki"' 2>/dev/null || fail "reports_pki_ensure (lost TSA password) failed"
[[ "$(openssl x509 -in tsa.pem -noout -serial)" != "$tsa_serial1" ]] || fail "a lost TSA password did not reissue the TSA"
[[ "$(sha256sum signer.p12)" == "$signer_before" && "$(sha256sum ca.pem)" == "$ca_before" ]] \
  || fail "reissuing the TSA changed the signer or the CA"
openssl pkcs12 -in tsa.p12 -noout -passin file:tsa.p12.password 2>/dev/null || fail "the reissued TSA keystore does not open"

say "ok ($((SECONDS - start)) s)"
