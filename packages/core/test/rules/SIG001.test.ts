import { buildResponse } from '../../../../test-vectors/lib/response.mjs';
import { SIG001 } from '../../src/rules/sig/SIG001-response-unsigned.js';
import { ruleTester } from '../rule-tester.js';
import { positionOf } from '../cx-fixtures.js';
import { SIGNED_ASSERTION, SIGNED_BOTH, SIGNED_RESPONSE, trusting } from '../sig-fixtures.js';

const ENCRYPTED = '\n  <saml:EncryptedAssertion><xenc:EncryptedData xmlns:xenc="http://www.w3.org/2001/04/xmlenc#"/></saml:EncryptedAssertion>';

const ONLY_ENCRYPTED = buildResponse({ assertionCount: 0, responseExtra: ENCRYPTED });

ruleTester(SIG001, {
  valid: [
    { name: 'Response and Assertion signed', input: SIGNED_BOTH, options: trusting('idp') },
    { name: 'only the Assertion signed', input: SIGNED_ASSERTION },
    { name: 'only the Response signed', input: SIGNED_RESPONSE },
    {
      name: 'a signature that does not verify still counts as one (SIG004 reports it)',
      input: SIGNED_ASSERTION.replace('>jane.doe@example.com<', '>raj.patel@example.com<'),
    },
  ],
  invalid: [
    { name: 'nothing signed', input: buildResponse(), errors: [{ messageId: 'unsigned', line: 2, column: 1 }] },
    {
      name: 'every signature stripped from a signed response',
      input: SIGNED_BOTH.replace(/<ds:Signature\b[\s\S]*?<\/ds:Signature>/g, ''),
      errors: [{ messageId: 'unsigned', line: 2 }],
    },
    {
      name: 'only an EncryptedAssertion, no key: what could not be checked is a warning',
      input: ONLY_ENCRYPTED,
      errors: [{ messageId: 'encryptedOnly', severity: 'warning', ...positionOf(ONLY_ENCRYPTED, '<saml:EncryptedAssertion>') }],
    },
    {
      name: 'an EncryptedAssertion does not hide an unsigned plaintext Assertion beside it',
      input: buildResponse({ responseExtra: ENCRYPTED }),
      errors: [{ messageId: 'unsigned', line: 2 }],
    },
  ],
});
