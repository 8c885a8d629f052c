import { NOW } from '../../../../test-vectors/lib/response.mjs';
import { MD011 } from '../../src/rules/md/MD011-metadata-certificate-expired.js';
import { SIGNED_BOTH } from '../sig-fixtures.js';
import { NAME_ID_FORMAT, idp, idpWith, key, sso } from '../metadata-fixtures.js';
import { positionOf } from '../cx-fixtures.js';
import { ruleTester } from '../rule-tester.js';

const EXPIRED = idpWith(key('expired') + NAME_ID_FORMAT + sso());
const now = NOW;

ruleTester(MD011, {
  valid: [
    { name: 'inside the validity dates', input: idp(), options: { now } },
    { name: 'no --now: unchecked', input: EXPIRED },
    { name: 'the expired certificate, back when it was valid', input: EXPIRED, options: { now: '2021-06-01T00:00:00Z' } },
  ],
  invalid: [
    {
      name: 'aws: info, since IAM ignores the dates',
      input: EXPIRED,
      options: { now },
      errors: [{ messageId: 'expired', data: { use: 'signing', date: '2021-12-31T00:00:00.000Z' }, severity: 'info', ...positionOf(EXPIRED, '<ds:X509Certificate>') }],
    },
    {
      name: 'generic: a warning',
      input: EXPIRED,
      options: { now, profile: 'generic' },
      errors: [{ messageId: 'expired', severity: 'warning' }],
    },
    {
      name: 'not valid yet',
      input: idp(),
      options: { now: '2024-06-01T00:00:00Z' },
      errors: [{ messageId: 'notYetValid', data: { date: '2025-01-01T00:00:00.000Z' } }],
    },
    {
      name: 'the expired one of a rollover pair, reported once even when listed twice',
      input: idpWith(key('idp') + key('expired') + key('expired', 'use="encryption"') + sso()),
      options: { now },
      errors: [{ messageId: 'expired', data: { use: 'signing' } }],
    },
    {
      name: 'a response checked with --metadata: reported in the metadata (not by SIG010)',
      input: SIGNED_BOTH,
      options: { now, metadata: idpWith(key('idp') + key('expired') + sso()) },
      errors: [{ messageId: 'expired', line: 3 }],
    },
  ],
});
