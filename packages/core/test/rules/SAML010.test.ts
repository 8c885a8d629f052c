import { ACS, buildResponse } from '../../../../test-vectors/lib/response.mjs';
import { SAML010 } from '../../src/rules/saml/SAML010-bearer-confirmation-count.js';
import { ruleTester } from '../rule-tester.js';

const BEARER = 'urn:oasis:names:tc:SAML:2.0:cm:bearer';
const complete = { recipient: ACS, notOnOrAfter: '2026-11-27T09:05:00Z' };

ruleTester(SAML010, {
  valid: [
    { name: 'one bearer confirmation', input: buildResponse() },
    { name: 'no Subject (SAML007)', input: buildResponse({ subject: null }) },
  ],
  invalid: [
    {
      name: 'no SubjectConfirmation',
      input: buildResponse({ subjectConfirmations: [] }),
      errors: [{ messageId: 'none', line: 7, column: 5 }],
    },
    {
      name: 'only holder-of-key',
      input: buildResponse({ subjectConfirmations: [{ method: 'urn:oasis:names:tc:SAML:2.0:cm:holder-of-key', ...complete }] }),
      errors: [{ messageId: 'none' }],
    },
    {
      name: 'a bearer Method in the wrong case',
      input: buildResponse({ subjectConfirmations: [{ method: 'urn:oasis:names:tc:SAML:2.0:cm:Bearer', ...complete }] }),
      errors: [{ messageId: 'none' }],
    },
    {
      name: 'two bearer confirmations',
      input: buildResponse({ subjectConfirmations: [{ method: BEARER, ...complete }, { method: BEARER, ...complete }] }),
      errors: [{ messageId: 'many', data: { count: 2 }, line: 10 }],
    },
  ],
});
