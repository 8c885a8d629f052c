import { INSTANCE_ID, buildResponse } from '../../../../test-vectors/lib/response.mjs';
import { CX015 } from '../../src/rules/cx/CX015-region-without-connect.js';
import { CLEAN, RELAY_STATE } from '../cx-fixtures.js';
import { ruleTester } from '../rule-tester.js';

const relayIn = (region: string) => `https://${region}.console.aws.amazon.com/connect/federate/${INSTANCE_ID}`;
const recipientIn = (region: string) => `https://${region}.signin.aws.amazon.com/saml`;

ruleTester(CX015, {
  valid: [
    { name: 'eu-west-2 from the relay state', input: CLEAN, options: { relayState: RELAY_STATE } },
    { name: 'eu-west-2 from the Recipient', input: CLEAN },
    { name: 'GovCloud', input: CLEAN, options: { relayState: `https://console.amazonaws-us-gov.com/connect/federate/${INSTANCE_ID}` } },
    { name: 'the relay state wins over the Recipient', input: buildResponse({ recipient: recipientIn('eu-west-1') }), options: { relayState: RELAY_STATE } },
  ],
  invalid: [
    {
      name: 'eu-west-1 in the relay state',
      input: CLEAN,
      options: { relayState: relayIn('eu-west-1') },
      errors: [{ messageId: 'notConnect', data: { region: 'eu-west-1', source: 'relay state' }, severity: 'error', line: 1, column: 9 }],
    },
    {
      name: 'a --region without Connect',
      input: CLEAN,
      options: { region: 'us-east-2', relayState: RELAY_STATE },
      errors: [{ messageId: 'notConnect', data: { region: 'us-east-2', source: '`--region` option' } }],
    },
    {
      name: 'only the Recipient names a region: a warning',
      input: buildResponse({ recipient: recipientIn('eu-north-1') }),
      errors: [{ messageId: 'notConnect', data: { region: 'eu-north-1', source: 'Recipient' }, severity: 'warning' }],
    },
  ],
});
