import { readFileSync } from 'node:fs';
import { buildResponse } from '../../../../test-vectors/lib/response.mjs';
import { IN010 } from '../../src/rules/in/IN010-trust-unreadable.js';
import { ruleTester } from '../rule-tester.js';

const input = buildResponse();
const pem = readFileSync(new URL('../../../../test-vectors/keys/idp.crt', import.meta.url), 'utf8');
const base64 = pem.replace(/-----[^-]+-----|\s/g, '');
const metadata = (descriptor: string) =>
  `<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="http://idp.example.com/">${descriptor}</md:EntityDescriptor>`;
const idpDescriptor = `<md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"><md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${base64}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor></md:IDPSSODescriptor>`;

ruleTester(IN010, {
  valid: [
    { name: 'no trust material', input },
    { name: 'a PEM certificate', input, options: { certificates: [pem] } },
    { name: 'bare base64 DER', input, options: { certificates: [base64] } },
    { name: 'two certificates in one PEM file (rotation)', input, options: { certificates: [`${pem}\n${pem}`] } },
    { name: 'IdP metadata with a signing key', input, options: { metadata: metadata(idpDescriptor) } },
    // Metadata is read, but describes no IdP, or an IdP without a usable key: MD005, MD010 and MD009 say so in the metadata file.
    { name: 'SP metadata instead of the IdP’s', input, options: { metadata: metadata('<md:SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"/>') } },
    { name: 'IdP metadata without a signing key', input, options: { metadata: metadata('<md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"/>') } },
    { name: 'IdP metadata with an unreadable key', input, options: { metadata: metadata(idpDescriptor.replace(base64, 'bm9wZQ==')) } },
  ],
  invalid: [
    { name: 'not a certificate', input, options: { certificates: ['hello'] }, errors: [{ messageId: 'unreadable' }] },
    { name: 'not base64 at all', input, options: { certificates: ['not a cert!'] }, errors: [{ messageId: 'unreadable', data: { problem: '--cert #1: not base64 or PEM' } }] },
    { name: 'a private key instead of a certificate', input, options: { certificates: ['-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----'] }, errors: [{ messageId: 'unreadable' }] },
    {
      name: 'metadata that is not XML',
      input,
      options: { metadata: '{}' },
      errors: [{ messageId: 'unreadable', data: { problem: '--metadata: not a SAML metadata document (EntityDescriptor or EntitiesDescriptor)' } }],
    },
    {
      name: 'the second certificate of a PEM file',
      input,
      options: { certificates: [`${pem}\n-----BEGIN CERTIFICATE-----\n!\n-----END CERTIFICATE-----`] },
      errors: [{ messageId: 'unreadable', data: { problem: '--cert #1 (#2): not base64 or PEM' } }],
    },
    {
      name: 'metadata saved as UTF-16, read as UTF-8',
      input,
      options: { metadata: Buffer.from(`\uFEFF${metadata(idpDescriptor)}`, 'utf16le').toString('utf8') },
      errors: [{ messageId: 'unreadable', data: { problem: '--metadata: not UTF-8 text (UTF-16 or another encoding); IAM takes metadata as UTF-8' } }],
    },
  ],
});
