import { describe, expect, it } from 'vitest';
import { buildResponse } from '../../../../test-vectors/lib/response.mjs';
import { MANIFEST, loadVector } from '../../../../test-vectors/manifest.js';
import { lint } from '../../src/index.js';
import { SAML030 } from '../../src/rules/saml/SAML030-weak-key-transport.js';
import { ruleTester } from '../rule-tester.js';
import { PROVIDER_ACS, SP_KEY, encryptXml, encryptedResponse } from '../support/encrypt.js';

const atAcs = { destination: PROVIDER_ACS, recipient: PROVIDER_ACS };
const rsa15 = await encryptedResponse(atAcs, { transport: 'rsa-1_5', content: 'aes128-cbc' });
/** The clean login with its NameID replaced by an EncryptedID. */
const encryptedId = (inner: string) =>
  buildResponse({ nameId: null }).replace('<saml:Subject>', `<saml:Subject><saml:EncryptedID>${inner}</saml:EncryptedID>`);

ruleTester(SAML030, {
  valid: [
    { name: 'not encrypted', input: buildResponse() },
    { name: 'RSA-OAEP (rsa-oaep-mgf1p)', input: await encryptedResponse(atAcs) },
    { name: 'RSA-OAEP (xmlenc11 rsa-oaep)', input: await encryptedResponse(atAcs, { transport: 'rsa-oaep', digest: 'sha256', mask: 'sha256' }) },
  ],
  invalid: [
    { name: 'RSA 1.5, without a key to decrypt', input: rsa15, errors: [{ messageId: 'rsa15', data: { element: 'EncryptedAssertion' } }] },
    { name: 'RSA 1.5, decrypted', input: rsa15, options: { decryptionKey: SP_KEY }, errors: [{ messageId: 'rsa15', severity: 'warning' }] },
    {
      name: 'RSA 1.5 in an EncryptedKey beside the EncryptedData, named by a RetrievalMethod',
      input: await encryptedResponse(atAcs, { transport: 'rsa-1_5', placement: 'retrieval' }),
      errors: [{ messageId: 'rsa15' }],
    },
    {
      name: 'an EncryptedID, generic profile',
      input: encryptedId(encryptXml('<saml:NameID xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion">jane</saml:NameID>', { transport: 'rsa-1_5' })),
      options: { profile: 'generic' },
      errors: [{ messageId: 'rsa15', data: { element: 'EncryptedID' } }],
    },
  ],
});

describe('an RSA 1.5 response is linted like any other', () => {
  it('decrypts it, and only warns about the key transport', () => {
    const result = lint(rsa15, { decryptionKey: SP_KEY });
    expect(result.findings.map((f) => f.code)).not.toContain('IN011');
    expect(result.findings.find((f) => f.code === 'SAML030')?.location?.artifact).toBe('xml');
    expect(result.findings.find((f) => f.code === 'SAML006')).toBeUndefined();
  });

  it('xmlsec1’s RSA 1.5 vector: the Assertion’s own signature verifies once decrypted, and the summary says so', () => {
    const entry = MANIFEST.find((v) => v.file === 'encrypted/encrypted-rsa-1-5.xml');
    if (!entry) throw new Error('vector missing');
    const { text, options } = loadVector(entry);
    expect(entry.xmlsec1Decrypted?.map((r) => r.verdict)).toEqual(['verified']);
    const result = lint(text, options);
    expect(result.findings.map((f) => [f.code, f.severity])).toEqual([['SAML030', 'warning']]);
    expect(result.signatures).toMatch(/^Assertion signed, verified with --cert/);
    expect(result.signatures).not.toMatch(/nothing signed/);
  });
});
