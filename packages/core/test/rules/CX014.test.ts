import { readFileSync } from 'node:fs';
import { AWS, INSTANCE_ID, PROVIDER_ARN, ROLE_ARN, buildResponse, withAttributes } from '../../../../test-vectors/lib/response.mjs';
import { CX014 } from '../../src/rules/cx/CX014-multiple-role-pairs.js';
import { CLEAN, RELAY_STATE, USERS_CSV, positionOf } from '../cx-fixtures.js';
import { ruleTester } from '../rule-tester.js';

const supervisor = `arn:aws:iam::123456789012:role/ConnectSupervisor,${PROVIDER_ARN}`;
const admin = `arn:aws:iam::210987654321:role/Admin,arn:aws:iam::210987654321:saml-provider/ExampleIdP`;
const roles = (values: string[], recipient?: string) =>
  buildResponse({ attributes: withAttributes({ [AWS.role]: values }), ...(recipient && { recipient }) });
const two = roles([`${ROLE_ARN},${PROVIDER_ARN}`, supervisor]);
const atSecond = positionOf(two, 'arn:aws:iam::123456789012:role/ConnectSupervisor');
const connect = { relayState: RELAY_STATE };
/** Google Workspace's response to the AWS console, three roles for the picker (test-vectors/real-world/README.md). */
const googleConsole = readFileSync(new URL('../../../../test-vectors/real-world/aws-google-auth/valid-response.xml', import.meta.url), 'utf8');

ruleTester(CX014, {
  valid: [
    { name: 'one role pair in a Connect login', input: CLEAN, options: connect },
    { name: 'no Role attribute is AWS’s', input: roles([]), options: connect },
    // IAM's role picker (facts §4): an IdP that sends all of a user's roles to the console is right.
    { name: 'several role pairs, and nothing says the login is for Connect', input: roles([`${ROLE_ARN},${PROVIDER_ARN}`, supervisor, admin]) },
    { name: 'a real console login with three roles (Google Workspace)', input: googleConsole },
    {
      name: 'several role pairs with a console relay state',
      input: two,
      options: { relayState: 'https://console.aws.amazon.com/ec2/home?region=eu-west-2' },
    },
  ],
  invalid: [
    {
      name: 'two role pairs, with a Connect relay state',
      input: two,
      options: connect,
      errors: [{ messageId: 'multiple', data: { count: 2 }, ...atSecond }],
    },
    {
      name: 'two Role attributes of one value each',
      input: buildResponse({ attributes: [...withAttributes({}), [AWS.role, [supervisor]]] }),
      options: connect,
      errors: [{ messageId: 'multiple', data: { count: 2 } }],
    },
    {
      name: 'two role pairs posted to a Global Resiliency endpoint',
      input: roles([`${ROLE_ARN},${PROVIDER_ARN}`, supervisor], `https://${INSTANCE_ID}.us-west-2.sign-in.connect.aws/saml`),
      errors: [{ messageId: 'multiple', data: { count: 2 } }],
    },
    { name: 'two role pairs, with --instance-id', input: two, options: { instanceId: INSTANCE_ID }, errors: [{ messageId: 'multiple', data: { count: 2 }, ...atSecond }] },
    { name: 'the same real response, sent to Connect', input: googleConsole, options: connect, errors: [{ messageId: 'multiple', data: { count: 3 } }] },
    { name: 'two role pairs, with a Connect user list', input: two, options: { users: USERS_CSV }, errors: [{ messageId: 'multiple', data: { count: 2 }, ...atSecond }] },
  ],
});
