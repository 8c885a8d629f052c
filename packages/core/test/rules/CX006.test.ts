import { INSTANCE_ID, buildResponse } from '../../../../test-vectors/lib/response.mjs';
import { CX006 } from '../../src/rules/cx/CX006-region-mismatch.js';
import { CLEAN, RELAY_STATE, attributeValuePositionOf } from '../cx-fixtures.js';
import { ruleTester } from '../rule-tester.js';

const usEast1Relay = `https://us-east-1.console.aws.amazon.com/connect/federate/${INSTANCE_ID}`;
const global = buildResponse({ recipient: 'https://signin.aws.amazon.com/saml', destination: 'https://signin.aws.amazon.com/saml' });

ruleTester(CX006, {
  valid: [
    { name: 'relay state and Recipient agree', input: CLEAN, options: { relayState: RELAY_STATE } },
    { name: 'all three agree', input: CLEAN, options: { relayState: RELAY_STATE, region: 'eu-west-2' } },
    { name: 'the global Recipient serves any region', input: global, options: { relayState: RELAY_STATE } },
    { name: 'the Recipient alone', input: CLEAN },
    {
      name: 'a Global Resiliency Recipient ignores the relay state',
      input: buildResponse({ recipient: `https://${INSTANCE_ID}.eu-west-2.sign-in.connect.aws/saml?&instanceId=${INSTANCE_ID}` }),
      options: { relayState: usEast1Relay },
    },
  ],
  invalid: [
    {
      name: 'relay state in us-east-1, Recipient in eu-west-2',
      input: CLEAN,
      options: { relayState: usEast1Relay },
      errors: [
        {
          messageId: 'mismatch',
          data: {
            sources: 'relay state `us-east-1`, Recipient `eu-west-2`',
            region: 'us-east-1',
            acs: 'https://signin.aws.amazon.com/saml',
            console: 'us-east-1.console.aws.amazon.com',
          },
          ...attributeValuePositionOf(CLEAN, 'Recipient'),
        },
      ],
    },
    {
      name: '--region disagrees with both',
      input: CLEAN,
      options: { relayState: RELAY_STATE, region: 'ap-southeast-2' },
      errors: [
        {
          messageId: 'mismatch',
          data: {
            sources: '`--region` `ap-southeast-2`, relay state `eu-west-2`, Recipient `eu-west-2`',
            acs: 'https://ap-southeast-2.signin.aws.amazon.com/saml',
          },
        },
      ],
    },
    {
      name: '--region against the global Recipient and a regional relay state',
      input: global,
      options: { relayState: RELAY_STATE, region: 'us-gov-west-1' },
      errors: [{ messageId: 'mismatch', data: { acs: 'https://signin.amazonaws-us-gov.com/saml', console: 'console.amazonaws-us-gov.com' }, line: 1, column: 9 }],
    },
  ],
});
