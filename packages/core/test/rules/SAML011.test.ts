import { ACS, buildResponse } from '../../../../test-vectors/lib/response.mjs';
import { SAML011 } from '../../src/rules/saml/SAML011-confirmation-data-incomplete.js';
import { ruleTester } from '../rule-tester.js';

const BEARER = 'urn:oasis:names:tc:SAML:2.0:cm:bearer';

ruleTester(SAML011, {
  valid: [
    { name: 'Recipient and NotOnOrAfter', input: buildResponse() },
    {
      name: 'a holder-of-key confirmation without data next to a complete bearer one',
      input: buildResponse({
        subjectConfirmations: [
          { method: 'urn:oasis:names:tc:SAML:2.0:cm:holder-of-key', data: false },
          { method: BEARER, recipient: ACS, notOnOrAfter: '2026-11-27T09:05:00Z' },
        ],
      }),
    },
  ],
  invalid: [
    {
      name: 'no SubjectConfirmationData',
      input: buildResponse({ subjectConfirmations: [{ method: BEARER, data: false }] }),
      errors: [{ messageId: 'noData', line: 9, column: 7 }],
    },
    {
      name: 'no NotOnOrAfter',
      input: buildResponse({ confirmationNotOnOrAfter: null }),
      errors: [{ messageId: 'noAttribute', data: { attribute: 'NotOnOrAfter' }, line: 9 }],
    },
    {
      name: 'an empty Recipient',
      input: buildResponse({ recipient: '' }),
      errors: [{ messageId: 'noAttribute', data: { attribute: 'Recipient' } }],
    },
    {
      name: 'neither',
      input: buildResponse({ recipient: null, confirmationNotOnOrAfter: null }),
      errors: [
        { messageId: 'noAttribute', data: { attribute: 'NotOnOrAfter' } },
        { messageId: 'noAttribute', data: { attribute: 'Recipient' } },
      ],
    },
  ],
});
