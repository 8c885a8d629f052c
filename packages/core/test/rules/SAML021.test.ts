import { buildResponse } from '../../../../test-vectors/lib/response.mjs';
import { SAML021 } from '../../src/rules/saml/SAML021-destination-empty.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(SAML021, {
  valid: [
    { name: 'a Destination', input: buildResponse() },
    { name: 'no Destination (optional)', input: buildResponse({ destination: null }) },
  ],
  invalid: [
    {
      name: 'aws: an empty Destination is a warning (AWS documents nothing)',
      input: buildResponse({ destination: '' }),
      errors: [{ messageId: 'empty', line: 2, severity: 'warning' }],
    },
    {
      name: 'generic: an error',
      input: buildResponse({ destination: '' }),
      options: { profile: 'generic' },
      errors: [{ messageId: 'empty', severity: 'error' }],
    },
    {
      name: 'only whitespace',
      input: buildResponse({ destination: ' ' }),
      errors: [{ messageId: 'empty' }],
    },
  ],
});
