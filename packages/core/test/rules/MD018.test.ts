import { MD018 } from '../../src/rules/md/MD018-sso-location-not-https.js';
import { idp, idpWith, key, sso } from '../metadata-fixtures.js';
import { attributeValuePositionOf } from '../cx-fixtures.js';
import { ruleTester } from '../rule-tester.js';

const POST = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST';
const HTTP = idpWith(key() + sso(POST, 'http://adfs.example.com/adfs/ls/'));

ruleTester(MD018, {
  valid: [
    { name: 'https', input: idp() },
    { name: 'https with whitespace around', input: idpWith(key() + sso(POST, ' https://idp.example.com/sso ')) },
    { name: 'generic profile, https', input: idp(), options: { profile: 'generic' } },
  ],
  invalid: [
    {
      name: 'plain http, pointing at the Location',
      input: HTTP,
      errors: [{ messageId: 'insecure', data: { url: 'http://adfs.example.com/adfs/ls/', scheme: 'http' }, ...attributeValuePositionOf(HTTP, 'Location') }],
    },
    { name: 'a relative path', input: idpWith(key() + sso(POST, '/adfs/ls/')), errors: [{ messageId: 'notUrl', data: { url: '/adfs/ls/' } }] },
    { name: 'no Location', input: idpWith(key() + `<md:SingleSignOnService Binding="${POST}"/>`), errors: [{ messageId: 'missing' }] },
    { name: 'an empty Location', input: idpWith(key() + sso(POST, '')), errors: [{ messageId: 'missing' }] },
    {
      name: 'each service',
      input: idpWith(key() + sso(POST, 'http://idp.example.com/post') + sso('urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect', 'http://idp.example.com/redirect')),
      options: { profile: 'generic' },
      errors: [{ messageId: 'insecure' }, { messageId: 'insecure' }],
    },
  ],
});
