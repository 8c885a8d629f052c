import { buildResponse, NOW } from '../../../../test-vectors/lib/response.mjs';
import { SAML012 } from '../../src/rules/saml/SAML012-assertion-expired.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(SAML012, {
  valid: [
    { name: 'inside the window', input: buildResponse(), options: { now: NOW } },
    { name: 'expired, but within the tolerance', input: buildResponse(), options: { now: '2026-11-27T09:05:59Z' } },
    {
      name: 'a wider tolerance',
      input: buildResponse(),
      options: { now: '2026-11-27T09:10:12Z', clockSkewSeconds: 600 },
    },
    { name: 'an unreadable NotOnOrAfter (SAML015)', input: buildResponse({ notOnOrAfter: 'soon', confirmationNotOnOrAfter: null }), options: { now: '2026-11-27T10:00:00Z' } },
  ],
  invalid: [
    {
      name: 'both expired, 312 s',
      input: buildResponse(),
      options: { now: '2026-11-27T09:10:12Z' },
      errors: [
        { messageId: 'expired', data: { element: 'Conditions', seconds: 312, skew: 60, value: '2026-11-27T09:05:00Z' }, line: 11, column: 69 },
        { messageId: 'expired', data: { element: 'SubjectConfirmationData', seconds: 312, skew: 60 }, line: 9 },
      ],
    },
    {
      name: 'at the exact instant, with no tolerance',
      input: buildResponse({ confirmationNotOnOrAfter: '2026-11-27T09:10:00Z' }),
      options: { now: '2026-11-27T09:05:00Z', clockSkewSeconds: 0 },
      errors: [{ messageId: 'expired', data: { element: 'Conditions', seconds: 0, skew: 0 } }],
    },
    {
      name: 'only the bearer confirmation expired',
      input: buildResponse({ confirmationNotOnOrAfter: '2026-11-27T09:00:00Z' }),
      options: { now: '2026-11-27T09:01:30Z' },
      errors: [{ messageId: 'expired', data: { element: 'SubjectConfirmationData', seconds: 90 } }],
    },
    {
      name: 'an offset time is still compared',
      input: buildResponse({ notOnOrAfter: '2026-11-27T10:05:00+01:00' }),
      options: { now: '2026-11-27T09:05:30Z', clockSkewSeconds: 0 },
      errors: [
        { messageId: 'expired', data: { element: 'Conditions', seconds: 30 } },
        { messageId: 'expired', data: { element: 'SubjectConfirmationData', seconds: 30 } },
      ],
    },
  ],
});
