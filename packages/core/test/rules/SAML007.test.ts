import { buildResponse } from '../../../../test-vectors/lib/response.mjs';
import { SAML007 } from '../../src/rules/saml/SAML007-subject-missing.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(SAML007, {
  valid: [
    { name: 'a NameID', input: buildResponse() },
    { name: 'no Assertion to read', input: buildResponse({ assertionCount: 0 }) },
    {
      name: 'generic: an EncryptedID, which the SP decrypts',
      input: buildResponse({ nameId: null }).replace('<saml:Subject>', '<saml:Subject><saml:EncryptedID/>'),
      options: { profile: 'generic' },
    },
  ],
  invalid: [
    {
      name: 'no Subject',
      input: buildResponse({ subject: null }),
      errors: [{ messageId: 'noSubject', line: 5, column: 3 }],
    },
    {
      name: 'no NameID',
      input: buildResponse({ nameId: null }),
      errors: [{ messageId: 'noNameId', line: 7, column: 5 }],
    },
    {
      name: 'aws: an EncryptedID instead of a NameID',
      input: buildResponse({ nameId: null }).replace('<saml:Subject>', '<saml:Subject><saml:EncryptedID/>'),
      errors: [{ messageId: 'noNameId' }],
    },
    {
      name: 'an empty NameID',
      input: buildResponse({ nameId: ' ' }),
      errors: [{ messageId: 'emptyNameId', line: 8 }],
    },
  ],
});
