import { toFormBody } from '../../../../test-vectors/lib/response.mjs';
import { CX007 } from '../../src/rules/cx/CX007-destination-not-url-encoded.js';
import { CLEAN, RELAY_STATE } from '../cx-fixtures.js';
import { ruleTester } from '../rule-tester.js';

const relay = (query: string) => ({ relayState: `${RELAY_STATE}${query}` });

ruleTester(CX007, {
  valid: [
    { name: 'no destination', input: CLEAN, options: relay('') },
    { name: 'an encoded path', input: CLEAN, options: relay('?destination=%2Fccp-v2%2Fchat&new_domain=true') },
    { name: 'an encoded URL', input: CLEAN, options: relay('?destination=https%3A%2F%2Fagents.example.com') },
    { name: 'AWS’s VDI example with its raw `?`', input: CLEAN, options: relay('?destination=%2Fagent-app-v2?VDIPlatform=CITRIX_413') },
    { name: 'an encoded path in a form body', input: toFormBody(CLEAN, `${RELAY_STATE}?destination=%2Fccp-v2`) },
  ],
  invalid: [
    {
      name: 'a raw path',
      input: CLEAN,
      options: relay('?destination=/ccp-v2/chat'),
      errors: [
        {
          messageId: 'unencoded',
          data: { value: '/ccp-v2/chat', character: '/', encoded: '%2Fccp-v2%2Fchat' },
          line: 1,
          column: RELAY_STATE.length + '?destination='.length + 1,
        },
      ],
    },
    {
      name: 'a raw URL',
      input: CLEAN,
      options: relay('?destination=https://agents.example.com'),
      errors: [{ messageId: 'unencoded', data: { character: ':', encoded: 'https%3A%2F%2Fagents.example.com' } }],
    },
    {
      name: 'a form body that carried the destination unencoded',
      input: toFormBody(CLEAN, `${RELAY_STATE}?destination=/agent-app-v2`),
      errors: [{ messageId: 'unencoded', data: { value: '/agent-app-v2' } }],
    },
  ],
});
