import { deflateRawSync } from 'node:zlib';
import { buildResponse, toBase64 } from '../../../../test-vectors/lib/response.mjs';
import { IN004 } from '../../src/rules/in/IN004-response-deflated.js';
import { ruleTester } from '../rule-tester.js';

const deflated = deflateRawSync(Buffer.from(buildResponse())).toString('base64');

ruleTester(IN004, {
  valid: [
    { name: 'plain base64 (POST binding)', input: toBase64(buildResponse()) },
    { name: 'deflated bytes that are not XML are not a Redirect-binding response', input: deflateRawSync(Buffer.from('x'.repeat(400))).toString('base64') },
  ],
  invalid: [
    { name: 'raw deflate, as the Redirect binding sends', input: deflated, errors: [{ messageId: 'deflated', line: 1, column: 1 }] },
    { name: 'raw deflate inside a form body', input: `SAMLResponse=${encodeURIComponent(deflated)}`, errors: [{ messageId: 'deflated', column: 14 }] },
    {
      name: 'a deflate bomb: a few KB that inflate past 128 KB',
      input: deflateRawSync(Buffer.from(`<a>${'x'.repeat(2_000_000)}</a>`)).toString('base64'),
      errors: [{ messageId: 'bomb', data: { limit: 131_072 } }],
    },
  ],
});
