import { CX008 } from '../../src/rules/cx/CX008-destination-double-encoded.js';
import { CLEAN, RELAY_STATE } from '../cx-fixtures.js';
import { ruleTester } from '../rule-tester.js';

const relay = (query: string) => ({ relayState: `${RELAY_STATE}${query}` });

ruleTester(CX008, {
  valid: [
    { name: 'encoded once', input: CLEAN, options: relay('?destination=%2Fccp-v2%2Fchat') },
    { name: 'a literal percent sign, encoded once', input: CLEAN, options: relay('?destination=%2Freport%3Fshare%3D100%25') },
    { name: 'no destination', input: CLEAN, options: relay('?new_domain=true') },
  ],
  invalid: [
    {
      name: 'a path encoded twice',
      input: CLEAN,
      options: relay('?destination=%252Fccp-v2%252Fchat'),
      errors: [
        {
          messageId: 'doubleEncoded',
          data: { value: '%252Fccp-v2%252Fchat', escape: '%252F', once: '%2Fccp-v2%2Fchat' },
          column: RELAY_STATE.length + '?destination='.length + 1,
        },
      ],
    },
    {
      name: 'a URL encoded twice',
      input: CLEAN,
      options: relay('?destination=https%253A%252F%252Fagents.example.com'),
      errors: [{ messageId: 'doubleEncoded', data: { escape: '%253A' } }],
    },
  ],
});
