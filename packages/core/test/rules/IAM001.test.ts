import { buildResponse } from '../../../../test-vectors/lib/response.mjs';
import { IAM001 } from '../../src/rules/iam/IAM001-policy-unreadable.js';
import { permission, policy, positionOf, samlStatement, trust } from '../iam-fixtures.js';
import { ruleTester } from '../rule-tester.js';

const input = buildResponse();
const trailingComma = trust().replace('"sts:AssumeRoleWithSAML",', '"sts:AssumeRoleWithSAML",,');
const lowerEffect = trust().replace('"Allow"', '"allow"');

ruleTester(IAM001, {
  valid: [
    { name: 'no policy given', input },
    { name: 'a trust and a permission policy', input, options: { trustPolicy: trust(), permissionPolicy: permission() } },
    { name: 'a lone statement object instead of a list', input, options: { trustPolicy: JSON.stringify({ Statement: samlStatement() }) } },
    { name: 'a trust policy as the input', input: trust() },
    { name: 'condition values that are numbers and booleans', input, options: { trustPolicy: trust({ Condition: { Bool: { 'aws:SecureTransport': true }, NumericLessThan: { 'aws:MultiFactorAuthAge': 3600 } } }) } },
  ],
  invalid: [
    {
      name: 'a trust policy with a doubled comma, located in that file',
      input,
      options: { trustPolicy: trailingComma },
      errors: [{ messageId: 'syntax', data: { policy: 'trust policy' }, ...positionOf(trailingComma, ',,'), column: positionOf(trailingComma, ',,').column + 1 }],
    },
    { name: 'a permission policy that is no policy', input, options: { permissionPolicy: '{"Users": []}' }, errors: [{ messageId: 'notPolicy', data: { policy: 'permission policy' }, line: 1, column: 1 }] },
    { name: 'nesting beyond the limit', input, options: { trustPolicy: `${'['.repeat(70)}${']'.repeat(70)}` }, errors: [{ messageId: 'limit', data: { detail: 'nested deeper than 64 levels' } }] },
    { name: 'a statement that is a string', input, options: { trustPolicy: policy(['sts:AssumeRoleWithSAML' as never]) }, errors: [{ messageId: 'statementType' }] },
    { name: '`Effect` in lower case', input, options: { trustPolicy: lowerEffect }, errors: [{ messageId: 'effect', data: { effect: 'allow' }, ...positionOf(lowerEffect, '"allow"') }] },
    { name: 'no `Effect`', input, options: { trustPolicy: trust({ Effect: undefined }) }, errors: [{ messageId: 'effectMissing' }] },
    { name: '`Effect` that is a boolean', input, options: { trustPolicy: trust({ Effect: true }) }, errors: [{ messageId: 'elementType', data: { element: 'Effect' } }] },
    { name: 'an action that is a number', input, options: { permissionPolicy: permission({ Action: ['connect:GetFederationToken', 7] }) }, errors: [{ messageId: 'elementType', data: { element: 'Action' } }] },
    { name: 'a resource that is an object', input, options: { permissionPolicy: permission({ Resource: { Arn: '*' } }) }, errors: [{ messageId: 'elementType', data: { element: 'Resource' } }] },
    { name: 'both `Action` and `NotAction`', input, options: { trustPolicy: trust({ NotAction: 'iam:*' }) }, errors: [{ messageId: 'elementConflict', data: { element: 'Action' } }] },
    { name: 'neither `Action` nor `NotAction`', input, options: { trustPolicy: trust({ Action: undefined }) }, errors: [{ messageId: 'actionMissing' }] },
    { name: 'a `Principal` that is a bare ARN', input, options: { trustPolicy: trust({ Principal: 'arn:aws:iam::123456789012:saml-provider/ExampleIdP' }) }, errors: [{ messageId: 'principalType', data: { element: 'Principal' } }] },
    { name: 'a `Federated` principal that is a number', input, options: { trustPolicy: trust({ Principal: { Federated: 123456789012 } }) }, errors: [{ messageId: 'elementType', data: { element: 'Principal.Federated' } }] },
    { name: 'a `Condition` that is a string', input, options: { trustPolicy: trust({ Condition: 'SAML:aud' }) }, errors: [{ messageId: 'conditionType' }] },
    { name: 'a condition value that is an object', input, options: { trustPolicy: trust({ Condition: { StringEquals: { 'SAML:aud': { url: 'x' } } } }) }, errors: [{ messageId: 'conditionType' }] },
    { name: 'a malformed policy as the input', input: lowerEffect, errors: [{ messageId: 'effect', ...positionOf(lowerEffect, '"allow"') }] },
    {
      name: 'problems in both policies, trust policy first',
      input,
      options: { trustPolicy: lowerEffect, permissionPolicy: '[]' },
      errors: [{ messageId: 'effect' }, { messageId: 'notPolicy', data: { policy: 'permission policy' } }],
    },
  ],
});
