import { AWS, buildResponse, NOW, withAttributes } from '../../../../test-vectors/lib/response.mjs';
import { SAML014 } from '../../src/rules/saml/SAML014-session-not-on-or-after-passed.js';
import { ruleTester } from '../rule-tester.js';

const options = { now: NOW };

ruleTester(SAML014, {
  valid: [
    { name: 'a 12 h session cap matching SessionDuration', input: buildResponse(), options },
    { name: 'no SessionNotOnOrAfter', input: buildResponse({ sessionNotOnOrAfter: null }), options },
    { name: 'passed, but within the tolerance', input: buildResponse({ sessionNotOnOrAfter: '2026-11-27T21:00:00Z' }), options: { now: '2026-11-27T21:00:59Z' } },
    {
      name: 'no SessionDuration, and a cap beyond the one-hour default',
      input: buildResponse({ attributes: withAttributes({ [AWS.sessionDuration]: null }), sessionNotOnOrAfter: '2026-11-27T10:00:00Z' }),
      options,
    },
    {
      name: 'a malformed SessionDuration is the AWS family’s finding',
      input: buildResponse({ attributes: withAttributes({ [AWS.sessionDuration]: ['12h'] }), sessionNotOnOrAfter: '2026-11-27T09:30:00Z' }),
      options,
    },
  ],
  invalid: [
    {
      name: 'passed 90 s before now',
      input: buildResponse({ sessionNotOnOrAfter: '2026-11-27T08:59:00Z' }),
      options,
      errors: [{ messageId: 'passed', data: { seconds: 90, skew: 60, value: '2026-11-27T08:59:00Z' }, line: 14 }],
    },
    {
      name: 'a one-hour cap under a 12-hour SessionDuration',
      input: buildResponse({ sessionNotOnOrAfter: '2026-11-27T10:00:00Z' }),
      options,
      errors: [{ messageId: 'capsSession', data: { cap: 3600, duration: 43200, source: 'SessionDuration' }, severity: 'info' }],
    },
    {
      name: 'a 30-minute cap under the one-hour default',
      input: buildResponse({ attributes: withAttributes({ [AWS.sessionDuration]: null }), sessionNotOnOrAfter: '2026-11-27T09:30:00Z' }),
      options,
      errors: [{ messageId: 'capsSession', data: { cap: 1800, duration: 3600, source: 'the STS default' } }],
    },
  ],
});
