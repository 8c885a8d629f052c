import { CX009 } from '../../src/rules/cx/CX009-destination-http.js';
import { CLEAN, RELAY_STATE } from '../cx-fixtures.js';
import { ruleTester } from '../rule-tester.js';

const relay = (query: string) => ({ relayState: `${RELAY_STATE}${query}` });

ruleTester(CX009, {
  valid: [
    { name: 'https', input: CLEAN, options: relay('?destination=https%3A%2F%2Fagents.example.com') },
    { name: 'a Connect path', input: CLEAN, options: relay('?destination=%2Fccp-v2') },
    { name: 'a path that mentions http', input: CLEAN, options: relay('?destination=%2Fhttp%3A') },
  ],
  invalid: [
    {
      name: 'an encoded http URL',
      input: CLEAN,
      options: relay('?destination=http%3A%2F%2Fagents.example.com%2Fdesktop'),
      errors: [{ messageId: 'http', data: { url: 'http://agents.example.com/desktop' }, column: RELAY_STATE.length + 14 }],
    },
    {
      name: 'an unencoded HTTP URL in capitals',
      input: CLEAN,
      options: relay('?destination=HTTP://agents.example.com'),
      errors: [{ messageId: 'http' }],
    },
  ],
});
