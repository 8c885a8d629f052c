import { IN015 } from '../../src/rules/in/IN015-saml-field-not-byte-exact.js';
import { NON_ASCII_SIGNED, toHar, toSamlTracer } from '../capture-fixtures.js';
import { ruleTester } from '../rule-tester.js';
import { SIGNED_BOTH, trusting } from '../sig-fixtures.js';

ruleTester(IN015, {
  valid: [
    {
      name: 'the current SAML-tracer decodes the POST as UTF-8: the copy verifies',
      input: toSamlTracer([{ xml: NON_ASCII_SIGNED }], { profile: 'mask' }),
      options: trusting('idp'),
    },
    {
      name: 'a legacy export with the posted value: verified on the exact bytes',
      input: toSamlTracer([{ xml: NON_ASCII_SIGNED }], { legacy: true }),
      options: trusting('idp'),
    },
    {
      name: 'an ASCII-only copy that was edited is SIG004’s',
      input: toSamlTracer([{ xml: SIGNED_BOTH.replace('>jane.doe@example.com<', '>raj.patel@example.com<') }], { profile: 'mask' }),
      options: trusting('idp'),
    },
    { name: 'a HAR file carries the posted value', input: toHar([{ xml: NON_ASCII_SIGNED }]), options: trusting('idp') },
  ],
  invalid: [
    {
      name: 'a legacy masked export: the Latin-1 copy breaks the Assertion’s digest',
      input: toSamlTracer([{ xml: NON_ASCII_SIGNED }], { profile: 'mask', legacy: true }),
      options: trusting('idp'),
      errors: [{ messageId: 'uncertain', data: { target: '`Assertion`' } }],
    },
    {
      name: 'without any trusted certificate too',
      input: toSamlTracer([{ xml: NON_ASCII_SIGNED }], { profile: 'remove', legacy: true }),
      errors: [{ messageId: 'uncertain' }],
    },
  ],
});
