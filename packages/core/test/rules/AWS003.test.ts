import { AWS, PROVIDER_ARN, ROLE_ARN, buildResponse, withAttributes } from '../../../../test-vectors/lib/response.mjs';
import { AWS003 } from '../../src/rules/aws/AWS003-role-pair-whitespace.js';
import { ruleTester } from '../rule-tester.js';

const withRole = (...values: string[]) => buildResponse({ attributes: withAttributes({ [AWS.role]: values }) });
const VALUE_COLUMN = 177;

ruleTester(AWS003, {
  valid: [
    { name: 'no whitespace', input: withRole(`${ROLE_ARN},${PROVIDER_ARN}`) },
    { name: 'a blank value is AWS002’s', input: withRole('   ') },
    { name: 'whitespace inside an ARN is AWS002’s', input: withRole(`arn:aws:iam::123456789012:role/Connect Agent,${PROVIDER_ARN}`) },
  ],
  invalid: [
    {
      name: 'a space after the comma, pointing at it',
      input: withRole(`${ROLE_ARN}, ${PROVIDER_ARN}`),
      errors: [{ messageId: 'whitespace', data: { where: 'after a comma' }, line: 16, column: VALUE_COLUMN + ROLE_ARN.length + 1 }],
    },
    {
      name: 'a space before the comma',
      input: withRole(`${ROLE_ARN} ,${PROVIDER_ARN}`),
      errors: [{ messageId: 'whitespace', data: { where: 'before a comma' }, column: VALUE_COLUMN + ROLE_ARN.length }],
    },
    {
      name: 'a pretty-printed value with line breaks around it',
      input: withRole(`\n        ${ROLE_ARN},${PROVIDER_ARN}\n      `),
      errors: [
        { messageId: 'whitespace', data: { where: 'before the value' }, line: 16, column: VALUE_COLUMN },
        { messageId: 'whitespace', data: { where: 'after the value' }, line: 17 },
      ],
    },
    {
      name: 'a no-break space pasted from a web page',
      input: withRole(`${ROLE_ARN},\u00a0${PROVIDER_ARN}`),
      errors: [{ messageId: 'whitespace', data: { where: 'after a comma' } }],
    },
    {
      name: 'provider first, with a trailing tab',
      input: withRole(`${PROVIDER_ARN},${ROLE_ARN}\t`),
      errors: [{ messageId: 'whitespace', data: { where: 'after the value' } }],
    },
  ],
});
