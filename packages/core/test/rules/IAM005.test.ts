import { buildResponse } from '../../../../test-vectors/lib/response.mjs';
import { IAM005 } from '../../src/rules/iam/IAM005-saml-aud-condition-missing.js';
import { GLOBAL, policy, positionOf, samlStatement, trust } from '../iam-fixtures.js';
import { ruleTester } from '../rule-tester.js';

const input = buildResponse();
const noCondition = trust({ Condition: undefined });

ruleTester(IAM005, {
  valid: [
    { name: 'the regional trust policy', input, options: { trustPolicy: trust() } },
    { name: 'the key in lower case', input, options: { trustPolicy: trust({ Condition: { StringEquals: { 'saml:aud': GLOBAL } } }) } },
    { name: 'the key in odd case under `StringLike`', input, options: { trustPolicy: trust({ Condition: { StringLike: { 'Saml:Aud': 'https://*.signin.aws.amazon.com/saml' } } }) } },
    { name: 'a statement without SAML needs none', input, options: { trustPolicy: policy([samlStatement(), { Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }]) } },
  ],
  invalid: [
    {
      name: 'no Condition, pointing at the statement',
      input,
      options: { trustPolicy: noCondition },
      errors: [{ messageId: 'missing', data: { statement: 'statement 1' }, line: positionOf(noCondition, '"Effect"').line - 1 }],
    },
    {
      name: 'a condition on another SAML key only',
      input,
      options: { trustPolicy: trust({ Condition: { StringEquals: { 'saml:sub_type': 'persistent' } } }) },
      errors: [{ messageId: 'missing' }],
    },
    {
      name: 'the one statement of two that lacks it',
      input,
      options: { trustPolicy: policy([samlStatement(), samlStatement({ Sid: 'Legacy', Condition: undefined })]) },
      errors: [{ messageId: 'missing', data: { statement: 'statement `Legacy`' } }],
    },
    { name: 'the input itself', input: noCondition, errors: [{ messageId: 'missing' }] },
  ],
});
