import { ACS, buildResponse } from '../../../../test-vectors/lib/response.mjs';
import { SAML017 } from '../../src/rules/saml/SAML017-destination-mismatch.js';
import { runRule, ruleTester } from '../rule-tester.js';
import { describe, expect, it } from 'vitest';

const GLOBAL = 'https://signin.aws.amazon.com/saml';

ruleTester(SAML017, {
  valid: [
    { name: 'Destination equals Recipient', input: buildResponse() },
    { name: 'no Destination (optional)', input: buildResponse({ destination: null }) },
    { name: 'no Recipient (SAML011)', input: buildResponse({ destination: GLOBAL, recipient: null }) },
    { name: 'an empty Destination is SAML021’s', input: buildResponse({ destination: '' }) },
  ],
  invalid: [
    {
      name: 'global Destination, regional Recipient',
      input: buildResponse({ destination: GLOBAL }),
      errors: [{ messageId: 'mismatch', data: { destination: GLOBAL, recipient: ACS }, line: 2 }],
    },
    {
      name: 'a trailing slash',
      input: buildResponse({ destination: `${ACS}/` }),
      errors: [{ messageId: 'mismatch', data: { destination: `${ACS}/` } }],
    },
  ],
});

describe('SAML017 labels', () => {
  it('points a label at the Recipient', () => {
    const { result } = runRule(SAML017, buildResponse({ destination: GLOBAL }));
    expect(result.findings[0]?.labels?.[0]?.location.span.line).toBe(9);
  });
});
