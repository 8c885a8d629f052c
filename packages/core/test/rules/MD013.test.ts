import { MD013 } from '../../src/rules/md/MD013-metadata-certificate-repeated-extension.js';
import { buildResponse } from '../../../../test-vectors/lib/response.mjs';
import { NAME_ID_FORMAT, idp, idpWith, key, sso } from '../metadata-fixtures.js';
import { positionOf } from '../cx-fixtures.js';
import { ruleTester } from '../rule-tester.js';

// keys/repeated-extension.crt: made by openssl (make-keys.sh) with keyUsage twice; `openssl verify` calls it invalid.
const REPEATED = idpWith(key('repeated-extension') + NAME_ID_FORMAT + sso());

ruleTester(MD013, {
  valid: [
    { name: 'a v1 certificate (no extensions)', input: idp() },
    { name: 'the same certificate for signing and encryption is one certificate', input: idpWith(key('idp', '') + sso()) },
    { name: 'unreadable base64 is MD009’s', input: idpWith(key('idp').replace(/<ds:X509Certificate>[^<]*/, '<ds:X509Certificate>-----BEGIN') + sso()) },
  ],
  invalid: [
    {
      name: 'keyUsage twice',
      input: REPEATED,
      errors: [{ messageId: 'repeated', data: { use: 'signing', extensions: '`keyUsage (2.5.29.15)`' }, ...positionOf(REPEATED, '<ds:X509Certificate>') }],
    },
    {
      name: 'generic: an error too (RFC 5280 §4.2)',
      input: REPEATED,
      options: { profile: 'generic' },
      errors: [{ messageId: 'repeated', severity: 'error' }],
    },
    {
      name: 'listed twice, reported once',
      input: idpWith(key('repeated-extension') + key('repeated-extension', 'use="encryption"') + sso()),
      errors: [{ messageId: 'repeated', data: { use: 'signing' } }],
    },
    {
      name: 'in --metadata',
      input: buildResponse(),
      options: { metadata: REPEATED },
      errors: [{ messageId: 'repeated', line: 3 }],
    },
  ],
});
