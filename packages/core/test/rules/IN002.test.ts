import { buildResponse, toBase64 } from '../../../../test-vectors/lib/response.mjs';
import { IN002 } from '../../src/rules/in/IN002-base64-invalid.js';
import { ruleTester } from '../rule-tester.js';

const base64 = toBase64(buildResponse());

ruleTester(IN002, {
  valid: [
    { name: 'plain base64', input: base64 },
    { name: 'base64 wrapped, quoted and indented', input: `  "${base64.replace(/.{64}/g, '$&\n')}"  ` },
    { name: 'base64 with JSON \\n escapes', input: base64.replace(/.{64}/g, '$&\\n') },
    { name: 'raw XML is not base64 at all', input: buildResponse() },
    {
      name: 'a URL-encoded value whose line breaks are escaped too (SSOCircle wraps at 76 with CRLF)',
      input: encodeURIComponent(base64.replace(/.{76}/g, '$&\r\n')),
    },
  ],
  invalid: [
    {
      name: 'a stray asterisk',
      input: `${base64.slice(0, 100)}*${base64.slice(100)}`,
      errors: [{ messageId: 'invalid', data: { character: '*' }, line: 1, column: 101 }],
    },
    {
      name: 'base64url alphabet',
      input: base64.replace(/\+/g, '-').replace(/\//g, '_'),
      errors: [{ messageId: 'invalid', data: { character: base64.includes('+') ? '-' : '_' } }],
    },
    {
      name: 'the bad character on the second line',
      input: `${base64.slice(0, 76)}\n${base64.slice(76, 90)}!${base64.slice(90)}`,
      errors: [{ messageId: 'invalid', data: { character: '!' }, line: 2, column: 15 }],
    },
  ],
});
