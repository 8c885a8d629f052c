import { describe, expect, it } from 'vitest';
import { AWS, buildResponse, withAttributes } from '../../../../test-vectors/lib/response.mjs';
import { IAM010 } from '../../src/rules/iam/IAM010-federation-token-instance-mismatch.js';
import { INSTANCE_ID, OTHER_INSTANCE, RELAY_STATE, USER_RESOURCE, federationStatement, permission, policy, positionOf } from '../iam-fixtures.js';
import { ruleTester, runRule } from '../rule-tester.js';

const input = buildResponse();
const byInstance = (ids: string | string[], operator = 'StringEquals') => permission({ Resource: '*', Condition: { [operator]: { 'connect:InstanceId': ids } } });
const otherInstance = byInstance(OTHER_INSTANCE);
const usEast1 = permission({ Resource: [USER_RESOURCE.replace('eu-west-2', 'us-east-1')] });
const withContext = (permissionPolicy: string) => ({ relayState: RELAY_STATE, permissionPolicy });
const GR_ACS = `https://${INSTANCE_ID}.us-west-2.sign-in.connect.aws/saml?&instanceId=${INSTANCE_ID}&accountId=123456789012&role=ConnectAgent&idp=ExampleIdP`;

ruleTester(IAM010, {
  valid: [
    { name: 'form 1 for the relay state’s instance', input, options: withContext(permission()) },
    { name: 'form 2 for it', input, options: withContext(byInstance(INSTANCE_ID)) },
    { name: 'form 3 with it in the list', input, options: withContext(byInstance([OTHER_INSTANCE, INSTANCE_ID])) },
    { name: '`StringLike` with a wildcard', input, options: withContext(byInstance('0b8e2f7c-*', 'StringLike')) },
    { name: '`*` without condition', input, options: withContext(permission({ Resource: '*' })) },
    { name: 'no relay state: region (Recipient) and account still match', input, options: { permissionPolicy: permission() } },
    { name: 'Global Resiliency: the instance of the sign-in host', input: buildResponse({ recipient: GR_ACS, destination: GR_ACS }), options: { permissionPolicy: byInstance(INSTANCE_ID) } },
    { name: 'no grant for any instance is IAM009’s', input, options: withContext(permission({ Action: 'connect:ListUsers' })) },
  ],
  invalid: [
    {
      name: 'form 2 for another instance, at the instance id',
      input,
      options: withContext(otherInstance),
      errors: [
        {
          messageId: 'mismatch',
          data: { granted: `\`connect:InstanceId\` \`${OTHER_INSTANCE}\``, needed: `instance \`${INSTANCE_ID}\` in \`eu-west-2\` of account \`123456789012\``, instance: INSTANCE_ID },
          ...positionOf(otherInstance, `"${OTHER_INSTANCE}"`),
        },
      ],
    },
    {
      name: 'form 1 in another region, at the Resource',
      input,
      options: withContext(usEast1),
      errors: [{ messageId: 'mismatch', data: { region: 'eu-west-2' }, ...positionOf(usEast1, '"arn:') }],
    },
    {
      name: 'another account',
      input,
      options: withContext(permission({ Resource: [USER_RESOURCE.replace('123456789012', '210987654321')] })),
      errors: [{ messageId: 'mismatch', data: { account: '123456789012' } }],
    },
    {
      name: '--instance-id names another instance',
      input,
      options: { instanceId: OTHER_INSTANCE, permissionPolicy: permission() },
      errors: [{ messageId: 'mismatch', data: { instance: OTHER_INSTANCE } }],
    },
    {
      name: 'a Deny of this instance',
      input,
      options: withContext(policy([federationStatement(), { Effect: 'Deny', Action: 'connect:GetFederationToken', Resource: `arn:aws:connect:*:*:instance/${INSTANCE_ID}/*` }])),
      errors: [{ messageId: 'denied', data: { statement: 'statement 2' } }],
    },
  ],
});

describe('IAM010 notes and labels', () => {
  it('names what differs and labels the relay state instance', () => {
    const { result } = runRule(IAM010, input, withContext(otherInstance));
    const finding = result.findings[0];
    expect(finding?.notes).toEqual(['the instance differs']);
    expect(finding?.labels?.map((l) => l.location.artifact)).toEqual(['relay-state']);
    const span = finding?.labels?.[0]?.location.span;
    expect(RELAY_STATE.slice((span?.column ?? 0) - 1, (span?.endColumn ?? 0) - 1)).toBe(INSTANCE_ID);
  });
  it('labels the role when the account differs', () => {
    const other = buildResponse({ attributes: withAttributes({ [AWS.role]: ['arn:aws:iam::210987654321:role/ConnectAgent,arn:aws:iam::210987654321:saml-provider/ExampleIdP'] }) });
    const { result } = runRule(IAM010, other, withContext(permission()));
    expect(result.findings[0]?.notes).toEqual(['the account differs']);
    expect(result.findings[0]?.labels?.map((l) => l.message)).toEqual(['the role’s account']);
  });
});
