// Why an EncryptedAssertion could not be decrypted (saml/decrypt.ts decides it, IN011 says it in words),
// and the cipher vocabulary the failures name.
import type { Certificate } from './certificate.js';

/** A content-encryption algorithm: a block cipher in CBC mode (§5.2.1–5.2.3) or AES-GCM (§5.2.4). */
export type ContentCipher = (
  | { mode: 'cbc'; name: 'des-ede3-cbc' | 'aes-128-cbc' | 'aes-192-cbc' | 'aes-256-cbc' }
  | { mode: 'gcm'; name: 'aes-128-gcm' | 'aes-192-gcm' | 'aes-256-gcm' }
) & {
  // `name` is OpenSSL's.
  keyBytes: number;
  /** The IV that precedes the cipher text: one block for CBC, 96 bits for GCM. */
  ivBytes: number;
};

/** What an algorithm does where it stands, for messages. */
export type AlgorithmRole = 'content encryption' | 'key transport' | 'OAEP digest' | 'OAEP mask generation';

/** The element of an encrypted element a failure is about. */
export type EncryptedPart = 'EncryptedData' | 'EncryptedKey';

/** How samlint knows that --decryption-key is not the key the IdP encrypted to. */
export type WrongKeyEvidence =
  /** The EncryptedKey's KeyInfo names the certificate it was encrypted to, and the key is not its. */
  | { by: 'certificate'; certificate: Certificate }
  /** The wrapped key is as long as another RSA modulus. */
  | { by: 'size'; wrappedBits: number; keyBits: number }
  /** The RSA padding does not decode with this key. */
  | { by: 'padding'; transport: 'pkcs1' | 'oaep' };

/**
 * Why an EncryptedAssertion could not be decrypted, decided from its structure and from which step
 * failed, never from a library's error text. `at` is the element the failure is about.
 */
export type DecryptionFailure =
  /** A part SAML026 reports is missing: EncryptedData, an EncryptionMethod, CipherData, or any key. */
  | { kind: 'malformed' }
  | { kind: 'key-unreadable'; at: Element; form: 'unknown' | 'certificate' | 'passphrase' }
  | { kind: 'key-not-rsa'; at: Element; keyType: string }
  | { kind: 'algorithm-missing'; at: Element; part: EncryptedPart }
  | { kind: 'algorithm-unsupported'; at: Element; part: EncryptedPart; role: AlgorithmRole; algorithm: string }
  | { kind: 'encrypted-key-missing'; at: Element }
  | { kind: 'retrieval-unresolved'; at: Element; uri: string }
  | { kind: 'cipher-reference'; at: Element; part: EncryptedPart; uri: string }
  | { kind: 'cipher-value-missing'; at: Element; part: EncryptedPart }
  | { kind: 'cipher-value-not-base64'; at: Element; part: EncryptedPart }
  | { kind: 'cipher-text-length'; at: Element; bytes: number; cipher: ContentCipher }
  | { kind: 'wrong-key'; at: Element; evidence: WrongKeyEvidence }
  /** The EncryptedKey names the certificate of --decryption-key, yet does not decrypt with it. */
  | { kind: 'encrypted-key-damaged'; at: Element; certificate: Certificate }
  /** RSA-OAEP (which detects a wrong key) gave a content key of another size than the cipher takes. */
  | { kind: 'content-key-size'; at: Element; algorithm: string; expectedBits: number; actualBits: number }
  | { kind: 'gcm-tag-mismatch'; at: Element }
  | { kind: 'cbc-padding-invalid'; at: Element }
  | { kind: 'plaintext-not-xml'; at: Element; reason: 'not UTF-8' | 'not well-formed' | 'declares a DTD' | 'over the size bounds' }
  | { kind: 'plaintext-not-assertion'; at: Element; root: string };
