import { buildResponse } from '../../../../test-vectors/lib/response.mjs';
import { XSD004 } from '../../src/rules/xsd/XSD004-schema-attribute-not-allowed.js';
import { idp, idpWith, sso, IDP } from '../metadata-fixtures.js';
import { ruleTester } from '../rule-tester.js';
import { ASSERTION, responseWith } from '../decryption-fixtures.js';
import { SP_KEY, encryptXml } from '../support/encrypt.js';

const response = buildResponse();

ruleTester(XSD004, {
  valid: [
    { name: 'a response built as IdPs build them', input: response },
    {
      name: 'an attribute of another namespace where the schema has anyAttribute',
      input: response.replace('<saml:SubjectConfirmationData ', '<saml:SubjectConfirmationData xmlns:x="urn:example" x:hint="1" '),
    },
    { name: 'an encrypted assertion, decrypted', input: responseWith(encryptXml(ASSERTION)), options: { decryptionKey: SP_KEY } },
    { name: 'metadata with an attribute of another namespace on EntityDescriptor', input: idp(`entityID="${IDP}" xmlns:x="urn:example" x:tag="1"`) },
  ],
  invalid: [
    {
      name: 'an attribute Conditions does not define (issue 14)',
      input: response.replace('<saml:Conditions ', '<saml:Conditions Foo="1" '),
      errors: [{ messageId: 'notAllowed', data: { element: 'saml:Conditions', attribute: 'Foo' } }],
    },
    {
      name: 'a mis-cased attribute name',
      input: response.replace('<saml:Conditions NotBefore=', '<saml:Conditions notBefore='),
      errors: [{ messageId: 'notAllowed', data: { attribute: 'notBefore' } }],
    },
    {
      name: 'an attribute of another namespace where the schema has no anyAttribute',
      input: response.replace('<saml:Assertion ', '<saml:Assertion xmlns:x="urn:example" x:hint="1" '),
      errors: [{ messageId: 'notAllowed', data: { element: 'saml:Assertion', attribute: 'x:hint' } }],
    },
    {
      name: 'in the decrypted assertion',
      input: responseWith(encryptXml(ASSERTION.replace('<saml:Conditions ', '<saml:Conditions Foo="1" '))),
      options: { decryptionKey: SP_KEY },
      errors: [{ messageId: 'notAllowed', data: { element: 'saml:Conditions', attribute: 'Foo' } }],
    },
    {
      name: 'in metadata',
      input: idpWith(sso().replace('<md:SingleSignOnService ', '<md:SingleSignOnService index="0" ')),
      errors: [{ messageId: 'notAllowed', data: { element: 'md:SingleSignOnService', attribute: 'index' } }],
    },
  ],
});
