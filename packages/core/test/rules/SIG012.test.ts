import { AWS, DEFAULTS, buildResponse, withAttributes } from '../../../../test-vectors/lib/response.mjs';
import { VICTIM_SESSION_NAME, cdataInValue, splitValue } from '../../../../test-vectors/lib/manipulate.mjs';
import { SIG012 } from '../../src/rules/sig/SIG012-text-node-split.js';
import { ruleTester } from '../rule-tester.js';
import { positionOf } from '../cx-fixtures.js';
import { SIGNED_ASSERTION, SIGNED_BOTH, trusting } from '../sig-fixtures.js';
import { SP_KEY, encryptedResponse } from '../support/encrypt.js';

const CLEAN = buildResponse();
const COMMENTED_NAME_ID = splitValue(SIGNED_ASSERTION, DEFAULTS.nameId, 8, '<!---->');
const SPLIT_TEAM = '<saml:AttributeStatement><saml:Attribute Name="Team"><saml:AttributeValue>R<!---->D</saml:AttributeValue></saml:Attribute></saml:AttributeStatement>';
const PASSWORD = 'urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport';
// The attack on step-up checks: the signed class stays in the digest, and a first-text-node reader sees `…:ac:classes:`.
const COMMENTED_CLASS_REF = splitValue(SIGNED_ASSERTION, PASSWORD, 'urn:oasis:names:tc:SAML:2.0:ac:classes:'.length, '<!---->');
const ENCRYPTED_SPLIT = await encryptedResponse({ assertionExtra: SPLIT_TEAM });

ruleTester(SIG012, {
  valid: [
    { name: 'plain values', input: SIGNED_BOTH, options: trusting('idp') },
    { name: 'an escaped ampersand is one text node', input: buildResponse({ attributes: withAttributes({ [AWS.principalTag('Team')]: ['R&D'] }) }) },
    { name: 'a comment between elements, not inside a value', input: CLEAN.replace('<saml:Subject>', '<!-- subject --><saml:Subject>') },
    { name: 'an encrypted Assertion cannot be read without the key', input: ENCRYPTED_SPLIT },
    {
      name: 'a comment beside the AuthnContextClassRef, not inside it',
      input: SIGNED_ASSERTION.replace('<saml:AuthnContextClassRef>', '<!-- MFA --><saml:AuthnContextClassRef>'),
    },
    { name: 'a status message in one piece', input: buildResponse({ statusMessage: 'Signed in' }) },
    {
      name: 'an attribute value made of elements is not a text value',
      input: CLEAN.replace('<saml:AttributeStatement>', '<saml:AttributeStatement><saml:Attribute Name="Manager"><saml:AttributeValue><x:Ref xmlns:x="urn:x">a</x:Ref></saml:AttributeValue></saml:Attribute>'),
    },
  ],
  invalid: [
    {
      name: 'a comment injected into the NameID after signing',
      input: COMMENTED_NAME_ID,
      options: trusting('idp'),
      errors: [
        {
          messageId: 'split',
          data: { element: 'NameID', what: 'a comment', first: '00u1a2b3', full: DEFAULTS.nameId },
          ...positionOf(COMMENTED_NAME_ID, '00u1a2b3<!--'),
        },
      ],
    },
    {
      name: 'a comment in the RoleSessionName value',
      input: splitValue(SIGNED_ASSERTION, VICTIM_SESSION_NAME, 9, '<!-- -->'),
      errors: [{ messageId: 'split', data: { element: 'AttributeValue', what: 'a comment', first: 'jane.doe@', full: VICTIM_SESSION_NAME } }],
    },
    {
      name: 'a CDATA section inside the NameID',
      input: cdataInValue(SIGNED_ASSERTION, DEFAULTS.nameId, 8, 12),
      errors: [{ messageId: 'split', data: { what: 'a CDATA section', first: '00u1a2b3', full: DEFAULTS.nameId } }],
    },
    {
      name: 'a comment inside a value of the decrypted Assertion',
      input: ENCRYPTED_SPLIT,
      options: { decryptionKey: SP_KEY },
      errors: [{ messageId: 'split', data: { element: 'AttributeValue', first: 'R', full: 'RD' } }],
    },
    {
      name: 'a processing instruction inside the Issuer',
      input: splitValue(CLEAN, DEFAULTS.issuer, 11, '<?pi x?>'),
      errors: [{ messageId: 'split', data: { element: 'Issuer', what: 'a processing instruction' } }],
    },
    {
      name: 'a comment inside the Audience',
      input: splitValue(CLEAN, 'urn:amazon:webservices', 11, '<!---->'),
      errors: [{ messageId: 'split', data: { element: 'Audience', first: 'urn:amazon:', full: 'urn:amazon:webservices' } }],
    },
    {
      name: 'a comment injected into the AuthnContextClassRef after signing',
      input: COMMENTED_CLASS_REF,
      options: trusting('idp'),
      errors: [
        {
          messageId: 'split',
          data: { element: 'AuthnContextClassRef', what: 'a comment', first: 'urn:oasis:names:tc:SAML:2.0:ac:classes:', full: PASSWORD },
          ...positionOf(COMMENTED_CLASS_REF, 'urn:oasis:names:tc:SAML:2.0:ac:classes:<!--'),
        },
      ],
    },
    {
      name: 'a CDATA section inside the AuthnContextClassRef',
      input: cdataInValue(CLEAN, PASSWORD, 0, 8),
      errors: [{ messageId: 'split', data: { element: 'AuthnContextClassRef', what: 'a CDATA section', first: 'urn:oasi', full: PASSWORD } }],
    },
    {
      name: 'a comment inside an AuthenticatingAuthority',
      input: CLEAN.replace('</saml:AuthnContext>', '<saml:AuthenticatingAuthority>https://idp<!---->.example.com</saml:AuthenticatingAuthority></saml:AuthnContext>'),
      errors: [{ messageId: 'split', data: { element: 'AuthenticatingAuthority', first: 'https://idp', full: 'https://idp.example.com' } }],
    },
    {
      name: 'a comment inside an AuthnContextDeclRef',
      input: CLEAN.replace(`<saml:AuthnContextClassRef>${PASSWORD}</saml:AuthnContextClassRef>`, '<saml:AuthnContextDeclRef>urn:decl<!---->:mfa</saml:AuthnContextDeclRef>'),
      errors: [{ messageId: 'split', data: { element: 'AuthnContextDeclRef', full: 'urn:decl:mfa' } }],
    },
    {
      name: 'a comment inside the StatusMessage',
      input: splitValue(buildResponse({ statusMessage: 'Signed in' }), 'Signed in', 6, '<!---->'),
      errors: [{ messageId: 'split', data: { element: 'StatusMessage', first: 'Signed', full: 'Signed in' } }],
    },
  ],
});
