import { MD017 } from '../../src/rules/md/MD017-sso-binding-unsupported.js';
import { NAME_ID_FORMAT, idp, idpWith, key, sso } from '../metadata-fixtures.js';
import { positionOf } from '../cx-fixtures.js';
import { ruleTester } from '../rule-tester.js';

const SOAP = 'urn:oasis:names:tc:SAML:2.0:bindings:SOAP';
const ARTIFACT = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Artifact';
const REDIRECT = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect';
const generic = { profile: 'generic' as const };
const SOAP_ONLY = idpWith(key() + NAME_ID_FORMAT + sso(SOAP, 'https://idp.example.com/idp/profile/SAML2/SOAP/ECP'));

ruleTester(MD017, {
  valid: [
    { name: 'HTTP-POST', input: idp(), options: generic },
    { name: 'SOAP and HTTP-Redirect', input: idpWith(key() + sso(SOAP) + sso(REDIRECT)), options: generic },
    { name: 'aws: AWS sends no AuthnRequest', input: SOAP_ONLY },
    { name: 'no service at all is MD016’s', input: idpWith(key()), options: generic },
  ],
  invalid: [
    {
      name: 'SOAP only (ECP), pointing at the service',
      input: SOAP_ONLY,
      options: generic,
      errors: [{ messageId: 'noBrowserBinding', data: { bindings: `\`${SOAP}\`` }, ...positionOf(SOAP_ONLY, '<md:SingleSignOnService') }],
    },
    {
      name: 'Artifact and a service without Binding',
      input: idpWith(key() + sso(ARTIFACT) + sso(ARTIFACT) + '<md:SingleSignOnService Location="https://idp.example.com/sso"/>'),
      options: generic,
      errors: [{ messageId: 'noBrowserBinding', data: { bindings: `\`${ARTIFACT}\`, no Binding` } }],
    },
  ],
});
