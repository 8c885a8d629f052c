import { describe, expect, it } from 'vitest';
import { decryptAssertion } from '../../src/saml/decrypt.js';
import { NS } from '../../src/xml/dom.js';
import { parseXml } from '../../src/xml/parse.js';
import { ASSERTION, FAILURES } from '../decryption-fixtures.js';
import { OTHER_CERT, SP_CERT, SP_KEY, encryptXml, type Encryption } from '../support/encrypt.js';

/** The EncryptedAssertion element holding `inner`, parsed as samlint parses a response. */
function encryptedAssertion(inner: string): Element {
  const parsed = parseXml(`<saml:EncryptedAssertion xmlns:saml="${NS.saml}">${inner}</saml:EncryptedAssertion>`);
  if (!parsed.doc) throw new Error('fixture is not XML');
  return parsed.doc.root;
}

/** Every string in a value, through plain objects and arrays (not into DOM nodes). */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value !== 'object' || value === null || 'nodeType' in value) return [];
  return Object.values(value).flatMap(strings);
}

const decrypts = (inner: string, key = SP_KEY) => {
  const result = decryptAssertion(encryptedAssertion(inner), key);
  if (!result.ok) throw new Error(`not decrypted: ${result.failure.kind}`);
  return result.parsed.doc?.root;
};

describe('decryptAssertion decrypts what IdPs send', () => {
  const cases: [string, Encryption][] = [
    ['AES-256-CBC, RSA-OAEP (MGF1-SHA-1): ADFS, Entra ID', {}],
    ['AES-128-CBC, RSA 1.5, which Node refuses to decrypt', { content: 'aes128-cbc', transport: 'rsa-1_5' }],
    ['AES-256-GCM, RSA 1.5', { content: 'aes256-gcm', transport: 'rsa-1_5' }],
    ['AES-192-CBC', { content: 'aes192-cbc' }],
    ['3DES-CBC', { content: 'tripledes-cbc' }],
    ['AES-128-GCM: Shibboleth 4', { content: 'aes128-gcm' }],
    ['AES-192-GCM', { content: 'aes192-gcm' }],
    ['AES-256-GCM', { content: 'aes256-gcm' }],
    ['rsa-oaep-mgf1p with a SHA-256 DigestMethod: its MGF1 stays SHA-1', { digest: 'sha256' }],
    ['xmlenc11 rsa-oaep, SHA-256 with MGF1-SHA-256', { transport: 'rsa-oaep', digest: 'sha256', mask: 'sha256' }],
    ['xmlenc11 rsa-oaep, SHA-512 with MGF1-SHA-1', { transport: 'rsa-oaep', digest: 'sha512' }],
    ['xmlenc11 rsa-oaep with no parameters: SHA-1 throughout', { transport: 'rsa-oaep' }],
    ['the EncryptedKey beside the EncryptedData, named by a RetrievalMethod (OpenSAML "peer")', { placement: 'retrieval' }],
    ['the EncryptedKey beside the EncryptedData, unnamed', { placement: 'beside' }],
    ['the EncryptedKey naming the SP certificate', { certificateInKeyInfo: true }],
  ];
  for (const [name, encryption] of cases) {
    it(name, () => {
      const root = decrypts(encryptXml(ASSERTION, encryption));
      expect(root?.localName).toBe('Assertion');
      expect(root?.getAttribute('ID')).toBe('_a2b8d4e6f0a1c4e3b9d7f02');
    });
  }

  it('tries each EncryptedKey: one to an old certificate, then one to the key given (a key rollover)', () => {
    const inner = encryptXml(ASSERTION, { placement: 'beside' });
    const toOld = encryptXml(ASSERTION, { to: OTHER_CERT, placement: 'beside' }).replace(/^<xenc:EncryptedData\b[\s\S]*<\/xenc:EncryptedData>/, '');
    expect(decrypts(inner.replace(/<xenc:EncryptedKey\b/, `${toOld}<xenc:EncryptedKey`))?.localName).toBe('Assertion');
  });

  it('tries four EncryptedKeys at most, so a response stuffed with them costs four unwraps', () => {
    const inner = encryptXml(ASSERTION, { placement: 'beside' });
    const toOld = encryptXml(ASSERTION, { to: OTHER_CERT, placement: 'beside' }).replace(/^<xenc:EncryptedData\b[\s\S]*<\/xenc:EncryptedData>/, '');
    const result = decryptAssertion(encryptedAssertion(inner.replace(/<xenc:EncryptedKey\b/, `${toOld.repeat(4)}<xenc:EncryptedKey`)), SP_KEY);
    expect(result.ok ? 'decrypted' : result.failure.kind).toBe('wrong-key');
  });

  it('reads a key file that also holds the certificate', () => {
    expect(decrypts(encryptXml(ASSERTION), `${SP_CERT}${SP_KEY}`)?.localName).toBe('Assertion');
  });
});

describe('decryptAssertion decides each failure from structure', () => {
  for (const c of FAILURES) {
    it(c.name, () => {
      const result = decryptAssertion(encryptedAssertion(c.inner), c.key);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.failure).toMatchObject(c.failure);
    });
  }

  it('points at the element each failure is about', () => {
    const byName = (name: string) => FAILURES.find((c) => c.name === name)?.inner ?? '';
    const failureAt = (inner: string, key = SP_KEY) => {
      const result = decryptAssertion(encryptedAssertion(inner), key);
      return !result.ok && 'at' in result.failure ? result.failure.at.localName : undefined;
    };
    expect(failureAt(byName('another key, RSA-OAEP'))).toBe('EncryptedKey');
    expect(failureAt(byName('GCM cipher text changed'))).toBe('CipherValue');
    expect(failureAt(byName('an OAEP digest samlint does not know (RIPEMD-160)'))).toBe('DigestMethod');
    expect(failureAt(byName('a RetrievalMethod naming no EncryptedKey'))).toBe('RetrievalMethod');
    expect(failureAt(byName('plaintext that is a NameID'))).toBe('EncryptedData');
  });

  it('never carries a library’s text: every failure is data samlint wrote', () => {
    for (const c of FAILURES) {
      const result = decryptAssertion(encryptedAssertion(c.inner), c.key);
      const text = strings(result).join('\n');
      expect(text, c.name).not.toMatch(/openssl|routines|security-revert|Encryption block|decoding error|Unsupported state/i);
    }
  });
});
