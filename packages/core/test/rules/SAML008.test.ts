import { buildResponse } from '../../../../test-vectors/lib/response.mjs';
import { SAML008 } from '../../src/rules/saml/SAML008-nameid-format-unsupported.js';
import { runRule, ruleTester } from '../rule-tester.js';
import { describe, expect, it } from 'vitest';

const UNSPECIFIED_2 = 'urn:oasis:names:tc:SAML:2.0:nameid-format:unspecified';

ruleTester(SAML008, {
  valid: [
    { name: 'persistent', input: buildResponse() },
    { name: 'no Format (unspecified)', input: buildResponse({ nameIdFormat: null }) },
    { name: 'emailAddress (SAML 1.1)', input: buildResponse({ nameIdFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress' }) },
    { name: 'kerberos', input: buildResponse({ nameIdFormat: 'urn:oasis:names:tc:SAML:2.0:nameid-format:kerberos' }) },
    { name: 'unspecified under SAML:2.0 (Okta’s AWS app default), which AWS accepts', input: buildResponse({ nameIdFormat: UNSPECIFIED_2 }) },
  ],
  invalid: [
    {
      name: 'emailAddress under SAML:2.0',
      input: buildResponse({ nameIdFormat: 'urn:oasis:names:tc:SAML:2.0:nameid-format:emailAddress' }),
      errors: [{ messageId: 'unsupported', data: { format: 'urn:oasis:names:tc:SAML:2.0:nameid-format:emailAddress' }, line: 8, column: 28 }],
    },
    {
      name: 'an IdP-specific format',
      input: buildResponse({ nameIdFormat: 'http://schemas.xmlsoap.org/claims/UPN' }),
      errors: [{ messageId: 'unsupported', data: { format: 'http://schemas.xmlsoap.org/claims/UPN' } }],
    },
    {
      name: 'unspecified under SAML:2.0 outside the AWS profile: not a SAML-defined format',
      input: buildResponse({ nameIdFormat: UNSPECIFIED_2 }),
      options: { profile: 'generic' },
      errors: [{ messageId: 'unsupported', data: { format: UNSPECIFIED_2 } }],
    },
  ],
});

describe('SAML008 notes', () => {
  it('names the supported spelling of a near miss', () => {
    const { reports } = runRule(SAML008, buildResponse({ nameIdFormat: 'urn:oasis:names:tc:SAML:2.0:nameid-format:emailaddress' }));
    expect(reports[0]?.notes).toEqual(['the supported format with this name is `urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress`']);
  });
  it('has none for a format unlike any supported one', () => {
    const { reports } = runRule(SAML008, buildResponse({ nameIdFormat: 'http://schemas.xmlsoap.org/claims/UPN' }));
    expect(reports[0]?.notes).toEqual([]);
  });
});
