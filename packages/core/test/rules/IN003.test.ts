import { buildResponse, toBase64 } from '../../../../test-vectors/lib/response.mjs';
import { IN003 } from '../../src/rules/in/IN003-response-truncated.js';
import { ruleTester } from '../rule-tester.js';

const base64 = toBase64(buildResponse());
// Cut on a multiple of four so only the XML, not the base64 length, shows the truncation.
const cutAtQuad = base64.slice(0, Math.floor((base64.length * 0.6) / 4) * 4);

ruleTester(IN003, {
  valid: [
    { name: 'a whole response', input: base64 },
    { name: 'a whole response with trailing newline', input: `${base64}\n` },
  ],
  invalid: [
    { name: 'cut to an odd length', input: base64.slice(0, 1001), errors: [{ messageId: 'length', data: { length: 1001 } }] },
    { name: 'cut on a quad boundary', input: cutAtQuad, errors: [{ messageId: 'xmlIncomplete' }] },
  ],
});
