import { describe, expect, it } from 'vitest';
import { buildResponse } from '../../../../test-vectors/lib/response.mjs';
import { IAM009 } from '../../src/rules/iam/IAM009-federation-token-not-granted.js';
import { INSTANCE_ID, USER_RESOURCE, federationStatement, permission, policy, positionOf, trust } from '../iam-fixtures.js';
import { ruleTester, runRule } from '../rule-tester.js';

const input = buildResponse();
const readOnly = policy([{ Effect: 'Allow', Action: ['connect:Describe*', 'connect:List*'], Resource: '*' }]);
const queues = permission({ Resource: `arn:aws:connect:eu-west-2:123456789012:instance/${INSTANCE_ID}/queue/*` });
const byInstance = (ids: string | string[], key = 'connect:InstanceId') => permission({ Resource: '*', Condition: { StringEquals: { [key]: ids } } });

ruleTester(IAM009, {
  valid: [
    { name: 'form 1: the user resource with `${aws:userid}`', input, options: { permissionPolicy: permission() } },
    { name: 'form 2: `*` with `connect:InstanceId`', input, options: { permissionPolicy: byInstance(INSTANCE_ID) } },
    { name: 'form 3: a list of instance ids, key spelled `connect:InstanceID`', input, options: { permissionPolicy: byInstance(['x', INSTANCE_ID], 'connect:InstanceID') } },
    { name: 'the instance resource the Service Authorization Reference lists', input, options: { permissionPolicy: permission({ Resource: `arn:aws:connect:eu-west-2:123456789012:instance/${INSTANCE_ID}` }) } },
    { name: 'everything under the instance', input, options: { permissionPolicy: permission({ Resource: `arn:aws:connect:*:*:instance/${INSTANCE_ID}/*` }) } },
    { name: '`connect:*` on `*`', input, options: { permissionPolicy: permission({ Action: 'connect:*', Resource: '*' }) } },
    { name: 'the action name in another case', input, options: { permissionPolicy: permission({ Action: 'Connect:getfederationtoken' }) } },
    { name: 'a statement among others', input, options: { permissionPolicy: policy([{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }, federationStatement()]) } },
    {
      name: 'a Deny of another instance does not block it',
      input,
      options: { permissionPolicy: policy([federationStatement(), { Effect: 'Deny', Action: 'connect:*', Resource: 'arn:aws:connect:*:*:instance/5f1d2c3b-4a59-4687-b7c8-d9e0f1a2b3c4/*' }]) },
    },
    {
      name: 'a conditional Deny is assumed not to apply',
      input,
      options: { permissionPolicy: policy([federationStatement(), { Effect: 'Deny', Action: '*', Resource: '*', Condition: { Bool: { 'aws:ViaAWSService': true } } }]) },
    },
    { name: 'no permission policy: nothing to check', input, options: { trustPolicy: trust() } },
  ],
  invalid: [
    { name: 'read-only access, at `Statement`', input, options: { permissionPolicy: readOnly }, errors: [{ messageId: 'missing', ...positionOf(readOnly, '[') }] },
    { name: 'a misspelt action', input, options: { permissionPolicy: permission({ Action: 'connect:GetFederationTokens' }) }, errors: [{ messageId: 'missing' }] },
    {
      name: 'a resource that is no instance, at the Resource',
      input,
      options: { permissionPolicy: queues },
      errors: [{ messageId: 'resource', data: { resources: `\`arn:aws:connect:eu-west-2:123456789012:instance/${INSTANCE_ID}/queue/*\`` }, ...positionOf(queues, '"arn:') }],
    },
    { name: 'an S3 bucket', input, options: { permissionPolicy: permission({ Resource: 'arn:aws:s3:::connect-recordings/*' }) }, errors: [{ messageId: 'resource' }] },
    { name: 'a fixed user name instead of `${aws:userid}`', input, options: { permissionPolicy: permission({ Resource: USER_RESOURCE.replace('${aws:userid}', 'jane.doe') }) }, errors: [{ messageId: 'resource' }] },
    { name: 'form 1 under Version 2008-10-17', input, options: { permissionPolicy: policy([federationStatement()], '2008-10-17') }, errors: [{ messageId: 'version', line: 2 }] },
    { name: 'form 1 without Version', input, options: { permissionPolicy: policy([federationStatement()], null) }, errors: [{ messageId: 'version', line: 1 }] },
    {
      name: 'an unconditional Deny of Connect',
      input,
      options: { permissionPolicy: policy([federationStatement(), { Sid: 'NoConnect', Effect: 'Deny', Action: 'connect:*', Resource: '*' }]) },
      errors: [{ messageId: 'denied', data: { statement: 'statement `NoConnect`' } }],
    },
    { name: 'the input itself', input: readOnly, errors: [{ messageId: 'missing' }] },
  ],
});

describe('IAM009 notes', () => {
  it('says when --permission-policy holds a trust policy', () => {
    const { result } = runRule(IAM009, input, { permissionPolicy: trust() });
    expect(result.findings[0]?.notes).toEqual([
      'this looks like a trust policy: its statements name a `Principal`; pass the role’s permission policy with --permission-policy',
    ]);
  });
});
