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

/** Why a certificate cannot be read. */
export type CertificateProblem = { kind: 'not-base64' } | { kind: 'not-x509'; detail: string };

/** Why a --cert or --metadata input cannot be used; IN010 says it in words. */
export type TrustProblem =
  /** `source` names the --cert input (and the PEM block, when it holds several). */
  | { kind: 'certificate-unreadable'; source: string; problem: CertificateProblem }
  /** Read as UTF-8, the metadata is UTF-16 or in another encoding. */
  | { kind: 'metadata-not-utf8' }
  | { kind: 'metadata-not-saml' };
