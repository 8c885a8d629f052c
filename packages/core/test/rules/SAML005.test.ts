import { buildResponse } from '../../../../test-vectors/lib/response.mjs';
import { SAML005 } from '../../src/rules/saml/SAML005-issuer-missing.js';
import { ruleTester } from '../rule-tester.js';

const withIssuerFormat = (xml: string, format: string) =>
  xml.replace('<saml:Issuer>', `<saml:Issuer Format="${format}">`);

ruleTester(SAML005, {
  valid: [
    { name: 'both Issuers equal', input: buildResponse() },
    { name: 'no Response Issuer (optional in SAML core)', input: buildResponse({ responseIssuer: null }) },
    {
      name: 'the entity Format spelled out',
      input: withIssuerFormat(buildResponse(), 'urn:oasis:names:tc:SAML:2.0:nameid-format:entity'),
    },
  ],
  invalid: [
    {
      name: 'Assertion Issuer missing',
      input: buildResponse({ issuer: null }),
      errors: [{ messageId: 'missing', line: 5, column: 3 }],
    },
    {
      name: 'Assertion Issuer empty',
      input: buildResponse({ issuer: '  ', responseIssuer: null }),
      errors: [{ messageId: 'empty', data: { element: 'Assertion' }, line: 5, severity: 'error' }],
    },
    {
      name: 'Response Issuer empty',
      input: buildResponse({ responseIssuer: '' }),
      errors: [{ messageId: 'empty', data: { element: 'Response' }, line: 3, severity: 'warning' }],
    },
    {
      name: 'an unspecified Format on the Response Issuer',
      input: withIssuerFormat(buildResponse(), 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified'),
      errors: [{ messageId: 'format', data: { element: 'Response' }, line: 3, severity: 'warning' }],
    },
    {
      name: 'Issuers that differ',
      input: buildResponse({ responseIssuer: 'https://sts.windows.net/tenant/' }),
      errors: [
        {
          messageId: 'differs',
          data: { responseIssuer: 'https://sts.windows.net/tenant/', assertionIssuer: 'http://www.okta.com/exk1a2b3c4d5e6f7g8h9' },
          line: 3,
          severity: 'warning',
        },
      ],
    },
  ],
});
