import { buildResponse, toBase64 } from '../../../../test-vectors/lib/response.mjs';
import { IN008 } from '../../src/rules/in/IN008-saml-request-not-response.js';
import { ruleTester } from '../rule-tester.js';

const value = encodeURIComponent(toBase64(buildResponse()));

ruleTester(IN008, {
  valid: [
    { name: 'SAMLResponse', input: `SAMLResponse=${value}` },
    { name: 'both fields (the response wins)', input: `SAMLRequest=abc&SAMLResponse=${value}` },
  ],
  invalid: [
    { name: 'only SAMLRequest', input: `SAMLRequest=${value}&RelayState=x`, errors: [{ messageId: 'request', column: 13 }] },
  ],
});
