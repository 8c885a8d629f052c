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
#   repeated-extension  2048-bit, 2025-01-01..2035-12-31, v3 with keyUsage twice, which IAM refuses (MD013)
#   ec256      ECDSA P-256 (prime256v1), 2025-01-01..2035-12-31  an IdP that signs with ecdsa-sha256
#              (http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256); vectors trust keys/ec256.crt
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

# make_key NAME BITS NOT_BEFORE NOT_AFTER COMMON_NAME (dates as YYYYMMDDHHMMSSZ); BITS is an RSA key
# size, or an elliptic curve's name (P-256) for an EC key.
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
  if [[ "$bits" == P-* ]]; then
    openssl genpkey -algorithm EC -pkeyopt "ec_paramgen_curve:$bits" -pkeyopt ec_param_enc:named_curve -out "$name.key" 2>/dev/null
  else
    openssl genpkey -algorithm RSA -pkeyopt "rsa_keygen_bits:$bits" -out "$name.key" 2>/dev/null
  fi
  chmod 600 "$name.key"
  openssl req -new -key "$name.key" -subj "/CN=$cn" -out "$work/$name.csr"
  openssl ca -batch -notext -selfsign -config "$work/ca.cnf" -keyfile "$name.key" \
    -startdate "$start" -enddate "$end" -in "$work/$name.csr" -out "$name.crt" 2>/dev/null
  rm -rf "$work"
  echo "made   $name.key, $name.crt ($bits bits, $start..$end)"
}

# make_repeated_extension NAME: a v3 certificate that has the keyUsage extension twice. `openssl ca`
# and `openssl req` merge repeated extensions, so the TBSCertificate is written with `openssl asn1parse
# -genconf` (RFC 5280 §4.1, field by field), signed with `openssl dgst`, and wrapped the same way.
make_repeated_extension() {
  local name=$1
  if [[ -e "$name.key" && -e "$name.crt" ]] && ! is_forced "$name"; then
    echo "keep   $name.key, $name.crt"
    return
  fi
  local work modulus signature
  work=$(mktemp -d)
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$name.key" 2>/dev/null
  chmod 600 "$name.key"
  modulus=$(openssl rsa -in "$name.key" -noout -modulus | cut -d= -f2)
  cat >"$work/tbs.cnf" <<EOF
asn1 = SEQUENCE:tbs
[tbs]
version = EXPLICIT:0,INTEGER:2
serial = INTEGER:1
signature = SEQUENCE:sha256_with_rsa
issuer = SEQUENCE:name
validity = SEQUENCE:validity
subject = SEQUENCE:name
key = SEQUENCE:public_key
extensions = EXPLICIT:3,SEQUENCE:extensions
[sha256_with_rsa]
algorithm = OID:sha256WithRSAEncryption
parameters = NULL
[name]
cn = SET:common_name
[common_name]
attribute = SEQUENCE:common_name_value
[common_name_value]
type = OID:commonName
value = UTF8:samlint test IdP repeated extension (not a real key)
[validity]
not_before = UTCTIME:250101000000Z
not_after = UTCTIME:351231000000Z
[public_key]
algorithm = SEQUENCE:rsa_encryption
key = BITWRAP,SEQUENCE:rsa_key
[rsa_encryption]
algorithm = OID:rsaEncryption
parameters = NULL
[rsa_key]
modulus = INTEGER:0x$modulus
exponent = INTEGER:65537
[extensions]
basic_constraints = SEQUENCE:basic_constraints
key_usage = SEQUENCE:key_usage
key_usage_again = SEQUENCE:key_usage
[basic_constraints]
id = OID:basicConstraints
critical = BOOLEAN:TRUE
value = FORMAT:HEX,OCTETSTRING:3000
[key_usage]
id = OID:keyUsage
critical = BOOLEAN:TRUE
value = FORMAT:HEX,OCTETSTRING:03020780
EOF
  openssl asn1parse -genconf "$work/tbs.cnf" -noout -out "$work/tbs.der"
  openssl dgst -sha256 -sign "$name.key" -out "$work/signature.bin" "$work/tbs.der"
  signature=$(od -An -v -tx1 "$work/signature.bin" | tr -d ' \n')
  {
    sed 's/^asn1 = SEQUENCE:tbs$/asn1 = SEQUENCE:certificate/' "$work/tbs.cnf"
    printf '[certificate]\ntbs = SEQUENCE:tbs\nsignature_algorithm = SEQUENCE:sha256_with_rsa\nsignature = FORMAT:HEX,BITSTRING:%s\n' "$signature"
  } >"$work/certificate.cnf"
  openssl asn1parse -genconf "$work/certificate.cnf" -noout -out "$work/certificate.der"
  openssl x509 -inform DER -in "$work/certificate.der" -out "$name.crt"
  rm -rf "$work"
  echo "made   $name.key, $name.crt (2048 bits, keyUsage twice)"
}

make_key idp 2048 20250101000000Z 20351231000000Z 'samlint test IdP (not a real key)'
make_key rotated 2048 20250101000000Z 20351231000000Z 'samlint test IdP rotated (not a real key)'
make_key weak1024 1024 20250101000000Z 20351231000000Z 'samlint test IdP 1024-bit (not a real key)'
make_key weak512 512 20250101000000Z 20351231000000Z 'samlint test IdP 512-bit (not a real key)'
make_key expired 2048 20200101000000Z 20211231000000Z 'samlint test IdP expired (not a real key)'
make_key sp 2048 20250101000000Z 20351231000000Z 'samlint test SP (not a real key)'
make_repeated_extension repeated-extension
make_key ec256 P-256 20250101000000Z 20351231000000Z 'samlint test IdP ECDSA P-256 (not a real key)'
