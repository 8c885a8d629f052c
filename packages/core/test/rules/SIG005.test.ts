import { damageSignatureValue } from '../../../../test-vectors/lib/manipulate.mjs';
import { SIG005 } from '../../src/rules/sig/SIG005-signature-value-mismatch.js';
import { ruleTester } from '../rule-tester.js';
import { SIGNED_ASSERTION, SIGNED_BOTH, trusting, vector } from '../sig-fixtures.js';

const withoutKeyInfo = (xml: string) => xml.replace(/<ds:KeyInfo>[\s\S]*?<\/ds:KeyInfo>/g, '');

ruleTester(SIG005, {
  valid: [
    { name: 'verifies with the trusted certificate', input: SIGNED_BOTH, options: trusting('idp') },
    { name: 'verifies with its own KeyInfo when nothing is trusted', input: SIGNED_ASSERTION },
    {
      name: 'signed by a certificate no one trusts: SIG006 explains the rotation',
      input: vector('sig/certificate-rotated.xml'),
      options: trusting('idp'),
    },
    { name: 'damaged, but no key at all to check it with (SIG013)', input: withoutKeyInfo(damageSignatureValue(SIGNED_ASSERTION)) },
  ],
  invalid: [
    {
      name: 'a damaged SignatureValue, the trusted certificate in KeyInfo',
      input: damageSignatureValue(SIGNED_ASSERTION),
      options: trusting('idp'),
      errors: [{ messageId: 'untrusted', data: { target: '`Assertion`' } }],
    },
    {
      name: 'a damaged SignatureValue, nothing trusted',
      input: damageSignatureValue(SIGNED_ASSERTION),
      errors: [{ messageId: 'selfInconsistent', data: { target: '`Assertion`' } }],
    },
    {
      name: 'no KeyInfo, and the trusted certificate is not the signer',
      input: withoutKeyInfo(SIGNED_ASSERTION),
      options: trusting('rotated'),
      errors: [{ messageId: 'untrusted' }],
    },
  ],
});
