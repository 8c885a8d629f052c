import { buildResponse } from '../../../../test-vectors/lib/response.mjs';
import { XSD002 } from '../../src/rules/xsd/XSD002-schema-element-missing.js';
import { idpWith, sso } from '../metadata-fixtures.js';
import { ruleTester } from '../rule-tester.js';

const response = buildResponse();

ruleTester(XSD002, {
  valid: [
    { name: 'a response built as IdPs build them', input: response },
    { name: 'a response without the optional Issuer', input: buildResponse({ responseIssuer: null }) },
    { name: 'IdP metadata', input: idpWith(sso()) },
  ],
  invalid: [
    {
      name: 'a Response without Status',
      input: response.replace(/<samlp:Status>[\s\S]*?<\/samlp:Status>/, ''),
      errors: [{ messageId: 'missing', data: { element: 'samlp:Response', missing: '`samlp:Status`' }, line: 2, column: 1 }],
    },
    {
      name: 'an Assertion without Issuer, before its Subject',
      input: buildResponse({ issuer: null }),
      errors: [{ messageId: 'missing', data: { element: 'saml:Assertion', missing: '`saml:Issuer`' } }],
    },
    {
      name: 'a Status without StatusCode',
      input: response.replace(/<samlp:StatusCode[^>]*\/>/, ''),
      errors: [{ messageId: 'missing', data: { element: 'samlp:Status', missing: '`samlp:StatusCode`' } }],
    },
    {
      name: 'an IDPSSODescriptor without SingleSignOnService',
      input: idpWith(''),
      errors: [{ messageId: 'missing', data: { element: 'md:IDPSSODescriptor', missing: '`md:SingleSignOnService`' } }],
    },
  ],
});
