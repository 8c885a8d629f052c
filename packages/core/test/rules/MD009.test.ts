import { MD009 } from '../../src/rules/md/MD009-metadata-certificate-unreadable.js';
import { buildResponse } from '../../../../test-vectors/lib/response.mjs';
import { NAME_ID_FORMAT, awsSp, base64Of, idp, idpWith, key, sso } from '../metadata-fixtures.js';
import { positionOf } from '../cx-fixtures.js';
import { ruleTester } from '../rule-tester.js';

const withCertificate = (text: string, use = 'use="signing"') =>
  idpWith(`<md:KeyDescriptor ${use}><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${text}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>${sso()}`);
const PEM = `-----BEGIN CERTIFICATE-----\n${base64Of('idp')}\n-----END CERTIFICATE-----`;
const TRUNCATED = withCertificate(base64Of('idp').slice(0, 400));

ruleTester(MD009, {
  valid: [
    { name: 'a readable certificate', input: idp() },
    { name: 'base64 wrapped over lines, as IdPs export it', input: withCertificate(base64Of('idp').replace(/.{64}/g, '$&\n')) },
    { name: 'an SP’s KeyDescriptor is not the IdP’s', input: awsSp().replace(/<ds:X509Certificate>[^<]*/, '<ds:X509Certificate>oops') },
    { name: 'no KeyDescriptor at all (MD010)', input: idpWith(NAME_ID_FORMAT + sso()) },
  ],
  invalid: [
    {
      name: 'PEM armour inside ds:X509Certificate',
      input: withCertificate(PEM),
      errors: [{ messageId: 'pemArmour', data: { use: 'signing' }, ...positionOf(withCertificate(PEM), '<ds:X509Certificate>') }],
    },
    {
      name: 'not base64',
      input: withCertificate('REPLACE_ME_IDP_SIGNING_CERT_BASE64'),
      errors: [{ messageId: 'unreadable', data: { use: 'signing', problem: 'not base64 or PEM' } }],
    },
    {
      name: 'an empty certificate, for signing and encryption (no use)',
      input: withCertificate('', ''),
      errors: [{ messageId: 'unreadable', data: { use: 'signing and encryption' } }],
    },
    {
      name: 'base64 cut short',
      input: TRUNCATED,
      errors: [{ messageId: 'unreadable', ...positionOf(TRUNCATED, '<ds:X509Certificate>') }],
    },
    {
      name: 'an unreadable encryption certificate next to a good signing one',
      input: idpWith(key() + key('idp', 'use="encryption"').replace(base64Of('idp'), 'bm90IGEgY2VydGlmaWNhdGU=') + sso()),
      errors: [{ messageId: 'unreadable', data: { use: 'encryption' } }],
    },
    {
      name: 'in --metadata, located there',
      input: buildResponse(),
      options: { metadata: withCertificate(PEM) },
      errors: [{ messageId: 'pemArmour', line: 3 }],
    },
  ],
});
