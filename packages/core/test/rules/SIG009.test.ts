import { SIG009 } from '../../src/rules/sig/SIG009-weak-key.js';
import { ruleTester } from '../rule-tester.js';
import { positionOf } from '../cx-fixtures.js';
import { SIGNED_ASSERTION, SIGNED_BOTH, idpMetadata, trusting, vector } from '../sig-fixtures.js';

const WEAK_1024 = vector('sig/weak-key-1024.xml');
const WEAK_512 = vector('sig/weak-key-512.xml');

ruleTester(SIG009, {
  valid: [
    { name: 'a 2048-bit key, trusted', input: SIGNED_BOTH, options: trusting('idp') },
    { name: 'a 2048-bit key in KeyInfo, nothing trusted', input: SIGNED_ASSERTION },
    // MD012 reports a --metadata certificate, in the metadata file, wherever else it appears.
    { name: 'a weak certificate from --metadata', input: SIGNED_BOTH, options: { metadata: idpMetadata('idp', 'weak512') } },
    { name: 'the KeyInfo certificate is the weak one of --metadata', input: WEAK_1024, options: { metadata: idpMetadata('weak1024') } },
  ],
  invalid: [
    {
      name: 'a 1024-bit key: a warning',
      input: WEAK_1024,
      options: trusting('weak1024'),
      errors: [{ messageId: 'weak', data: { source: 'KeyInfo', bits: 1024 }, severity: 'warning', ...positionOf(WEAK_1024, '<ds:X509Certificate>') }],
    },
    {
      name: 'a 512-bit key: under AWS’s minimum',
      input: WEAK_512,
      options: trusting('weak512'),
      errors: [{ messageId: 'refused', data: { source: 'KeyInfo', bits: 512 }, severity: 'error' }],
    },
    {
      name: 'a weak key in KeyInfo while a strong one is trusted',
      input: WEAK_1024,
      options: trusting('idp'),
      errors: [{ messageId: 'weak', data: { source: 'KeyInfo', bits: 1024 } }],
    },
    {
      name: 'a weak certificate among the trusted ones',
      input: SIGNED_BOTH,
      options: trusting('idp', 'weak512'),
      errors: [{ messageId: 'refused', data: { source: '--cert #2', bits: 512 } }],
    },
  ],
});
