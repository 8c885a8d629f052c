import { buildResponse } from '../../../../test-vectors/lib/response.mjs';
import { xsw1, xsw2 } from '../../../../test-vectors/lib/manipulate.mjs';
import { SIG002 } from '../../src/rules/sig/SIG002-assertion-unsigned.js';
import { ruleTester } from '../rule-tester.js';
import { positionOf } from '../cx-fixtures.js';
import { SIGNED_ASSERTION, SIGNED_BOTH, SIGNED_RESPONSE, trusting } from '../sig-fixtures.js';

ruleTester(SIG002, {
  valid: [
    { name: 'Response and Assertion signed', input: SIGNED_BOTH, options: trusting('idp') },
    { name: 'only the Assertion signed', input: SIGNED_ASSERTION },
    { name: 'nothing signed (SIG001)', input: buildResponse() },
    { name: 'XSW1: the root’s Signature signs a copy inside it, not the root (SIG003, SIG011)', input: xsw1(SIGNED_RESPONSE) },
    { name: 'XSW2: the root’s Signature signs a copy beside it', input: xsw2(SIGNED_RESPONSE) },
  ],
  invalid: [
    {
      name: 'only the Response signed',
      input: SIGNED_RESPONSE,
      errors: [{ messageId: 'unsigned', ...positionOf(SIGNED_RESPONSE, '<saml:Assertion ') }],
    },
    {
      name: 'the Response signature does not verify: still the IdP’s configuration',
      input: SIGNED_RESPONSE.replace('>jane.doe@example.com<', '>raj.patel@example.com<'),
      errors: [{ messageId: 'unsigned' }],
    },
  ],
});
