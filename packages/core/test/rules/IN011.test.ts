import { describe, expect, it } from 'vitest';
import { lint } from '../../src/index.js';
import { IN011 } from '../../src/rules/in/IN011-decryption-failed.js';
import { FAILURES, responseWith } from '../decryption-fixtures.js';
import { ruleTester } from '../rule-tester.js';
import { OTHER_KEY, PROVIDER_ACS, SP_KEY, encryptedResponse } from '../support/encrypt.js';

const input = await encryptedResponse({ destination: PROVIDER_ACS, recipient: PROVIDER_ACS });
const reported = FAILURES.filter((c) => c.messageId !== undefined);

ruleTester(IN011, {
  valid: [
    { name: 'the right key', input, options: { decryptionKey: SP_KEY } },
    { name: 'RSA 1.5 key transport, which Node refuses to decrypt', input: await encryptedResponse({}, { transport: 'rsa-1_5' }), options: { decryptionKey: SP_KEY } },
    { name: 'no key given (SAML006 explains the encrypted assertion)', input },
    ...FAILURES.filter((c) => c.messageId === undefined).map((c) => ({
      name: `SAML026 reports it: ${c.name}`,
      input: responseWith(c.inner),
      options: { decryptionKey: c.key },
    })),
  ],
  invalid: reported.map((c) => ({
    name: c.name,
    input: responseWith(c.inner),
    options: { decryptionKey: c.key },
    errors: [{ messageId: c.messageId as string }],
  })),
});

describe('IN011 messages', () => {
  it('has a case for every message', () => {
    expect(new Set(reported.map((c) => c.messageId))).toEqual(new Set(Object.keys(IN011.meta.messages)));
  });

  it('points at the part that failed: the Algorithm value of an unknown method, the EncryptedKey of another key', () => {
    const locate = (name: string) => {
      const c = FAILURES.find((f) => f.name === name);
      const result = lint(responseWith(c?.inner ?? ''), { decryptionKey: c?.key ?? '' });
      const text = result.xml ?? '';
      const span = result.findings.find((f) => f.code === 'IN011')?.location?.span;
      const line = text.split('\n')[(span?.line ?? 0) - 1] ?? '';
      return line.slice((span?.column ?? 1) - 1, span?.line === span?.endLine ? (span?.endColumn ?? 1) - 1 : undefined);
    };
    expect(locate('symmetric key wrap, which needs a shared key')).toBe('http://www.w3.org/2001/04/xmlenc#kw-aes256');
    expect(locate('another key, RSA-OAEP')).toMatch(/^<xenc:EncryptedKey\b/);
  });

  it('tells a wrong key by the help that names the key, and damage by the help that says to capture again', () => {
    const helpOf = (messageId: string) => IN011.meta.messages[messageId]?.help ?? '';
    expect(helpOf('wrongKey')).toMatch(/private key whose certificate the IdP encrypts to/);
    expect(helpOf('gcmTagMismatch')).toMatch(/capture it again/);
    expect(helpOf('algorithmUnsupported')).toMatch(/RSA-OAEP/);
    expect(helpOf('gcmTagMismatch')).not.toMatch(/private key/);
  });
});

describe('a decrypted assertion is linted like any other', () => {
  it('reads the plaintext: its findings point into the decrypted text', async () => {
    const broken = await encryptedResponse({ destination: PROVIDER_ACS, recipient: PROVIDER_ACS, attributes: [] });
    const result = lint(broken, { decryptionKey: SP_KEY });
    const missingRole = result.findings.find((f) => f.code === 'AWS001');
    expect(missingRole?.location?.artifact).toBe('decrypted');
    expect(result.findings.map((f) => f.code)).not.toContain('SAML006');
  });

  it('says why the Assertion’s signature went unchecked when the key did not decrypt it', () => {
    const result = lint(input, { decryptionKey: OTHER_KEY, certificates: [] });
    expect(result.signatures).toContain('--decryption-key did not decrypt it');
  });
});
