import { buildResponse, toBase64 } from '../../../../test-vectors/lib/response.mjs';
import { IN001 } from '../../src/rules/in/IN001-input-unrecognized.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(IN001, {
  valid: [
    { name: 'raw XML', input: buildResponse() },
    { name: 'base64', input: toBase64(buildResponse()) },
    { name: 'form body', input: `SAMLResponse=${encodeURIComponent(toBase64(buildResponse()))}&RelayState=x` },
    { name: 'an HTML page posting the SAMLResponse', input: `<!DOCTYPE html><form><input type="hidden" name="SAMLResponse" value="${toBase64(buildResponse())}"></form>` },
    { name: 'an IAM policy', input: '{"Version": "2012-10-17", "Statement": []}' },
  ],
  invalid: [
    { name: 'empty', input: '', errors: [{ messageId: 'empty' }] },
    { name: 'only whitespace and a BOM', input: '\uFEFF  \n\t', errors: [{ messageId: 'empty' }] },
    { name: 'prose made of base64 letters', input: 'hello world', errors: [{ messageId: 'unrecognized', line: 1, column: 1 }] },
    { name: 'a JSON object that is no capture or policy', input: '{"SAML": "nope"}', errors: [{ messageId: 'jsonUnrecognized' }] },
    { name: 'broken JSON', input: '{"Statement": [}', errors: [{ messageId: 'jsonInvalid', line: 1, column: 16 }] },
    { name: 'JSON with more values than samlint reads', input: `{"a":[${'0,'.repeat(1_000_001)}0]}`, errors: [{ messageId: 'jsonInvalid', data: { detail: 'more than 1,000,000 values' } }] },
    { name: 'JSON nested past the limit', input: `{"a":${'['.repeat(100)}${']'.repeat(100)}}`, errors: [{ messageId: 'jsonInvalid', data: { detail: 'nested deeper than 64 levels' } }] },
    { name: 'a form body with only a RelayState', input: 'RelayState=https%3A%2F%2Fexample.com%2F', errors: [{ messageId: 'noResponseField' }] },
    { name: 'an HTML page without a form', input: '<!DOCTYPE html><p>Your session has expired</p>', errors: [{ messageId: 'noResponseFieldInPage', data: { forms: 'it has no form' }, line: 1, column: 1 }] },
    {
      name: 'an HTML page whose forms post other fields',
      input: '<html><form><input name="username"></form><form><input name="q"></form></html>',
      errors: [{ messageId: 'noResponseFieldInPage', data: { forms: 'its 2 forms have none' } }],
    },
    {
      name: 'an HTML page with more tags than an IdP’s POST page has',
      input: `<!DOCTYPE html>${'<div>'.repeat(10_000)}<form><input name="SAMLResponse" value="x"></form>`,
      errors: [{ messageId: 'pageTooLarge', data: { limit: 10_000 } }],
    },
    {
      name: 'over the input limit',
      input: 'A'.repeat(20_000_001),
      errors: [{ messageId: 'tooLarge', data: { length: 20_000_001, limit: 20_000_000 } }],
    },
  ],
});
