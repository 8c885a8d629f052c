import { ACS, buildResponse } from '../../../../test-vectors/lib/response.mjs';
import { SAML015 } from '../../src/rules/saml/SAML015-time-value-invalid.js';
import { ruleTester } from '../rule-tester.js';

const BEARER = 'urn:oasis:names:tc:SAML:2.0:cm:bearer';

ruleTester(SAML015, {
  valid: [
    { name: 'UTC times in order', input: buildResponse() },
    { name: 'fractional seconds', input: buildResponse({ issueInstant: '2026-11-27T09:00:00.123456Z' }) },
    { name: 'a leap day', input: buildResponse({ authnInstant: '2028-02-29T08:59:58Z' }) },
    { name: 'a blank IssueInstant is SAML004’s', input: buildResponse({ issueInstant: '' }) },
    { name: 'a blank bearer NotOnOrAfter is SAML011’s', input: buildResponse({ confirmationNotOnOrAfter: '' }) },
  ],
  invalid: [
    {
      name: 'a space instead of T',
      input: buildResponse({ notOnOrAfter: '2026-11-27 09:05:00' }),
      errors: [{ messageId: 'invalid', data: { element: 'Conditions', attribute: 'NotOnOrAfter', value: '2026-11-27 09:05:00' }, line: 11, column: 69 }],
    },
    {
      name: 'a month 13 and a leap second',
      input: buildResponse({ authnInstant: '2026-13-01T00:00:00Z', sessionNotOnOrAfter: '2026-12-31T23:59:60Z' }),
      errors: [
        { messageId: 'invalid', data: { attribute: 'AuthnInstant' } },
        { messageId: 'invalid', data: { attribute: 'SessionNotOnOrAfter' } },
      ],
    },
    {
      name: 'February 29 in a common year',
      input: buildResponse({ authnInstant: '2026-02-29T08:59:58Z' }),
      errors: [{ messageId: 'invalid', data: { attribute: 'AuthnInstant' } }],
    },
    {
      name: 'an empty Conditions NotBefore',
      input: buildResponse({ notBefore: '' }),
      errors: [{ messageId: 'invalid', data: { element: 'Conditions', attribute: 'NotBefore' } }],
    },
    {
      name: 'no time zone, and an offset',
      input: buildResponse({ issueInstant: '2026-11-27T09:00:00', notBefore: '2026-11-27T09:55:00+01:00' }),
      errors: [
        { messageId: 'notUtc', data: { element: 'Response', attribute: 'IssueInstant' }, line: 2, severity: 'warning' },
        { messageId: 'notUtc', data: { element: 'Assertion', attribute: 'IssueInstant' }, line: 5 },
        { messageId: 'notUtc', data: { element: 'Conditions', attribute: 'NotBefore' }, line: 11 },
      ],
    },
    {
      name: 'NotOnOrAfter equal to NotBefore',
      input: buildResponse({ notBefore: '2026-11-27T09:05:00Z' }),
      errors: [{ messageId: 'emptyWindow', data: { element: 'Conditions', notBefore: '2026-11-27T09:05:00Z' }, line: 11 }],
    },
    {
      name: 'issued after the bearer NotOnOrAfter',
      input: buildResponse({ confirmationNotOnOrAfter: '2026-11-27T08:59:00Z' }),
      errors: [{ messageId: 'issuedExpired', data: { element: 'SubjectConfirmationData', issueInstant: '2026-11-27T09:00:00Z' }, line: 9 }],
    },
    {
      name: 'a bearer NotBefore',
      input: buildResponse({
        subjectConfirmations: [{ method: BEARER, recipient: ACS, notBefore: '2026-11-27T08:55:00Z', notOnOrAfter: '2026-11-27T09:05:00Z' }],
      }),
      errors: [{ messageId: 'bearerNotBefore', line: 9, severity: 'warning' }],
    },
  ],
});
