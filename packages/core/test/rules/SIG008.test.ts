import { SIG008 } from '../../src/rules/sig/SIG008-unexpected-transform.js';
import { ruleTester } from '../rule-tester.js';
import { positionOf } from '../cx-fixtures.js';
import { SIGNED_ASSERTION, SIGNED_BOTH, trusting, vector } from '../sig-fixtures.js';

const EXCLUSIVE = 'http://www.w3.org/2001/10/xml-exc-c14n#';
const INCLUSIVE = 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315';
const INCLUSIVE_C14N = vector('sig/inclusive-c14n.xml');
const referenceTransform = (algorithm: string) =>
  SIGNED_ASSERTION.replace(`<ds:Transform Algorithm="${EXCLUSIVE}"/>`, `<ds:Transform Algorithm="${algorithm}"/>`);

ruleTester(SIG008, {
  valid: [
    { name: 'enveloped signature and exclusive C14N', input: SIGNED_BOTH, options: trusting('idp') },
    {
      name: 'exclusive C14N with an InclusiveNamespaces prefix list',
      input: SIGNED_ASSERTION.replace(
        `<ds:Transform Algorithm="${EXCLUSIVE}"/>`,
        `<ds:Transform Algorithm="${EXCLUSIVE}"><ec:InclusiveNamespaces xmlns:ec="${EXCLUSIVE}" PrefixList="xs"/></ds:Transform>`,
      ),
    },
  ],
  invalid: [
    {
      name: 'inclusive C14N for SignedInfo and the reference',
      input: INCLUSIVE_C14N,
      options: trusting('idp'),
      errors: [
        { messageId: 'canonicalization', data: { algorithm: INCLUSIVE }, ...positionOf(INCLUSIVE_C14N, INCLUSIVE) },
        { messageId: 'transform', data: { algorithm: INCLUSIVE } },
      ],
    },
    {
      name: 'exclusive C14N with comments as the reference transform',
      input: referenceTransform(`${EXCLUSIVE}WithComments`),
      errors: [{ messageId: 'transform', data: { algorithm: `${EXCLUSIVE}WithComments` } }],
    },
    {
      name: 'an XSLT transform',
      input: referenceTransform('http://www.w3.org/TR/1999/REC-xslt-19991116'),
      errors: [{ messageId: 'transform', data: { algorithm: 'http://www.w3.org/TR/1999/REC-xslt-19991116' } }],
    },
    {
      name: 'SignedInfo canonicalised with comments',
      input: SIGNED_ASSERTION.replace(`<ds:CanonicalizationMethod Algorithm="${EXCLUSIVE}"/>`, `<ds:CanonicalizationMethod Algorithm="${EXCLUSIVE}WithComments"/>`),
      errors: [{ messageId: 'canonicalization', data: { algorithm: `${EXCLUSIVE}WithComments` } }],
    },
  ],
});
