import { buildResponse } from '../../../../test-vectors/lib/response.mjs';
import { SAML027 } from '../../src/rules/saml/SAML027-authn-statement-missing.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(SAML027, {
  valid: [
    { name: 'an AuthnStatement', input: buildResponse() },
    { name: 'no Assertion to read', input: buildResponse({ assertionCount: 0 }) },
  ],
  invalid: [
    {
      name: 'aws: a warning (AWS documents nothing)',
      input: buildResponse({ authnStatement: null }),
      errors: [{ messageId: 'missing', line: 5, column: 3, severity: 'warning' }],
    },
    {
      name: 'generic: an error',
      input: buildResponse({ authnStatement: null }),
      options: { profile: 'generic' },
      errors: [{ messageId: 'missing', severity: 'error' }],
    },
  ],
});
