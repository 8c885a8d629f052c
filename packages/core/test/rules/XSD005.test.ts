import { buildResponse } from '../../../../test-vectors/lib/response.mjs';
import { XSD005 } from '../../src/rules/xsd/XSD005-schema-value-invalid.js';
import { IDP, idp, idpWith, key, sso } from '../metadata-fixtures.js';
import { ruleTester } from '../rule-tester.js';

const response = buildResponse();
const organization = (lang: string) =>
  `<md:Organization><md:OrganizationName xml:lang="${lang}">Example</md:OrganizationName><md:OrganizationDisplayName xml:lang="en">Example</md:OrganizationDisplayName><md:OrganizationURL xml:lang="en">https://example.com</md:OrganizationURL></md:Organization>`;

ruleTester(XSD005, {
  valid: [
    { name: 'a response built as IdPs build them', input: response },
    { name: 'a time with an offset and a fraction', input: buildResponse({ issueInstant: '2026-11-27T10:00:00.123+01:00' }) },
    { name: 'a redacted certificate libxml2 accepts (stray characters are passed over)', input: idpWith(key() + sso()).replace(/<ds:X509Certificate>[^<]*</, '<ds:X509Certificate>...<') },
    { name: 'a cacheDuration as a duration', input: idp(`entityID="${IDP}" cacheDuration="PT24H"`) },
    { name: 'an xml:lang language tag', input: idpWith(sso()).replace('</md:EntityDescriptor>', `${organization('en-GB')}</md:EntityDescriptor>`) },
  ],
  invalid: [
    {
      name: 'a time without the T',
      input: buildResponse({ issueInstant: '2026-11-27 09:00:00Z' }),
      errors: [
        { messageId: 'attribute', data: { element: 'samlp:Response', attribute: 'IssueInstant', value: '2026-11-27 09:00:00Z', type: 'xs:dateTime' }, line: 2 },
        { messageId: 'attribute', data: { element: 'saml:Assertion', attribute: 'IssueInstant', type: 'xs:dateTime' } },
      ],
    },
    {
      name: 'a day that does not exist',
      input: buildResponse().replace('NotBefore="2026-11-27T08:55:00Z"', 'NotBefore="2026-02-30T08:55:00Z"'),
      errors: [{ messageId: 'attribute', data: { element: 'saml:Conditions', attribute: 'NotBefore', type: 'xs:dateTime' } }],
    },
    { name: 'an ID that starts with a digit', input: buildResponse({ responseId: '123' }), errors: [{ messageId: 'attribute', data: { attribute: 'ID', type: 'xs:ID' } }] },
    {
      name: 'a value outside an enumeration',
      input: idpWith(sso()).replace('</md:EntityDescriptor>', '<md:ContactPerson contactType="tech"/></md:EntityDescriptor>'),
      errors: [{ messageId: 'enumeration', data: { value: 'tech', where: 'contactType' } }],
    },
    { name: 'a cacheDuration in seconds', input: idp(`entityID="${IDP}" cacheDuration="86400"`), errors: [{ messageId: 'attribute', data: { type: 'xs:duration' } }] },
    { name: 'an entityID over 1024 characters', input: idp(`entityID="https://idp.example.com/${'a'.repeat(1024)}"`), errors: [{ messageId: 'tooLong', data: { maxLength: 1024 } }] },
    {
      name: 'a certificate with its PEM lines',
      input: idpWith(key() + sso()).replace(/<ds:X509Certificate>([^<]*)</, '<ds:X509Certificate>-----BEGIN CERTIFICATE-----$1-----END CERTIFICATE-----<'),
      errors: [{ messageId: 'content', data: { element: 'ds:X509Certificate', type: 'xs:base64Binary' } }],
    },
    {
      name: 'an xml:lang that is no language tag',
      input: idpWith(sso()).replace('</md:EntityDescriptor>', `${organization('en_US')}</md:EntityDescriptor>`),
      errors: [{ messageId: 'attribute', data: { element: 'md:OrganizationName', attribute: 'xml:lang', type: 'xs:language or ""' } }],
    },
    {
      name: 'one ID on two elements',
      input: buildResponse({ responseId: '_same', assertionId: '_same' }),
      errors: [{ messageId: 'duplicateId', data: { element: 'saml:Assertion', attribute: 'ID', value: '_same' } }],
    },
  ],
});
