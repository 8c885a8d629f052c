import { NOW } from '../../../../test-vectors/lib/response.mjs';
import { SIG010 } from '../../src/rules/sig/SIG010-certificate-expired.js';
import { ruleTester } from '../rule-tester.js';
import { positionOf } from '../cx-fixtures.js';
import { SIGNED_ASSERTION, SIGNED_BOTH, certificate, idpMetadata, trusting, vector } from '../sig-fixtures.js';

const EXPIRED = vector('sig/certificate-expired.xml');

ruleTester(SIG010, {
  valid: [
    { name: 'inside the validity dates', input: SIGNED_BOTH, options: { ...trusting('idp'), now: NOW } },
    { name: 'no --now: the rule cannot run', input: EXPIRED, options: trusting('expired') },
    // MD011 reports a --metadata certificate, in the metadata file, wherever else it appears.
    { name: 'the KeyInfo certificate is the expired one of --metadata', input: EXPIRED, options: { metadata: idpMetadata('expired'), now: NOW } },
    { name: 'the expired certificate, back when it was valid', input: EXPIRED, options: { ...trusting('expired'), now: '2021-06-01T00:00:00Z' } },
  ],
  invalid: [
    {
      name: 'a certificate that expired in 2021',
      input: EXPIRED,
      options: { ...trusting('expired'), now: NOW },
      errors: [
        { messageId: 'expired', data: { source: 'KeyInfo', date: '2021-12-31T00:00:00.000Z' }, severity: 'info', ...positionOf(EXPIRED, '<ds:X509Certificate>') },
      ],
    },
    {
      name: 'a certificate not valid yet',
      input: SIGNED_ASSERTION,
      options: { ...trusting('idp'), now: '2024-06-01T00:00:00Z' },
      errors: [{ messageId: 'notYetValid', data: { source: 'KeyInfo', date: '2025-01-01T00:00:00.000Z' } }],
    },
    {
      name: 'an expired certificate among the trusted ones',
      input: SIGNED_BOTH,
      options: { certificates: [certificate('idp'), certificate('expired')], now: NOW },
      errors: [{ messageId: 'expired', data: { source: '--cert #2' } }],
    },
  ],
});
