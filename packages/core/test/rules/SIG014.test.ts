import { ATTACKER_SESSION_NAME, VICTIM_SESSION_NAME, appendUnsignedAssertion, replaceOnce, withoutSignatures, xsw3 } from '../../../../test-vectors/lib/manipulate.mjs';
import { buildResponse } from '../../../../test-vectors/lib/response.mjs';
import { SIG014 } from '../../src/rules/sig/SIG014-unsigned-saml-content.js';
import { ruleTester } from '../rule-tester.js';
import { positionOf } from '../cx-fixtures.js';
import { SIGNED_ASSERTION, SIGNED_BOTH, SIGNED_RESPONSE, trusting } from '../sig-fixtures.js';

const idp = trusting('idp');
const SAML1 = 'urn:oasis:names:tc:SAML:1.0:assertion';
const EVIL_SUBJECT = `<saml:Subject><saml:NameID>${ATTACKER_SESSION_NAME}</saml:NameID></saml:Subject>`;
const EVIL_STATEMENT =
  '<saml:AttributeStatement><saml:Attribute Name="https://aws.amazon.com/SAML/Attributes/RoleSessionName">' +
  `<saml:AttributeValue>${ATTACKER_SESSION_NAME}</saml:AttributeValue></saml:Attribute></saml:AttributeStatement>`;

/** `inner` put just before the first occurrence of `before`. */
const insertBefore = (xml: string, before: string, inner: string) => replaceOnce(xml, before, `${inner}${before}`);

/** The Assertion's Signature gets a ds:Object holding `inner`: outside what its enveloped transform digests. */
const inSignatureObject = (xml: string, inner: string) => insertBefore(xml, '</ds:Signature>', `<ds:Object>${inner}</ds:Object>`);
const inKeyInfo = (xml: string, inner: string) => insertBefore(xml, '</ds:KeyInfo>', inner);
const inExtensions = (xml: string, inner: string) => insertBefore(xml, '<samlp:Status>', `<samlp:Extensions>${inner}</samlp:Extensions>`);
const underResponse = (xml: string, inner: string) => insertBefore(xml, '<samlp:Status>', inner);

/** An unsigned copy of the signed Assertion, given `tag` for its name, the attacker's RoleSessionName and a new ID. */
function lookalikeAssertion(xml: string, open: string, close: string): string {
  const start = xml.indexOf('<saml:Assertion ');
  const end = xml.indexOf('</saml:Assertion>') + '</saml:Assertion>'.length;
  const copy = withoutSignatures(xml.slice(start, end))
    .replace(`>${VICTIM_SESSION_NAME}<`, `>${ATTACKER_SESSION_NAME}<`)
    .replace(/ID="[^"]*"/, 'ID="_lookalike"')
    .replace(/^<saml:Assertion /, `${open} `)
    .replace(/<\/saml:Assertion>$/, close);
  return underResponse(xml, copy);
}

const OBJECT = inSignatureObject(SIGNED_ASSERTION, EVIL_SUBJECT);
const KEY_INFO = inKeyInfo(SIGNED_ASSERTION, EVIL_STATEMENT);
const EXTENSIONS = inExtensions(SIGNED_ASSERTION, '<saml:Conditions NotOnOrAfter="2036-01-01T00:00:00Z"/>');
const UNDER_RESPONSE = underResponse(SIGNED_ASSERTION, EVIL_STATEMENT);
const SAML1_ASSERTION = lookalikeAssertion(SIGNED_ASSERTION, `<saml1:Assertion xmlns:saml1="${SAML1}"`, '</saml1:Assertion>');
const NO_NAMESPACE = lookalikeAssertion(SIGNED_ASSERTION, '<Assertion xmlns=""', '</Assertion>').replace(/<saml:/g, '<saml:');
const LOWER_CASE = lookalikeAssertion(SIGNED_ASSERTION, '<saml:assertion', '</saml:assertion>');

ruleTester(SIG014, {
  valid: [
    { name: 'Response and Assertion signed', input: SIGNED_BOTH, options: idp },
    { name: 'only the Assertion signed: the Response’s Issuer and Status are not statements', input: SIGNED_ASSERTION, options: idp },
    { name: 'only the Response signed: it covers the Assertion', input: SIGNED_RESPONSE, options: idp },
    { name: 'nothing signed: SIG001 says so, there is no signed content to stand next to', input: underResponse(buildResponse(), EVIL_STATEMENT) },
    { name: 'the unsigned Assertion directly under the Response is SIG011’s', input: xsw3(SIGNED_ASSERTION), options: idp },
    { name: 'an appended unsigned Assertion is SIG011’s too', input: appendUnsignedAssertion(SIGNED_ASSERTION), options: idp },
  ],
  invalid: [
    {
      name: 'a Subject in a ds:Object of the Assertion’s own Signature',
      input: OBJECT,
      options: idp,
      errors: [{ messageId: 'unsigned', data: { element: 'saml:Subject', lookalike: '' }, ...positionOf(OBJECT, EVIL_SUBJECT) }],
    },
    {
      name: 'an AttributeStatement in its KeyInfo, next to the X509Data',
      input: KEY_INFO,
      options: idp,
      errors: [{ messageId: 'unsigned', data: { element: 'saml:AttributeStatement' }, ...positionOf(KEY_INFO, EVIL_STATEMENT) }],
    },
    {
      name: 'Conditions in samlp:Extensions',
      input: EXTENSIONS,
      options: idp,
      errors: [{ messageId: 'unsigned', data: { element: 'saml:Conditions', place: 'in `samlp:Response › samlp:Extensions`' } }],
    },
    {
      name: 'an AttributeStatement directly under the Response',
      input: UNDER_RESPONSE,
      options: idp,
      errors: [{ messageId: 'unsigned', data: { element: 'saml:AttributeStatement', place: 'in `samlp:Response`' } }],
    },
    {
      name: 'a SAML 1.x Assertion',
      input: SAML1_ASSERTION,
      options: idp,
      errors: [{ messageId: 'unsigned', data: { element: 'saml1:Assertion', lookalike: ` (in namespace \`${SAML1}\`, not SAML 2.0’s)` } }],
    },
    {
      name: 'an Assertion in no namespace',
      input: NO_NAMESPACE,
      options: idp,
      errors: [{ messageId: 'unsigned', data: { element: 'Assertion', lookalike: ' (in no namespace)' } }],
    },
    {
      name: 'an Assertion spelt in lower case',
      input: LOWER_CASE,
      options: idp,
      errors: [{ messageId: 'unsigned', data: { element: 'saml:assertion', lookalike: ' (spelt `assertion`, not as SAML spells it)' } }],
    },
    {
      name: 'in the Response’s own Signature, which its enveloped transform leaves out',
      input: inSignatureObject(SIGNED_BOTH, EVIL_SUBJECT),
      options: idp,
      errors: [{ messageId: 'unsigned', data: { element: 'saml:Subject', place: 'in `samlp:Response › ds:Signature › ds:Object`' } }],
    },
    {
      name: 'unsigned content is found when nothing is trusted and the signature is only intact',
      input: OBJECT,
      errors: [{ messageId: 'unsigned', data: { element: 'saml:Subject' } }],
    },
  ],
});
