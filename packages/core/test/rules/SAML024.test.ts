import { SAML024 } from '../../src/rules/saml/SAML024-attribute-name-duplicate.js';
import { GENERIC, genericLogin } from '../generic-fixtures.js';
import { ruleTester } from '../rule-tester.js';

const mail = (value: string, nameFormat?: string) => ({ name: 'mail', values: [value], ...(nameFormat ? { nameFormat } : {}) });
const BASIC = 'urn:oasis:names:tc:SAML:2.0:attrname-format:basic';

ruleTester(SAML024, {
  valid: [
    { name: 'each name once', input: genericLogin(), options: GENERIC },
    { name: 'one attribute with two values', input: genericLogin({ attributes: [{ name: 'mail', values: ['a@example.com', 'b@example.com'] }] }), options: GENERIC },
    { name: 'the same name in two NameFormats', input: genericLogin({ attributes: [mail('a@example.com'), mail('b@example.com', BASIC)] }), options: GENERIC },
    { name: 'aws profile: not served', input: genericLogin({ attributes: [mail('a@example.com'), mail('b@example.com')] }) },
  ],
  invalid: [
    {
      name: 'mail twice, pointing at the second',
      input: genericLogin({ attributes: [mail('a@example.com'), mail('b@example.com')] }),
      options: GENERIC,
      errors: [{ messageId: 'duplicate', data: { name: 'mail' }, line: 17 }],
    },
    {
      name: 'three times',
      input: genericLogin({ attributes: [mail('a@example.com'), mail('b@example.com'), mail('c@example.com')] }),
      options: GENERIC,
      errors: [{ messageId: 'duplicate' }, { messageId: 'duplicate' }],
    },
  ],
});
