import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/index.js';
import { IN011 } from '../../src/rules/in/IN011-decryption-failed.js';
import { ruleTester } from '../rule-tester.js';
import { PROVIDER_ACS, SP_KEY, encryptedResponse } from '../support/encrypt.js';

const input = await encryptedResponse({ destination: PROVIDER_ACS, recipient: PROVIDER_ACS });
const otherKey = readFileSync(new URL('../../../../test-vectors/keys/idp.key', import.meta.url), 'utf8');

ruleTester(IN011, {
  valid: [
    { name: 'the right key', input, options: { decryptionKey: SP_KEY } },
    { name: 'no key given (SAML006 explains the encrypted assertion)', input },
    {
      name: 'an EncryptedAssertion without EncryptedData (SAML026 reports it)',
      input: input.replace(/<saml:EncryptedAssertion>[\s\S]*<\/saml:EncryptedAssertion>/, '<saml:EncryptedAssertion/>'),
      options: { decryptionKey: SP_KEY },
    },
  ],
  invalid: [
    { name: 'another key', input, options: { decryptionKey: otherKey }, errors: [{ messageId: 'failed' }] },
    { name: 'not a key at all', input, options: { decryptionKey: 'hello' }, errors: [{ messageId: 'failed' }] },
  ],
});

describe('a decrypted assertion is linted like any other', () => {
  it('reads the plaintext: its findings point into the decrypted text', async () => {
    const broken = await encryptedResponse({ destination: PROVIDER_ACS, recipient: PROVIDER_ACS, attributes: [] });
    const result = lint(broken, { decryptionKey: SP_KEY });
    const missingRole = result.findings.find((f) => f.code === 'AWS001');
    expect(missingRole?.location?.artifact).toBe('decrypted');
    expect(result.findings.map((f) => f.code)).not.toContain('SAML006');
  });
});
