import { describe, expect, it } from 'vitest';
import { buildResponse } from '../../../test-vectors/lib/response.mjs';
import { lint } from '../src/index.js';

describe('schema violations a lint reports', () => {
  it('are at most the first hundred of each rule, in document order', () => {
    const issuers = Array.from({ length: 150 }, (_, i) => `<saml:Issuer>extra-${i}</saml:Issuer>`).join('');
    const xml = buildResponse().replace('</samlp:Response>', `${issuers}</samlp:Response>`);
    const unexpected = lint(xml).findings.filter((f) => f.code === 'XSD001');
    expect(unexpected).toHaveLength(100);
    const lines = unexpected.map((f) => [f.location?.span.line ?? 0, f.location?.span.column ?? 0] as const);
    expect(lines).toEqual([...lines].sort((a, b) => a[0] - b[0] || a[1] - b[1]));
  });
});

describe('children that fit nothing where they stand', () => {
  it('are each told what the schema allows there, before and after a child that fits', () => {
    const misfits = (letters: string) => [...letters].map((l) => `<saml:Issuer>${l}</saml:Issuer>`).join('');
    const xml = buildResponse().replace(/(<samlp:Status>.*?<\/samlp:Status>)/s, `${misfits('bc')}$1${misfits('de')}`);
    const messages = lint(xml)
      .findings.filter((f) => f.code === 'XSD001')
      .map((f) => f.message);
    const beforeStatus = '`saml:Issuer` is not expected here; the schema allows `ds:Signature`, `samlp:Extensions` or `samlp:Status`';
    const afterStatus = '`saml:Issuer` is not expected here; the schema allows `saml:Assertion` or `saml:EncryptedAssertion`';
    expect(messages).toEqual([beforeStatus, beforeStatus, afterStatus, afterStatus]);
  });

  it('that would fit after a missing required child are taken as following it, and the child is reported missing once', () => {
    const xml = buildResponse().replace(/<samlp:Status>.*?<\/samlp:Status>/s, '');
    const missing = lint(xml).findings.filter((f) => f.code === 'XSD002');
    expect(missing.map((f) => f.message)).toEqual(['`samlp:Response` lacks `samlp:Status`, which the schema requires here']);
    expect(lint(xml).findings.filter((f) => f.code === 'XSD001')).toEqual([]);
  });
});
