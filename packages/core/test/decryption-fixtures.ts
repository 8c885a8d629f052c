// EncryptedAssertions crafted to fail decryption in each way samlint tells apart, for the tests of
// saml/decrypt.ts (the typed outcome) and of IN011 (the message it becomes).
import { readFileSync } from 'node:fs';
import { buildResponse } from '../../../test-vectors/lib/response.mjs';
import type { DecryptionFailure } from '../src/saml/decrypt.js';
import { OTHER_CERT, PROVIDER_ACS, SP_CERT, SP_KEY, encryptXml, splitAssertion } from './support/encrypt.js';

const keys = new URL('../../../test-vectors/keys/', import.meta.url);
export const EC_KEY = readFileSync(new URL('ec256.key', keys), 'utf8');
export const KEY_1024 = readFileSync(new URL('weak1024.key', keys), 'utf8');

const response = buildResponse({ destination: PROVIDER_ACS, recipient: PROVIDER_ACS });
/** The Assertion of a clean login: what an EncryptedAssertion carries. */
export const ASSERTION = splitAssertion(response).assertion;

/** The clean login with its Assertion replaced by an EncryptedAssertion holding `inner`. */
export function responseWith(inner: string): string {
  return splitAssertion(response).replace(`<saml:EncryptedAssertion>${inner}</saml:EncryptedAssertion>`);
}

const XENC = 'http://www.w3.org/2001/04/xmlenc#';
const CIPHER_VALUE = /<xenc:CipherValue>([^<]*)<\/xenc:CipherValue>/g;

/**
 * `inner` (an EncryptedKey inside the EncryptedData's KeyInfo, as encryptXml places it by default) with the
 * bytes of one CipherValue changed: the EncryptedKey's comes first, the EncryptedData's last.
 */
function editBytes(inner: string, part: 'EncryptedKey' | 'EncryptedData', edit: (bytes: Buffer) => Buffer): string {
  const values = [...inner.matchAll(CIPHER_VALUE)];
  const match = part === 'EncryptedKey' ? values[0] : values[values.length - 1];
  if (!match || match.index === undefined) throw new Error('no CipherValue');
  const edited = edit(Buffer.from(match[1] ?? '', 'base64')).toString('base64');
  return `${inner.slice(0, match.index)}<xenc:CipherValue>${edited}</xenc:CipherValue>${inner.slice(match.index + match[0].length)}`;
}

const flip = (offset: number) => (bytes: Buffer) => {
  const copy = Buffer.from(bytes);
  copy[offset] = (copy[offset] ?? 0) ^ 0x01;
  return copy;
};

/**
 * CBC is malleable: XOR the byte of the next-to-last block (or the IV) above the padding count with that
 * count, and the decrypted count becomes 0, which XML Encryption's padding never is.
 */
function zeroPaddingCount(plaintext: string) {
  const count = 16 - (Buffer.byteLength(plaintext) % 16);
  return (bytes: Buffer) => {
    const copy = Buffer.from(bytes);
    const at = copy.length - 17;
    copy[at] = (copy[at] ?? 0) ^ count;
    return copy;
  };
}

const KEY_INFO_WITH = (inner: string) => `<ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#">${inner}</ds:KeyInfo>`;
/** An AES-256-CBC EncryptedData of one block, with `middle` between its EncryptionMethod and its CipherData. */
const dataWith = (middle: string) =>
  `<xenc:EncryptedData xmlns:xenc="${XENC}" Type="${XENC}Element"><xenc:EncryptionMethod Algorithm="${XENC}aes256-cbc"/>${middle}` +
  `<xenc:CipherData><xenc:CipherValue>${Buffer.alloc(32).toString('base64')}</xenc:CipherValue></xenc:CipherData></xenc:EncryptedData>`;

export interface FailureCase {
  name: string;
  /** The content of the EncryptedAssertion. */
  inner: string;
  /** --decryption-key. */
  key: string;
  /** A subset of the outcome. */
  failure: Partial<DecryptionFailure> & { kind: DecryptionFailure['kind'] };
  /** The IN011 message it becomes; undefined for what SAML026 reports. */
  messageId?: string;
}

const good = encryptXml(ASSERTION);
const goodGcm = encryptXml(ASSERTION, { content: 'aes256-gcm' });

export const FAILURES: FailureCase[] = [
  { name: 'a key that is not PEM', inner: good, key: 'hello', failure: { kind: 'key-unreadable', form: 'unknown' }, messageId: 'keyUnreadable' },
  { name: 'a certificate given as the key', inner: good, key: SP_CERT, failure: { kind: 'key-unreadable', form: 'certificate' }, messageId: 'keyIsCertificate' },
  {
    name: 'a passphrase-protected key',
    inner: good,
    key: '-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIBvTBXBgkqhkiG9w0BBQ0w\n-----END ENCRYPTED PRIVATE KEY-----\n',
    failure: { kind: 'key-unreadable', form: 'passphrase' },
    messageId: 'keyHasPassphrase',
  },
  { name: 'an EC key', inner: good, key: EC_KEY, failure: { kind: 'key-not-rsa', keyType: 'ec' }, messageId: 'keyNotRsa' },
  {
    name: 'an EncryptionMethod without Algorithm',
    inner: good.replace(`<xenc:EncryptionMethod Algorithm="${XENC}aes256-cbc"/>`, '<xenc:EncryptionMethod/>'),
    key: SP_KEY,
    failure: { kind: 'algorithm-missing', part: 'EncryptedData' },
    messageId: 'algorithmMissing',
  },
  {
    name: 'a content algorithm samlint does not know (Camellia)',
    inner: good.replace(`${XENC}aes256-cbc`, 'http://www.w3.org/2001/04/xmldsig-more#camellia256-cbc'),
    key: SP_KEY,
    failure: { kind: 'algorithm-unsupported', part: 'EncryptedData', role: 'content encryption' },
    messageId: 'algorithmUnsupported',
  },
  {
    name: 'symmetric key wrap, which needs a shared key',
    inner: good.replace(`${XENC}rsa-oaep-mgf1p`, `${XENC}kw-aes256`),
    key: SP_KEY,
    failure: { kind: 'algorithm-unsupported', part: 'EncryptedKey', role: 'key transport', algorithm: `${XENC}kw-aes256` },
    messageId: 'algorithmUnsupported',
  },
  {
    name: 'an OAEP digest samlint does not know (RIPEMD-160)',
    inner: encryptXml(ASSERTION, { digest: 'sha256' }).replace(`${XENC}sha256`, `${XENC}ripemd160`),
    key: SP_KEY,
    failure: { kind: 'algorithm-unsupported', role: 'OAEP digest', algorithm: `${XENC}ripemd160` },
    messageId: 'algorithmUnsupported',
  },
  {
    name: 'an OAEP digest the host lacks with a mask of another digest (SHA-224 with MGF1-SHA-1)',
    inner: encryptXml(ASSERTION, { digest: 'sha256' }).replace(`${XENC}sha256`, 'http://www.w3.org/2001/04/xmldsig-more#sha224'),
    key: SP_KEY,
    failure: { kind: 'algorithm-unsupported', role: 'OAEP digest', algorithm: 'http://www.w3.org/2001/04/xmldsig-more#sha224' },
    messageId: 'algorithmUnsupported',
  },
  {
    name: 'a KeyInfo that only names a key',
    inner: dataWith(KEY_INFO_WITH('<ds:KeyName>sp-2026</ds:KeyName>')),
    key: SP_KEY,
    failure: { kind: 'encrypted-key-missing' },
    messageId: 'encryptedKeyMissing',
  },
  {
    name: 'a RetrievalMethod naming no EncryptedKey',
    inner: dataWith(KEY_INFO_WITH(`<ds:RetrievalMethod Type="${XENC}EncryptedKey" URI="#_missing"/>`)),
    key: SP_KEY,
    failure: { kind: 'retrieval-unresolved', uri: '#_missing' },
    messageId: 'retrievalUnresolved',
  },
  {
    name: 'cipher text by reference',
    inner: good.replace(/<xenc:CipherData><xenc:CipherValue>[^<]*<\/xenc:CipherValue><\/xenc:CipherData><\/xenc:EncryptedData>$/, '<xenc:CipherData><xenc:CipherReference URI="https://idp.example.com/c"/></xenc:CipherData></xenc:EncryptedData>'),
    key: SP_KEY,
    failure: { kind: 'cipher-reference', part: 'EncryptedData', uri: 'https://idp.example.com/c' },
    messageId: 'cipherReference',
  },
  {
    name: 'CipherData without CipherValue',
    inner: good.replace(/<xenc:CipherData><xenc:CipherValue>[^<]*<\/xenc:CipherValue><\/xenc:CipherData><\/xenc:EncryptedData>$/, '<xenc:CipherData/></xenc:EncryptedData>'),
    key: SP_KEY,
    failure: { kind: 'cipher-value-missing', part: 'EncryptedData' },
    messageId: 'cipherValueMissing',
  },
  {
    name: 'a CipherValue that is not base64',
    inner: good.replace(/<xenc:CipherValue>[^<]*<\/xenc:CipherValue>/, '<xenc:CipherValue>not base64!</xenc:CipherValue>'),
    key: SP_KEY,
    failure: { kind: 'cipher-value-not-base64', part: 'EncryptedKey' },
    messageId: 'cipherValueNotBase64',
  },
  {
    name: 'CBC cipher text cut short of a block',
    inner: editBytes(good, 'EncryptedData', (bytes) => bytes.subarray(0, bytes.length - 5)),
    key: SP_KEY,
    failure: { kind: 'cipher-text-length' },
    messageId: 'cipherTextLength',
  },
  {
    name: 'GCM cipher text shorter than IV and tag',
    inner: editBytes(goodGcm, 'EncryptedData', (bytes) => bytes.subarray(0, 20)),
    key: SP_KEY,
    failure: { kind: 'cipher-text-length', bytes: 20 },
    messageId: 'cipherTextLength',
  },
  {
    name: 'another key, RSA-OAEP',
    inner: encryptXml(ASSERTION, { to: OTHER_CERT }),
    key: SP_KEY,
    failure: { kind: 'wrong-key', evidence: { by: 'padding', transport: 'oaep' } },
    messageId: 'wrongKey',
  },
  {
    name: 'another key, RSA 1.5',
    inner: encryptXml(ASSERTION, { to: OTHER_CERT, transport: 'rsa-1_5' }),
    key: SP_KEY,
    failure: { kind: 'wrong-key', evidence: { by: 'padding', transport: 'pkcs1' } },
    messageId: 'wrongKey',
  },
  {
    name: 'another key, whose certificate the EncryptedKey names',
    inner: encryptXml(ASSERTION, { to: OTHER_CERT, certificateInKeyInfo: true }),
    key: SP_KEY,
    failure: { kind: 'wrong-key' },
    messageId: 'wrongKeyCertificate',
  },
  {
    name: 'a key of another size',
    inner: good,
    key: KEY_1024,
    failure: { kind: 'wrong-key', evidence: { by: 'size', wrappedBits: 2048, keyBits: 1024 } },
    messageId: 'wrongKeySize',
  },
  {
    name: 'an EncryptedKey to the right certificate, its bytes changed',
    inner: editBytes(encryptXml(ASSERTION, { certificateInKeyInfo: true }), 'EncryptedKey', flip(100)),
    key: SP_KEY,
    failure: { kind: 'encrypted-key-damaged' },
    messageId: 'encryptedKeyDamaged',
  },
  {
    name: 'an AES-128 key under an AES-256 EncryptionMethod, RSA-OAEP',
    inner: encryptXml(ASSERTION, { content: 'aes128-cbc' }).replace(`${XENC}aes128-cbc`, `${XENC}aes256-cbc`),
    key: SP_KEY,
    failure: { kind: 'content-key-size', expectedBits: 256, actualBits: 128 },
    messageId: 'contentKeySize',
  },
  {
    name: 'an AES-128 key under an AES-256 EncryptionMethod, RSA 1.5 (padding that decodes says less)',
    inner: encryptXml(ASSERTION, { content: 'aes128-cbc', transport: 'rsa-1_5' }).replace(`${XENC}aes128-cbc`, `${XENC}aes256-cbc`),
    key: SP_KEY,
    failure: { kind: 'wrong-key', evidence: { by: 'padding', transport: 'pkcs1' } },
    messageId: 'wrongKey',
  },
  {
    name: 'GCM cipher text changed',
    inner: editBytes(goodGcm, 'EncryptedData', flip(20)),
    key: SP_KEY,
    failure: { kind: 'gcm-tag-mismatch' },
    messageId: 'gcmTagMismatch',
  },
  {
    name: 'CBC cipher text changed so that the padding count is 0',
    inner: editBytes(good, 'EncryptedData', zeroPaddingCount(ASSERTION)),
    key: SP_KEY,
    failure: { kind: 'cbc-padding-invalid' },
    messageId: 'cbcPaddingInvalid',
  },
  {
    name: 'plaintext that is not UTF-8',
    inner: encryptXml(Buffer.from([0x3c, 0xff, 0xfe, 0x3e])),
    key: SP_KEY,
    failure: { kind: 'plaintext-not-xml', reason: 'not UTF-8' },
    messageId: 'plaintextNotXml',
  },
  {
    name: 'plaintext that is not XML',
    inner: encryptXml('Assertion: yes'),
    key: SP_KEY,
    failure: { kind: 'plaintext-not-xml', reason: 'not well-formed' },
    messageId: 'plaintextNotXml',
  },
  {
    name: 'plaintext with a DTD',
    inner: encryptXml(`<!DOCTYPE a [<!ENTITY x "y">]>${ASSERTION}`),
    key: SP_KEY,
    failure: { kind: 'plaintext-not-xml', reason: 'declares a DTD' },
    messageId: 'plaintextNotXml',
  },
  {
    name: 'plaintext that is a NameID',
    inner: encryptXml('<saml:NameID xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion">jane</saml:NameID>'),
    key: SP_KEY,
    failure: { kind: 'plaintext-not-assertion', root: 'saml:NameID' },
    messageId: 'plaintextNotAssertion',
  },
  { name: 'no EncryptedData', inner: '', key: SP_KEY, failure: { kind: 'malformed' } },
  { name: 'no KeyInfo and no EncryptedKey', inner: dataWith(''), key: SP_KEY, failure: { kind: 'malformed' } },
  {
    name: 'an EncryptedKey without EncryptionMethod',
    inner: good.replace(`<xenc:EncryptionMethod Algorithm="${XENC}rsa-oaep-mgf1p"></xenc:EncryptionMethod>`, ''),
    key: SP_KEY,
    failure: { kind: 'malformed' },
  },
];
