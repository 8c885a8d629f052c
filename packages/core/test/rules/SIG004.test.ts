import { DEFAULTS } from '../../../../test-vectors/lib/response.mjs';
import { ATTACKER_SESSION_NAME, VICTIM_SESSION_NAME, damageSignatureValue, replaceOnce } from '../../../../test-vectors/lib/manipulate.mjs';
import { SIG004 } from '../../src/rules/sig/SIG004-digest-mismatch.js';
import { ruleTester } from '../rule-tester.js';
import { positionOf } from '../cx-fixtures.js';
import { SIGNED_ASSERTION, SIGNED_BOTH, trusting } from '../sig-fixtures.js';
import { NON_ASCII_SIGNED, toSamlTracer } from '../capture-fixtures.js';

const otherAgent = (xml: string) => replaceOnce(xml, `>${VICTIM_SESSION_NAME}<`, `>${ATTACKER_SESSION_NAME}<`);

ruleTester(SIG004, {
  valid: [
    { name: 'both signatures verify with the trusted certificate', input: SIGNED_BOTH, options: trusting('idp') },
    { name: 'intact, with no certificate trusted', input: SIGNED_ASSERTION },
    { name: 'a damaged SignatureValue is SIG005’s, not a digest mismatch', input: damageSignatureValue(SIGNED_ASSERTION), options: trusting('idp') },
    {
      name: 'a change outside the signed Assertion',
      input: replaceOnce(SIGNED_ASSERTION, `Destination="${DEFAULTS.destination}"`, 'Destination="https://signin.aws.amazon.com/saml"'),
    },
    {
      name: 'a mismatch on SAML-tracer’s Latin-1 decoded copy is IN015’s, not the IdP’s',
      input: toSamlTracer([{ xml: NON_ASCII_SIGNED }], { profile: 'mask', legacy: true }),
      options: trusting('idp'),
    },
  ],
  invalid: [
    {
      name: 'the RoleSessionName edited after signing',
      input: otherAgent(SIGNED_ASSERTION),
      options: trusting('idp'),
      errors: [{ messageId: 'changed', data: { target: '`Assertion`' }, ...positionOf(SIGNED_ASSERTION, '<ds:Signature') }],
    },
    {
      name: 'an edit inside the Assertion breaks both signatures',
      input: otherAgent(SIGNED_BOTH),
      options: trusting('idp'),
      errors: [
        { messageId: 'changed', data: { target: '`Response`' } },
        { messageId: 'changed', data: { target: '`Assertion`' } },
      ],
    },
    {
      name: 'an edit of the Response outside the Assertion breaks the Response’s signature only',
      input: replaceOnce(SIGNED_BOTH, `Destination="${DEFAULTS.destination}"`, 'Destination="https://signin.aws.amazon.com/saml"'),
      errors: [{ messageId: 'changed', data: { target: '`Response`' } }],
    },
    {
      name: 'a pretty-printer re-indented the signed Assertion',
      input: SIGNED_ASSERTION.replace('<saml:AuthnStatement', '\n    <saml:AuthnStatement'),
      errors: [{ messageId: 'changed' }],
    },
    {
      name: 'an edit of an ASCII-only response, read from SAML-tracer’s decoded copy',
      input: toSamlTracer([{ xml: otherAgent(SIGNED_ASSERTION) }], { profile: 'mask' }),
      options: trusting('idp'),
      errors: [{ messageId: 'changed', data: { target: '`Assertion`' } }],
    },
  ],
});
