import { createHash, createPublicKey, verify as verifySignature, constants, type KeyObject } from 'node:crypto';
import type { Certificate } from '../model/certificate.js';

/** A hash by its Node/WebCrypto-neutral name. */
export type HashName = 'sha1' | 'sha224' | 'sha256' | 'sha384' | 'sha512';

/** What a SignatureMethod needs from a host: the key family and its parameters. */
export interface SignatureScheme {
  hash: HashName;
  key: 'rsa' | 'rsa-pss' | 'ec';
}

/**
 * The only cryptography the verifier uses, so that another host (a browser page) can supply its own.
 * Both functions get UTF-8 text exactly as canonicalised; neither throws.
 */
export interface SignatureCrypto {
  digest(hash: HashName, text: string): Uint8Array;
  /** Whether `signature` over `text` verifies with the certificate's public key under `scheme`. */
  verify(scheme: SignatureScheme, certificate: Certificate, text: string, signature: Uint8Array): boolean;
}

const keys = new WeakMap<Certificate, KeyObject | null>();

function publicKeyOf(certificate: Certificate): KeyObject | null {
  let key = keys.get(certificate);
  if (key === undefined) {
    try {
      key = createPublicKey(certificate.pem);
    } catch {
      key = null;
    }
    keys.set(certificate, key);
  }
  return key;
}

/** A key of another family never verifies: an RSA certificate cannot vouch for an ECDSA signature. */
function fits(key: KeyObject, scheme: SignatureScheme): boolean {
  const type = key.asymmetricKeyType;
  return scheme.key === 'ec' ? type === 'ec' : type === 'rsa' || type === 'rsa-pss';
}

/**
 * The last verdicts per certificate, keyed by all that decides one: the scheme, the signature value and
 * the exact text signed. An editor lints a document again at each keystroke, and its SignedInfo does not
 * change while the user edits the content it covers (only that content's digest is computed again).
 */
const VERDICTS_PER_CERTIFICATE = 8;
const verdicts = new WeakMap<Certificate, Map<string, boolean>>();

export const nodeCrypto: SignatureCrypto = {
  digest: (hash, text) => createHash(hash).update(text, 'utf8').digest(),
  verify(scheme, certificate, text, signature) {
    const key = `${scheme.key} ${scheme.hash} ${Buffer.from(signature).toString('base64')} ${text}`;
    let known = verdicts.get(certificate);
    if (!known) verdicts.set(certificate, (known = new Map()));
    let verdict = known.get(key);
    if (verdict === undefined) {
      verdict = verifyOnce(scheme, certificate, text, signature);
      if (known.size >= VERDICTS_PER_CERTIFICATE) known.delete(known.keys().next().value as string);
      known.set(key, verdict);
    }
    return verdict;
  },
};

function verifyOnce(scheme: SignatureScheme, certificate: Certificate, text: string, signature: Uint8Array): boolean {
  const key = publicKeyOf(certificate);
  if (!key || !fits(key, scheme)) return false;
  const options =
    scheme.key === 'ec'
      ? // XML Signature encodes ECDSA as r || s, not DER (RFC 4051 §3.3).
        { key, dsaEncoding: 'ieee-p1363' as const }
      : scheme.key === 'rsa-pss'
        ? { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_DIGEST }
        : { key };
  try {
    return verifySignature(scheme.hash, Buffer.from(text, 'utf8'), options, signature);
  } catch {
    // A malformed signature value (wrong length for the curve) simply does not verify.
    return false;
  }
}
