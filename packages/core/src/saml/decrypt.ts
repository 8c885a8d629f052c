import type { Certificate } from '../model/certificate.js';
import type { AlgorithmRole, ContentCipher, DecryptionFailure, EncryptedPart } from '../model/decryption.js';
import { certificateFromBase64 } from '../sig/certificates.js';
import { NS, attribute, childElements, firstChild } from '../xml/dom.js';
import type { ParsedXml } from '../model/xml.js';
import { parseXml } from '../xml/parse.js';
import { nodeDecryptionCrypto, type DecryptionCrypto, type DecryptionKey } from './decryption-crypto.js';
import {
  CONTENT_CIPHERS,
  GCM_TAG_BYTES,
  XENC11,
  base64Bytes,
  keyCandidates,
  keyTransportOf,
  type KeyTransport,
} from './xenc.js';

export type DecryptionResult = { ok: true; parsed: ParsedXml } | { ok: false; failure: DecryptionFailure };

/** The EncryptedData's cipher text, read and checked before any key is tried. */
interface Content {
  cipher: ContentCipher;
  method: Element;
  algorithm: string;
  cipherValue: Element;
  bytes: Uint8Array;
}

/** An EncryptedKey ready to unwrap. */
interface WrappedKey {
  element: Element;
  transport: KeyTransport;
  bytes: Uint8Array;
}

/**
 * EncryptedKeys tried per EncryptedAssertion, in order: a key rollover has two. An RSA 1.5 unwrap costs
 * tens of milliseconds in JavaScript, so a response stuffed with EncryptedKeys must not cost one each.
 */
const MAX_KEYS_TRIED = 4;

const failed = (failure: DecryptionFailure): DecryptionResult => ({ ok: false, failure });
const isFailure = (value: object): value is DecryptionFailure => 'kind' in value;

/**
 * Decrypts an EncryptedAssertion with the SP's private key and parses the plaintext with samlint's own
 * parser, bounds and DTD refusal included. The structure is read from the response's own tree; the
 * cryptography comes from `crypto`. Every outcome that is not an Assertion is a typed failure.
 */
export function decryptAssertion(
  encryptedAssertion: Element,
  privateKeyPem: string,
  crypto: DecryptionCrypto = nodeDecryptionCrypto,
): DecryptionResult {
  const data = firstChild(encryptedAssertion, NS.xenc, 'EncryptedData');
  if (!data) return failed({ kind: 'malformed' });
  // A key that is not a key is the user's to fix whatever the response holds, so it is said first.
  const privateKey = crypto.readPrivateKey(privateKeyPem);
  if (!privateKey.ok && privateKey.problem === 'unreadable') {
    return failed({ kind: 'key-unreadable', at: encryptedAssertion, form: pemForm(privateKeyPem) });
  }
  const content = readContent(data);
  if (isFailure(content)) return failed(content);
  const wrapped = readKeys(encryptedAssertion, data);
  if (isFailure(wrapped)) return failed(wrapped);
  if (!privateKey.ok) return failed({ kind: 'key-not-rsa', at: encryptedAssertion, keyType: privateKey.keyType });
  // Several EncryptedKeys are one per recipient (a key rollover): the first that opens and decrypts wins.
  // Once a key opened, what went wrong with the content says more than another key that did not open.
  let keyFailure: DecryptionFailure | undefined;
  let contentFailure: DecryptionFailure | undefined;
  for (const key of wrapped.slice(0, MAX_KEYS_TRIED)) {
    const contentKey = unwrap(key, privateKey.key, content, crypto);
    if (isFailure(contentKey)) {
      keyFailure ??= contentKey;
      continue;
    }
    const plaintext = decryptContent(content, contentKey, crypto);
    if (isFailure(plaintext)) {
      contentFailure = plaintext;
      continue;
    }
    return readPlaintext(plaintext, data);
  }
  return failed(contentFailure ?? keyFailure ?? { kind: 'malformed' });
}

/** What a --decryption-key that no parser reads looks like, from its PEM labels. */
function pemForm(pem: string): 'unknown' | 'certificate' | 'passphrase' {
  if (/-----BEGIN ENCRYPTED PRIVATE KEY-----|Proc-Type:\s*4,\s*ENCRYPTED/.test(pem)) return 'passphrase';
  if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(pem) && /-----BEGIN CERTIFICATE-----/.test(pem)) return 'certificate';
  return 'unknown';
}

/** The bytes of a CipherData's CipherValue; SAML carries the cipher text inline, never by reference. */
function cipherBytes(cipherData: Element, part: EncryptedPart): { cipherValue: Element; bytes: Uint8Array } | DecryptionFailure {
  const cipherValue = firstChild(cipherData, NS.xenc, 'CipherValue');
  if (!cipherValue) {
    const reference = firstChild(cipherData, NS.xenc, 'CipherReference');
    return reference
      ? { kind: 'cipher-reference', at: reference, part, uri: attribute(reference, 'URI') ?? '' }
      : { kind: 'cipher-value-missing', at: cipherData, part };
  }
  const bytes = base64Bytes(cipherValue.textContent ?? '');
  return bytes ? { cipherValue, bytes } : { kind: 'cipher-value-not-base64', at: cipherValue, part };
}

function readContent(data: Element): Content | DecryptionFailure {
  const method = firstChild(data, NS.xenc, 'EncryptionMethod');
  const cipherData = firstChild(data, NS.xenc, 'CipherData');
  if (!method || !cipherData) return { kind: 'malformed' };
  const algorithm = attribute(method, 'Algorithm');
  if (algorithm === undefined) return { kind: 'algorithm-missing', at: method, part: 'EncryptedData' };
  const cipher = CONTENT_CIPHERS[algorithm];
  if (!cipher) return { kind: 'algorithm-unsupported', at: method, part: 'EncryptedData', role: 'content encryption', algorithm };
  const read = cipherBytes(cipherData, 'EncryptedData');
  if (isFailure(read)) return read;
  const { cipherValue, bytes } = read;
  // CBC: IV, then whole blocks (the padding makes at least one); GCM: IV, cipher text, 128-bit tag.
  const body = bytes.length - cipher.ivBytes;
  const whole = cipher.mode === 'gcm' ? body >= GCM_TAG_BYTES : body > 0 && body % cipher.ivBytes === 0;
  if (!whole) return { kind: 'cipher-text-length', at: cipherValue, bytes: bytes.length, cipher };
  return { cipher, method, algorithm, cipherValue, bytes };
}

/** The EncryptedKeys that could carry the content key, ready to unwrap; the first failure when none is. */
function readKeys(encrypted: Element, data: Element): WrappedKey[] | DecryptionFailure {
  const { keys, unresolved } = keyCandidates(encrypted, data);
  const keyInfo = firstChild(data, NS.ds, 'KeyInfo');
  if (keys.length === 0) {
    if (!keyInfo) return { kind: 'malformed' };
    const method = unresolved[0];
    return method ? { kind: 'retrieval-unresolved', at: method, uri: attribute(method, 'URI') ?? '' } : { kind: 'encrypted-key-missing', at: keyInfo };
  }
  const ready: WrappedKey[] = [];
  let firstFailure: DecryptionFailure | undefined;
  for (const element of keys) {
    const key = readKey(element);
    if (isFailure(key)) firstFailure ??= key;
    else ready.push(key);
  }
  return ready.length ? ready : (firstFailure ?? { kind: 'malformed' });
}

function readKey(element: Element): WrappedKey | DecryptionFailure {
  const method = firstChild(element, NS.xenc, 'EncryptionMethod');
  const cipherData = firstChild(element, NS.xenc, 'CipherData');
  if (!method || !cipherData) return { kind: 'malformed' };
  if (attribute(method, 'Algorithm') === undefined) return { kind: 'algorithm-missing', at: method, part: 'EncryptedKey' };
  const transport = keyTransportOf(method);
  if ('role' in transport) return { kind: 'algorithm-unsupported', at: transport.method, part: 'EncryptedKey', ...transport };
  const read = cipherBytes(cipherData, 'EncryptedKey');
  return isFailure(read) ? read : { element, transport, bytes: read.bytes };
}

/** The certificate the EncryptedKey says it was encrypted to (its KeyInfo's X509Certificate), when it names one. */
function recipientCertificate(encryptedKey: Element): Certificate | undefined {
  const keyInfo = firstChild(encryptedKey, NS.ds, 'KeyInfo');
  const data = keyInfo && firstChild(keyInfo, NS.ds, 'X509Data');
  const text = data && childElements(data, NS.ds, 'X509Certificate')[0]?.textContent;
  if (!text) return undefined;
  const read = certificateFromBase64(text, 'EncryptedKey');
  return read.ok ? read.certificate : undefined;
}

function unwrap(key: WrappedKey, privateKey: DecryptionKey, content: Content, crypto: DecryptionCrypto): Uint8Array | DecryptionFailure {
  const at = key.element;
  // RSA cipher text is exactly as long as the modulus it was encrypted to.
  const fits = key.bytes.length === Math.ceil(privateKey.bits / 8);
  const opened = fits ? crypto.unwrap(privateKey, key.transport, key.bytes) : 'padding-invalid';
  if (opened === 'unsupported-digest' || opened === 'unsupported-mask') return unsupportedOaep(at, opened);
  if (opened === 'padding-invalid') {
    const certificate = recipientCertificate(at);
    if (certificate && !crypto.certifies(certificate, privateKey)) return { kind: 'wrong-key', at, evidence: { by: 'certificate', certificate } };
    if (certificate) return { kind: 'encrypted-key-damaged', at, certificate };
    if (!fits) return { kind: 'wrong-key', at, evidence: { by: 'size', wrappedBits: key.bytes.length * 8, keyBits: privateKey.bits } };
    return { kind: 'wrong-key', at, evidence: { by: 'padding', transport: key.transport.padding } };
  }
  if (opened.length === content.cipher.keyBytes) return opened;
  // PKCS#1 v1.5 padding decodes by chance now and then with another key; OAEP's does not.
  if (key.transport.padding === 'pkcs1') return { kind: 'wrong-key', at, evidence: { by: 'padding', transport: 'pkcs1' } };
  return { kind: 'content-key-size', at: content.method, algorithm: content.algorithm, expectedBits: content.cipher.keyBytes * 8, actualBits: opened.length * 8 };
}

/** The OAEP parameter the host cannot apply, as the EncryptedKey names it. */
function unsupportedOaep(encryptedKey: Element, lacking: 'unsupported-digest' | 'unsupported-mask'): DecryptionFailure {
  const method = firstChild(encryptedKey, NS.xenc, 'EncryptionMethod') ?? encryptedKey;
  const [name, role]: [string, AlgorithmRole] = lacking === 'unsupported-digest' ? ['DigestMethod', 'OAEP digest'] : ['MGF', 'OAEP mask generation'];
  const at = firstChild(method, name === 'MGF' ? XENC11 : NS.ds, name) ?? method;
  return { kind: 'algorithm-unsupported', at, part: 'EncryptedKey', role, algorithm: attribute(at, 'Algorithm') ?? '' };
}

function decryptContent(content: Content, contentKey: Uint8Array, crypto: DecryptionCrypto): Uint8Array | DecryptionFailure {
  const { cipher, bytes, cipherValue } = content;
  const iv = bytes.subarray(0, cipher.ivBytes);
  if (cipher.mode === 'gcm') {
    const plaintext = crypto.decrypt(cipher, contentKey, iv, bytes.subarray(cipher.ivBytes, -GCM_TAG_BYTES), bytes.subarray(-GCM_TAG_BYTES));
    return plaintext ?? { kind: 'gcm-tag-mismatch', at: cipherValue };
  }
  const padded = crypto.decrypt(cipher, contentKey, iv, bytes.subarray(cipher.ivBytes));
  // XML Encryption §5.2: the last byte counts the padding bytes, 1 to a block; the others are arbitrary.
  const padding = padded?.[padded.length - 1] ?? 0;
  if (!padded || padding < 1 || padding > cipher.ivBytes) return { kind: 'cbc-padding-invalid', at: cipherValue };
  return padded.subarray(0, padded.length - padding);
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

function readPlaintext(bytes: Uint8Array, data: Element): DecryptionResult {
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    return failed({ kind: 'plaintext-not-xml', at: data, reason: 'not UTF-8' });
  }
  const parsed = parseXml(text);
  const root = parsed.doc?.root;
  if (!root) {
    const problem = parsed.problems[0]?.kind;
    const reason = problem === 'doctype' ? 'declares a DTD' : problem === 'limit' ? 'over the size bounds' : 'not well-formed';
    return failed({ kind: 'plaintext-not-xml', at: data, reason });
  }
  if (root.namespaceURI !== NS.saml || root.localName !== 'Assertion') return failed({ kind: 'plaintext-not-assertion', at: data, root: root.tagName });
  return { ok: true, parsed };
}
