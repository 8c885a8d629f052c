// cx vectors: see index.mjs for the case shape.
import { AWS, INSTANCE_ID, PROVIDER_ARN, RELAY_STATE, ROLE_ARN, withAttributes } from '../lib/response.mjs';

const federate = (region, id = INSTANCE_ID) => `https://${region}.console.aws.amazon.com/connect/federate/${id}`;
const withRelay = (query) => ({ relayState: `${RELAY_STATE}${query}` });
const roleSessionName = (value) => ({ attributes: withAttributes({ [AWS.roleSessionName]: [value] }) });
const resilientHost = `https://${INSTANCE_ID}.us-west-2.sign-in.connect.aws/saml`;
const resilientAcs = `${resilientHost}?&instanceId=${INSTANCE_ID}&accountId=123456789012&role=ConnectAgent&idp=ExampleIdP`;

export const CX_CASES = [
  {
    name: 'user-name-plus-addressing',
    family: 'cx',
    description: 'RoleSessionName `jane.doe+agent@example.com`: STS accepts the `+`, no Connect user name can hold it',
    response: roleSessionName('jane.doe+agent@example.com'),
    options: { relayState: RELAY_STATE },
    expect: ['CX001'],
  },
  {
    name: 'user-name-not-email',
    family: 'cx',
    description: 'RoleSessionName `jane.doe@example` has `@` but no dotted domain',
    response: roleSessionName('jane.doe@example'),
    options: { relayState: RELAY_STATE },
    expect: ['CX002'],
  },
  {
    name: 'user-name-wrong-case',
    family: 'cx',
    description: 'The IdP lower-cases the email; the Connect user (list-users JSON) is `Li.Wei@example.com`',
    response: roleSessionName('li.wei@example.com'),
    options: { relayState: RELAY_STATE, users: 'users/connect-users.json' },
    expect: ['CX003'],
  },
  {
    name: 'user-not-in-list',
    family: 'cx',
    description: 'RoleSessionName is the bare login `raj.patel`; the Connect user is `raj.patel@example.com`',
    response: roleSessionName('raj.patel'),
    options: { relayState: RELAY_STATE, users: 'users/connect-users.csv' },
    expect: ['CX003'],
  },
  {
    name: 'relay-state-access-url',
    family: 'cx',
    description: 'The agent access URL pasted as the relay state instead of the console federation URL',
    options: { relayState: 'https://example-cc.my.connect.aws/ccp-v2' },
    expect: ['CX004'],
  },
  {
    name: 'instance-id-not-uuid',
    family: 'cx',
    description: 'A relay state whose instance id has seven characters in its first group, as in an AWS policy example',
    options: { relayState: federate('eu-west-2', '1234567-78a2-2e74-d572-c8af67ed289b') },
    expect: ['CX005'],
  },
  {
    name: 'region-mismatch',
    family: 'cx',
    description: 'Relay state in us-east-1, Recipient the eu-west-2 sign-in endpoint',
    options: { relayState: federate('us-east-1') },
    expect: ['CX006'],
  },
  {
    name: 'destination-not-url-encoded',
    family: 'cx',
    description: 'The relay state destination written as a raw path `/ccp-v2/chat`',
    options: withRelay('?destination=/ccp-v2/chat'),
    expect: ['CX007'],
  },
  {
    name: 'destination-double-encoded',
    family: 'cx',
    description: 'The relay state destination encoded twice, `%252Fccp-v2`',
    capture: 'form',
    options: withRelay('?destination=%252Fccp-v2'),
    expect: ['CX008'],
  },
  {
    name: 'destination-http',
    family: 'cx',
    description: 'The relay state sends agents to an http:// custom desktop',
    options: withRelay('?destination=http%3A%2F%2Fagents.example.com%2Fdesktop'),
    expect: ['CX009', 'CX010'],
  },
  {
    name: 'destination-external-origin',
    family: 'cx',
    description: 'The relay state sends agents to an https:// custom desktop, which must be an Approved origin',
    options: withRelay('?destination=https%3A%2F%2Fagents.example.com%2Fdesktop'),
    expect: ['CX010'],
  },
  {
    name: 'new-domain-inside-destination',
    family: 'cx',
    description: 'The form body of a login whose relay state joins `new_domain=true` to the destination with `%26`',
    capture: 'form',
    options: withRelay('?destination=%2Fccp-v2%2Fchat%26new_domain=true'),
    expect: ['CX011'],
  },
  {
    name: 'destination-legacy-connect-prefix',
    family: 'cx',
    description: 'A destination that keeps the legacy `/connect` prefix of the awsapps.com domain',
    options: withRelay('?destination=%2Fconnect%2Fccp-v2'),
    expect: ['CX011'],
  },
  {
    name: 'global-resiliency-instance-mismatch',
    family: 'cx',
    description: 'A Global Resiliency ACS whose `instanceId` names another instance than its host',
    response: {
      recipient: resilientAcs.replace(`instanceId=${INSTANCE_ID}`, 'instanceId=11111111-2222-4333-8444-555555555555'),
      destination: resilientAcs.replace(`instanceId=${INSTANCE_ID}`, 'instanceId=11111111-2222-4333-8444-555555555555'),
    },
    expect: ['CX012'],
  },
  {
    name: 'global-resiliency-with-relay-state',
    family: 'cx',
    description: 'A correct Global Resiliency login that also sends a relay state, which is ignored',
    response: { recipient: resilientAcs, destination: resilientAcs },
    options: { relayState: federate('us-west-2') },
    expect: ['CX012'],
  },
  {
    name: 'session-over-connect-cap',
    family: 'cx',
    description: 'No SessionDuration and SessionNotOnOrAfter 24 h after issue: Connect still ends the session after 12 h',
    response: { sessionNotOnOrAfter: '2026-11-28T09:00:00Z', attributes: withAttributes({ [AWS.sessionDuration]: null }) },
    options: { relayState: RELAY_STATE },
    expect: ['CX013'],
  },
  {
    name: 'multiple-role-pairs',
    family: 'cx',
    description: 'Two role pairs: the agent and supervisor roles both sent to a Connect login',
    response: {
      attributes: withAttributes({
        [AWS.role]: [`${ROLE_ARN},${PROVIDER_ARN}`, `arn:aws:iam::123456789012:role/ConnectSupervisor,${PROVIDER_ARN}`],
      }),
    },
    options: { relayState: RELAY_STATE },
    expect: ['CX014'],
  },
  {
    name: 'region-without-connect',
    family: 'cx',
    description: 'An instance said to be in eu-west-1, where Amazon Connect does not run',
    response: { recipient: 'https://eu-west-1.signin.aws.amazon.com/saml', destination: 'https://eu-west-1.signin.aws.amazon.com/saml' },
    options: { relayState: federate('eu-west-1') },
    expect: ['CX015'],
  },
];
