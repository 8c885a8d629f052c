import { AWS, PROVIDER_ARN, ROLE_ARN, buildResponse, withAttributes } from '../../../../test-vectors/lib/response.mjs';
import { AWS002 } from '../../src/rules/aws/AWS002-role-pair-malformed.js';
import { ruleTester } from '../rule-tester.js';

const withRole = (...values: string[]) => buildResponse({ attributes: withAttributes({ [AWS.role]: values }) });
const provider = (name: string) => `arn:aws:iam::123456789012:saml-provider/${name}`;
const role = (resource: string) => `arn:aws:iam::123456789012:role/${resource}`;

ruleTester(AWS002, {
  valid: [
    { name: 'role first', input: withRole(`${ROLE_ARN},${PROVIDER_ARN}`) },
    { name: 'provider first (clients report AWS accepts both orders)', input: withRole(`${PROVIDER_ARN},${ROLE_ARN}`) },
    { name: 'several pairs, one per value', input: withRole(`${ROLE_ARN},${PROVIDER_ARN}`, `${role('Admin')},${PROVIDER_ARN}`) },
    { name: 'a role with a path', input: withRole(`${role('division_abc/subdivision_xyz/ProductManager')},${PROVIDER_ARN}`) },
    { name: 'a 64-character role name with allowed symbols', input: withRole(`${role(`a+=.@-_${'x'.repeat(57)}`)},${PROVIDER_ARN}`) },
    { name: 'GovCloud and China partitions', input: withRole('arn:aws-us-gov:iam::123456789012:role/A,arn:aws-cn:iam::123456789012:saml-provider/B') },
    { name: 'a provider name with `+=,@` (CreateSAMLProvider prose)', input: withRole(`${ROLE_ARN},${provider('Okta+Prod=1@x')}`) },
    { name: 'whitespace around the halves is AWS003’s', input: withRole(` ${ROLE_ARN} , ${PROVIDER_ARN} `) },
    { name: 'account mismatch is AWS004’s', input: withRole(`${ROLE_ARN},arn:aws:iam::210987654321:saml-provider/ExampleIdP`) },
  ],
  invalid: [
    {
      name: 'an empty value',
      input: withRole(''),
      errors: [{ messageId: 'empty' }],
    },
    {
      name: 'a bare role name (a group-name mapping)',
      input: withRole('ConnectAgent'),
      errors: [{ messageId: 'notPair', data: { value: 'ConnectAgent', found: 'not an ARN' }, line: 16, column: 177 }],
    },
    {
      name: 'only the role ARN',
      input: withRole(ROLE_ARN),
      errors: [{ messageId: 'notPair', data: { found: 'only a role ARN' } }],
    },
    {
      name: 'a trailing comma, pointing at it',
      input: withRole(`${ROLE_ARN},${PROVIDER_ARN},`),
      errors: [{ messageId: 'emptyPart', data: { comma: 'trailing' }, line: 16, column: 177 + ROLE_ARN.length + PROVIDER_ARN.length + 1 }],
    },
    {
      name: 'a leading comma',
      input: withRole(`,${ROLE_ARN},${PROVIDER_ARN}`),
      errors: [{ messageId: 'emptyPart', data: { comma: 'leading' }, column: 177 }],
    },
    {
      name: 'a doubled comma',
      input: withRole(`${ROLE_ARN},,${PROVIDER_ARN}`),
      errors: [{ messageId: 'emptyPart', data: { comma: 'doubled' } }],
    },
    {
      name: 'two pairs in one value',
      input: withRole(`${ROLE_ARN},${PROVIDER_ARN},${role('Admin')},${PROVIDER_ARN}`),
      errors: [{ messageId: 'tooManyParts', data: { count: 4 } }],
    },
    {
      name: 'two roles',
      input: withRole(`${ROLE_ARN},${role('Admin')}`),
      errors: [{ messageId: 'sameKind', data: { kind: 'role ARN', missing: 'saml-provider ARN' } }],
    },
    {
      name: 'two providers',
      input: withRole(`${PROVIDER_ARN},${provider('Other')}`),
      errors: [{ messageId: 'sameKind', data: { kind: 'saml-provider ARN', missing: 'role ARN' } }],
    },
    {
      name: 'a bare role name as the first half',
      input: withRole(`ConnectAgent,${PROVIDER_ARN}`),
      errors: [{ messageId: 'badPart', data: { part: 'first part', text: 'ConnectAgent', reason: 'is not an ARN' } }],
    },
    {
      name: 'a role ARN with an 11-digit account, pointing at that half',
      input: withRole(`${PROVIDER_ARN},arn:aws:iam::12345678901:role/ConnectAgent`),
      errors: [{ messageId: 'badPart', data: { part: 'role ARN', reason: 'has account ID `12345678901`, not 12 digits' }, column: 177 + PROVIDER_ARN.length + 1 }],
    },
    {
      name: 'an unknown partition',
      input: withRole(`arn:aws-eu:iam::123456789012:role/A,${PROVIDER_ARN}`),
      errors: [{ messageId: 'badPart', data: { part: 'role ARN', reason: 'has partition `aws-eu`, not `aws`, `aws-us-gov` or `aws-cn`' } }],
    },
    {
      name: 'an sts assumed-role ARN in place of the role',
      input: withRole(`arn:aws:sts::123456789012:assumed-role/A/s,${PROVIDER_ARN}`),
      errors: [{ messageId: 'badPart', data: { part: 'first part', reason: 'has service `sts`, not `iam`' } }],
    },
    {
      name: 'a region in an IAM ARN',
      input: withRole(`${ROLE_ARN},arn:aws:iam:us-east-1:123456789012:saml-provider/ExampleIdP`),
      errors: [{ messageId: 'badPart', data: { part: 'saml-provider ARN', reason: 'has region `us-east-1`, but IAM ARNs have none' } }],
    },
    {
      name: 'a role name with a space',
      input: withRole(`${role('Connect Agent')},${PROVIDER_ARN}`),
      errors: [{ messageId: 'badPart', data: { part: 'role ARN', reason: 'has a role name with a space, which IAM does not allow' } }],
    },
    {
      name: 'a 65-character role name',
      input: withRole(`${role('r'.repeat(65))},${PROVIDER_ARN}`),
      errors: [{ messageId: 'badPart', data: { reason: 'has a role name of 65 characters, over 64' } }],
    },
    {
      name: 'a role ARN that stops after `role/`',
      input: withRole(`${role('')},${PROVIDER_ARN}`),
      errors: [{ messageId: 'badPart', data: { part: 'role ARN', reason: 'has no role name' } }],
    },
    {
      name: 'a role path with a space',
      input: withRole(`${role('my team/ConnectAgent')},${PROVIDER_ARN}`),
      errors: [{ messageId: 'badPart', data: { reason: 'has a role path with a space, which IAM does not allow' } }],
    },
    {
      name: 'an empty provider name',
      input: withRole(`${ROLE_ARN},${provider('')}`),
      errors: [{ messageId: 'badPart', data: { part: 'saml-provider ARN', reason: 'has no provider name' } }],
    },
    {
      name: 'a 129-character provider name',
      input: withRole(`${ROLE_ARN},${provider('p'.repeat(129))}`),
      errors: [{ messageId: 'badPart', data: { reason: 'has a provider name of 129 characters, over 128' } }],
    },
    {
      name: 'a user ARN where the provider belongs, and a bad role: both halves reported',
      input: withRole(`${role('a b')},arn:aws:iam::123456789012:user/jane`),
      errors: [
        { messageId: 'badPart', data: { part: 'role ARN' } },
        { messageId: 'badPart', data: { part: 'second part', reason: 'is neither a role nor a saml-provider ARN (resource type `user`)' } },
      ],
    },
    {
      name: 'only the bad value of several is reported',
      input: withRole(`${ROLE_ARN},${PROVIDER_ARN}`, `${ROLE_ARN}`),
      errors: [{ messageId: 'notPair' }],
    },
  ],
});
