import { AWS, buildResponse, withAttributes } from '../../../../test-vectors/lib/response.mjs';
import { AWS008 } from '../../src/rules/aws/AWS008-role-session-name-multiple-values.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(AWS008, {
  valid: [
    { name: 'one value', input: buildResponse() },
    { name: 'no attribute is AWS006’s', input: buildResponse({ attributes: withAttributes({ [AWS.roleSessionName]: null }) }) },
  ],
  invalid: [
    {
      name: 'two values, pointing at the second',
      input: buildResponse({ attributes: withAttributes({ [AWS.roleSessionName]: ['jane.doe@example.com', 'jdoe'] }) }),
      errors: [{ messageId: 'values', data: { count: 2 }, line: 17 }],
    },
    {
      name: 'two attributes',
      input: buildResponse({ attributes: [...withAttributes({}), [AWS.roleSessionName, ['jdoe']]] }),
      errors: [{ messageId: 'attributes', data: { count: 2 }, line: 19 }],
    },
    {
      name: 'two attributes, the first with three values',
      input: buildResponse({ attributes: [...withAttributes({ [AWS.roleSessionName]: ['a1', 'b2', 'c3'] }), [AWS.roleSessionName, ['d4']]] }),
      errors: [{ messageId: 'values', data: { count: 3 } }, { messageId: 'attributes' }],
    },
  ],
});
