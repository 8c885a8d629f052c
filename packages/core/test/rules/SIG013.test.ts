import { xsw7 } from '../../../../test-vectors/lib/manipulate.mjs';
import { SIG013 } from '../../src/rules/sig/SIG013-signature-malformed.js';
import { ruleTester } from '../rule-tester.js';
import { positionOf } from '../cx-fixtures.js';
import { SIGNED_ASSERTION, SIGNED_BOTH, trusting } from '../sig-fixtures.js';

const EMPTY_VALUE = SIGNED_ASSERTION.replace(/<ds:SignatureValue>[^<]*<\/ds:SignatureValue>/, '<ds:SignatureValue/>');
const withoutKeyInfo = (xml: string) => xml.replace(/<ds:KeyInfo>[\s\S]*?<\/ds:KeyInfo>/g, '');

ruleTester(SIG013, {
  valid: [
    { name: 'verifies with the trusted certificate', input: SIGNED_BOTH, options: trusting('idp') },
    { name: 'intact with its own KeyInfo', input: SIGNED_ASSERTION },
    { name: 'no KeyInfo, but a trusted certificate', input: withoutKeyInfo(SIGNED_ASSERTION), options: trusting('idp') },
    { name: 'duplicated IDs make xml-crypto refuse it, which SIG003 names', input: xsw7(SIGNED_ASSERTION), options: trusting('idp') },
  ],
  invalid: [
    {
      name: 'an empty SignatureValue',
      input: EMPTY_VALUE,
      errors: [{ messageId: 'malformed', data: { detail: 'the Signature has no SignatureValue' }, ...positionOf(EMPTY_VALUE, '<ds:Signature') }],
    },
    {
      name: 'an unsupported SignatureMethod',
      input: SIGNED_ASSERTION.replace('xmldsig-more#rsa-sha256', 'xmldsig-more#rsa-md5'),
      options: trusting('idp'),
      errors: [{ messageId: 'malformed', data: { detail: "signature algorithm 'http://www.w3.org/2001/04/xmldsig-more#rsa-md5' is not supported" } }],
    },
    {
      name: 'no CanonicalizationMethod',
      input: SIGNED_ASSERTION.replace(/<ds:CanonicalizationMethod [^>]*\/>/, ''),
      errors: [{ messageId: 'malformed', data: { detail: 'SignedInfo has no CanonicalizationMethod Algorithm' } }],
    },
    {
      name: 'no KeyInfo and nothing trusted',
      input: withoutKeyInfo(SIGNED_ASSERTION),
      errors: [{ messageId: 'unverifiable', severity: 'info' }],
    },
  ],
});
