import { buildResponse } from '../../../../test-vectors/lib/response.mjs';
import { SAML004 } from '../../src/rules/saml/SAML004-missing-id.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(SAML004, {
  valid: [
    { name: 'IDs and IssueInstants present', input: buildResponse() },
    { name: 'an ID starting with a letter', input: buildResponse({ assertionId: 'id4f1c9a' }) },
  ],
  invalid: [
    {
      name: 'Assertion ID missing',
      input: buildResponse({ assertionId: null }),
      errors: [{ messageId: 'missing', data: { element: 'Assertion', attribute: 'ID' }, line: 5, column: 3 }],
    },
    {
      name: 'Response ID empty',
      input: buildResponse({ responseId: ' ' }),
      errors: [{ messageId: 'empty', data: { element: 'Response', attribute: 'ID' }, line: 2 }],
    },
    {
      name: 'IssueInstant missing on both',
      input: buildResponse({ issueInstant: null }),
      errors: [
        { messageId: 'missing', data: { element: 'Response', attribute: 'IssueInstant' } },
        { messageId: 'missing', data: { element: 'Assertion', attribute: 'IssueInstant' } },
      ],
    },
    {
      name: 'an ID that starts with a digit',
      input: buildResponse({ assertionId: '4f1c9a2e-77b1-4c1e-9d0a-1f2e3d4c5b6a' }),
      errors: [{ messageId: 'notXmlId', data: { element: 'Assertion' }, severity: 'warning' }],
    },
  ],
});
