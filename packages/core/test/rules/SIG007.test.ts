import { SIG007 } from '../../src/rules/sig/SIG007-weak-algorithm.js';
import { ruleTester } from '../rule-tester.js';
import { positionOf } from '../cx-fixtures.js';
import { SIGNED_ASSERTION, SIGNED_BOTH, trusting, vector } from '../sig-fixtures.js';

const DSIG = 'http://www.w3.org/2000/09/xmldsig#';
const RSA_SHA1 = vector('sig/rsa-sha1.xml');

ruleTester(SIG007, {
  valid: [
    { name: 'RSA-SHA256 and SHA-256', input: SIGNED_BOTH, options: trusting('idp') },
    {
      name: 'RSA-SHA512 and SHA-512',
      input: SIGNED_ASSERTION.replace('xmldsig-more#rsa-sha256', 'xmldsig-more#rsa-sha512').replace('xmlenc#sha256', 'xmlenc#sha512'),
    },
  ],
  invalid: [
    {
      name: 'RSA-SHA1 with a SHA-1 digest',
      input: RSA_SHA1,
      options: trusting('idp'),
      errors: [
        { messageId: 'signature', data: { algorithm: `${DSIG}rsa-sha1` }, ...positionOf(RSA_SHA1, `${DSIG}rsa-sha1`) },
        { messageId: 'digest', data: { algorithm: `${DSIG}sha1` } },
      ],
    },
    {
      name: 'a SHA-1 digest under an RSA-SHA256 signature',
      input: SIGNED_ASSERTION.replace('http://www.w3.org/2001/04/xmlenc#sha256', `${DSIG}sha1`),
      errors: [{ messageId: 'digest', data: { algorithm: `${DSIG}sha1` } }],
    },
  ],
});
