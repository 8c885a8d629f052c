import { buildResponse } from '../../../../test-vectors/lib/response.mjs';
import { XML001 } from '../../src/rules/xml/XML001-not-well-formed.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(XML001, {
  valid: [
    { name: 'a well-formed response', input: buildResponse() },
    { name: 'CDATA and comments', input: buildResponse({ assertionExtra: '<!-- note --><![CDATA[a < b]]>' }) },
  ],
  invalid: [
    {
      name: 'a raw ampersand',
      input: '<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol">\n  <a>Smith & Sons</a>\n</samlp:Response>',
      errors: [{ messageId: 'malformed', line: 2 }],
    },
    {
      name: 'mismatched tags',
      input: '<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol"><a></b></samlp:Response>',
      errors: [{ messageId: 'malformed', line: 1 }],
    },
    {
      name: 'cut short',
      input: '<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol">\n<a>',
      errors: [{ messageId: 'malformed', data: { detail: 'the text ends before `samlp:Response`, `a` are closed' }, line: 2, column: 4 }],
    },
    { name: 'two root elements', input: '<a/><b/>', errors: [{ messageId: 'malformed' }] },
    // fast-xml-parser reports no column for an unfinished processing instruction (found by pnpm fuzz).
    { name: 'an unfinished processing instruction', input: '<?', errors: [{ messageId: 'malformed', line: 1, column: 1 }] },
    { name: 'an unbound prefix', input: '<samlp:Response/>', errors: [{ messageId: 'malformed' }] },
  ],
});
