import { describe, expect, it } from 'vitest';
import { IDP003 } from '../../src/rules/idp/index.js';
import { ruleTester, runRule } from '../rule-tester.js';
import { applyFix } from '../apply-fix.js';

const app = (signOn: Record<string, unknown>) =>
  JSON.stringify({ id: '0oa1', label: 'Connect', signOnMode: 'SAML_2_0', settings: { signOn: { ssoAcsUrl: 'https://signin.aws.amazon.com/saml', ...signOn } } }, null, 2);

ruleTester(IDP003, {
  valid: [{ name: 'SHA-256 throughout', input: app({ signatureAlgorithm: 'RSA_SHA256', digestAlgorithm: 'SHA256' }) }],
  invalid: [
    {
      name: 'SHA-1 signature and digest',
      input: app({ signatureAlgorithm: 'RSA_SHA1', digestAlgorithm: 'SHA1' }),
      errors: [
        { messageId: 'signature', data: { algorithm: 'RSA_SHA1', path: 'settings.signOn.signatureAlgorithm' } },
        { messageId: 'digest', data: { algorithm: 'SHA1' } },
      ],
    },
  ],
});

describe('IDP003 fix', () => {
  it('replaces the SHA-1 name with the SHA-256 one, after which the rule is quiet', () => {
    const input = app({ signatureAlgorithm: 'RSA_SHA1', digestAlgorithm: 'SHA256' });
    const finding = runRule(IDP003, input).result.findings[0];
    const fix = finding?.fix;
    expect(fix?.replacement).toBe('RSA_SHA256');
    if (!fix) return;
    const fixed = applyFix(input, fix);
    expect(fixed).toContain('"signatureAlgorithm": "RSA_SHA256"');
    expect(runRule(IDP003, fixed).reports).toEqual([]);
  });
});
