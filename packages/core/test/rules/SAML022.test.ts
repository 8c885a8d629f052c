import { DEFAULTS, buildResponse } from '../../../../test-vectors/lib/response.mjs';
import { SAML022 } from '../../src/rules/saml/SAML022-issuer-mismatch.js';
import { ruleTester } from '../rule-tester.js';

const OTHER = 'http://www.okta.com/exk9z8y7x6w5v4u3t2s1';
const expectIdp = { sp: { issuer: DEFAULTS.issuer } };
const metadataOf = (entityId: string) =>
  `<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="${entityId}"><md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"/></md:EntityDescriptor>`;

ruleTester(SAML022, {
  valid: [
    { name: 'both Issuers are the IdP', input: buildResponse(), options: expectIdp },
    { name: 'no Response Issuer (optional)', input: buildResponse({ responseIssuer: null }), options: expectIdp },
    { name: 'an empty Issuer is SAML005’s', input: buildResponse({ issuer: '', responseIssuer: '' }), options: expectIdp },
    { name: 'the --metadata entityID', input: buildResponse(), options: { metadata: metadataOf(DEFAULTS.issuer) } },
    { name: 'no --issuer or --metadata: unchecked', input: buildResponse({ issuer: OTHER }) },
  ],
  invalid: [
    {
      name: 'the Assertion Issuer names another IdP, pointing at it',
      input: buildResponse({ issuer: OTHER }),
      options: expectIdp,
      errors: [{ messageId: 'mismatch', data: { element: 'Assertion', issuer: OTHER, expected: DEFAULTS.issuer }, line: 6, column: 18 }],
    },
    {
      name: 'both Issuers name another IdP',
      input: buildResponse({ issuer: OTHER, responseIssuer: OTHER }),
      options: expectIdp,
      errors: [
        { messageId: 'mismatch', data: { element: 'Response' }, line: 3 },
        { messageId: 'mismatch', data: { element: 'Assertion' }, line: 6 },
      ],
    },
    {
      name: 'the expected IdP is the --metadata entityID',
      input: buildResponse(),
      options: { metadata: metadataOf(OTHER) },
      errors: [
        { messageId: 'mismatch', data: { element: 'Response', expected: OTHER } },
        { messageId: 'mismatch', data: { element: 'Assertion', expected: OTHER } },
      ],
    },
    {
      name: 'generic profile',
      input: buildResponse({ issuer: OTHER }),
      options: { ...expectIdp, profile: 'generic' },
      errors: [{ messageId: 'mismatch', data: { element: 'Assertion' } }],
    },
  ],
});
