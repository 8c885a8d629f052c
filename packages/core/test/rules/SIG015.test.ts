import { SIG015 } from '../../src/rules/sig/SIG015-algorithm-not-implemented.js';
import { ruleTester } from '../rule-tester.js';
import { positionOf } from '../cx-fixtures.js';
import { SIGNED_ASSERTION, trusting } from '../sig-fixtures.js';

const withSignatureMethod = (uri: string) => SIGNED_ASSERTION.replace('http://www.w3.org/2001/04/xmldsig-more#rsa-sha256', uri);
const withDigestMethod = (uri: string) => SIGNED_ASSERTION.replace('http://www.w3.org/2001/04/xmlenc#sha256', uri);
const DSA = 'http://www.w3.org/2000/09/xmldsig#dsa-sha1';

ruleTester(SIG015, {
  valid: [
    { name: 'an algorithm samlint implements', input: SIGNED_ASSERTION, options: trusting('idp') },
    { name: 'a URI no registry names is a fault of the document (SIG013), not a gap of samlint', input: withSignatureMethod('urn:example:rsa-sha256'), options: trusting('idp') },
    { name: 'an HMAC is refused as key confusion (SIG013)', input: withSignatureMethod('http://www.w3.org/2000/09/xmldsig#hmac-sha1'), options: trusting('idp') },
  ],
  invalid: [
    {
      name: 'a DSA SignatureMethod',
      input: withSignatureMethod(DSA),
      options: trusting('idp'),
      errors: [{ messageId: 'notImplemented', data: { algorithm: DSA }, ...positionOf(withSignatureMethod(DSA), '<ds:Signature') }],
    },
    {
      name: 'a SHA-3 DigestMethod',
      input: withDigestMethod('http://www.w3.org/2007/05/xmldsig-more#sha3-256'),
      options: trusting('idp'),
      errors: [{ messageId: 'notImplemented', data: { algorithm: 'http://www.w3.org/2007/05/xmldsig-more#sha3-256' } }],
    },
    {
      name: 'an XPath filter in place of the canonicalisation transform',
      input: SIGNED_ASSERTION.replace(
        '<ds:Transform Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/>',
        '<ds:Transform Algorithm="http://www.w3.org/TR/1999/REC-xpath-19991116"/>',
      ),
      options: trusting('idp'),
      errors: [{ messageId: 'notImplemented', data: { algorithm: 'http://www.w3.org/TR/1999/REC-xpath-19991116' } }],
    },
  ],
});
