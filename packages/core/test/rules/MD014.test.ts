import { MD014 } from '../../src/rules/md/MD014-metadata-certificate-duplicate.js';
import { IDP, aggregate, idp, idpWith, key, sso } from '../metadata-fixtures.js';
import { idpDescriptor as descriptor } from '../../../../test-vectors/cases/md.mjs';
import { ruleTester } from '../rule-tester.js';

const TWICE = `<?xml version="1.0"?>
<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="${IDP}">
  <md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
    ${key()}
    ${key()}
    ${sso()}
  </md:IDPSSODescriptor>
</md:EntityDescriptor>`;
const idpDescriptor = descriptor as (content: string) => string;

ruleTester(MD014, {
  valid: [
    { name: 'one certificate', input: idp() },
    { name: 'a rollover: old and new certificate', input: idpWith(key('idp') + key('rotated') + sso()) },
    { name: 'the same certificate for signing and for encryption', input: idpWith(key('idp') + key('idp', 'use="encryption"') + sso()) },
    {
      name: 'the same certificate in two IdPs of an aggregate',
      input: aggregate([`entityID="${IDP}"`, idpDescriptor(key() + sso())], ['entityID="https://idp2.example.com/"', idpDescriptor(key() + sso())]),
    },
  ],
  invalid: [
    {
      name: 'the same signing certificate twice, pointing at the second',
      input: TWICE,
      errors: [{ messageId: 'duplicate', data: { use: 'signing' }, line: 5 }],
    },
    {
      name: 'a KeyDescriptor without use repeats a signing one',
      input: idpWith(key('idp') + key('idp', '') + sso()),
      errors: [{ messageId: 'duplicate', data: { use: 'signing' } }],
    },
    {
      name: 'three times: two reports',
      input: idpWith(key() + key() + key() + sso()),
      errors: [{ messageId: 'duplicate' }, { messageId: 'duplicate' }],
    },
  ],
});
