import { MD015 } from '../../src/rules/md/MD015-metadata-name-id-formats-unsupported.js';
import { idp, idpWith, key, sso } from '../metadata-fixtures.js';
import { positionOf } from '../cx-fixtures.js';
import { ruleTester } from '../rule-tester.js';

const format = (uri: string) => `<md:NameIDFormat>${uri}</md:NameIDFormat>`;
const SAML2_EMAIL = 'urn:oasis:names:tc:SAML:2.0:nameid-format:emailAddress';
const UNSUPPORTED = idpWith(key() + format(SAML2_EMAIL) + format('urn:example:nameid:employee-number') + sso());

ruleTester(MD015, {
  valid: [
    { name: 'unspecified', input: idp() },
    { name: 'no NameIDFormat: the IdP says nothing', input: idpWith(key() + sso()) },
    { name: 'one supported among others', input: idpWith(key() + format(SAML2_EMAIL) + format(' urn:oasis:names:tc:SAML:2.0:nameid-format:persistent ') + sso()) },
    { name: 'generic profile', input: UNSUPPORTED, options: { profile: 'generic' } },
  ],
  invalid: [
    {
      name: 'none AWS supports, pointing at the first',
      input: UNSUPPORTED,
      errors: [
        {
          messageId: 'unsupported',
          data: { formats: `\`${SAML2_EMAIL}\`, \`urn:example:nameid:employee-number\`` },
          ...positionOf(UNSUPPORTED, '<md:NameIDFormat>'),
        },
      ],
    },
  ],
});
