import { AWS, buildResponse, withAttributes } from '../../../../test-vectors/lib/response.mjs';
import { AWS009 } from '../../src/rules/aws/AWS009-session-duration-invalid.js';
import { ruleTester } from '../rule-tester.js';

const withDuration = (...values: string[]) => buildResponse({ attributes: withAttributes({ [AWS.sessionDuration]: values }) });

ruleTester(AWS009, {
  valid: [
    { name: '12 hours', input: withDuration('43200') },
    { name: '15 minutes', input: withDuration('900') },
    { name: 'no SessionDuration (the session lasts one hour)', input: buildResponse({ attributes: withAttributes({ [AWS.sessionDuration]: null }) }) },
  ],
  invalid: [
    {
      name: '24 hours',
      input: withDuration('86400'),
      errors: [{ messageId: 'outOfRange', data: { value: '86400' }, line: 18 }],
    },
    {
      name: 'under 15 minutes',
      input: withDuration('600'),
      errors: [{ messageId: 'outOfRange', data: { value: '600' } }],
    },
    {
      name: 'hours with a unit',
      input: withDuration('12h'),
      errors: [{ messageId: 'notInteger', data: { value: '12h' } }],
    },
    {
      name: 'a decimal point',
      input: withDuration('3600.0'),
      errors: [{ messageId: 'notInteger' }],
    },
    {
      name: 'an empty value',
      input: withDuration(''),
      errors: [{ messageId: 'notInteger', data: { value: '' } }],
    },
    {
      name: 'two values, the second out of range',
      input: withDuration('3600', '50000'),
      errors: [{ messageId: 'valueCount', data: { count: 2 } }, { messageId: 'outOfRange', data: { value: '50000' } }],
    },
    {
      name: 'a pretty-printed value: padding is a warning, the number still checked',
      input: withDuration('\n          14400\n        '),
      errors: [{ messageId: 'surroundingWhitespace', severity: 'warning' }],
    },
    {
      name: 'a padded value out of range: the padding and the range',
      input: withDuration(' 86400 '),
      errors: [
        { messageId: 'surroundingWhitespace', data: { value: ' 86400 ' } },
        { messageId: 'outOfRange', data: { value: '86400' } },
      ],
    },
    {
      name: 'a space inside the number is no padding',
      input: withDuration('14 400'),
      errors: [{ messageId: 'notInteger', data: { value: '14 400' } }],
    },
    {
      name: 'an attribute without a value',
      input: withDuration(),
      errors: [{ messageId: 'valueCount', data: { count: 0 } }],
    },
  ],
});
