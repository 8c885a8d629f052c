import { buildResponse, toBase64 } from '../../../../test-vectors/lib/response.mjs';
import { SAML001 } from '../../src/rules/saml/SAML001-not-a-response.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(SAML001, {
  valid: [
    { name: 'a SAML 2.0 Response', input: buildResponse() },
    { name: 'a base64 Response', input: toBase64(buildResponse()) },
    { name: 'metadata is MD’s', input: '<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="x"/>' },
    { name: 'a malformed metadata root is MD004’s', input: '<md:EntityDescriptor2 xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata"/>' },
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
      errors: [{ messageId: 'saml1', data: { version: '1.1' } }],
    },
    {
      name: 'a SAML 1.x Response without MinorVersion',
      input: '<Response xmlns="urn:oasis:names:tc:SAML:1.0:protocol" MajorVersion="1"/>',
      errors: [{ messageId: 'saml1', data: { version: '1.x' } }],
    },
    {
      name: 'a Response without a namespace',
      input: '<Response ID="_x" Version="2.0"/>',
      errors: [{ messageId: 'noNamespace', data: { found: 'Response' } }],
    },
    {
      name: 'a Response whose default namespace is not SAML’s: the namespace is there, only wrong',
      input: '<Response xmlns="urn:example" ID="_x" Version="2.0"/>',
      errors: [{ messageId: 'notResponse', data: { found: '{urn:example}Response' } }],
    },
  ],
});
