import { CX010 } from '../../src/rules/cx/CX010-destination-external-origin.js';
import { CLEAN, RELAY_STATE } from '../cx-fixtures.js';
import { ruleTester } from '../rule-tester.js';

const relay = (query: string) => ({ relayState: `${RELAY_STATE}${query}` });

ruleTester(CX010, {
  valid: [
    { name: 'a Connect path', input: CLEAN, options: relay('?destination=%2Fccp-v2%2Fchat') },
    { name: 'the instance’s own domain', input: CLEAN, options: relay('?destination=https%3A%2F%2Fexample-cc.my.connect.aws%2Fccp-v2') },
    { name: 'the legacy Connect domain', input: CLEAN, options: relay('?destination=https%3A%2F%2Fexample-cc.awsapps.com%2Fconnect%2Fccp-v2') },
    { name: 'not a URL', input: CLEAN, options: relay('?destination=https%3A') },
  ],
  invalid: [
    {
      name: 'a custom agent desktop',
      input: CLEAN,
      options: relay('?destination=https%3A%2F%2Fagents.example.com%2Fdesktop'),
      errors: [{ messageId: 'external', data: { origin: 'https://agents.example.com' }, column: RELAY_STATE.length + 14 }],
    },
    {
      name: 'a port is part of the origin; http becomes https',
      input: CLEAN,
      options: relay('?destination=http%3A%2F%2Fagents.example.com%3A8443%2F'),
      errors: [{ messageId: 'external', data: { origin: 'https://agents.example.com:8443' } }],
    },
    {
      name: 'a look-alike of an AWS domain',
      input: CLEAN,
      options: relay('?destination=https%3A%2F%2Fmy.connect.aws.example.com'),
      errors: [{ messageId: 'external', data: { origin: 'https://my.connect.aws.example.com' } }],
    },
  ],
});
