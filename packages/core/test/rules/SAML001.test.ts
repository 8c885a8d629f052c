import { buildResponse, toBase64 } from '../../../../test-vectors/lib/response.mjs';
import { SAML001 } from '../../src/rules/saml/SAML001-not-a-response.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(SAML001, {
  valid: [
    { name: 'a SAML 2.0 Response', input: buildResponse() },
    { name: 'a base64 Response', input: toBase64(buildResponse()) },
  ],
  invalid: [
    {
      name: 'an AuthnRequest',
      input: '<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_req1" Version="2.0"/>',
      errors: [{ messageId: 'notResponse', data: { found: '{urn:oasis:names:tc:SAML:2.0:protocol}AuthnRequest' }, line: 1, column: 1 }],
    },
    {
      name: 'a SAML 1.1 Response',
      input: '<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:1.0:protocol" MajorVersion="1" MinorVersion="1"/>',
      errors: [{ messageId: 'notResponse', data: { found: '{urn:oasis:names:tc:SAML:1.0:protocol}Response' } }],
    },
    {
      name: 'a Response without a namespace',
      input: '<Response ID="_x" Version="2.0"/>',
      errors: [{ messageId: 'notResponse', data: { found: 'Response' } }],
    },
  ],
});
