import { SIG006 } from '../../src/rules/sig/SIG006-certificate-not-trusted.js';
import { ruleTester } from '../rule-tester.js';
import { positionOf } from '../cx-fixtures.js';
import { SIGNED_ASSERTION, SIGNED_BOTH, fingerprint, idpMetadata, trusting, vector } from '../sig-fixtures.js';

const ROTATED = vector('sig/certificate-rotated.xml');

ruleTester(SIG006, {
  valid: [
    { name: 'signed by the trusted certificate', input: SIGNED_BOTH, options: trusting('idp') },
    { name: 'the new certificate is trusted', input: ROTATED, options: trusting('rotated') },
    { name: 'both certificates trusted during the rollover', input: ROTATED, options: trusting('idp', 'rotated') },
    { name: 'the IdP metadata lists both certificates during the rollover', input: ROTATED, options: { metadata: idpMetadata('idp', 'rotated') } },
    { name: 'nothing trusted: the rule cannot run', input: ROTATED },
  ],
  invalid: [
    {
      name: 'the IdP rotated its key; AWS still holds the old certificate',
      input: ROTATED,
      options: trusting('idp'),
      errors: [{ messageId: 'rotated', data: { fingerprint: fingerprint('rotated'), count: 1 }, ...positionOf(ROTATED, '<ds:X509Certificate>') }],
    },
    {
      name: 'the IdP metadata in IAM still lists only the old certificate',
      input: ROTATED,
      options: { metadata: idpMetadata('idp') },
      errors: [{ messageId: 'rotated', data: { fingerprint: fingerprint('rotated'), count: 1 } }],
    },
    {
      name: 'both signatures carry a certificate that is not trusted',
      input: SIGNED_BOTH,
      options: trusting('rotated'),
      errors: [
        { messageId: 'rotated', data: { fingerprint: fingerprint('idp') } },
        { messageId: 'rotated', data: { fingerprint: fingerprint('idp') } },
      ],
    },
    {
      name: 'a broken signature from an unknown certificate',
      input: SIGNED_ASSERTION.replace('>jane.doe@example.com<', '>raj.patel@example.com<'),
      options: trusting('weak1024'),
      errors: [{ messageId: 'rotated', data: { fingerprint: fingerprint('idp') } }],
    },
  ],
});
