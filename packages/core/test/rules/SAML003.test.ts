import { buildResponse } from '../../../../test-vectors/lib/response.mjs';
import { SAML003 } from '../../src/rules/saml/SAML003-version-not-2-0.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(SAML003, {
  valid: [
    { name: 'both 2.0', input: buildResponse() },
    { name: 'two assertions: only the Response is read', input: buildResponse({ assertionCount: 2, assertionVersion: '1.1' }) },
  ],
  invalid: [
    {
      name: 'Response Version missing',
      input: buildResponse({ version: null }),
      errors: [{ messageId: 'missing', data: { element: 'Response' }, line: 2, column: 1 }],
    },
    {
      name: 'Assertion Version 1.1',
      input: buildResponse({ assertionVersion: '1.1' }),
      errors: [{ messageId: 'wrong', data: { element: 'Assertion', version: '1.1' }, line: 5 }],
    },
    {
      name: 'both wrong',
      input: buildResponse({ version: '2', assertionVersion: '' }),
      errors: [
        { messageId: 'wrong', data: { element: 'Response', version: '2' } },
        { messageId: 'wrong', data: { element: 'Assertion', version: '' } },
      ],
    },
  ],
});
