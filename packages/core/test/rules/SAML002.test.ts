import { buildResponse } from '../../../../test-vectors/lib/response.mjs';
import { SAML002 } from '../../src/rules/saml/SAML002-status-not-success.js';
import { runRule, ruleTester } from '../rule-tester.js';
import { describe, expect, it } from 'vitest';

const STATUS = 'urn:oasis:names:tc:SAML:2.0:status:';

ruleTester(SAML002, {
  valid: [
    { name: 'Success', input: buildResponse() },
    {
      name: 'Success with a second-level code',
      input: buildResponse({ statusSubCode: `${STATUS}PartialLogout` }),
    },
  ],
  invalid: [
    {
      name: 'no Status at all',
      input: buildResponse({ statusCode: null }),
      errors: [{ messageId: 'statusMissing', line: 2, column: 1 }],
    },
    {
      name: 'a StatusCode without Value',
      input: buildResponse().replace(/<samlp:StatusCode Value="[^"]*"\/>/, '<samlp:StatusCode/>'),
      errors: [{ messageId: 'statusCodeMissing', line: 4 }],
    },
    {
      name: 'Requester alone',
      input: buildResponse({ statusCode: `${STATUS}Requester`, assertionCount: 0 }),
      errors: [{ messageId: 'failed', data: { code: 'Requester' }, line: 4 }],
    },
    {
      name: 'Responder / AuthnFailed',
      input: buildResponse({ statusCode: `${STATUS}Responder`, statusSubCode: `${STATUS}AuthnFailed`, assertionCount: 0 }),
      errors: [{ messageId: 'failedWithDetail', data: { code: 'Responder', detail: 'AuthnFailed', meaning: 'the IdP could not authenticate the user' } }],
    },
    {
      name: 'VersionMismatch',
      input: buildResponse({ statusCode: `${STATUS}VersionMismatch`, assertionCount: 0 }),
      errors: [{ messageId: 'failed', data: { code: 'VersionMismatch' } }],
    },
    {
      name: 'Success without the SAML URI prefix',
      input: buildResponse({ statusCode: 'Success' }),
      errors: [{ messageId: 'failed', data: { code: 'Success', meaning: 'not a status code SAML 2.0 defines' } }],
    },
    {
      name: 'an unknown code',
      input: buildResponse({ statusCode: 'urn:example:status:Oops', assertionCount: 0 }),
      errors: [{ messageId: 'failed', data: { code: 'urn:example:status:Oops', meaning: 'not a status code SAML 2.0 defines' } }],
    },
  ],
});

describe('SAML002 notes', () => {
  it('quotes the StatusMessage and explains the top-level code', () => {
    const input = buildResponse({
      statusCode: `${STATUS}Requester`,
      statusSubCode: `${STATUS}InvalidNameIDPolicy`,
      statusMessage: 'NameID format not allowed',
      assertionCount: 0,
    });
    const { reports } = runRule(SAML002, input);
    expect(reports[0]?.notes).toHaveLength(2);
    expect(reports[0]?.notes?.[0]).toContain('Requester');
    expect(reports[0]?.notes?.[1]).toContain('NameID format not allowed');
  });
});
