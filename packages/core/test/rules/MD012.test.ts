import { MD012 } from '../../src/rules/md/MD012-metadata-weak-key.js';
import { SIGNED_BOTH } from '../sig-fixtures.js';
import { NAME_ID_FORMAT, idp, idpWith, key, sso } from '../metadata-fixtures.js';
import { positionOf } from '../cx-fixtures.js';
import { ruleTester } from '../rule-tester.js';

const WEAK_512 = idpWith(key('weak512') + NAME_ID_FORMAT + sso());

ruleTester(MD012, {
  valid: [
    { name: 'a 2048-bit key', input: idp() },
    { name: 'a 2048-bit key for signing and encryption', input: idpWith(key('idp', '') + sso()) },
  ],
  invalid: [
    {
      name: 'a 512-bit key: IAM refuses the metadata',
      input: WEAK_512,
      errors: [{ messageId: 'refused', data: { use: 'signing', bits: 512 }, severity: 'error', ...positionOf(WEAK_512, '<ds:X509Certificate>') }],
    },
    {
      name: 'a 1024-bit key: accepted, under today’s 2048',
      input: idpWith(key('weak1024') + sso()),
      errors: [{ messageId: 'weak', data: { bits: 1024 }, severity: 'warning' }],
    },
    {
      name: 'generic: still an error under 1024 bits',
      input: WEAK_512,
      options: { profile: 'generic' },
      errors: [{ messageId: 'refused', severity: 'error' }],
    },
    {
      name: 'a weak encryption certificate next to a strong signing one',
      input: idpWith(key('idp') + key('weak1024', 'use="encryption"') + sso()),
      errors: [{ messageId: 'weak', data: { use: 'encryption' } }],
    },
    {
      name: 'a response checked with --metadata: reported in the metadata (not by SIG009)',
      input: SIGNED_BOTH,
      options: { metadata: idpWith(key('idp') + key('weak512') + sso()) },
      errors: [{ messageId: 'refused', line: 3 }],
    },
  ],
});
