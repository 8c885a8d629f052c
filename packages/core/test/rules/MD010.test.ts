import { MD010 } from '../../src/rules/md/MD010-metadata-signing-certificate-missing.js';
import { buildResponse } from '../../../../test-vectors/lib/response.mjs';
import { IDP, IDP_DESCRIPTOR, NAME_ID_FORMAT, aggregate, awsSp, idp, idpWith, key, sso } from '../metadata-fixtures.js';
import { ruleTester } from '../rule-tester.js';

const NO_KEY = idpWith(NAME_ID_FORMAT + sso());

ruleTester(MD010, {
  valid: [
    { name: 'a signing KeyDescriptor', input: idp() },
    { name: 'a KeyDescriptor without use serves signing too', input: idpWith(key('idp', '') + sso()) },
    { name: 'an unreadable signing certificate is MD009’s', input: idpWith(key('idp').replace(/<ds:X509Certificate>[^<]*/, '<ds:X509Certificate>oops') + sso()) },
    { name: 'AWS’s SP metadata is no IdP', input: awsSp() },
    { name: 'a response with --metadata that has a key', input: buildResponse(), options: { metadata: idp() } },
  ],
  invalid: [
    {
      name: 'no KeyDescriptor, pointing at the IDPSSODescriptor',
      input: NO_KEY,
      errors: [{ messageId: 'missing', line: 3, column: 3 }],
    },
    {
      name: 'only an encryption certificate',
      input: idpWith(key('idp', 'use="encryption"') + sso()),
      errors: [{ messageId: 'missing' }],
    },
    {
      name: 'a KeyDescriptor with a bare KeyName',
      input: idpWith('<md:KeyDescriptor use="signing"><ds:KeyInfo><ds:KeyName>okta-2024</ds:KeyName></ds:KeyInfo></md:KeyDescriptor>' + sso()),
      errors: [{ messageId: 'missing' }],
    },
    {
      name: 'each IdP of an aggregate',
      input: aggregate([`entityID="${IDP}"`, IDP_DESCRIPTOR], ['entityID="https://idp2.example.com/"', IDP_DESCRIPTOR]),
      errors: [{ messageId: 'missing', line: 2 }, { messageId: 'missing', line: 3 }],
    },
    {
      name: '--metadata without a key (IN010 no longer reports it)',
      input: buildResponse(),
      options: { metadata: NO_KEY },
      errors: [{ messageId: 'missing', line: 3 }],
    },
  ],
});
