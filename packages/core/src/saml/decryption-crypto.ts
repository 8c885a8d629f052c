import { constants, createDecipheriv, createPrivateKey, createPublicKey, privateDecrypt, type KeyObject } from 'node:crypto';
import forge from 'node-forge';
import type { Certificate } from '../model/certificate.js';
import type { ContentCipher } from '../model/decryption.js';
import type { HashName } from '../sig/crypto.js';
import type { KeyTransport } from './xenc.js';

/** The SP's RSA private key, read once per decryption; each host keeps its own representation. */
export interface DecryptionKey {
  /** Modulus length in bits. */
  readonly bits: number;
}

export type PrivateKeyResult =
  | { ok: true; key: DecryptionKey }
  | { ok: false; problem: 'unreadable' }
  | { ok: false; problem: 'not-rsa'; keyType: string };

/** A content key, or why there is none: the padding does not decode with this key, or the host lacks OAEP's digest or mask hash. */
export type UnwrapResult = Uint8Array | 'padding-invalid' | 'unsupported-digest' | 'unsupported-mask';

/**
 * The only cryptography decryption uses, so that another host (a browser page) can supply its own.
 * No function throws: what a failed check means is decided in decrypt.ts.
 */
export interface DecryptionCrypto {
  readPrivateKey(pem: string): PrivateKeyResult;
  /** Whether the certificate holds the public half of `key`. */
  certifies(certificate: Certificate, key: DecryptionKey): boolean;
  unwrap(key: DecryptionKey, transport: KeyTransport, wrapped: Uint8Array): UnwrapResult;
  /**
   * The plaintext of `data`. CBC returns every block, its XML Encryption padding left to the caller
   * (only the last byte of it is defined, so it is not PKCS#7); GCM returns undefined when `tag` does not verify.
   */
  decrypt(cipher: ContentCipher, key: Uint8Array, iv: Uint8Array, data: Uint8Array, tag?: Uint8Array): Uint8Array | undefined;
}

const nodeKeys = new WeakMap<DecryptionKey, KeyObject>();
const forgeKeys = new WeakMap<DecryptionKey, forge.pki.rsa.PrivateKey>();

function keyObjectOf(key: DecryptionKey): KeyObject {
  const keyObject = nodeKeys.get(key);
  if (!keyObject) throw new Error('a DecryptionKey read by another DecryptionCrypto');
  return keyObject;
}

/** node-forge's view of the key, from its JWK parameters: node:crypto has read the PEM, whatever its form. */
function forgeKeyOf(key: DecryptionKey): forge.pki.rsa.PrivateKey {
  let forgeKey = forgeKeys.get(key);
  if (!forgeKey) {
    const jwk = keyObjectOf(key).export({ format: 'jwk' });
    const big = (value: string | undefined) => new forge.jsbn.BigInteger(Buffer.from(value ?? '', 'base64url').toString('hex'), 16);
    forgeKey = forge.pki.setRsaPrivateKey(big(jwk.n), big(jwk.e), big(jwk.d), big(jwk.p), big(jwk.q), big(jwk.dp), big(jwk.dq), big(jwk.qi));
    forgeKeys.set(key, forgeKey);
  }
  return forgeKey;
}

/** node-forge's digests by name; it has no SHA-224. */
const FORGE_DIGESTS: Partial<Record<HashName, () => forge.md.MessageDigest>> = {
  sha1: () => forge.md.sha1.create(),
  sha256: () => forge.md.sha256.create(),
  sha384: () => forge.md.sha384.create(),
  sha512: () => forge.md.sha512.create(),
};

/** node-forge takes and returns bytes as "binary" strings, one character per byte. */
const binary = (bytes: Uint8Array) => Buffer.from(bytes).toString('binary');

function forgeUnwrap(key: DecryptionKey, transport: KeyTransport, wrapped: Uint8Array): UnwrapResult {
  let scheme: forge.pki.rsa.EncryptionScheme = 'RSAES-PKCS1-V1_5';
  let options: object | undefined;
  if (transport.padding === 'oaep') {
    const digest = FORGE_DIGESTS[transport.digest];
    const mask = FORGE_DIGESTS[transport.mask];
    if (!digest) return 'unsupported-digest';
    if (!mask) return 'unsupported-mask';
    scheme = 'RSA-OAEP';
    options = { md: digest(), mgf1: { md: mask() }, ...(transport.label ? { label: binary(transport.label) } : {}) };
  }
  try {
    return Buffer.from(forgeKeyOf(key).decrypt(binary(wrapped), scheme, options), 'binary');
  } catch {
    // node-forge throws when the padding does not decode.
    return 'padding-invalid';
  }
}

/**
 * node:crypto, with node-forge (Digital Bazaar's pure-JS PKI library) for the two RSA decryptions Node
 * does not do: PKCS#1 v1.5, which Node ≥ 20.11 refuses for private decryption (CVE-2023-46809, a
 * timing oracle against servers that answer each attempt; samlint decrypts the user's own capture
 * offline, once), and OAEP whose MGF1 digest differs from its DigestMethod (rsa-oaep-mgf1p with
 * SHA-256), since Node gives both the one `oaepHash`.
 */
export const nodeDecryptionCrypto: DecryptionCrypto = {
  readPrivateKey(pem) {
    let keyObject: KeyObject;
    try {
      keyObject = createPrivateKey(pem);
    } catch {
      return { ok: false, problem: 'unreadable' };
    }
    if (keyObject.asymmetricKeyType !== 'rsa') return { ok: false, problem: 'not-rsa', keyType: keyObject.asymmetricKeyType ?? 'unknown' };
    const key: DecryptionKey = { bits: keyObject.asymmetricKeyDetails?.modulusLength ?? 0 };
    nodeKeys.set(key, keyObject);
    return { ok: true, key };
  },

  certifies(certificate, key) {
    const spki = (keyObject: KeyObject) => keyObject.export({ type: 'spki', format: 'der' });
    try {
      return spki(createPublicKey(certificate.pem)).equals(spki(createPublicKey(keyObjectOf(key))));
    } catch {
      return false;
    }
  },

  unwrap(key, transport, wrapped) {
    if (transport.padding === 'pkcs1' || transport.digest !== transport.mask) return forgeUnwrap(key, transport, wrapped);
    const options = { key: keyObjectOf(key), padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: transport.digest };
    try {
      return privateDecrypt(transport.label ? { ...options, oaepLabel: transport.label } : options, wrapped);
    } catch {
      // OpenSSL fails when the OAEP padding does not decode.
      return 'padding-invalid';
    }
  },

  decrypt(cipher, key, iv, data, tag) {
    try {
      if (cipher.mode === 'cbc') {
        const decipher = createDecipheriv(cipher.name, key, iv).setAutoPadding(false);
        return Buffer.concat([decipher.update(data), decipher.final()]);
      }
      if (!tag) return undefined;
      const decipher = createDecipheriv(cipher.name, key, iv).setAuthTag(tag);
      return Buffer.concat([decipher.update(data), decipher.final()]);
    } catch {
      // final() throws when the GCM tag does not verify.
      return undefined;
    }
  },
};
