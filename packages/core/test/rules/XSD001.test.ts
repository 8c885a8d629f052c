import { buildResponse } from '../../../../test-vectors/lib/response.mjs';
import { XSD001 } from '../../src/rules/xsd/XSD001-schema-element-unexpected.js';
import { idpWith, sso } from '../metadata-fixtures.js';
import { ruleTester } from '../rule-tester.js';

const response = buildResponse();
const issuer = /\n {2}<saml:Issuer>[^<]*<\/saml:Issuer>/.exec(response)?.[0] ?? '';
const nameId = /<saml:NameID[^>]*>[^<]*<\/saml:NameID>/.exec(response)?.[0] ?? '';

ruleTester(XSD001, {
  valid: [
    { name: 'a response built as IdPs build them', input: response },
    { name: 'a response signed twice', input: buildResponse({ sign: 'both' }) },
    { name: 'IdP metadata', input: idpWith(sso()) },
    {
      name: 'an element of another namespace in Extensions (a wildcard)',
      input: response.replace('\n  <samlp:Status>', '\n  <samlp:Extensions><x:Hint xmlns:x="urn:example">1</x:Hint></samlp:Extensions>\n  <samlp:Status>'),
    },
    { name: 'not a SAML document', input: '<x:Config xmlns:x="urn:example"><y/></x:Config>' },
  ],
  invalid: [
    {
      name: 'the Response’s Issuer after Status',
      input: response.replace(issuer, '').replace('</samlp:Status>', `</samlp:Status>${issuer}`),
      errors: [{ messageId: 'unexpected', data: { element: 'saml:Issuer', expected: '`saml:Assertion` or `saml:EncryptedAssertion`' } }],
    },
    {
      name: 'NameID after SubjectConfirmation',
      input: response.replace(nameId, '').replace('</saml:SubjectConfirmation>', `</saml:SubjectConfirmation>${nameId}`),
      errors: [{ messageId: 'unexpected', data: { element: 'saml:NameID', expected: '`saml:SubjectConfirmation`' } }],
    },
    {
      name: 'every misplaced element, not only the first',
      input: response
        .replace(issuer, '')
        .replace('</samlp:Status>', `</samlp:Status>${issuer}`)
        .replace(nameId, '')
        .replace('</saml:SubjectConfirmation>', `</saml:SubjectConfirmation>${nameId}`),
      errors: [{ messageId: 'unexpected', data: { element: 'saml:Issuer' } }, { messageId: 'unexpected', data: { element: 'saml:NameID' } }],
    },
    {
      name: 'an element inside one that holds text only',
      input: response.replace('</saml:Audience>', '<b>x</b></saml:Audience>'),
      errors: [{ messageId: 'nothingMore', data: { element: 'b', parent: 'saml:Audience' } }],
    },
    {
      name: 'text between elements',
      input: response.replace('<samlp:StatusCode', 'ok <samlp:StatusCode'),
      errors: [{ messageId: 'text', data: { element: 'samlp:Status' } }],
    },
    {
      name: 'an element of another namespace where no wildcard admits one, in metadata',
      input: idpWith(`<x:Hint xmlns:x="urn:example"/>${sso()}`),
      errors: [{ messageId: 'unexpected', data: { element: 'x:Hint' } }],
    },
  ],
});
