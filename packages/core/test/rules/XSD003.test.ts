import { buildResponse } from '../../../../test-vectors/lib/response.mjs';
import { XSD003 } from '../../src/rules/xsd/XSD003-schema-attribute-missing.js';
import { idp, idpWith, sso } from '../metadata-fixtures.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(XSD003, {
  valid: [
    { name: 'a response built as IdPs build them', input: buildResponse() },
    { name: 'IdP metadata', input: idpWith(sso()) },
  ],
  invalid: [
    {
      name: 'a Response without ID',
      input: buildResponse({ responseId: null }),
      errors: [{ messageId: 'missing', data: { element: 'samlp:Response', attribute: 'ID' }, line: 2 }],
    },
    {
      name: 'an Assertion whose ID is spelt Id',
      input: buildResponse().replace(' ID="_a2b8d4e6f0a1c4e3b9d7f02"', ' Id="_a2b8d4e6f0a1c4e3b9d7f02"'),
      errors: [{ messageId: 'missing', data: { element: 'saml:Assertion', attribute: 'ID' } }],
    },
    {
      name: 'a Response and its Assertion without IssueInstant, the Response without Version',
      input: buildResponse({ version: null, issueInstant: null }),
      errors: [
        { messageId: 'missing', data: { element: 'samlp:Response', attribute: 'Version' } },
        { messageId: 'missing', data: { element: 'samlp:Response', attribute: 'IssueInstant' } },
        { messageId: 'missing', data: { element: 'saml:Assertion', attribute: 'IssueInstant' } },
      ],
    },
    { name: 'metadata without entityID', input: idp(''), errors: [{ messageId: 'missing', data: { element: 'md:EntityDescriptor', attribute: 'entityID' } }] },
    {
      name: 'metadata without entityID given with --metadata',
      input: buildResponse(),
      options: { metadata: idp('') },
      errors: [{ messageId: 'missing', data: { element: 'md:EntityDescriptor', attribute: 'entityID' } }],
    },
  ],
});
