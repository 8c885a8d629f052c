import { describe, expect, it } from 'vitest';
import { buildResponse } from '../../../../test-vectors/lib/response.mjs';
import { IAM002 } from '../../src/rules/iam/IAM002-saml-federation-not-allowed.js';
import { PROVIDER_ARN, permission, policy, positionOf, samlStatement, trust } from '../iam-fixtures.js';
import { ruleTester, runRule } from '../rule-tester.js';

const input = buildResponse();
const webIdentity = trust({ Principal: { Federated: 'cognito-identity.amazonaws.com' }, Action: 'sts:AssumeRoleWithWebIdentity' });
const denyAll = policy([samlStatement(), { Sid: 'NoFederation', Effect: 'Deny', Principal: '*', Action: 'sts:*' }]);

ruleTester(IAM002, {
  valid: [
    { name: 'the regional trust policy', input, options: { trustPolicy: trust() } },
    { name: 'the trust policy as the input', input: trust() },
    { name: 'action names are not case-sensitive', input, options: { trustPolicy: trust({ Action: 'STS:assumeRoleWithSaml' }) } },
    { name: '`sts:AssumeRoleWith*`', input, options: { trustPolicy: trust({ Action: 'sts:AssumeRoleWith*' }) } },
    { name: '`sts:*` in a list', input, options: { trustPolicy: trust({ Action: ['sts:TagSession', 'sts:*'] }) } },
    { name: '`*`', input, options: { trustPolicy: trust({ Action: '*' }) } },
    { name: '`NotAction` that leaves SAML out of the exclusion', input, options: { trustPolicy: trust({ Action: undefined, NotAction: 'iam:*' }) } },
    {
      name: 'a conditional Deny is assumed not to apply',
      input,
      options: { trustPolicy: policy([samlStatement(), { Effect: 'Deny', Principal: '*', Action: 'sts:*', Condition: { Bool: { 'aws:SecureTransport': false } } }]) },
    },
    {
      name: 'a Deny of another provider',
      input,
      options: { trustPolicy: policy([samlStatement(), { Effect: 'Deny', Principal: { Federated: 'arn:aws:iam::123456789012:saml-provider/Old' }, Action: 'sts:AssumeRoleWithSAML' }]) },
    },
    { name: 'no trust policy: unchecked, not reported', input, options: { permissionPolicy: permission() } },
  ],
  invalid: [
    {
      name: 'the trust policy of a web identity role',
      input,
      options: { trustPolicy: webIdentity },
      errors: [{ messageId: 'missing', ...positionOf(webIdentity, '[') }],
    },
    { name: 'no statement at all', input, options: { trustPolicy: policy([]) }, errors: [{ messageId: 'missing' }] },
    { name: 'a misspelt action', input, options: { trustPolicy: trust({ Action: 'sts:AssumeRoleWithSAML2' }) }, errors: [{ messageId: 'missing' }] },
    { name: 'only a Deny names the action', input, options: { trustPolicy: trust({ Effect: 'Deny' }) }, errors: [{ messageId: 'missing' }] },
    {
      name: 'an unconditional Deny of every principal',
      input,
      options: { trustPolicy: denyAll },
      errors: [{ messageId: 'denied', data: { statement: 'statement `NoFederation`' }, line: positionOf(denyAll, '"NoFederation"').line - 1 }],
    },
    {
      name: 'a Deny of the trusted provider, by position',
      input,
      options: { trustPolicy: policy([samlStatement(), { Effect: 'Deny', Principal: { Federated: PROVIDER_ARN }, Action: 'sts:AssumeRoleWithSAML' }]) },
      errors: [{ messageId: 'denied', data: { statement: 'statement 2' } }],
    },
    { name: 'a trust policy as the input, without SAML', input: webIdentity, errors: [{ messageId: 'missing' }] },
  ],
});

describe('IAM002 notes', () => {
  it('says when --trust-policy holds a permission policy', () => {
    const { result } = runRule(IAM002, input, { trustPolicy: permission() });
    expect(result.findings[0]?.notes).toEqual([
      'this looks like a permission policy: no statement has a `Principal`; pass the role’s trust relationship with --trust-policy',
      'the policy allows `connect:GetFederationToken`',
    ]);
  });
  it('names what the policy allows instead', () => {
    const { result } = runRule(IAM002, input, { trustPolicy: webIdentity });
    expect(result.findings[0]?.notes).toEqual(['the policy allows `sts:AssumeRoleWithWebIdentity`']);
  });
});
