import { CX005 } from '../../src/rules/cx/CX005-instance-id-shape.js';
import { CLEAN, RELAY_STATE } from '../cx-fixtures.js';
import { ruleTester } from '../rule-tester.js';

const federate = 'https://eu-west-2.console.aws.amazon.com/connect/federate/';
const awsExample = '1234567-78a2-2e74-d572-c8af67ed289b';

ruleTester(CX005, {
  valid: [
    { name: 'a lowercase UUID in the relay state', input: CLEAN, options: { relayState: RELAY_STATE } },
    { name: 'a lowercase UUID as an option', input: CLEAN, options: { instanceId: '178c75e4-b3de-4839-a6aa-e321ab3f3770' } },
    { name: 'no instance id anywhere', input: CLEAN },
    { name: 'no instance id in the relay state (CX004’s)', input: CLEAN, options: { relayState: federate } },
  ],
  invalid: [
    {
      name: 'seven characters in the first group, as in an AWS policy example',
      input: CLEAN,
      options: { relayState: `${federate}${awsExample}` },
      errors: [{ messageId: 'shape', data: { id: awsExample, source: 'relay state' }, line: 1, column: federate.length + 1 }],
    },
    {
      name: 'uppercase hex',
      input: CLEAN,
      options: { relayState: RELAY_STATE.toUpperCase().replace('HTTPS://EU-WEST-2.CONSOLE.AWS.AMAZON.COM/CONNECT/FEDERATE/', federate) },
      errors: [{ messageId: 'shape', data: { source: 'relay state' } }],
    },
    {
      name: 'the instance alias as an option',
      input: CLEAN,
      options: { instanceId: 'example-cc' },
      errors: [{ messageId: 'shape', data: { id: 'example-cc', source: '`--instance-id` option' } }],
    },
    {
      name: 'both sources, each named once',
      input: CLEAN,
      options: { instanceId: 'example-cc', relayState: `${federate}${awsExample}` },
      errors: [{ messageId: 'shape', data: { id: awsExample } }, { messageId: 'shape', data: { id: 'example-cc' } }],
    },
  ],
});
