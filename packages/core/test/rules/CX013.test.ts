import { AWS, buildResponse, withAttributes } from '../../../../test-vectors/lib/response.mjs';
import { CX013 } from '../../src/rules/cx/CX013-session-duration-over-connect-cap.js';
import { CLEAN, attributeValuePositionOf } from '../cx-fixtures.js';
import { ruleTester } from '../rule-tester.js';

const duration = (seconds: string | null, sessionNotOnOrAfter: string | null = null) =>
  buildResponse({ sessionNotOnOrAfter, attributes: withAttributes({ [AWS.sessionDuration]: seconds === null ? null : [seconds] }) });
const day = duration(null, '2026-11-28T09:00:00Z');

ruleTester(CX013, {
  valid: [
    { name: 'exactly 12 h from both', input: CLEAN },
    { name: 'an hour', input: duration('3600') },
    { name: 'neither attribute', input: duration(null) },
    { name: 'a SessionDuration that is not a number is AWS’s', input: duration('12h') },
    { name: 'an unparseable SessionNotOnOrAfter', input: duration(null, 'tomorrow') },
    { name: 'SessionDuration caps a longer SessionNotOnOrAfter', input: duration('43200', '2026-11-28T09:00:00Z') },
    { name: 'SessionNotOnOrAfter caps a SessionDuration over the STS maximum', input: duration('86400', '2026-11-27T21:00:00Z') },
  ],
  invalid: [
    {
      name: 'SessionNotOnOrAfter a day after issue, no SessionDuration',
      input: day,
      errors: [{ messageId: 'overCap', data: { source: 'SessionNotOnOrAfter', duration: '24 h' }, ...attributeValuePositionOf(day, 'SessionNotOnOrAfter') }],
    },
    {
      name: 'a SessionDuration over the STS maximum',
      input: duration('86400'),
      errors: [{ messageId: 'overCap', data: { source: 'SessionDuration', duration: '24 h' } }],
    },
    {
      name: 'just over 12 h reads exactly',
      input: duration(null, '2026-11-27T21:00:05Z'),
      errors: [{ messageId: 'overCap', data: { duration: '12 h 0 min 5 s' } }],
    },
    {
      name: 'the lesser of the two is named',
      input: duration('50400', '2026-11-27T22:30:00Z'),
      errors: [{ messageId: 'overCap', data: { source: 'SessionNotOnOrAfter', duration: '13 h 30 min' } }],
    },
  ],
});
