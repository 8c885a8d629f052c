import { buildResponse } from '../../../../test-vectors/lib/response.mjs';
import { SAML025 } from '../../src/rules/saml/SAML025-encrypted-attribute.js';
import { encryptedElement } from '../encryption-fixtures.js';
import { ruleTester } from '../rule-tester.js';

const withStatement = (inner: string) => buildResponse({ assertionExtra: `\n    <saml:AttributeStatement>${inner}</saml:AttributeStatement>` });

ruleTester(SAML025, {
  valid: [
    { name: 'attributes in clear', input: buildResponse() },
    { name: 'generic: attributes in clear', input: buildResponse(), options: { profile: 'generic' } },
    { name: 'an encrypted assertion is SAML006’s', input: buildResponse({ assertionCount: 0, responseExtra: encryptedElement('EncryptedAssertion') }) },
  ],
  invalid: [
    {
      name: 'aws: an EncryptedAttribute beside the clear ones',
      input: withStatement(encryptedElement('EncryptedAttribute')),
      errors: [{ messageId: 'encrypted', line: 20, column: 30 }],
    },
    {
      name: 'generic: two EncryptedAttributes',
      input: withStatement(encryptedElement('EncryptedAttribute') + encryptedElement('EncryptedAttribute')),
      options: { profile: 'generic' },
      errors: [{ messageId: 'encrypted' }, { messageId: 'encrypted' }],
    },
  ],
});
