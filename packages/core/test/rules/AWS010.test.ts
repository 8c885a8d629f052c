import { AWS, buildResponse, withAttributes } from '../../../../test-vectors/lib/response.mjs';
import { AWS010 } from '../../src/rules/aws/AWS010-source-identity-invalid.js';
import { ruleTester } from '../rule-tester.js';

const withSource = (...values: string[]) => buildResponse({ attributes: withAttributes({ [AWS.sourceIdentity]: values }) });

ruleTester(AWS010, {
  valid: [
    { name: 'an email address', input: withSource('jane.doe@example.com') },
    { name: 'no SourceIdentity', input: buildResponse() },
    { name: '`aws` without the colon is an ordinary prefix', input: withSource('awsjane') },
  ],
  invalid: [
    {
      name: 'the reserved prefix',
      input: withSource('aws:jane'),
      errors: [{ messageId: 'reserved', data: { value: 'aws:jane' }, line: 19 }],
    },
    {
      name: 'the reserved prefix in capitals',
      input: withSource('AWS:jane'),
      errors: [{ messageId: 'reserved' }],
    },
    {
      name: 'a display name',
      input: withSource('Jane Doe'),
      errors: [{ messageId: 'characters', data: { characters: 'a space' } }],
    },
    {
      name: 'one character',
      input: withSource('j'),
      errors: [{ messageId: 'tooShort', data: { length: 1 } }],
    },
    {
      name: '65 characters',
      input: withSource('s'.repeat(65)),
      errors: [{ messageId: 'tooLong', data: { length: 65 } }],
    },
    {
      name: 'an empty value',
      input: withSource(''),
      errors: [{ messageId: 'empty' }],
    },
    {
      name: 'two values: a warning',
      input: withSource('jdoe', 'jane.doe@example.com'),
      errors: [{ messageId: 'valueCount', data: { count: 2 }, severity: 'warning' }],
    },
    {
      name: 'no value: an error',
      input: withSource(),
      errors: [{ messageId: 'valueCount', data: { count: 0 }, severity: 'error' }],
    },
  ],
});
