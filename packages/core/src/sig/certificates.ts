import { X509Certificate } from 'node:crypto';
import type { Certificate, CertificateProblem } from '../model/certificate.js';
import { TextCache } from '../model/text-cache.js';

export type CertificateResult = { ok: true; certificate: Certificate } | { ok: false; source: string; problem: CertificateProblem };

/** A certificate problem in words, for the rules that report one (IN010, MD009). */
export function describeCertificateProblem(problem: CertificateProblem): string {
  switch (problem.kind) {
    case 'not-base64':
      return 'not base64 or PEM';
    case 'not-x509':
      return `not an X.509 certificate samlint can read (${problem.detail})`;
  }
}

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g;

/** Every certificate in a text: PEM blocks, or else the whole text as base64 DER. */
export function readCertificates(text: string, source: string): CertificateResult[] {
  const blocks = [...text.matchAll(PEM_BLOCK)].map((m) => m[1] ?? '');
  const bodies = blocks.length ? blocks : [text];
  return bodies.map((body, i) => certificateFromBase64(body, bodies.length > 1 ? `${source} (#${i + 1})` : source));
}

/** The bytes of a base64 DER certificate (whitespace ignored); undefined when the text is not base64. */
export function derFromBase64(base64: string): Buffer | undefined {
  const compact = base64.replace(/\s+/g, '');
  return /^[A-Za-z0-9+/]+={0,2}$/.test(compact) ? Buffer.from(compact, 'base64') : undefined;
}

/**
 * Certificates already read, by source and base64: the same IdP certificate arrives with every lint
 * (--cert, --metadata, each response's KeyInfo), and decoding X.509 cost more than verifying with it.
 * Results are immutable; the bound keeps a stream of different certificates from growing it.
 */
const READ = new TextCache<CertificateResult>(64);

/** A certificate from its base64 DER, as it stands in PEM, in metadata or in a KeyInfo. */
export function certificateFromBase64(base64: string, source: string): CertificateResult {
  const compact = base64.replace(/\s+/g, '');
  return READ.get(`${source}\n${compact}`, () => readCertificate(compact, source));
}

function readCertificate(compact: string, source: string): CertificateResult {
  const der = derFromBase64(compact);
  if (!der) return { ok: false, source, problem: { kind: 'not-base64' } };
  // Every getter of X509Certificate may throw on a damaged certificate (publicKey does on an odd SPKI).
  try {
    const x509 = new X509Certificate(der);
    const details = x509.publicKey.asymmetricKeyDetails;
    return {
      ok: true,
      certificate: {
        source,
        pem: `-----BEGIN CERTIFICATE-----\n${compact.replace(/.{64}/g, '$&\n').replace(/\n$/, '')}\n-----END CERTIFICATE-----\n`,
        fingerprint256: x509.fingerprint256,
        subject: x509.subject.replace(/\n/g, ', '),
        notBefore: new Date(x509.validFrom),
        notAfter: new Date(x509.validTo),
        keyType: x509.publicKey.asymmetricKeyType,
        keyBits: details?.modulusLength,
      },
    };
  } catch (error) {
    return { ok: false, source, problem: { kind: 'not-x509', detail: (error as Error).message } };
  }
}

/** AWS refuses IdP metadata whose key is shorter (facts AWS-MD-001, IAM-IDP). */
export const AWS_MINIMUM_KEY_BITS = 1024;
/** Today's floor for RSA (NIST SP 800-57 part 1, 112-bit security). */
export const RECOMMENDED_KEY_BITS = 2048;

/** How short an RSA key is: `refused` under AWS's 1024-bit minimum, `weak` under 2048 bits. */
export function rsaKeyWeakness(certificate: Certificate): 'refused' | 'weak' | undefined {
  if ((certificate.keyType !== 'rsa' && certificate.keyType !== 'rsa-pss') || certificate.keyBits === undefined) return undefined;
  if (certificate.keyBits < AWS_MINIMUM_KEY_BITS) return 'refused';
  return certificate.keyBits < RECOMMENDED_KEY_BITS ? 'weak' : undefined;
}

/** `AB:CD:…` shortened for messages; the full value goes in notes. */
export function shortFingerprint(certificate: Certificate): string {
  return `${certificate.fingerprint256.slice(0, 23)}…`;
}

export function describeCertificate(certificate: Certificate): string {
  const day = (date: Date) => (Number.isNaN(date.getTime()) ? '?' : date.toISOString().slice(0, 10));
  return `${certificate.source}: SHA-256 ${certificate.fingerprint256}, valid ${day(certificate.notBefore)} to ${day(certificate.notAfter)}, subject ${certificate.subject}`;
}
