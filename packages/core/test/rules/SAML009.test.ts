import { buildResponse } from '../../../../test-vectors/lib/response.mjs';
import { SAML009 } from '../../src/rules/saml/SAML009-nameid-personal-data.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(SAML009, {
  valid: [
    { name: 'an opaque persistent ID', input: buildResponse() },
    { name: 'a user name without a domain', input: buildResponse({ nameId: 'jdoe' }) },
    { name: 'a Windows domain-qualified name', input: buildResponse({ nameId: 'EXAMPLE\\jdoe' }) },
  ],
  invalid: [
    {
      name: 'an email address',
      input: buildResponse({ nameId: 'jane.doe@example.com', nameIdFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress' }),
      errors: [{ messageId: 'email', line: 8, severity: 'info' }],
    },
    {
      name: 'a UPN under the persistent format',
      input: buildResponse({ nameId: ' jdoe@corp.example.com ' }),
      errors: [{ messageId: 'email' }],
    },
  ],
});
