import { buildResponse, toBase64 } from '../../../../test-vectors/lib/response.mjs';
import { IN006 } from '../../src/rules/in/IN006-response-size.js';
import { ruleTester } from '../rule-tester.js';

const padded = (bytes: number) => buildResponse({ assertionExtra: `<!--${'x'.repeat(bytes)}-->` });

ruleTester(IN006, {
  valid: [
    { name: 'a typical response', input: toBase64(buildResponse()) },
    { name: 'just under the limit', input: toBase64(padded(72_000)) },
    { name: 'raw XML is not measured (AWS limits the base64)', input: padded(120_000) },
  ],
  invalid: [
    {
      name: 'over 100,000 base64 characters',
      input: toBase64(padded(80_000)),
      errors: [{ messageId: 'tooLarge', data: { limit: 100_000 } }],
    },
    { name: 'under 4 characters', input: 'PD4', errors: [{ messageId: 'tooSmall', data: { length: 3 } }] },
  ],
});
