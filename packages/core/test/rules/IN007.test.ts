import { buildResponse, toBase64 } from '../../../../test-vectors/lib/response.mjs';
import { IN007 } from '../../src/rules/in/IN007-decoded-not-xml.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(IN007, {
  valid: [
    { name: 'base64 of XML', input: toBase64(buildResponse()) },
    { name: 'base64 of XML with a BOM', input: toBase64(`\uFEFF${buildResponse()}`) },
  ],
  invalid: [
    {
      name: 'base64 of a JSON token',
      input: toBase64(JSON.stringify({ sub: 'jane', aud: 'urn:amazon:webservices', exp: 1795770000, pad: 'x'.repeat(40) })),
      errors: [{ messageId: 'notXml', data: { preview: '{"sub":"jane","aud":"urn' } }],
    },
    {
      name: 'base64 of random bytes',
      input: Buffer.from(Array.from({ length: 300 }, (_, i) => (i * 151 + 7) % 256)).toString('base64'),
      errors: [{ messageId: 'notUtf8' }],
    },
  ],
});
