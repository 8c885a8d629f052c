import { INSTANCE_ID, buildResponse } from '../../../../test-vectors/lib/response.mjs';
import { CX012 } from '../../src/rules/cx/CX012-global-resiliency-endpoint.js';
import { CLEAN, RELAY_STATE, attributeValuePositionOf } from '../cx-fixtures.js';
import { ruleTester } from '../rule-tester.js';

const host = `https://${INSTANCE_ID}.us-west-2.sign-in.connect.aws/saml`;
const acs = `${host}?&instanceId=${INSTANCE_ID}&accountId=123456789012&role=ConnectAgent&idp=ExampleIdP`;
const resilient = (url: string, destination: string | null = url) => buildResponse({ recipient: url, destination });
const otherId = '11111111-2222-4333-8444-555555555555';

ruleTester(CX012, {
  valid: [
    { name: 'the full ACS form', input: resilient(acs) },
    { name: 'with a destination path', input: resilient(`${acs}&destination=/agent-app-v2`) },
    { name: 'role and idp as ARNs', input: resilient(`${host}?instanceId=${INSTANCE_ID}&accountId=123456789012&role=arn:aws:iam::123456789012:role/ConnectAgent&idp=arn:aws:iam::123456789012:saml-provider/ExampleIdP`) },
    { name: 'not a Global Resiliency login', input: CLEAN, options: { relayState: RELAY_STATE } },
  ],
  invalid: [
    {
      name: 'the bare endpoint',
      input: resilient(host),
      errors: [{ messageId: 'missingParams', data: { attribute: 'Recipient', missing: '`instanceId`, `accountId`, `role`, `idp`' }, ...attributeValuePositionOf(resilient(host), 'Recipient') }],
    },
    {
      name: 'another instance in the query',
      input: resilient(acs.replace(`instanceId=${INSTANCE_ID}`, `instanceId=${otherId}`)),
      errors: [{ messageId: 'instanceMismatch', data: { host: INSTANCE_ID, param: otherId }, severity: 'error' }],
    },
    {
      name: 'an account alias',
      input: resilient(acs.replace('123456789012', 'example-prod')),
      errors: [{ messageId: 'accountId', data: { accountId: 'example-prod' } }],
    },
    {
      name: 'a Destination that differs from the Recipient is checked too',
      input: resilient(acs, host),
      errors: [{ messageId: 'missingParams', data: { attribute: 'Destination' } }],
    },
    {
      name: 'a relay state is ignored',
      input: resilient(acs),
      options: { relayState: RELAY_STATE },
      errors: [{ messageId: 'relayStateIgnored', severity: 'info', line: 1, column: 1 }],
    },
  ],
});
