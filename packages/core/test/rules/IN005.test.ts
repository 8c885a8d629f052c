import { buildResponse, toBase64 } from '../../../../test-vectors/lib/response.mjs';
import { IN005 } from '../../src/rules/in/IN005-double-url-encoded.js';
import { ruleTester } from '../rule-tester.js';

// Make sure the value has characters that URL encoding changes.
const base64 = toBase64(buildResponse({ nameId: 'a+b/c==?' }));
const once = `SAMLResponse=${encodeURIComponent(base64)}&RelayState=${encodeURIComponent('https://x/')}`;

ruleTester(IN005, {
  valid: [
    { name: 'a form body encoded once', input: once },
    { name: 'a form body with + left unencoded (a space in form encoding, restored)', input: `SAMLResponse=${base64}` },
    { name: 'bare base64', input: base64 },
    // The field as the browser posted it (dev tools' "view source"): encoded once, which AWS decodes.
    { name: 'a bare value URL-encoded once', input: encodeURIComponent(base64) },
  ],
  invalid: [
    {
      name: 'the value encoded twice',
      input: `SAMLResponse=${encodeURIComponent(encodeURIComponent(base64))}`,
      errors: [{ messageId: 'value', column: 14 }],
    },
    { name: 'the whole body encoded twice', input: encodeURIComponent(once), errors: [{ messageId: 'body', column: 1 }] },
  ],
});
