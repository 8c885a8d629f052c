import { buildResponse } from '../../../../test-vectors/lib/response.mjs';
import { XML003 } from '../../src/rules/xml/XML003-limits-exceeded.js';
import { ruleTester } from '../rule-tester.js';

const nested = (depth: number) => `<r>${'<x>'.repeat(depth - 1)}${'</x>'.repeat(depth - 1)}</r>`;
const attributes = (count: number) => `<r ${Array.from({ length: count }, (_, i) => `a${i}="1"`).join(' ')}/>`;

ruleTester(XML003, {
  valid: [
    { name: 'a response', input: buildResponse() },
    { name: '64 levels deep', input: nested(64) },
    { name: '256 attributes', input: attributes(256) },
  ],
  invalid: [
    { name: '65 levels deep', input: nested(65), errors: [{ messageId: 'limit', data: { what: 'element depth', limit: 64 } }] },
    { name: '100,000 levels deep', input: nested(100_000), errors: [{ messageId: 'limit', data: { limit: 64 } }] },
    { name: '257 attributes', input: attributes(257), errors: [{ messageId: 'limit', data: { what: 'attributes on one element' } }] },
    { name: 'over 100,000 elements', input: `<r>${'<x/>'.repeat(100_001)}</r>`, errors: [{ messageId: 'limit', data: { what: 'element count' } }] },
  ],
});
