#!/usr/bin/env bash
# The report-signing PKI of the demo and of the tests: a demo root CA, a signing certificate issued by it, the CA's
# CRL and a PKCS#12 keystore for the portal (CUSTOS_REPORTS_* in docs/operations.md). Made with openssl, once, in a
# directory outside the repository's tracked files (mode 700); never for production, where the operator names a
# real keystore. Source it after common.sh.
#
#   reports_pki_ensure DIR   create what is missing (or expired) in DIR; refresh the CRL when older than 7 days
#   reports_pki_env DIR      print the `export CUSTOS_REPORTS_...` lines for DIR (after reports_pki_ensure)
#   reports_pki_export DIR   reports_pki_ensure, then export those variables into this shell
#   reports_pki_rotate DIR [revoke]   a new signing key and certificate under the same CA (revoke: the old one is
#                                     put on the CRL)
#
# DIR holds: ca.key ca.pem (the trust anchor), signer.key signer.pem, signer.p12 and signer.p12.password (mode
# 600), ca.crl (DER, for the PDF's DSS dictionary) and ca.crl.pem, and openssl's CA database (ca.cnf, index.txt,
# crlnumber). Optional: CUSTOS_REPORTS_CRL_URL, a CRL distribution point written into new signing certificates.

REPORTS_PKI_CA_CN="Custos demo report CA"
REPORTS_PKI_SIGNER_CN="Custos demo report signer"
REPORTS_PKI_ALIAS="custos-report-signer"
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

reports_pki_export() {
  local dir="${1:?usage: reports_pki_export DIR}" lines
  reports_pki_ensure "$dir"
  lines="$(reports_pki_env "$dir")" || die "cannot read the report keystore in $dir"
  eval "$lines"
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
  rm -f ca.key ca.pem signer.key signer.pem signer.p12 signer.p12.password ca.crl ca.crl.pem index.txt* crlnumber*
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
  if [[ -s signer.key && -s signer.pem && -s signer.p12 && -s signer.p12.password ]] \
      && openssl x509 -in signer.pem -noout -checkend "$REPORTS_PKI_RENEW_BEFORE" >/dev/null \
      && openssl verify -CAfile ca.pem signer.pem >/dev/null 2>&1 \
      && _reports_pki_pair signer.key signer.pem \
      && openssl pkcs12 -in signer.p12 -noout -passin file:signer.p12.password 2>/dev/null; then
    return 0
  fi
  log "issuing the demo report signing certificate in $PWD"
  _reports_pki_config
  openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out signer.key.tmp 2>>openssl.log
  openssl req -new -key signer.key.tmp -sha256 -subj "/CN=$REPORTS_PKI_SIGNER_CN" -config ca.cnf \
    -out signer.csr.tmp 2>>openssl.log
  openssl x509 -req -in signer.csr.tmp -CA ca.pem -CAkey ca.key -sha256 -days "$REPORTS_PKI_SIGNER_DAYS" \
    -set_serial "0x$(openssl rand -hex 16)" -extfile ca.cnf -extensions v3_signer -out signer.pem.tmp 2>>openssl.log
  rm -f signer.csr.tmp
  # a password of its own for the keystore (43 url-safe characters), next to it and readable by the owner only
  head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n' > signer.p12.password.tmp
  # AES-256-CBC/PBKDF2 and an HMAC-SHA256 MAC, spelt out: what Java 17's KeyStore reads (tested by
  # scripts/tests/reports-pki.sh with keytool), whichever defaults this openssl has
  openssl pkcs12 -export -inkey signer.key.tmp -in signer.pem.tmp -certfile ca.pem -name "$REPORTS_PKI_ALIAS" \
    -keypbe AES-256-CBC -certpbe AES-256-CBC -macalg SHA256 -iter 10000 \
    -passout file:signer.p12.password.tmp -out signer.p12.tmp 2>>openssl.log
  mv signer.key.tmp signer.key
  mv signer.pem.tmp signer.pem
  mv signer.p12.password.tmp signer.p12.password
  mv signer.p12.tmp signer.p12
  chmod 600 signer.key signer.p12 signer.p12.password ca.key
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
CNF
}
