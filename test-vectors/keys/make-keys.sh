#!/usr/bin/env bash
# Creates the test IdP keys and self-signed certificates the vectors are signed with. None of them is a
# real key. Each certificate is an X.509 v1 certificate, serial 01, SHA-256, issued by `openssl ca
# -selfsign` so its validity dates are fixed (`openssl req -x509` can only count days from today).
#
#   idp        2048-bit, 2025-01-01..2035-12-31  the IdP every vector trusts (--cert keys/idp.crt)
#   rotated    2048-bit, 2025-01-01..2035-12-31  the IdP's next key, which AWS does not know yet (SIG006)
#   weak1024   1024-bit, 2025-01-01..2035-12-31  what AWS still accepts, under today's 2048 (SIG009 warning)
#   weak512     512-bit, 2025-01-01..2035-12-31  under AWS's 1024-bit minimum (SIG009 error)
#   sp          the SP's key pair: vectors' EncryptedAssertions are encrypted to sp.crt (--decryption-key sp.key)
#   expired    2048-bit, 2020-01-01..2021-12-31  out of date, which AWS ignores (SIG010)
#
# Run: `bash test-vectors/keys/make-keys.sh` creates the keys that are missing and keeps the others, so
# the committed vectors stay verifiable; `--force NAME…` re-creates the named ones (new key material:
# regenerate the vectors afterwards with `node test-vectors/generate.mjs`).
set -euo pipefail
cd "$(dirname "$0")"

FORCE=()
if [[ "${1:-}" == "--force" ]]; then
  shift
  FORCE=("$@")
fi

is_forced() {
  local name
  for name in "${FORCE[@]}"; do [[ "$name" == "$1" ]] && return 0; done
  return 1
}

# make_key NAME BITS NOT_BEFORE NOT_AFTER COMMON_NAME (dates as YYYYMMDDHHMMSSZ)
make_key() {
  local name=$1 bits=$2 start=$3 end=$4 cn=$5
  if [[ -e "$name.key" && -e "$name.crt" ]] && ! is_forced "$name"; then
    echo "keep   $name.key, $name.crt"
    return
  fi
  local work
  work=$(mktemp -d)
  # A minimal CA configuration: no extensions (a v1 certificate), any subject, SHA-256.
  cat >"$work/ca.cnf" <<EOF
[ ca ]
default_ca = test_idp
[ test_idp ]
database = $work/index.txt
serial = $work/serial
new_certs_dir = $work
default_md = sha256
policy = any_subject
unique_subject = no
[ any_subject ]
commonName = supplied
EOF
  : >"$work/index.txt"
  echo 01 >"$work/serial"
  openssl genpkey -algorithm RSA -pkeyopt "rsa_keygen_bits:$bits" -out "$name.key" 2>/dev/null
  chmod 600 "$name.key"
  openssl req -new -key "$name.key" -subj "/CN=$cn" -out "$work/$name.csr"
  openssl ca -batch -notext -selfsign -config "$work/ca.cnf" -keyfile "$name.key" \
    -startdate "$start" -enddate "$end" -in "$work/$name.csr" -out "$name.crt" 2>/dev/null
  rm -rf "$work"
  echo "made   $name.key, $name.crt ($bits bits, $start..$end)"
}

make_key idp 2048 20250101000000Z 20351231000000Z 'samlint test IdP (not a real key)'
make_key rotated 2048 20250101000000Z 20351231000000Z 'samlint test IdP rotated (not a real key)'
make_key weak1024 1024 20250101000000Z 20351231000000Z 'samlint test IdP 1024-bit (not a real key)'
make_key weak512 512 20250101000000Z 20351231000000Z 'samlint test IdP 512-bit (not a real key)'
make_key expired 2048 20200101000000Z 20211231000000Z 'samlint test IdP expired (not a real key)'
make_key sp 2048 20250101000000Z 20351231000000Z 'samlint test SP (not a real key)'
