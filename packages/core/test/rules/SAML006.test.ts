import { buildResponse } from '../../../../test-vectors/lib/response.mjs';
import { SAML006 } from '../../src/rules/saml/SAML006-assertion-count.js';
import { ruleTester } from '../rule-tester.js';

const ENCRYPTED = '\n  <saml:EncryptedAssertion><xenc:EncryptedData xmlns:xenc="http://www.w3.org/2001/04/xmlenc#"/></saml:EncryptedAssertion>';
const PROVIDER_ACS = 'https://eu-west-2.signin.aws.amazon.com/saml/acs/SAMLSPA1B2C3D4E5F6G7H8J9K0';
const ADVICE = '<saml:Advice><saml:Assertion ID="_inner" Version="2.0" IssueInstant="2026-11-27T09:00:00Z"/></saml:Advice>';

ruleTester(SAML006, {
  valid: [
    { name: 'one Assertion', input: buildResponse() },
    {
      name: 'a failed status without an Assertion',
      input: buildResponse({ statusCode: 'urn:oasis:names:tc:SAML:2.0:status:Responder', assertionCount: 0 }),
    },
  ],
  invalid: [
    {
      name: 'no Assertion',
      input: buildResponse({ assertionCount: 0 }),
      errors: [{ messageId: 'none', line: 2, column: 1 }],
    },
    {
      name: 'no Assertion and no Status',
      input: buildResponse({ assertionCount: 0, statusCode: null }),
      errors: [{ messageId: 'none' }],
    },
    {
      name: 'two Assertions',
      input: buildResponse({ assertionCount: 2 }),
      errors: [{ messageId: 'many', data: { count: 2 }, line: 21 }],
    },
    {
      name: 'an Assertion and an EncryptedAssertion',
      input: buildResponse({ responseExtra: ENCRYPTED }),
      errors: [{ messageId: 'many', data: { count: 2 } }],
    },
    {
      name: 'one EncryptedAssertion',
      input: buildResponse({ assertionCount: 0, destination: PROVIDER_ACS, responseExtra: ENCRYPTED }),
      errors: [{ messageId: 'encrypted', severity: 'info' }],
    },
    {
      name: 'an Assertion inside Advice',
      input: buildResponse({ assertionExtra: ADVICE }),
      errors: [{ messageId: 'stray', data: { parent: 'saml:Advice' }, severity: 'warning' }],
    },
  ],
});
