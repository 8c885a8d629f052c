import { buildResponse } from '../../../../test-vectors/lib/response.mjs';
import { XSD006 } from '../../src/rules/xsd/XSD006-schema-element-unknown.js';
import { idpWith, sso } from '../metadata-fixtures.js';
import { ruleTester } from '../rule-tester.js';

const response = buildResponse();

ruleTester(XSD006, {
  valid: [
    { name: 'a response built as IdPs build them', input: response },
    { name: 'IdP metadata', input: idpWith(sso()) },
    { name: 'an element of another namespace out of place (XSD001’s)', input: response.replace('<saml:AttributeStatement>', '<saml:AttributeStatement><x:A xmlns:x="urn:example"/>') },
  ],
  invalid: [
    {
      name: 'a misspelt element in an AttributeStatement (issue 14)',
      input: response.replace('<saml:AttributeStatement>', '<saml:AttributeStatement><saml:Atribute Name="x"/>'),
      errors: [{ messageId: 'unknown', data: { element: 'saml:Atribute', namespace: 'urn:oasis:names:tc:SAML:2.0:assertion' } }],
    },
    {
      name: 'a mis-cased Assertion',
      input: response.replace(/saml:Assertion /, 'saml:assertion ').replace('</saml:Assertion>', '</saml:assertion>'),
      errors: [{ messageId: 'unknown', data: { element: 'saml:assertion' } }],
    },
    {
      name: 'an unknown root in the metadata namespace',
      input: idpWith(sso()).replace(/md:EntityDescriptor\b/g, 'md:EntityDescriptor2'),
      errors: [{ messageId: 'unknown', data: { element: 'md:EntityDescriptor2' } }],
    },
    {
      name: 'in the XML Signature namespace',
      input: buildResponse({ sign: 'response' }).replace('<ds:SignedInfo>', '<ds:SignedInfo><ds:Note/>'),
      errors: [{ messageId: 'unknown', data: { element: 'ds:Note' } }],
    },
  ],
});
