import { SAML028 } from '../../src/rules/saml/SAML028-attribute-statement-missing.js';
import { GENERIC, genericLogin } from '../generic-fixtures.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(SAML028, {
  valid: [
    { name: 'an AttributeStatement', input: genericLogin(), options: GENERIC },
    {
      name: 'an AttributeStatement of encrypted attributes (SAML025’s)',
      input: genericLogin({ attributes: [], assertionExtra: '<saml:AttributeStatement><saml:EncryptedAttribute/></saml:AttributeStatement>' }),
      options: GENERIC,
    },
    { name: 'no Assertion to read', input: genericLogin({ assertionCount: 0 }), options: GENERIC },
    { name: 'aws profile: AWS001’s', input: genericLogin({ attributes: [] }) },
  ],
  invalid: [
    {
      name: 'no AttributeStatement',
      input: genericLogin({ attributes: [] }),
      options: GENERIC,
      errors: [{ messageId: 'missing', line: 5, column: 3 }],
    },
  ],
});
