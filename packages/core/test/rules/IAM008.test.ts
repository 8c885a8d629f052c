import { AWS, buildResponse, withAttributes } from '../../../../test-vectors/lib/response.mjs';
import { IAM008 } from '../../src/rules/iam/IAM008-trust-session-action-missing.js';
import { PROVIDER_ARN, policy, positionOf, samlStatement, trust } from '../iam-fixtures.js';
import { ruleTester } from '../rule-tester.js';

const tagged = (count = 1) =>
  buildResponse({
    attributes: withAttributes(Object.fromEntries(Array.from({ length: count }, (_, i) => [AWS.principalTag(`Tag${i}`), [`v${i}`]]))),
  });
const sourceIdentity = buildResponse({ attributes: withAttributes({ [AWS.sourceIdentity]: ['jane.doe@example.com'] }) });
const both = buildResponse({ attributes: withAttributes({ [AWS.principalTag('CostCenter')]: ['4711'], [AWS.sourceIdentity]: ['jane.doe'] }) });
const plain = trust();

ruleTester(IAM008, {
  valid: [
    { name: 'no tags, no SourceIdentity', input: buildResponse(), options: { trustPolicy: plain } },
    { name: 'tags with `sts:TagSession`', input: tagged(), options: { trustPolicy: trust({ Action: ['sts:AssumeRoleWithSAML', 'sts:TagSession'] }) } },
    { name: 'tags with `sts:*`', input: tagged(), options: { trustPolicy: trust({ Action: 'sts:*' }) } },
    {
      name: '`sts:TagSession` in its own statement for the same provider',
      input: tagged(),
      options: { trustPolicy: policy([samlStatement(), { Effect: 'Allow', Principal: { Federated: PROVIDER_ARN }, Action: 'sts:TagSession' }]) },
    },
    { name: 'SourceIdentity with `sts:SetSourceIdentity`', input: sourceIdentity, options: { trustPolicy: trust({ Action: ['sts:AssumeRoleWithSAML', 'sts:SetSourceIdentity'] }) } },
    { name: 'no SAML statement at all (IAM002’s)', input: tagged(), options: { trustPolicy: trust({ Action: 'sts:AssumeRoleWithWebIdentity' }) } },
    { name: 'no trust policy: unchecked', input: tagged() },
  ],
  invalid: [
    {
      name: 'a tag without `sts:TagSession`, at the Action, with the list to use',
      input: tagged(),
      options: { trustPolicy: plain },
      errors: [
        {
          messageId: 'tagSession',
          data: { tags: 'a PrincipalTag attribute', actions: '["sts:AssumeRoleWithSAML", "sts:TagSession"]' },
          ...positionOf(plain, '"sts:AssumeRoleWithSAML"'),
        },
      ],
    },
    { name: 'three tags', input: tagged(3), options: { trustPolicy: plain }, errors: [{ messageId: 'tagSession', data: { tags: '3 PrincipalTag attributes' } }] },
    {
      name: 'SourceIdentity without `sts:SetSourceIdentity`',
      input: sourceIdentity,
      options: { trustPolicy: plain },
      errors: [{ messageId: 'sourceIdentity', data: { actions: '["sts:AssumeRoleWithSAML", "sts:SetSourceIdentity"]' } }],
    },
    {
      name: 'both missing: each reported with the whole list',
      input: both,
      options: { trustPolicy: plain },
      errors: [
        { messageId: 'tagSession', data: { actions: '["sts:AssumeRoleWithSAML", "sts:TagSession", "sts:SetSourceIdentity"]' } },
        { messageId: 'sourceIdentity', data: { actions: '["sts:AssumeRoleWithSAML", "sts:TagSession", "sts:SetSourceIdentity"]' } },
      ],
    },
    {
      name: 'only the missing one, keeping the statement’s actions',
      input: both,
      options: { trustPolicy: trust({ Action: ['sts:AssumeRoleWithSAML', 'sts:TagSession'] }) },
      errors: [{ messageId: 'sourceIdentity', data: { actions: '["sts:AssumeRoleWithSAML", "sts:TagSession", "sts:SetSourceIdentity"]' } }],
    },
    {
      name: '`sts:TagSession` allowed to another provider only',
      input: tagged(),
      options: {
        trustPolicy: policy([samlStatement(), { Effect: 'Allow', Principal: { Federated: 'arn:aws:iam::123456789012:saml-provider/Other' }, Action: 'sts:TagSession' }]),
      },
      errors: [{ messageId: 'tagSession' }],
    },
    {
      name: '`sts:TagSession` denied outright',
      input: tagged(),
      options: { trustPolicy: policy([samlStatement({ Action: ['sts:AssumeRoleWithSAML', 'sts:TagSession'] }), { Effect: 'Deny', Principal: '*', Action: 'sts:TagSession' }]) },
      errors: [{ messageId: 'tagSession' }],
    },
  ],
});
