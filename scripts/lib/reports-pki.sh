#!/usr/bin/env bash
# The report-signing PKI of the demo and of the tests: a demo root CA, a signing certificate issued by it, the CA's
# CRL and a PKCS#12 keystore for the portal (CUSTOS_REPORTS_* in docs/operations.md), and a timestamping (TSA)
# certificate under the same CA in a keystore of its own, for the tests' local timestamp authority. Made with openssl, once, in a
# directory outside the repository's tracked files (mode 700); never for production, where the operator names a
# real keystore. Source it after common.sh.
#
#   reports_pki_ensure DIR   create what is missing (or expired) in DIR; refresh the CRL when older than 7 days
#   reports_pki_env DIR      print the `export CUSTOS_REPORTS_...` lines for DIR (after reports_pki_ensure)
#   reports_pki_export DIR   reports_pki_ensure, then export those variables into this shell
#   reports_pki_tsa_env DIR  print the `export CUSTOS_TEST_TSA_KEYSTORE...` lines (the tests' TSA; the demo does not
#                            run a TSA, so only test_environment in all.sh prints them)
#   reports_pki_rotate DIR [revoke]   a new signing key and certificate under the same CA (revoke: the old one is
#                                     put on the CRL)
#
# DIR holds: ca.key ca.pem (the trust anchor), signer.key signer.pem, signer.p12 and signer.p12.password (mode
# 600), tsa.key tsa.pem, tsa.p12 and tsa.p12.password (mode 600; extended key usage timeStamping, critical), ca.crl
# (DER, for the PDF's DSS dictionary: one CRL of the CA, covering the signer and the TSA) and ca.crl.pem, and openssl's CA database (ca.cnf, index.txt,
# crlnumber). Optional: CUSTOS_REPORTS_CRL_URL, a CRL distribution point written into new signing certificates.

REPORTS_PKI_CA_CN="Custos demo report CA"
REPORTS_PKI_SIGNER_CN="Custos demo report signer"
REPORTS_PKI_ALIAS="custos-report-signer"
REPORTS_PKI_TSA_CN="Custos demo timestamp authority"
REPORTS_PKI_TSA_ALIAS="custos-test-tsa"
REPORTS_PKI_CA_DAYS=3650
REPORTS_PKI_SIGNER_DAYS=730
REPORTS_PKI_CRL_DAYS=30
REPORTS_PKI_CRL_REFRESH_DAYS=7
# renew a certificate that expires within this many seconds (30 days)
REPORTS_PKI_RENEW_BEFORE=2592000

reports_pki_ensure() {
  local dir="${1:?usage: reports_pki_ensure DIR}"
  command -v openssl >/dev/null 2>&1 || die "openssl is not installed (install_prereqs installs it)"
  mkdir -p "$dir" || die "cannot create $dir"
  chmod 700 "$dir" || die "cannot restrict $dir to its owner"
  # one creator at a time (a demo and a test run may start together); everything in a subshell of its own
  (
    set -euo pipefail
    umask 077
    cd "$dir"
    flock 9
    : > openssl.log
    _reports_pki_ca
    _reports_pki_signer
    _reports_pki_tsa
    _reports_pki_crl
  ) 9>"$dir/.lock" || die "could not create the report-signing PKI in $dir (openssl's messages: $dir/openssl.log)"
}

reports_pki_env() {
  local dir="${1:?usage: reports_pki_env DIR}"
  [[ -f "$dir/signer.p12" && -f "$dir/signer.p12.password" ]] || die "no report keystore in $dir (reports_pki_ensure)"
  dir="$(cd "$dir" && pwd)"   # absolute: the portal may start in another directory
  printf 'export CUSTOS_REPORTS_KEYSTORE=%q\n' "$dir/signer.p12"
  printf 'export CUSTOS_REPORTS_KEYSTORE_PASSWORD=%q\n' "$(cat "$dir/signer.p12.password")"
  printf 'export CUSTOS_REPORTS_TRUST_ANCHOR=%q\n' "$dir/ca.pem"
  printf 'export CUSTOS_REPORTS_CRL=%q\n' "$dir/ca.crl"
}

reports_pki_tsa_env() {
  local dir="${1:?usage: reports_pki_tsa_env DIR}"
  [[ -f "$dir/tsa.p12" && -f "$dir/tsa.p12.password" ]] || die "no TSA keystore in $dir (reports_pki_ensure)"
  dir="$(cd "$dir" && pwd)"
  printf 'export CUSTOS_TEST_TSA_KEYSTORE=%q\n' "$dir/tsa.p12"
  printf 'export CUSTOS_TEST_TSA_KEYSTORE_PASSWORD=%q\n' "$(cat "$dir/tsa.p12.password")"
}

reports_pki_export() {
  local dir="${1:?usage: reports_pki_export DIR}" lines
  reports_pki_ensure "$dir"
  lines="$(reports_pki_env "$dir")" || die "cannot read the report keystore in $dir"
  eval "$lines"
  # the CRL is for PAdES B-LT, which needs a timestamp authority: without one the portal signs B-B (and refuses a
  # CRL without a TSA as a configuration error)
  [[ -n "${CUSTOS_REPORTS_TSA_URL:-}" ]] || unset CUSTOS_REPORTS_CRL
}

reports_pki_rotate() {
  local dir="${1:?usage: reports_pki_rotate DIR [revoke]}" revoke="${2:-}"
  [[ -f "$dir/signer.pem" ]] || die "no signing certificate in $dir to rotate"
  (
    set -euo pipefail
    umask 077
    cd "$dir"
    flock 9
    : > openssl.log
    local serial
    serial="$(openssl x509 -in signer.pem -noout -serial | cut -d= -f2)"
    if [[ "$revoke" == revoke ]]; then
      openssl ca -config ca.cnf -revoke signer.pem -crl_reason superseded -batch 2>>openssl.log
    fi
    mkdir -p retired
    mv signer.pem "retired/signer-$serial.pem"
    rm -f signer.key signer.p12 signer.p12.password ca.crl ca.crl.pem
    _reports_pki_signer
    _reports_pki_crl
  ) 9>"$dir/.lock" || die "could not rotate the report-signing key in $dir (see $dir/openssl.log)"
  log "report signing key rotated in $dir${revoke:+ (old certificate revoked)}"
}

# --- the steps, run inside DIR with umask 077 ---------------------------------------------------------------------

_reports_pki_ca() {
  if [[ -s ca.key && -s ca.pem ]] && openssl x509 -in ca.pem -noout -checkend "$REPORTS_PKI_RENEW_BEFORE" >/dev/null \
      && _reports_pki_pair ca.key ca.pem; then
    return 0
  fi
  log "creating the demo report CA in $PWD"
  # a new CA: nothing issued by the old one is kept
  rm -f ca.key ca.pem signer.key signer.pem signer.p12 signer.p12.password tsa.key tsa.pem tsa.p12 tsa.p12.password \
    ca.crl ca.crl.pem index.txt* crlnumber*
  _reports_pki_config
  openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out ca.key.tmp 2>>openssl.log
  openssl req -x509 -new -key ca.key.tmp -sha256 -days "$REPORTS_PKI_CA_DAYS" -subj "/CN=$REPORTS_PKI_CA_CN" \
    -set_serial "0x$(openssl rand -hex 16)" -config ca.cnf -extensions v3_ca -out ca.pem.tmp 2>>openssl.log
  : > index.txt
  echo 01 > crlnumber
  mv ca.key.tmp ca.key
  mv ca.pem.tmp ca.pem
}

_reports_pki_signer() {
  _reports_pki_leaf signer "$REPORTS_PKI_SIGNER_CN" "$REPORTS_PKI_ALIAS" v3_signer "report signing"
}

# the tests' timestamp authority: same CA, so the CA's one CRL covers it and the portal's trust anchor accepts its
# timestamps
_reports_pki_tsa() {
  _reports_pki_leaf tsa "$REPORTS_PKI_TSA_CN" "$REPORTS_PKI_TSA_ALIAS" v3_tsa "timestamp authority"
}

# _reports_pki_leaf NAME CN ALIAS EXTENSIONS WHAT: NAME.key, NAME.pem (EC P-256, REPORTS_PKI_SIGNER_DAYS, issued by
# the CA with the EXTENSIONS section of ca.cnf), NAME.p12 (one key entry ALIAS with the chain) and its password file;
# kept while they are whole, match, chain to the CA and do not expire within REPORTS_PKI_RENEW_BEFORE
_reports_pki_leaf() {
  local name="$1" cn="$2" alias="$3" ext="$4" what="$5"
  if [[ -s $name.key && -s $name.pem && -s $name.p12 && -s $name.p12.password ]] \
      && openssl x509 -in "$name.pem" -noout -checkend "$REPORTS_PKI_RENEW_BEFORE" >/dev/null \
      && openssl verify -CAfile ca.pem "$name.pem" >/dev/null 2>&1 \
      && _reports_pki_pair "$name.key" "$name.pem" \
      && openssl pkcs12 -in "$name.p12" -noout -passin "file:$name.p12.password" 2>/dev/null; then
    return 0
  fi
  log "issuing the demo $what certificate in $PWD"
  _reports_pki_config
  openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$name.key.tmp" 2>>openssl.log
  openssl req -new -key "$name.key.tmp" -sha256 -subj "/CN=$cn" -config ca.cnf -out "$name.csr.tmp" 2>>openssl.log
  openssl x509 -req -in "$name.csr.tmp" -CA ca.pem -CAkey ca.key -sha256 -days "$REPORTS_PKI_SIGNER_DAYS" \
    -set_serial "0x$(openssl rand -hex 16)" -extfile ca.cnf -extensions "$ext" -out "$name.pem.tmp" 2>>openssl.log
  rm -f "$name.csr.tmp"
  # a password of its own for the keystore (43 url-safe characters), next to it and readable by the owner only
  head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n' > "$name.p12.password.tmp"
  # AES-256-CBC/PBKDF2 and an HMAC-SHA256 MAC, spelt out: what Java 17's KeyStore reads (tested by
  # scripts/tests/reports-pki.sh with keytool), whichever defaults this openssl has
  openssl pkcs12 -export -inkey "$name.key.tmp" -in "$name.pem.tmp" -certfile ca.pem -name "$alias" \
    -keypbe AES-256-CBC -certpbe AES-256-CBC -macalg SHA256 -iter 10000 \
    -passout "file:$name.p12.password.tmp" -out "$name.p12.tmp" 2>>openssl.log
  mv "$name.key.tmp" "$name.key"
  mv "$name.pem.tmp" "$name.pem"
  mv "$name.p12.password.tmp" "$name.p12.password"
  mv "$name.p12.tmp" "$name.p12"
  chmod 600 "$name.key" "$name.p12" "$name.p12.password" ca.key
}

_reports_pki_crl() {
  if [[ -s ca.crl && -s ca.crl.pem ]] && _reports_pki_crl_fresh; then
    return 0
  fi
  _reports_pki_config
  [[ -f index.txt ]] || : > index.txt
  [[ -f crlnumber ]] || echo 01 > crlnumber
  openssl ca -config ca.cnf -gencrl -crldays "$REPORTS_PKI_CRL_DAYS" -out ca.crl.pem.tmp -batch 2>>openssl.log
  openssl crl -in ca.crl.pem.tmp -outform DER -out ca.crl.tmp 2>>openssl.log
  chmod 644 ca.crl.pem.tmp ca.crl.tmp
  mv ca.crl.pem.tmp ca.crl.pem
  mv ca.crl.tmp ca.crl
}

# the CRL is fresh when the current CA signed it less than REPORTS_PKI_CRL_REFRESH_DAYS days ago
_reports_pki_crl_fresh() {
  openssl crl -in ca.crl.pem -noout -CAfile ca.pem >/dev/null 2>&1 || return 1
  local last
  last="$(openssl crl -in ca.crl.pem -noout -lastupdate | cut -d= -f2-)"
  last="$(date -d "$last" +%s 2>/dev/null)" || return 1
  (( $(date +%s) - last < REPORTS_PKI_CRL_REFRESH_DAYS * 86400 ))
}

# whether a key file and a certificate belong together
_reports_pki_pair() {
  [[ "$(openssl pkey -in "$1" -pubout 2>/dev/null)" == "$(openssl x509 -in "$2" -noout -pubkey 2>/dev/null)" ]]
}

# openssl's configuration for the CA (relative paths: DIR may contain spaces)
_reports_pki_config() {
  local crl_dp=""
  if [[ -n "${CUSTOS_REPORTS_CRL_URL:-}" ]]; then
    [[ "$CUSTOS_REPORTS_CRL_URL" =~ ^https?://[^[:space:],]+$ ]] \
      || die "CUSTOS_REPORTS_CRL_URL: not an http(s) URL: $CUSTOS_REPORTS_CRL_URL"
    crl_dp="crlDistributionPoints = URI:$CUSTOS_REPORTS_CRL_URL"
  fi
  cat > ca.cnf <<CNF
# written by scripts/lib/reports-pki.sh
[ req ]
distinguished_name = req_dn
prompt = no
[ req_dn ]
CN = $REPORTS_PKI_CA_CN
[ ca ]
default_ca = custos_demo
[ custos_demo ]
dir = .
database = \$dir/index.txt
crlnumber = \$dir/crlnumber
certificate = \$dir/ca.pem
private_key = \$dir/ca.key
new_certs_dir = \$dir
unique_subject = no
default_md = sha256
default_crl_days = $REPORTS_PKI_CRL_DAYS
crl_extensions = crl_ext
policy = policy_any
[ policy_any ]
commonName = supplied
[ crl_ext ]
authorityKeyIdentifier = keyid:always
[ v3_ca ]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
[ v3_signer ]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, nonRepudiation
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid, issuer
$crl_dp
[ v3_tsa ]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = critical, timeStamping
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid, issuer
$crl_dp
CNF
}
