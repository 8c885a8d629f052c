/** An X.509 certificate as samlint reports it: where it came from, its fingerprint, dates and key. */
export interface Certificate {
  /** Where the certificate came from: `--cert #1`, `metadata`, `KeyInfo`. */
  readonly source: string;
  readonly pem: string;
  /** SHA-256 fingerprint, colon-separated upper-case hex (as `openssl x509 -fingerprint -sha256`). */
  readonly fingerprint256: string;
  readonly subject: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
  readonly keyType?: string;
  /** RSA modulus length in bits. */
  readonly keyBits?: number;
}
