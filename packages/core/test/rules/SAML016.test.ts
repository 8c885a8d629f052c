import { buildResponse } from '../../../../test-vectors/lib/response.mjs';
import { SAML016 } from '../../src/rules/saml/SAML016-audience-restriction-missing.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(SAML016, {
  valid: [
    { name: 'urn:amazon:webservices', input: buildResponse() },
    { name: 'another audience value is AWS015’s', input: buildResponse({ audiences: ['https://signin.aws.amazon.com/saml'] }) },
  ],
  invalid: [
    {
      name: 'no Conditions',
      input: buildResponse({ conditions: null }),
      errors: [{ messageId: 'noConditions', line: 5, column: 3 }],
    },
    {
      name: 'no AudienceRestriction',
      input: buildResponse({ audiences: null }),
      errors: [{ messageId: 'noAudienceRestriction', line: 11, column: 5 }],
    },
    {
      name: 'an empty AudienceRestriction',
      input: buildResponse({ audiences: [] }),
      errors: [{ messageId: 'noAudience', line: 12, column: 7 }],
    },
  ],
});
