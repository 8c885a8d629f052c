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
