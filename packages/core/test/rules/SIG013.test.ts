import { xsw7 } from '../../../../test-vectors/lib/manipulate.mjs';
import { SIG013 } from '../../src/rules/sig/SIG013-signature-malformed.js';
import { expect } from 'vitest';
import { ruleTester } from '../rule-tester.js';
import { positionOf } from '../cx-fixtures.js';
import { SIGNED_ASSERTION, SIGNED_BOTH, trusting } from '../sig-fixtures.js';

const EMPTY_VALUE = SIGNED_ASSERTION.replace(/<ds:SignatureValue>[^<]*<\/ds:SignatureValue>/, '<ds:SignatureValue/>');
const withoutKeyInfo = (xml: string) => xml.replace(/<ds:KeyInfo>[\s\S]*?<\/ds:KeyInfo>/g, '');
const REFERENCE = /<ds:Reference [\s\S]*?<\/ds:Reference>/;
const TWO_REFERENCES = SIGNED_ASSERTION.replace(REFERENCE, (reference) => reference + reference);
const SIGNATURE = /<ds:Signature [\s\S]*?<\/ds:Signature>/;
/** The Assertion's Signature twice, one after the other: the first one is verified, the copy is not. */
const SECOND_SIGNATURE = SIGNED_ASSERTION.replace(SIGNATURE, (signature) => signature + signature);
const betweenSignatures = positionOf(SECOND_SIGNATURE, '</ds:Signature><ds:Signature');
const secondSignaturePosition = { line: betweenSignatures.line, column: betweenSignatures.column + '</ds:Signature>'.length };

ruleTester(SIG013, {
  valid: [
    { name: 'verifies with the trusted certificate', input: SIGNED_BOTH, options: trusting('idp') },
    { name: 'intact with its own KeyInfo', input: SIGNED_ASSERTION },
    { name: 'no KeyInfo, but a trusted certificate', input: withoutKeyInfo(SIGNED_ASSERTION), options: trusting('idp') },
    { name: 'duplicated IDs leave the reference unresolved, which SIG003 names', input: xsw7(SIGNED_ASSERTION), options: trusting('idp') },
    {
      name: 'a registered algorithm samlint lacks is SIG015’s, not a fault of the document',
      input: SIGNED_ASSERTION.replace('xmldsig-more#rsa-sha256', 'xmldsig-more#rsa-md5'),
      options: trusting('idp'),
    },
  ],
  invalid: [
    {
      name: 'an empty SignatureValue',
      input: EMPTY_VALUE,
      errors: [{ messageId: 'malformed', data: { detail: 'the Signature has no SignatureValue, or it is not base64' }, ...positionOf(EMPTY_VALUE, '<ds:Signature') }],
    },
    {
      name: 'a SignatureMethod that is no XML Signature algorithm',
      input: SIGNED_ASSERTION.replace('http://www.w3.org/2001/04/xmldsig-more#rsa-sha256', 'urn:example:rsa-sha256'),
      options: trusting('idp'),
      errors: [{ messageId: 'malformed', data: { detail: 'SignatureMethod `urn:example:rsa-sha256` is not one samlint can verify' } }],
    },
    {
      name: 'an HMAC SignatureMethod (key confusion)',
      input: SIGNED_ASSERTION.replace('http://www.w3.org/2001/04/xmldsig-more#rsa-sha256', 'http://www.w3.org/2000/09/xmldsig#hmac-sha1'),
      options: trusting('idp'),
      errors: [{ messageId: 'malformed', data: { detail: expect.stringContaining('key-confusion') } }],
    },
    {
      name: 'two References (the SAML profile has one): none is verified',
      input: TWO_REFERENCES,
      options: trusting('idp'),
      errors: [{ messageId: 'malformed', data: { detail: expect.stringContaining('2 References') } }],
    },
    {
      name: 'an XPath transform after the canonicalisation: out of the SAML profile’s order, whatever samlint implements',
      input: SIGNED_ASSERTION.replace(
        '<ds:Transform Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/>',
        '<ds:Transform Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/><ds:Transform Algorithm="http://www.w3.org/TR/1999/REC-xpath-19991116"/>',
      ),
      options: trusting('idp'),
      errors: [{ messageId: 'malformed', data: { detail: expect.stringContaining('REC-xpath-19991116') } }],
    },
    {
      name: 'a second Signature over the same element is not verified',
      input: SECOND_SIGNATURE,
      options: trusting('idp'),
      errors: [{ messageId: 'notVerified', ...secondSignaturePosition }],
    },
    {
      name: 'no CanonicalizationMethod',
      input: SIGNED_ASSERTION.replace(/<ds:CanonicalizationMethod [^>]*\/>/, ''),
      errors: [{ messageId: 'malformed', data: { detail: 'SignedInfo has no CanonicalizationMethod Algorithm' } }],
    },
    {
      name: 'no KeyInfo and nothing trusted',
      input: withoutKeyInfo(SIGNED_ASSERTION),
      errors: [{ messageId: 'unverifiable', severity: 'warning' }],
    },
  ],
});
